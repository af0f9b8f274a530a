/**
 * Loading a big CommonJS file (SaxonJS: 2.4 MB of JavaScript) with V8's code cache, so that a
 * second process does not compile it again: compiling SaxonJS was the largest single cost of a
 * cold `teikit render` (about 0.3 s). Node 20 has no module compile cache of its own
 * (module.enableCompileCache is Node 22), so the file is run through vm.Script with cachedData.
 *
 * The cache is kept in the user's cache folder ($XDG_CACHE_HOME/teikit or ~/.cache/teikit), never
 * in a shared temporary folder, named by the file's path and Node's version, then by the file's
 * size and time (V8's own check compares only the source's length: a changed file of the same
 * length must not meet its old code). One file per path and Node: writing a new cache removes that
 * one's older ones (and temporary files over an hour old), so reinstalling or upgrading does not
 * pile up 3 MB files. Where no cache can be written the file is simply compiled, as require would.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { makeDirs } from '../util/files.js';

/** The folder of teikit's code caches, or undefined when there is no home to keep it in. */
function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEIKIT_NO_CODE_CACHE && env.TEIKIT_NO_CODE_CACHE !== '0') return undefined;
  const base = env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : undefined);
  return base ? join(base, 'teikit') : undefined;
}

/** How each file was last loaded: from the cache, compiled (cache missing or stale), or with no cache. */
export const codeCacheUse = new Map<string, 'hit' | 'miss' | 'rejected' | 'off'>();

/** Imports an ES module for code run by requireCached, which cannot call import() itself. */
export type EsmImport = (specifier: string) => Promise<unknown>;

const noImport: EsmImport = (specifier) => Promise.reject(new Error(`${specifier}: this file was not given a way to import ES modules`));

/**
 * require(path) for a CommonJS file, compiled from the code cache when there is a good one. The
 * file may call `__teikitImport(specifier)` to import an ES module with `importEsm`: code run
 * through vm.Script cannot use import() without an experimental Node API, and libxml2-wasm can
 * only be imported (scripts/bundle-cli.mjs writes such calls into the commands it bundles).
 */
export function requireCached(path: string, importEsm: EsmImport = noImport): unknown {
  const dir = cacheDir();
  // Decoded as UTF-8 even where the file is ASCII: read as Latin-1 it loads 25 ms sooner, but V8
  // then runs SaxonJS's transforms at about two thirds of the speed (measured: EPUB 1.45 → 0.97 MB/s).
  const source = readFileSync(path, 'utf8');
  const stat = statSync(path);
  const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 16);
  // one cache per file and Node (two Node versions running one install keep one each)
  const ofPath = hash(`${path}\0${process.version}\0${process.arch}`);
  const cacheFile = dir ? join(dir, `${ofPath}-${hash(`${stat.size}\0${stat.mtimeMs}`)}.v8cache`) : undefined;
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname, __teikitImport) {${source}\n})`;
  const script = new Script(wrapper, { filename: path, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown, filename: path, id: path, loaded: false };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, createRequire(path), module, path, dirname(path), importEsm);
  module.loaded = true;
  codeCacheUse.set(path, !cacheFile ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit');
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // Written as the process ends, when the functions it ran are compiled and go into the cache too.
    process.once('exit', () => writeCache(cacheFile, script, ofPath));
  }
  return module.exports;
}

/** Older caches of the same path, and those of teikit before 0.1 named the cache by one hash of all. */
const STALE = (ofPath: string) => new RegExp(`^(?:${ofPath}-[0-9a-f]{16}|[0-9a-f]{16})\\.v8cache$`);

function writeCache(cacheFile: string, script: Script, ofPath: string): void {
  try {
    const dir = dirname(cacheFile);
    makeDirs(dir);
    // a worker thread shares its process's pid: the thread's id keeps two threads' files apart
    // (node:worker_threads loaded only here, on a miss: loading it costs every process 3 ms)
    const { threadId } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const tmp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
    const stale = STALE(ofPath);
    const hourAgo = Date.now() - 3_600_000;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (stale.test(name) && file !== cacheFile) rmSync(file, { force: true });
      // a temporary file a process that died while writing left behind
      else if (name.endsWith('.tmp') && (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo) rmSync(file, { force: true });
    }
  } catch {
    /* no cache: the next process compiles the file, as without one */
  }
}
