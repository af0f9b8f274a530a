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
 */
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
// BENCH_STAGES=process,render runs only those stage files.
const only = process.env.BENCH_STAGES?.split(',').map((s) => `${s.trim()}.mjs`);
const stageFiles = readdirSync(stageDir).filter((f) => f.endsWith('.mjs') && (!only || only.includes(f))).sort();
const rows = [];
let failed = 0;
for (const file of stageFiles) {
  try {
    const mod = await import(pathToFileURL(join(stageDir, file)).href);
    const result = await mod.default(ctx);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    for (const row of result ?? []) rows.push({ file, rssMb, ...row });
  } catch (err) {
    failed++;
    console.error(`bench: ${file} failed: ${err instanceof Error ? err.message : err}`);
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
console.log(`peak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
process.exitCode = failed > 0 ? 1 : 0;
