/**
 * `teikit batch`'s engine: every source of a collection converted alone, in a piscina pool of
 * worker threads (or in-process for jobs = 1), each file's outcome reported as it finishes and,
 * separately, in input order, so that what is printed does not depend on the number of jobs.
 */
import { join } from 'node:path';
import { compiledWorker, runPool } from '../util/pool.js';
import { convertOne, failure, type BatchFileResult, type BatchTask } from './convert-one.js';
import type { BatchSource } from './sources.js';

export { findSources, SOURCE_EXTENSIONS, type BatchSource } from './sources.js';
export type { BatchCounts, BatchFileResult, BatchStatus, BatchTask } from './convert-one.js';

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

/** The compiled worker of a batch: dist/batch/worker.js. */
export function defaultWorkerFile(): string {
  return compiledWorker(import.meta.url, 'batch', 'batch');
}

export function taskOf(source: BatchSource, outDir: string, cwd: string, strict = false): BatchTask {
  const base = join(outDir, source.stem);
  return { file: source.file, tei: `${base}.tei.xml`, report: `${base}.report.json`, cwd, ...(strict ? { strict } : {}) };
}

/** Convert every source; never throws for a file's sake: each outcome is in the result list. */
export async function runBatch(options: BatchOptions): Promise<BatchFileResult[]> {
  return runPool({
    tasks: options.sources.map((s) => taskOf(s, options.outDir, options.cwd, options.strict)),
    jobs: options.jobs,
    workerFile: () => options.workerFile ?? defaultWorkerFile(),
    local: convertOne,
    failed: (task, err) => failure(task.file, err),
    onSettled: options.onSettled,
    onResult: options.onResult,
  });
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
