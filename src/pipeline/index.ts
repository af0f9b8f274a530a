/**
 * The build pipeline of the library: `buildCollection` finds the build units of its inputs
 * (edition folders, bare source files, folders of them), builds each (convert → validate → render
 * → bag, build-work.ts) in a pool of worker threads, skipping those whose inputs have not changed
 * since the last build (cache.ts), optionally only one shard of them (shard.ts); then, when the
 * whole collection is there (no shard), writes the static site of every work (src/site/). One
 * failing unit does not stop the others: it is reported through `onFailed` and counted. Progress
 * and diagnostics go through callbacks; `teikit build` only wraps this.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { UserError } from '../model/diagnostics.js';
import { writeFileAtomic } from '../util/files.js';
import { compiledWorker, runPool } from '../util/pool.js';
import { mapLimited } from '../util/map-limited.js';
import type { SearchIndexResult } from '../site/index.js';
import type { BuildWorkOptions, BuiltWork } from './build-work.js';
import { toolFingerprint, type CacheEntry } from './cache.js';
import { checkCache, failedUnit, runUnit, type UnitOutcome, type UnitTask } from './run-unit.js';
import { inShard, type Shard } from './shard.js';
import { findBuildUnits, unitId, unitName, type BuildUnit } from './units.js';
import { outputFolder } from './output-folder.js';
import type { WorkEntry } from './work-entry.js';

export { findBuildUnits, unitName };

/** Build one unit (build-work.ts), its code loaded on first use. */
export async function buildWork(unit: BuildUnit, opts: BuildWorkOptions): Promise<BuiltWork> {
  return (await import('./build-work.js')).buildWork(unit, opts);
}
export { parseShard, inShard, type Shard } from './shard.js';
export { summaryOf } from './run-unit.js';
export type { BuildUnit, BuiltWork, CacheEntry };
export type { WorkEntry } from './work-entry.js';

export interface BuildCallbacks {
  /** Once the units are found (and sliced to the shard): how many will be built or skipped. */
  onStart?: (total: number) => void;
  /** Each unit as it finishes, in completion order (a progress bar). */
  onSettled?: (unit: BuildUnit) => void;
  /** A diagnostic (warning, info) of a unit's conversion, in input order. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  onBuilt?: (work: BuiltWork, unit: BuildUnit) => void;
  /** A unit whose inputs have not changed since its last build: nothing written. */
  onSkipped?: (cached: CacheEntry, unit: BuildUnit) => void;
  /** A unit failed: the error's message names its file and position (or `internal error`). */
  onFailed?: (unit: BuildUnit, error: UserError) => void;
  /** A source found in a folder is not a work (a collection's index): refused, not failed. */
  onRefused?: (unit: BuildUnit, error: UserError) => void;
}

export interface BuildCollectionOptions extends BuildCallbacks {
  /** Output folder (relative to cwd or absolute); the site goes into `<outDir>/site/`. */
  outDir: string;
  cwd?: string;
  strict?: boolean;
  /** Worker threads (default 1: in this thread), and Pagefind processes indexing the search bundles at once. */
  jobs?: number;
  /** Use the threads only when at least this many units are to be built (default 0: always); each
   * thread loads and warms up the conversion code, which costs more than a few units take. */
  parallelFrom?: number;
  /** Build only this stable slice of the units, and no site: a run without a shard assembles it. */
  shard?: Shard;
  /** Build every unit and the site, whatever the cache says. */
  force?: boolean;
  /** Works per search bundle (default SEARCH_BUNDLE_WORKS, site/search.ts): a larger collection's
   * index is split into bundles indexed side by side, which the search page merges. */
  searchBundleWorks?: number;
  /** The compiled worker (default dist/pipeline/worker.js). */
  workerFile?: string;
}

export interface BuildCollectionResult {
  built: BuiltWork[];
  /** Units skipped because nothing they are made from has changed. */
  skipped: CacheEntry[];
  failed: { unit: BuildUnit; error: UserError }[];
  /** Sources found in a folder that are not works (a collection's index, a note about it), as
   * `teikit batch` refuses them: not failures. A file named as an input, or an edition folder,
   * that is not a work has failed. */
  refused: { unit: BuildUnit; error: UserError }[];
  /** Units of this run (of the shard, with one). */
  total: number;
  /** Files of the site, relative to the output folder (`site/index.html`, …); empty when not written. */
  site: string[];
  /** The site was already up to date: nothing of it written. */
  siteSkipped?: boolean;
  /** The Pagefind index (site/pagefind/), or why there is none: the site is written without search.
   * Absent when no work was built, or for a shard: then no site is written either. */
  search?: SearchIndexResult | { failed: string };
  /** Works in the catalogue (built and skipped). */
  works: number;
}

/** Units that would be written under an id an earlier unit has: failed before anything is built. */
function clashes(units: BuildUnit[], cwd: string): Map<number, string> {
  const claimed = new Set<string>();
  const out = new Map<number, string>();
  units.forEach((unit, i) => {
    const id = unitId(unit, cwd);
    if (id === undefined) return;
    if (claimed.has(id)) out.set(i, `${unitName(unit)}: another work of this build is already written as ${id}`);
    claimed.add(id);
  });
  return out;
}

/**
 * Build every unit of `inputs`. Throws UserError (exit 2) only when the inputs cannot be read or
 * name nothing to build; a unit's own failure is in `failed`.
 */
export async function buildCollection(inputs: string[], options: BuildCollectionOptions): Promise<BuildCollectionResult> {
  const cwd = options.cwd ?? process.cwd();
  const all = await findBuildUnits(inputs, cwd, options.outDir);
  const outputReal = outputFolder(options.outDir, cwd).real;
  const clashing = clashes(all, cwd);
  const units = options.shard ? all.filter((u) => inShard(unitName(u), options.shard!)) : all;
  options.onStart?.(units.length);
  const tasks: UnitTask[] = units.map((unit) => {
    const clash = clashing.get(all.indexOf(unit));
    return {
      unit, outDir: options.outDir, cwd, outputReal,
      ...(options.strict ? { strict: true } : {}), ...(options.force ? { force: true } : {}), ...(clash ? { clash } : {}),
    };
  });
  const built: BuiltWork[] = [];
  const skipped: CacheEntry[] = [];
  const failed: BuildCollectionResult['failed'] = [];
  const refused: BuildCollectionResult['refused'] = [];
  const entries: { entry: WorkEntry; hash: string }[] = [];
  const report = (outcome: UnitOutcome, unit: BuildUnit) => {
    if (outcome.status === 'failed') {
      const error = new UserError(outcome.message, outcome.exitCode, outcome.diagnostics);
      if (unit.kind === 'source' && unit.from === 'folder' && outcome.diagnostics.some((d) => d.code === 'not-a-work')) {
        refused.push({ unit, error });
        options.onRefused?.(unit, error);
        return;
      }
      failed.push({ unit, error });
      options.onFailed?.(unit, error);
      return;
    }
    entries.push({ entry: outcome.cached.entry, hash: outcome.cached.hash });
    if (outcome.status === 'skipped') {
      skipped.push(outcome.cached);
      options.onSkipped?.(outcome.cached, unit);
      return;
    }
    for (const d of outcome.work.diagnostics) options.onDiagnostic?.(d);
    built.push(outcome.work);
    options.onBuilt?.(outcome.work, unit);
  };
  // Outcomes in input order, reported as soon as they and all before them are known.
  const outcomes: (UnitOutcome | undefined)[] = new Array(tasks.length);
  let next = 0;
  const settle = (i: number, outcome: UnitOutcome) => {
    outcomes[i] = outcome;
    options.onSettled?.(units[i]!);
    while (next < outcomes.length && outcomes[next] !== undefined) report(outcomes[next]!, units[next++]!);
  };
  // Unchanged units are found here, without starting a thread or loading the conversion code.
  // file reads: not thousands of open files at once
  const checks = await mapLimited(tasks, 32, (t) => (t.clash ? Promise.resolve(undefined) : checkCache(t).catch(() => undefined)));
  const pending: { task: UnitTask & { hash?: string }; i: number }[] = [];
  tasks.forEach((task, i) => {
    const check = checks[i];
    if (check?.cached) settle(i, { status: 'skipped', cached: check.cached });
    else if (check?.failed) settle(i, check.failed);
    else pending.push({ task: { ...task, ...(check ? { hash: check.hash } : {}) }, i });
  });
  await runPool({
    tasks: pending.map((p) => p.task),
    jobs: pending.length >= (options.parallelFrom ?? 0) ? options.jobs ?? 1 : 1,
    workerFile: () => options.workerFile ?? compiledWorker(import.meta.url, 'pipeline', 'build'),
    local: runUnit,
    failed: (task, err) => failedUnit(task.unit, err),
    onSettled: (r, j) => settle(pending[j]!.i, r),
  });
  const result: BuildCollectionResult = { built, skipped, failed, refused, total: units.length, site: [], works: entries.length };
  if (options.shard || entries.length === 0) return result;
  return { ...result, ...(await assembleSite(entries, options.outDir, cwd, { force: options.force === true, jobs: options.jobs ?? 1, perBundle: options.searchBundleWorks })) };
}

interface SiteStamp {
  key: string;
  search: SearchIndexResult | { failed: string };
  site: string[];
}

/**
 * The site over every work, unless it was written from the very same works (the same entries of
 * the same inputs, by the same teikit) and is still there: then nothing is written.
 */
async function assembleSite(
  entries: { entry: WorkEntry; hash: string }[], outDir: string, cwd: string, opts: { force: boolean; jobs: number; perBundle?: number },
): Promise<Partial<BuildCollectionResult>> {
  const stampFile = resolve(cwd, outDir, '.teikit', 'site.json');
  const key = createHash('sha256').update(toolFingerprint()).update(JSON.stringify({ entries, perBundle: opts.perBundle ?? null })).digest('hex');
  const previous = await readFile(stampFile, 'utf8').then((t) => JSON.parse(t) as SiteStamp, () => undefined);
  if (!opts.force && previous?.key === key && existsSync(resolve(cwd, outDir, 'site', 'index.html'))) {
    return { site: [], siteSkipped: true, search: previous.search };
  }
  const works = entries.map((e) => e.entry);
  const { renditionReader, writeSearchIndex, writeSite } = await import('../site/index.js');
  // each rendition read and parsed once, for the search index and the work pages both
  const read = renditionReader(outDir, cwd, 2);
  // Search is an addition: without Pagefind (its binary missing for this platform) the site is
  // still whole, and says nothing of search. The index is built while the work pages are written.
  const searching = writeSearchIndex(works, outDir, cwd, read, opts.jobs, opts.perBundle).catch((err: unknown): { failed: string } => ({
    failed: err instanceof Error ? err.message : String(err),
  }));
  const site = await writeSite(works, outDir, cwd, searching.then((s) => ('failed' in s ? 0 : s.bundles ?? 1)), read);
  const search = await searching;
  const stamp: SiteStamp = { key, search, site };
  await writeFileAtomic(stampFile, `${JSON.stringify(stamp, null, 1)}\n`, join(outDir, '.teikit', 'site.json'));
  return { site, search };
}
