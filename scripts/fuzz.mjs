#!/usr/bin/env node
/**
 * `npm run fuzz -- [--count 100000] [--seed N] [--jobs N] [--limit-ms 5000]`: the long version of
 * test/fuzz.test.ts, over the built dist/ code. The mutants are those of the test (the same
 * seeded engine, test/support/fuzz.mjs), split over worker threads in contiguous index ranges.
 * Each worker reports every input as it finishes; a worker silent for longer than the time bound
 * is stuck on an input: it is stopped, the input counted as a hang, and a new worker takes the
 * rest of its range. (Within a worker, an input is a hang when it takes more than the limit in
 * CPU time; with several workers that is the whole process's CPU time, an upper bound.) Prints the same summary line as the test, and every problem with its seed
 * and index (rebuild one with `mutant(samples, seed, index)`), and each input the validation gate
 * refused (the user saw a clean refusal, but teikit had written invalid TEI: a bug). Exit 0 when
 * there is no problem (gate refusals are listed, not failures), else 1.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FUZZ_SAMPLES, newStats, runFuzz, summaryLine, tally } from '../test/support/fuzz.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const samples = () => FUZZ_SAMPLES.map((path) => ({ name: basename(path), bytes: readFileSync(join(root, path)) }));

async function work({ seed, start, count, limitMs }) {
  const { convertFiles } = await dist('convert.js');
  const { UserError } = await dist('model/diagnostics.js');
  const { validateTei } = await dist('validate/index.js');
  await runFuzz({
    samples: samples(),
    seed,
    start,
    count,
    limitMs,
    convert: (bytes, name) => convertFiles(['-'], { stdin: bytes, stdinName: name }),
    isRefusal: (err) => err instanceof UserError,
    firstError: async (tei, name) => {
      const d = (await validateTei(tei, `${name}.tei.xml`)).find((x) => x.severity === 'error');
      return d && `${d.file}:${d.line}:${d.column}: ${d.code}: ${d.message}`;
    },
    onReady: () => parentPort.postMessage({ ready: true }),
    onProblem: (line) => parentPort.postMessage({ problem: line }),
    onGateRefusal: (line) => parentPort.postMessage({ gate: line }),
    onDone: (index, outcome) => parentPort.postMessage({ index, outcome }),
  });
}

function options() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '20261204' },
      jobs: { type: 'string', default: '2' },
      'limit-ms': { type: 'string', default: '5000' },
    },
  });
  const o = { count: Number(values.count), seed: Number(values.seed), jobs: Number(values.jobs), limitMs: Number(values['limit-ms']) };
  if (!Object.values(o).every(Number.isInteger) || o.count < 1 || o.jobs < 1 || o.limitMs < 1) {
    console.error('fuzz: --count, --seed, --jobs and --limit-ms take whole numbers (count, jobs, limit at least 1)');
    process.exit(2);
  }
  return o;
}

async function main() {
  const { count, seed, jobs, limitMs } = options();
  const total = newStats();
  const problem = (line) => {
    total.problems.push(line);
    console.error(line);
  };
  const t0 = performance.now();
  // Stopped early (Ctrl-C, a time limit): the figures so far, said to be partial.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.log(`${summaryLine(total, (performance.now() - t0) / 1000)} (interrupted: ${total.mutations} of ${count})`);
      process.exit(total.problems.length > 0 ? 1 : 130);
    });
  }
  const progress = setInterval(() => {
    console.error(`fuzz: ${total.mutations}/${count} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }, 60_000);

  /** Indices [start, end) in one worker; an input that stops it is a hang or a crash, and the rest goes on. */
  const runRange = (start, end) => new Promise((resolve) => {
    if (start >= end) return resolve();
    let next = start;
    let over = false;
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, start, count: end - start, limitMs } });
    const giveUp = async (kind, why) => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      // the input it was on: a result that arrives while the thread is stopped is not counted too
      const stuck = next;
      await worker.terminate();
      // its range done, it was only slow to end: no input is stuck (counting one counted an input
      // past the range, three mutations of two)
      if (stuck >= end) return resolve();
      tally(total, stuck, { kind, ms: kind === 'hang' ? 2 * limitMs : 0, cpuMs: 0, hang: kind === 'hang' });
      problem(`${kind}: seed ${seed} #${stuck}: ${why}`);
      await runRange(stuck + 1, end);
      resolve();
    };
    // The hard bound: twice the per-input limit without a word from the worker (once it has
    // loaded teikit and converted each sample once: warming up is not an input's time).
    let timer;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void giveUp('hang', `no result after ${2 * limitMs} ms, worker stopped`), 2 * limitMs);
    };
    worker.on('message', (msg) => {
      if (over) return; // given up on: its last words are not counted
      if (msg.ready) watch();
      else if (msg.problem) problem(msg.problem);
      else if (msg.gate) {
        // refused cleanly (exit 1, nothing written), yet teikit wrote invalid TEI first: a bug to fix
        total.gateRefusals.push(msg.gate);
        console.error(msg.gate);
      }
      else {
        tally(total, msg.index, msg.outcome);
        next = msg.index + 1;
        // the last input's result: nothing more to wait for but the thread's end
        if (next < end) watch();
        else clearTimeout(timer);
      }
    });
    worker.on('error', (err) => void giveUp('crash', `the worker died: ${err instanceof Error ? err.message : String(err)}`));
    worker.on('exit', () => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      resolve();
    });
  });

  const share = Math.ceil(count / jobs);
  await Promise.all(Array.from({ length: jobs }, (_, k) => runRange(k * share, Math.min(count, (k + 1) * share))));
  clearInterval(progress);
  console.log(summaryLine(total, (performance.now() - t0) / 1000));
  process.exit(total.problems.length > 0 ? 1 : 0);
}

if (isMainThread) await main();
else await work(workerData);
