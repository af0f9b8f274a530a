/**
 * `teikit build` over a collection: six sample pages and a source that is not a work, built in a
 * pool of two worker threads (the failing source fails alone); the same collection built as
 * `--shard 1/2` and `--shard 2/2` into two folders (two machines), gathered into one and
 * assembled by a run without --shard gives the same tree, byte for byte; a second run skips
 * everything and writes nothing. `--shard auto` reads the index and count of a CI matrix, a
 * Kubernetes indexed Job and a Slurm array.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';
import { inShard, parseShard } from '../src/pipeline/shard.js';
import { fixtures } from './support/tools.js';

const PAGES = ['CO47', 'CO48', 'MS48', 'OSC53', 'PP55', 'MFM39'];

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: process.stdin, cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}

/** Every file under `dir` (relative path → bytes), dot-folders included. */
function tree(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) for (const [k, v] of tree(dir, path)) out.set(k, v);
    else out.set(path, readFileSync(join(dir, path)));
  }
  return out;
}

let root = '';
let whole: Awaited<ReturnType<typeof cli>>;
// one build date for every run, as a CI matrix sets it: runs on either side of midnight compare
const epoch = process.env.SOURCE_DATE_EPOCH;
afterAll(() => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
});

beforeAll(async () => {
  process.env.SOURCE_DATE_EPOCH = '1764892800'; // 2025-12-05
  root = mkdtempSync(join(tmpdir(), 'teikit-shards-'));
  mkdirSync(join(root, 'pages'));
  for (const p of PAGES) copyFileSync(join(fixtures, 'marx2mao/Mao', `${p}.html`), join(root, 'pages', `${p}.html`));
  copyFileSync(join(fixtures, 'site/not-a-work.md'), join(root, 'pages/not-a-work.md'));
  whole = await cli(['build', 'pages', '-o', 'whole', '--jobs', '2'], root);
}, 300_000);

describe('teikit build: worker pool, shards, skipping what has not changed', () => {
  it('in a pool of two threads a page of the folder that is not a work is refused, as batch does: exit 0, the six works and the site built', () => {
    expect(whole.code).toBe(0);
    expect(whole.lines).toContain('pages/not-a-work.md:1:1: error not-a-work: no "## TITLE" heading: this is not a CMPA reprint of a work');
    expect(whole.lines.at(-1)).toBe('teikit build: 1 of 7 source(s) refused as not a work');
    expect(whole.stdout).toContain('refused (not a work): pages/not-a-work.md\n');
    expect(readdirSync(join(root, 'whole')).sort()).toEqual(['.teikit', ...PAGES, 'bags', 'site'].sort());
    // The works' lines come in input order whatever thread finished first.
    const order = [...whole.stdout.matchAll(/^(\w+): \d+ page breaks/gm)].map((m) => m[1]);
    expect(order).toEqual([...PAGES].sort());
    expect(whole.stdout).toContain('whole/site/index.html (catalogue of 6 work(s))\n');
    // the build date is SOURCE_DATE_EPOCH's, in the TEI (worker threads too) and in the bags
    for (const p of PAGES) expect(readFileSync(join(root, 'whole', p, `${p}.tei.xml`), 'utf8'), p).toContain('<date when="2025-12-05">2025-12-05</date>');
    expect(readFileSync(join(root, 'whole', 'bags', PAGES[0]!, 'bag-info.txt'), 'utf8')).toContain('Bagging-Date: 2025-12-05');
  });

  it('shard 1/2 and shard 2/2 built apart, gathered and assembled: the same tree as one run, byte for byte', async () => {
    const one = await cli(['build', 'pages', '-o', 'shard1', '--shard', '1/2', '--jobs', '1'], root);
    const two = await cli(['build', 'pages', '-o', 'shard2', '--shard', '2/2', '--jobs', '1'], root);
    const built = (r: typeof one) => [...r.stdout.matchAll(/^(\w+): \d+ page breaks/gm)].map((m) => m[1]!);
    // A stable split: every work in exactly one shard, both shards with work to do.
    expect([...built(one), ...built(two)].sort()).toEqual([...PAGES].sort());
    expect(built(one).length).toBeGreaterThan(0);
    expect(built(two).length).toBeGreaterThan(0);
    for (const [r, i] of [[one, 1], [two, 2]] as const) {
      expect(r.stdout).not.toContain('site/');
      expect(readdirSync(join(root, `shard${i}`))).not.toContain('site');
      expect(r.lines).toContain(`teikit build: shard ${i}/2: ${r.stdout.match(/page breaks/g)!.length + (r.lines.some((l) => l.includes('not-a-work')) ? 1 : 0)} work(s); no site (a run without --shard assembles it)`);
    }
    // Gathered as a CI job gathers its matrix's artifacts; the shards' own folders are gone.
    mkdirSync(join(root, 'gathered'));
    for (const i of [1, 2]) {
      cpSync(join(root, `shard${i}`), join(root, 'gathered'), { recursive: true });
      rmSync(join(root, `shard${i}`), { recursive: true });
    }
    const assemble = await cli(['build', 'pages', '-o', 'gathered'], root);
    expect(assemble.code).toBe(0); // the page that is not a work is refused again
    expect(assemble.lines).toContain('teikit build: 6 of 7 work(s) unchanged, skipped');
    expect(assemble.stdout).toBe('refused (not a work): pages/not-a-work.md\ngathered/site/index.html (catalogue of 6 work(s))\ngathered/site/pagefind/ (search index of 18 print page(s))\n');
    // The output folder's name is not in any file, so the trees compare as they are.
    const a = tree(join(root, 'whole'));
    const b = tree(join(root, 'gathered'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
    expect(a.size).toBeGreaterThan(PAGES.length * 12);
  }, 300_000);

  it('a second run skips every work and the site, and writes nothing', async () => {
    const before = new Map([...tree(join(root, 'whole')).keys()].map((f) => [f, statSync(join(root, 'whole', f)).mtimeMs]));
    const again = await cli(['build', 'pages', '-o', 'whole', '--jobs', '2'], root);
    expect(again.code).toBe(0);
    expect(again.lines).toEqual([
      'pages/not-a-work.md:1:1: error not-a-work: no "## TITLE" heading: this is not a CMPA reprint of a work',
      'teikit build: 6 of 7 work(s) unchanged, skipped',
      'teikit build: 1 of 7 source(s) refused as not a work',
    ]);
    expect(again.stdout).toBe('refused (not a work): pages/not-a-work.md\nwhole/site/index.html (catalogue of 6 work(s)), unchanged\nwhole/site/pagefind/ (search index of 18 print page(s)), unchanged\n');
    for (const [f, mtime] of before) expect(statSync(join(root, 'whole', f)).mtimeMs, f).toBe(mtime);
    // A changed source is built again, alone; the site follows.
    copyFileSync(join(fixtures, 'marx2mao/Mao/PP55.html'), join(root, 'pages/MS48.html'));
    const changed = await cli(['build', 'pages', '-o', 'whole'], root);
    expect(changed.lines).toContain('teikit build: 5 of 7 work(s) unchanged, skipped');
    expect([...changed.stdout.matchAll(/^(\w+): \d+ page breaks/gm)].map((m) => m[1])).toEqual(['MS48']);
    expect(changed.stdout).toContain('whole/site/index.html (catalogue of 6 work(s))\n');
  }, 300_000);
});

describe('--shard', () => {
  it('i/n, or auto from a CI matrix, a Kubernetes indexed Job or a Slurm array; anything else is a usage error', () => {
    expect(parseShard('2/3', {})).toEqual({ index: 2, count: 3 });
    expect(parseShard('auto', { TEIKIT_SHARD_INDEX: '3', TEIKIT_SHARD_COUNT: '4' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '0', TEIKIT_SHARD_COUNT: '4' })).toEqual({ index: 1, count: 4 });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ index: 3, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', 'x', '1/2/3']) expect(() => parseShard(bad, {}), bad).toThrow(/--shard must be i\/n/);
    expect(() => parseShard('auto', {})).toThrow(/no shard index and count in the environment/);
    // Every name in exactly one of n shards.
    const names = Array.from({ length: 200 }, (_, i) => `pages/w${i}.html`);
    for (const n of [1, 2, 5]) {
      const counts = Array.from({ length: n }, (_, i) => names.filter((x) => inShard(x, { index: i + 1, count: n })).length);
      expect(counts.reduce((a, b) => a + b)).toBe(200);
      for (const c of counts) expect(c).toBeGreaterThan(200 / n / 2);
    }
  });
});
