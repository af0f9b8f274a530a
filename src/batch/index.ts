/**
 * `teikit batch`'s engine: every source of a collection converted alone, in a piscina pool of
 * worker threads (or in-process for jobs = 1), each file's outcome reported as it finishes and,
 * separately, in input order, so that what is printed does not depend on the number of jobs.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { UserError } from '../model/diagnostics.js';
import { convertOne, failure, type BatchFileResult, type BatchTask } from './convert-one.js';
import type { BatchSource } from './sources.js';

export { findSources, SOURCE_EXTENSIONS, type BatchSource } from './sources.js';
export type { BatchCounts, BatchFileResult, BatchStatus, BatchTask } from './convert-one.js';

/** V8's default stack for the main thread (--stack-size=984, in KB). */
const MAIN_THREAD_STACK_MB = 984 / 1024;

export interface BatchOptions {
  sources: BatchSource[];
  /** Output folder, as given (relative to cwd or absolute): output names are shown under it. */
  outDir: string;
  cwd: string;
  /** Worker threads; 1 converts in this thread, without a pool. */
  jobs: number;
  /** Called as each file finishes, in completion order (a progress bar). */
  onSettled?: (result: BatchFileResult) => void;
  /** Called for each file in input order, as soon as it and all before it have finished. */
  onResult?: (result: BatchFileResult, index: number) => void;
  /** Unaccounted items of the accounting fail their file. */
  strict?: boolean;
  /** The worker module (default: the compiled worker.js); tests give one that crashes. */
  workerFile?: string;
}

/**
 * The compiled worker beside this module: dist/batch/worker.js. From the TypeScript sources
 * (vitest, tsx) a worker thread cannot load worker.ts, so the compiled dist/ one is used; it is
 * missing only before `npm run build`, which is said plainly rather than failing in a thread.
 */
export function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts') ? resolve(dirname(here), '../../dist/batch/worker.js') : join(dirname(here), 'worker.js');
  if (!existsSync(file)) throw new UserError(`teikit batch: the worker ${file} is not built: run npm run build, or use --jobs 1`, 2);
  return file;
}

export function taskOf(source: BatchSource, outDir: string, cwd: string, strict = false): BatchTask {
  const base = join(outDir, source.stem);
  return { file: source.file, tei: `${base}.tei.xml`, report: `${base}.report.json`, cwd, ...(strict ? { strict } : {}) };
}

/** Convert every source; never throws for a file's sake: each outcome is in the result list. */
export async function runBatch(options: BatchOptions): Promise<BatchFileResult[]> {
  const tasks = options.sources.map((s) => taskOf(s, options.outDir, options.cwd, options.strict));
  const results: (BatchFileResult | undefined)[] = new Array(tasks.length);
  let next = 0;
  const settle = (i: number, r: BatchFileResult) => {
    results[i] = r;
    options.onSettled?.(r);
    while (next < results.length && results[next] !== undefined) {
      options.onResult?.(results[next]!, next);
      next++;
    }
  };

  if (options.jobs <= 1 || tasks.length <= 1) {
    for (const [i, task] of tasks.entries()) {
      settle(i, await convertOne(task).catch((err: unknown) => failure(task.file, err)));
    }
    return results as BatchFileResult[];
  }

  const threads = Math.min(options.jobs, tasks.length);
  const pool = new Piscina<BatchTask, BatchFileResult>({
    filename: pathToFileURL(options.workerFile ?? defaultWorkerFile()).href,
    minThreads: threads,
    maxThreads: threads,
    // A worker thread gets a 4 MB stack by default, the main thread about 1 MB (V8's 984 KB): a
    // page nested too deeply for `teikit convert` (error too-deep) would then be read in a worker
    // and give another outcome. The same stack gives the same result with any --jobs.
    resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB },
  });
  try {
    // A task whose thread throws or dies is rejected alone; piscina starts a new thread for the rest.
    await Promise.all(tasks.map((task, i) => pool.run(task).then(
      (r) => settle(i, r),
      (err: unknown) => settle(i, failure(task.file, err)),
    )));
  } finally {
    await pool.destroy();
  }
  return results as BatchFileResult[];
}

export interface BatchSummary {
  converted: number;
  refused: number;
  failed: number;
  pageBreaks: number;
  notes: number;
  words: number;
  /** Unaccounted items of all converted files, and how many files have any. */
  unaccounted: number;
  filesWithUnaccounted: number;
}

export function summarise(results: readonly BatchFileResult[]): BatchSummary {
  const s: BatchSummary = { converted: 0, refused: 0, failed: 0, pageBreaks: 0, notes: 0, words: 0, unaccounted: 0, filesWithUnaccounted: 0 };
  for (const r of results) {
    s[r.status]++;
    s.pageBreaks += r.counts?.pageBreaks ?? 0;
    s.notes += r.counts?.notes ?? 0;
    s.words += r.counts?.words ?? 0;
    s.unaccounted += r.unaccounted ?? 0;
    if (r.unaccounted) s.filesWithUnaccounted++;
  }
  return s;
}
