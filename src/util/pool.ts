/**
 * Tasks run in a piscina pool of worker threads (or in this thread for jobs = 1), each outcome
 * reported as it finishes (`onSettled`, for a progress bar) and, separately, in input order
 * (`onResult`), so that what is printed does not depend on the number of jobs. Shared by `teikit
 * batch` and the build pipeline.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../model/diagnostics.js';

/** V8's default stack for the main thread (--stack-size=984, in KB). */
const MAIN_THREAD_STACK_MB = 984 / 1024;

export interface PoolOptions<T, R> {
  tasks: T[];
  /** Worker threads; 1 runs every task in this thread with `local`, without a pool. */
  jobs: number;
  /** The compiled worker module (its default export runs one task); asked for only when a pool is made. */
  workerFile: () => string;
  local: (task: T) => Promise<R>;
  /** The outcome of a task whose code threw or whose thread died: never thrown further. */
  failed: (task: T, err: unknown) => R;
  onSettled?: (result: R, index: number) => void;
  onResult?: (result: R, index: number) => void;
}

export async function runPool<T, R>(o: PoolOptions<T, R>): Promise<R[]> {
  const results: (R | undefined)[] = new Array(o.tasks.length);
  let next = 0;
  const settle = (i: number, r: R) => {
    results[i] = r;
    o.onSettled?.(r, i);
    while (next < results.length && results[next] !== undefined) {
      o.onResult?.(results[next]!, next);
      next++;
    }
  };
  if (o.jobs <= 1 || o.tasks.length <= 1) {
    for (const [i, task] of o.tasks.entries()) settle(i, await o.local(task).catch((err: unknown) => o.failed(task, err)));
    return results as R[];
  }
  const threads = Math.min(o.jobs, o.tasks.length);
  // Loaded only when threads are wanted.
  const { Piscina } = await import('piscina');
  const pool = new Piscina<T, R>({
    filename: pathToFileURL(o.workerFile()).href,
    minThreads: threads,
    maxThreads: threads,
    // A worker thread gets a 4 MB stack by default, the main thread about 1 MB (V8's 984 KB): a
    // page nested too deeply for `teikit convert` (error too-deep) would then be read in a worker
    // and give another outcome. The same stack gives the same result with any --jobs.
    resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB },
  });
  try {
    // A task whose thread throws or dies is rejected alone; piscina starts a new thread for the rest.
    await Promise.all(o.tasks.map((task, i) => pool.run(task).then(
      (r) => settle(i, r),
      (err: unknown) => settle(i, o.failed(task, err)),
    )));
  } finally {
    await pool.destroy();
  }
  return results as R[];
}

/**
 * The compiled worker `dist/<folder>/worker.js` of the module at `moduleUrl`. From the TypeScript
 * sources (vitest, tsx) a worker thread cannot load worker.ts, so the compiled dist/ one is used;
 * it is missing only before `npm run build`, which is said plainly rather than failing in a thread.
 * From the bundled command (dist/bundle/), its bundled worker `<folder>-worker.js` beside it: a
 * thread then loads the bundle's few chunks and libxml2's WebAssembly file, about 0.1 s sooner.
 */
export function compiledWorker(moduleUrl: string, folder: string, command: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const bundled = join(here, `${folder}-worker.js`);
  if (basename(here) === 'bundle' && existsSync(bundled)) return bundled;
  // Two folders up from src/<folder>/, dist/<folder>/ and the bundled CLI's dist/bundle/ alike.
  const file = resolve(here, `../../dist/${folder}/worker.js`);
  if (!existsSync(file)) throw new UserError(`teikit ${command}: the worker ${file} is not built: run npm run build, or use --jobs 1`, 2);
  return file;
}

/**
 * `--jobs`: a whole number of at least 1; by default 1 below `parallelFrom` tasks (each worker
 * thread loads and warms up the readers and stylesheets on its own, which costs more than it saves
 * on a small collection), else the machine's parallelism.
 */
export function parseJobs(command: string, value: string | undefined, tasks: number, parallelFrom: number): number {
  if (value === undefined) return tasks < parallelFrom ? 1 : availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value)) throw new UserError(`teikit ${command}: --jobs must be a whole number of at least 1, not "${value}"`, 2);
  return Number(value);
}
