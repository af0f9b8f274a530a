#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/stages/*.mjs against the built dist/ code and prints one table
 * of per-stage times (median of several runs), throughput and peak memory.
 *
 * A stage file: `export default async function (ctx) { return [{ stage, ms, bytes?, pages?, note? }] }`
 * ctx:
 *   root            repository root
 *   fixtures        test/fixtures
 *   runs            runs per measurement (BENCH_RUNS, default 5)
 *   dist(path)      import a module of dist/ (`await ctx.dist('tei/index.js')`)
 *   median(fn, n?)  run fn (sync or async) once to warm up, then n times; the median in ms
 *   files(dir, ext) every file under dir ending in ext, sorted
 * BENCH_STAGES=process,render runs only the stages named. Rows with `bytes` get MB/s, rows with `pages` (pages or files processed) get pages/s; `cpuMs`
 * (CPU time of a measured process) is shown in the note.
 *
 * Each stage runs in a Node process of its own (this file, forked with the stage's name), so that
 * a stage's figures do not depend on which stages ran before it in the process (their heap, the
 * state of V8's compiled code): run after the others in one process, the rendering stage's HTML
 * was 1.75 MB/s where alone it was 2.35 (not from the heap the others kept: 2 million objects
 * retained beside the renderer changed nothing measurable). The peak RSS is the stage's own.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

const ctx = {
  root,
  fixtures: join(root, 'test/fixtures'),
  runs,
  dist: (path) => import(pathToFileURL(join(root, 'dist', path)).href),
  async median(fn, n = runs) {
    await fn();
    const times = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const mid = Math.floor(times.length / 2);
    return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  },
  files(dir, ext) {
    const out = [];
    const walk = (d) => {
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(ext)) out.push(p);
      }
    };
    walk(dir);
    return out;
  },
};

const stageDir = join(root, 'bench/stages');

// A forked child: run the one stage named and send its rows back; the parent runs every stage.
const stageArg = process.argv.indexOf('--stage');
if (stageArg >= 0) await runOneStage(process.argv[stageArg + 1]);
else await runAllStages();

async function runOneStage(file) {
  let reply;
  try {
    const mod = await import(pathToFileURL(join(stageDir, file)).href);
    const result = await mod.default(ctx);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    reply = { rows: (result ?? []).map((row) => ({ file, rssMb, ...row })) };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  // exit once the reply is sent: sending is asynchronous
  process.send(reply, () => process.exit(0));
}

/** Run one stage file in a process of its own; its rows, or its failure. */
function runStage(file) {
  return new Promise((resolve) => {
    let reply;
    const child = fork(fileURLToPath(import.meta.url), ['--stage', file], { stdio: 'inherit' });
    child.on('message', (m) => (reply = m));
    child.on('exit', (code, signal) => resolve(reply ?? { error: `its process ended (${signal ? `signal ${signal}` : `exit code ${code}`}) before it reported` }));
  });
}

async function runAllStages() {
  // BENCH_STAGES=process,render runs only those stage files.
  const only = process.env.BENCH_STAGES?.split(',').map((s) => `${s.trim()}.mjs`);
  const stageFiles = readdirSync(stageDir).filter((f) => f.endsWith('.mjs') && (!only || only.includes(f))).sort();
  const rows = [];
  let failed = 0;
  let peakRssMb = 0;
  for (const file of stageFiles) {
    const reply = await runStage(file);
    if (reply.error) {
      failed++;
      console.error(`bench: ${file} failed: ${reply.error}`);
      continue;
    }
    for (const row of reply.rows) {
      rows.push(row);
      peakRssMb = Math.max(peakRssMb, row.rssMb);
    }
  }

  const fmt = (x, digits) => (x === undefined || !Number.isFinite(x) ? '' : x.toFixed(digits));
  const table = rows.map((r) => ({
    stage: r.stage,
    'median ms': fmt(r.ms, r.ms < 10 ? 2 : 1),
    'MB/s': r.bytes ? fmt(r.bytes / 1e6 / (r.ms / 1000), 2) : '',
    'pages/s': r.pages ? fmt(r.pages / (r.ms / 1000), 0) : '',
    'peak RSS MB': fmt(r.rssMb, 0),
    note: [r.cpuMs !== undefined ? `CPU ${r.cpuMs.toFixed(0)} ms` : '', r.note ?? ''].filter(Boolean).join('; '),
  }));
  const cols = ['stage', 'median ms', 'MB/s', 'pages/s', 'peak RSS MB', 'note'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...table.map((r) => String(r[c]).length))]));
  const line = (r) => cols.map((c, i) => (i === 0 || c === 'note' ? String(r[c]).padEnd(width[c]) : String(r[c]).padStart(width[c]))).join('  ').trimEnd();
  console.log(`teikit bench — node ${process.version}, ${runs} runs per measurement (median)`);
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  console.log(cols.map((c) => '-'.repeat(width[c])).join('  '));
  for (const r of table) console.log(line(r));
  console.log(`peak RSS of a stage's process: ${peakRssMb.toFixed(0)} MB (each stage runs in a process of its own)`);
  process.exitCode = failed > 0 ? 1 : 0;
}
