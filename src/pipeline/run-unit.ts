/**
 * One unit of a collection build as a pool task: skipped when the cache says nothing it is made
 * from has changed, else built (build-work.ts) and its cache entry written. Runs in a worker
 * thread or in this thread (--jobs 1), so its task and outcome are plain, structured-cloneable
 * data, and it never throws: every outcome is a UnitOutcome.
 */
import { relative, resolve } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import type { BuiltWork } from './build-work.js';
import { cacheFile, readCache, unitHash, writeCache, type CacheEntry } from './cache.js';
import { recordWritten, stampAfter, stillAsWritten } from './intact.js';
import { outputFolder } from './output-folder.js';
import { unitName, type BuildUnit } from './units.js';

export interface UnitTask {
  unit: BuildUnit;
  outDir: string;
  cwd: string;
  strict?: boolean;
  /** Build even when the cache says nothing changed. */
  force?: boolean;
  /** Why the unit must not be built (another unit of the build is written under its id). */
  clash?: string;
  /** The output folder's real path (output-folder.ts), found once for the whole build. */
  outputReal?: string;
}

export type UnitOutcome =
  | { status: 'built'; work: BuiltWork; cached: CacheEntry }
  | { status: 'skipped'; cached: CacheEntry }
  /** `message` names the file and position (or says `internal error`); `exitCode` 1 or 2. */
  | { status: 'failed'; message: string; exitCode: number; diagnostics: Diagnostic[] };

/** The line that sums a built work up. */
export function summaryOf(work: BuiltWork): string {
  const { counts } = work.report;
  return `${work.entry.id}: ${counts.pageBreaks} page breaks, ${counts.paragraphs} paragraphs, ${counts.notes} notes, ${counts.words} words, ` +
    `${work.report.repairs.length} repairs, ${work.diagnostics.length} diagnostics, ${work.report.fidelity.unaccounted} unaccounted`;
}

/**
 * The unit's cache key, and its cache entry when that is of the same key and every file its build
 * wrote is still there as written (intact.ts): then the unit need not be built. Cheap (no
 * conversion code runs), so the build asks it in the main thread and sends only the units that
 * changed to the worker threads.
 */
export async function checkCache(task: UnitTask): Promise<{ hash: string; cached?: CacheEntry; failed?: UnitOutcome }> {
  const outAbs = resolve(task.cwd, task.outDir);
  const hash = await unitHash(task.unit, task.cwd, task.strict === true, task.outputReal ?? outputFolder(task.outDir, task.cwd).real);
  const cached = task.force ? undefined : await readCache(outAbs, task.unit);
  if (cached?.hash !== hash) return { hash };
  if ('failed' in cached) return { hash, failed: { status: 'failed', message: cached.failed.message, exitCode: 1, diagnostics: cached.failed.diagnostics } };
  // an entry of an earlier teikit, without the record of its files, is built again once
  if (!Array.isArray(cached.manifest) || typeof cached.warnings !== 'number') return { hash };
  return stillAsWritten(outAbs, workFolders(cached), cached.manifest, cacheFile(outAbs, task.unit)) ? { hash, cached } : { hash };
}

/** The folders a unit's build writes, relative to the output folder: out/<id>/ and its bag. */
function workFolders(cached: Pick<CacheEntry, 'entry' | 'bag'>): string[] {
  return [cached.entry.id, cached.bag.dir];
}

/** Skip or build one unit; `hash`: its cache key, when checkCache has found it changed. */
export async function runUnit(task: UnitTask & { hash?: string }): Promise<UnitOutcome> {
  const { unit, cwd } = task;
  const outAbs = resolve(cwd, task.outDir);
  if (task.clash) return { status: 'failed', message: task.clash, exitCode: 1, diagnostics: [] };
  let hash = task.hash;
  try {
    const check = hash !== undefined ? { hash } : await checkCache(task);
    hash = check.hash;
    if (check.cached) return { status: 'skipped', cached: check.cached };
    if (check.failed) return check.failed;
    // Loaded when a unit is to be built: a run that skips every unit never loads the conversion code.
    const { buildWork } = await import('./build-work.js');
    const work = await buildWork(unit, { outDir: task.outDir, cwd, strict: task.strict });
    // Relative to the output folder: shards built into other folders, then gathered, still match.
    const inOut = (f: string) => relative(outAbs, resolve(cwd, f)).split('\\').join('/');
    const bag = { dir: inOut(work.bag.dir), files: work.bag.files };
    // read back after the last write, before the entry is written
    const record = recordWritten(outAbs, workFolders({ entry: work.entry, bag }));
    const entry: CacheEntry = {
      hash, entry: work.entry, written: work.written.map(inOut), bag, summary: summaryOf(work),
      warnings: work.diagnostics.filter((d) => d.severity === 'warning').length,
      manifest: record.files,
    };
    await writeCache(outAbs, unit, entry);
    // the entry's ctime dates the record: later than every file's (intact.ts)
    stampAfter(cacheFile(outAbs, unit), record.newest);
    return { status: 'built', work, cached: entry };
  } catch (err) {
    const outcome = failedUnit(unit, err);
    // A page that is not a work (a collection's index) is refused the same way while it is
    // unchanged: kept. Other failures are not: they may be teikit's (invalid TEI) or the output's.
    if (hash !== undefined && err instanceof UserError && err.diagnostics.some((d) => d.code === 'not-a-work') && outcome.status === 'failed') {
      await writeCache(outAbs, unit, { hash, failed: { message: outcome.message, diagnostics: outcome.diagnostics } }).catch(() => undefined);
    }
    return outcome;
  }
}

/** A unit that could not be built: its error in one line (a bug: one line naming it, no stack). */
export function failedUnit(unit: BuildUnit, err: unknown): UnitOutcome {
  if (err instanceof UserError) return { status: 'failed', message: err.message, exitCode: err.exitCode, diagnostics: err.diagnostics };
  const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return { status: 'failed', message: `${unitName(unit)}: internal error: ${why} (please report this)`, exitCode: 1, diagnostics: [] };
}
