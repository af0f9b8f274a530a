/**
 * Whole `teikit` processes, as a user runs them (issue 11's targets, medians of BENCH_RUNS runs):
 * `--help` (≤ 0.15 s) and `--version`; a cold `convert` of the bundled edition, both files
 * (≤ 0.4 s); a cold `render --to epub` of its TEI (≤ 0.6 s) and `--to html`. Each process is
 * timed from spawn to exit; its CPU time (user + system) is given too, which a loaded machine
 * inflates less than wall time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Reports the process's own CPU time on file descriptor 3 as it exits (loaded with --import). */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const c = process.cpuUsage(); try { writeSync(3, String((c.user + c.system) / 1000)); } catch {} });",
)}`;

/** One process: wall time from spawn to exit, and the CPU time it reported. */
function timeProcess(ctx, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, join(ctx.root, 'dist/bundle/teikit.js'), ...args], {
    cwd: ctx.root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`teikit ${args.join(' ')}: exit ${r.status}: ${r.stderr.split('\n')[0]}`);
  return { ms, cpu: Number(r.output[3]) };
}

/** Medians of ctx.runs processes (after one to warm the file system cache, as any second run has). */
function medianProcess(ctx, args) {
  timeProcess(ctx, args);
  const runs = Array.from({ length: ctx.runs }, () => timeProcess(ctx, args));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpu)) };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export default async function processStage(ctx) {
  const ed = 'editions/identity-of-interests';
  const out = mkdtempSync(join(tmpdir(), 'teikit-bench-process-'));
  const tei = join(out, 'edition.xml');
  const rows = [];
  try {
    const bare = Array.from({ length: ctx.runs }, () => {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - t0;
    });
    rows.push({ stage: 'process: node -e 0 (Node start alone)', ms: median(bare), note: 'the floor under every process below' });
    rows.push({ stage: 'process: teikit --help', ...medianProcess(ctx, ['--help']), note: 'target ≤ 150 ms' });
    rows.push({ stage: 'process: teikit --version', ...medianProcess(ctx, ['--version']) });
    rows.push({ stage: 'process: teikit convert bundled edition (2 files)', ...medianProcess(ctx, ['convert', `${ed}/SU39.html`, `${ed}/identity-of-interests.md`, '-o', tei]), note: 'target ≤ 400 ms' });
    rows.push({ stage: 'process: teikit render --to epub (bundled edition)', ...medianProcess(ctx, ['render', tei, '--to', 'epub', '-o', join(out, 'e.epub'), '--assets', ed]), note: 'target ≤ 600 ms' });
    rows.push({ stage: 'process: teikit render --to html (bundled edition)', ...medianProcess(ctx, ['render', tei, '--to', 'html', '-o', join(out, 'e.html'), '--assets', ed]) });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}
