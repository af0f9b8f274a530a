import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ioFailure } from './io-errors.js';

/**
 * `mkdir -p` that cannot spin: Node's recursive mkdir loops for ever where a folder cannot be made
 * in a parent that exists but answers "no such file" (procfs: `-o /proc/x/out.xml` hung teikit at
 * full CPU). The missing folders are made one at a time, from the deepest that exists down, and the
 * first failure is thrown; a file where a folder of the path should be is ENOTDIR.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    let isDir: boolean;
    try {
      isDir = statSync(d).isDirectory();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(d);
      if (dirname(d) === d) break;
      continue;
    }
    if (!isDir) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${d}'`), { code: 'ENOTDIR', path: d, syscall: 'mkdir' });
    break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      // made meanwhile by another thread or process writing beside this one
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw err;
    }
  }
}

/**
 * Write a file so that it is either complete or absent: write a temporary sibling, then rename.
 * A crash or an error halfway leaves no half-written output behind. A file-system failure is an
 * exit-2 error in plain words naming `shown` (the path as the user gave it): "cannot write
 * out/x.epub: permission denied". The calls are synchronous (a build writes thousands of small
 * files from worker threads, where a thread-pool round trip per call cost more than the write);
 * the promise is kept for callers and for errors.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, shown = path): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    makeDirs(dirname(path));
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing to remove
    }
    throw ioFailure(err, 'write', shown);
  }
}

/**
 * Remove from folder `dir` every file whose path relative to it (with `/`) is not in `keep`, and
 * the folders left empty: a folder that is one build's output holds that build's files only.
 */
export function pruneExcept(dir: string, keep: ReadonlySet<string>, rel = ''): void {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      pruneExcept(dir, keep, path);
      if (readdirSync(join(dir, path)).length === 0) rmSync(join(dir, path), { recursive: true });
    } else if (!keep.has(path)) rmSync(join(dir, path), { force: true });
  }
}

/**
 * Copy the files of folder `from` into folder `to` (made when missing), subfolders included. A
 * symbolic link to a file is copied as that file; links to folders (which may loop), dangling
 * links and special files (a FIFO would block the copy) are left out. Synchronous: for the few
 * small files of a built edition, fs.cp's checks per file and a thread-pool round trip per call
 * cost more than the copy.
 */
export function copyTree(from: string, to: string): void {
  makeDirs(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) copyTree(source, join(to, entry.name));
    else if (entry.isFile() || (entry.isSymbolicLink() && linksToFile(source))) copyFileSync(source, join(to, entry.name));
  }
}

/** Whether a symbolic link leads to a file; a dangling link, a loop or one that cannot be followed does not. */
export function linksToFile(link: string): boolean {
  try {
    return statSync(link).isFile();
  } catch {
    return false;
  }
}

/**
 * The real path of an existing `path` when it is inside `folder` for real (a symbolic link on the
 * way must not lead out of it), else undefined. Images a TEI or source names are read only so.
 */
export function realPathInside(path: string, folder: string): string | undefined {
  const real = realpathSync(path);
  const root = realpathSync(folder);
  return real.startsWith(root.endsWith(sep) ? root : root + sep) ? real : undefined;
}

/** The real path of `path`, whose last parts may not exist yet: its nearest existing folder's, and the rest. */
export function realOfNearest(path: string): string {
  let existing = resolve(path);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync.native(existing), relative(existing, resolve(path)));
}

/** Whether `path` is `folder` or inside it (both absolute, compared as given: no links followed). */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
