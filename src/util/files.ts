import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ioFailure } from './io-errors.js';

/**
 * Write a file so that it is either complete or absent: write a temporary sibling, then rename.
 * A crash or an error halfway leaves no half-written output behind. A file-system failure is an
 * exit-2 error in plain words naming `shown` (the path as the user gave it): "cannot write
 * out/x.epub: permission denied".
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, shown = path): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      // mkdir -p meets a file where a folder of the path should be: say that, not "already exists"
      if (err.code === 'EEXIST') err.code = 'ENOTDIR';
      throw err;
    });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw ioFailure(err, 'write', shown);
  }
}
