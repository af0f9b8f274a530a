import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Write a file so that it is either complete or absent: write a temporary sibling, then rename.
 * A crash or an error halfway leaves no half-written output behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw asWriteFailure(err, path);
  }
}

/**
 * A failed write names the file the user asked for (not its temporary sibling); mkdir -p says
 * EEXIST when a file stands where a folder of the path should be, which is ENOTDIR in plain words.
 */
function asWriteFailure(err: unknown, path: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string') return err;
  if (e.code === 'EEXIST' && e.syscall === 'mkdir') e.code = 'ENOTDIR';
  e.path = path;
  e.syscall = 'write';
  return e;
}
