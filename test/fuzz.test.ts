/**
 * The fuzz harness (issue 8): 2,000 seeded mutations of sample sources (test/support/fuzz.mjs:
 * bytes flipped, files cut short, lines deleted, duplicated and swapped, page and note markers
 * duplicated or deleted, markup injected) through convertFiles, in-process. Every input must end
 * in a result or a clean refusal (a UserError: exit 1 or 2), within 5 s, and every result must be
 * TEI that teikit's validator accepts — checked here again, independently of the gate inside
 * convertFiles. The gate must not have had to refuse anything either: each refusal of it is a
 * writer bug that the repairs (src/tei/repair.ts) should have handled. `npm run fuzz` runs the
 * long version (scripts/fuzz.mjs).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { convertFiles } from '../src/convert.js';
import { UserError } from '../src/model/diagnostics.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { validateTei } from '../src/validate/index.js';
import { FUZZ_SAMPLES, mutant, runFuzz, summaryLine } from './support/fuzz.mjs';
import { repoRoot } from './support/tools.js';

const samples = FUZZ_SAMPLES.map((path: string) => ({ name: basename(path), bytes: readFileSync(join(repoRoot, path)) }));
const convert = (bytes: Uint8Array, name: string) => convertFiles(['-'], { stdin: bytes, stdinName: name });
const firstError = async (tei: string, name: string) => {
  const error = (await validateTei(tei, `${name}.tei.xml`)).find((d) => d.severity === 'error');
  return error && formatDiagnostic(error);
};

describe('fuzz: 2,000 mutated sources through the conversion', () => {
  it('the mutants are deterministic, varied and really mutated', () => {
    const a = mutant(samples, 1, 17);
    const b = mutant(samples, 1, 17);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(a.ops).toEqual(b.ops);
    const kinds = new Set<string>();
    let changed = 0;
    for (let i = 0; i < 200; i++) {
      const m = mutant(samples, 1, i);
      m.ops.forEach((op: string) => kinds.add(op));
      const original = samples.find((s: { name: string }) => s.name === m.name)!;
      if (Buffer.compare(original.bytes, m.bytes) !== 0) changed++;
    }
    expect(kinds.size).toBe(10);
    expect(changed).toBeGreaterThan(190);
  });

  it('0 crashes, 0 hangs, every accepted TEI valid, no refusal by the gate', async () => {
    const t0 = performance.now();
    const stats = await runFuzz({
      samples,
      seed: 20261204,
      count: 2000,
      convert,
      isRefusal: (err: unknown) => err instanceof UserError,
      firstError,
      limitMs: 5000,
    });
    console.log(summaryLine(stats, (performance.now() - t0) / 1000));
    expect(stats.problems).toEqual([]);
    expect(stats.mutations).toBe(2000);
    expect(stats.crashes + stats.hangs + stats.invalid).toBe(0);
    expect(stats.refusedInvalidTei).toBe(0);
    // Most mutants are still works: the harness exercises the writer, not only the refusals.
    expect(stats.accepted).toBeGreaterThan(1800);
  }, 180_000);
});

describe('npm run fuzz (scripts/fuzz.mjs, over dist/, in worker threads)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/fuzz.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
  const SUMMARY = /^fuzz: (\d+) mutations, (\d+) accepted \((\d+) invalid\), (\d+) refused \((\d+) by the validation gate\), (\d+) crashes, (\d+) hangs, max [\d.]+ ms \(#\d+\), [\d.]+ ms of CPU in [\d.]+ s$/m;

  it('prints the summary line, with the outcomes of the same mutants converted in-process', async () => {
    const r = run('--count', '20', '--seed', '20261204', '--jobs', '1');
    expect(r.status, r.stderr).toBe(0);
    const m = SUMMARY.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const here = await runFuzz({ samples, seed: 20261204, count: 20, convert, isRefusal: (err: unknown) => err instanceof UserError, firstError });
    expect(m!.slice(1, 8).map(Number)).toEqual([20, here.accepted, 0, here.refused, 0, 0, 0]);
  }, 120_000);

  it('a worker stuck on an input is stopped, the input counted as a hang, and the run goes on (exit 1)', () => {
    // A bound of 1 ms: no conversion fits, so the watchdog stops the thread on each input.
    const r = run('--count', '2', '--jobs', '1', '--limit-ms', '1');
    expect(r.status).toBe(1);
    const m = SUMMARY.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1])).toBe(2);
    // Under load the main thread's 2 ms timer can fire after a small input's result has arrived:
    // at least one input is a hang, and every hang is named on stderr.
    const hangs = Number(m![7]);
    expect(hangs).toBeGreaterThanOrEqual(1);
    // a hang is named by the watchdog ("no result after 2 ms, worker stopped") or, when the input
    // finished over its CPU limit first, by the worker ("took N ms of CPU"): each input once at least
    const named = new Set(
      r.stderr.split('\n').flatMap((l) => /^hang: seed 20261204 #([01])(?:: no result after 2 ms, worker stopped$| \S+ \[[a-z-]+\] took \d+ ms of CPU)/.exec(l)?.[1] ?? []),
    );
    expect(named.size).toBe(hangs);
  }, 120_000);
});
