/**
 * Is what a build wrote still there as written? A work whose inputs have not changed is skipped
 * only when its folder (out/<id>/) and its bag (out/bags/<id>/) hold the very files its build
 * wrote: a bag missing its sources, an edited rendition or a file dropped into the bag would
 * otherwise be published as "unchanged" for ever. The cache entry keeps each file's size and
 * SHA-256; the check must stay cheap (an unchanged collection of 570 works is checked in well
 * under a second), so it reads no file and lists no folder that has not changed:
 *   - every folder is there, and one changed since the cache entry was written (its ctime, which
 *     adding, removing or renaming an entry sets, not earlier than the entry's own) holds the same
 *     names: none missing, none added, each file a plain file (a listing costs some twenty times
 *     a stat, so folders untouched since are not listed);
 *   - every file is there with its size;
 *   - none changed since the cache entry was written: a file's ctime, which any write, rename or
 *     copy sets and nothing can set back, is earlier than the entry's.
 * A file changed since (the shards' folders copied into one, a `touch`) is read and its digest
 * compared; when every such file still has its bytes the work is intact, and the entry is stamped
 * again (its ctime moved on, its bytes kept) so that the next run need not read them.
 * The file system's clock moves in ticks (a few milliseconds; a second or two on some): a file
 * changed in the tick the entry was written has the entry's ctime, and passes for changed (read
 * again) rather than for unchanged. So that a fresh build is not read again for nothing, the
 * entry is stamped once more, after a tick, when it shares its tick with a file it records.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file a build wrote, relative to the output folder (`SU39/SU39.html`, `bags/SU39/bagit.txt`). */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Every file under `dirs` (relative to `outAbs`, `/`-separated), sorted; undefined when one is not a plain file or folder. */
function listFiles(outAbs: string, dirs: string[]): string[] | undefined {
  const out: string[] = [];
  const walk = (rel: string): boolean => {
    for (const e of readdirSync(join(outAbs, rel), { withFileTypes: true })) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!walk(path)) return false;
      } else if (e.isFile()) out.push(path);
      else return false; // a link or a special file is not what a build writes
    }
    return true;
  };
  for (const dir of dirs) if (!walk(dir)) return undefined;
  return out.sort();
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * What a build has just written under `dirs`: each file's size and digest (read back once), and
 * the latest ctime of those files and folders (for stampAfter).
 */
export function recordWritten(outAbs: string, dirs: string[]): { files: WrittenFile[]; newest: number } {
  let newest = 0;
  const files = (listFiles(outAbs, dirs) ?? []).map((path) => {
    const abs = join(outAbs, path);
    const info = statSync(abs);
    newest = Math.max(newest, info.ctimeMs, statSync(dirname(abs)).ctimeMs);
    return { path, bytes: info.size, sha256: sha256(abs) };
  });
  return { files, newest };
}

/** A tick of waiting: Atomics.wait on a word nobody changes sleeps without spinning. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const MAX_WAIT_MS = 20;

/**
 * Make the entry `stamp`'s ctime later than `newest`, waiting for the file system's clock to move
 * on (one tick, a few milliseconds; given up after 20 ms, where the clock is coarser: those files
 * are then read again by the next check, which is slower, not wrong).
 */
export function stampAfter(stamp: string, newest: number): void {
  try {
    for (let waited = 0; ; waited++) {
      const { atimeMs, mtimeMs, ctimeMs } = statSync(stamp);
      if (ctimeMs > newest || waited >= MAX_WAIT_MS) return;
      Atomics.wait(sleeper, 0, 0, 1);
      // setting a file's times, even to what they are, moves its ctime to now
      utimesSync(stamp, atimeMs / 1000, mtimeMs / 1000);
    }
  } catch {
    // a read-only output: the files are read again next time
  }
}

/** The entries each folder under `dirs` should hold, by folder (relative to the output folder). */
function expectedFolders(dirs: string[], recorded: readonly WrittenFile[]): Map<string, Map<string, 'file' | 'folder'>> | undefined {
  const folders = new Map(dirs.map((d) => [d, new Map<string, 'file' | 'folder'>()]));
  for (const { path } of recorded) {
    let folder = dirs.find((d) => path.startsWith(`${d}/`));
    if (folder === undefined) return undefined;
    const parts = path.slice(folder.length + 1).split('/');
    parts.forEach((name, i) => {
      const last = i === parts.length - 1;
      folders.get(folder!)!.set(name, last ? 'file' : 'folder');
      folder = `${folder}/${name}`;
      if (!last && !folders.has(folder)) folders.set(folder, new Map());
    });
  }
  return folders;
}

/**
 * Whether the files under `dirs` are still `recorded`, as the module's comment says; `stamp`: the
 * cache entry's file, whose ctime is the time of the record.
 */
export function stillAsWritten(outAbs: string, dirs: string[], recorded: readonly WrittenFile[], stamp: string): boolean {
  try {
    const since = statSync(stamp);
    const folders = expectedFolders(dirs, recorded);
    if (!folders) return false;
    /** The latest ctime of what was listed or read: changed since, and found the same. */
    let reread = 0;
    for (const [folder, names] of folders) {
      const info = statSync(join(outAbs, folder));
      if (!info.isDirectory()) return false;
      if (info.ctimeMs < since.ctimeMs) continue;
      reread = Math.max(reread, info.ctimeMs);
      const entries = readdirSync(join(outAbs, folder), { withFileTypes: true });
      if (entries.length !== names.size) return false;
      for (const e of entries) {
        const kind = names.get(e.name);
        if (kind === undefined || (kind === 'file' ? !e.isFile() : !e.isDirectory())) return false;
      }
    }
    for (const file of recorded) {
      const abs = join(outAbs, file.path);
      const now = statSync(abs);
      if (now.size !== file.bytes) return false;
      if (now.ctimeMs < since.ctimeMs) continue;
      if (sha256(abs) !== file.sha256) return false;
      reread = Math.max(reread, now.ctimeMs);
    }
    if (reread > 0) stampAfter(stamp, reread);
    return true;
  } catch {
    // a folder or file gone, or unreadable: built again, which says what is wrong if anything is
    return false;
  }
}
