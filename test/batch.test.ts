/**
 * `teikit batch` on the real marx2mao sample (56 pages): every page converted alone in a worker
 * pool, non-works refused, failures isolated, outputs identical to `teikit convert` of each page
 * and independent of the number of jobs. Workers run the compiled dist/batch/worker.js (`npm test`
 * builds first); --jobs 1 runs the TypeScript sources in-process, so comparing the two also
 * catches a stale dist/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/run.js';
import { runBatch } from '../src/batch/index.js';
import { fixtures, repoRoot } from './support/tools.js';

async function cli(argv: string[], cwd = repoRoot) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: Readable.from([]), cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}
const DIAG = /^[^:\n]+:\d+:\d+: (error|warning|info) [a-z0-9]+(-[a-z0-9]+)*: .+$/;
const SUMMARY = /^(\d+) converted, (\d+) refused, (\d+) failed: (\d+) page breaks, (\d+) notes, (\d+) words, (\d+) unaccounted in (\d+) file\(s\) in \d+\.\d s$/;
const m2m = 'test/fixtures/marx2mao';
const REFUSED = ['Mao/Index.html', 'Other/HCPSU39NB.html', 'Stalin/NOTE.html'];

/** Every file under dir, relative to it, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `teikit-batch-${name}-`));
const sources = tree(join(fixtures, 'marx2mao')).filter((f) => f.endsWith('.html'));

describe('teikit batch over the 56 marx2mao pages', () => {
  let out2: string;
  let run2: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    out2 = tmp('j2');
    run2 = await cli(['batch', m2m, '-o', out2, '--jobs', '2', '--report', join(out2, '..', `${out2.split('/').pop()}.json`)]);
  });
  const summaryOf = () => JSON.parse(readFileSync(join(out2, '..', `${out2.split('/').pop()}.json`), 'utf8'));

  it('converts 53, refuses the 3 non-works, fails none: exit 0', () => {
    expect(sources).toHaveLength(56);
    expect(run2.code, run2.stderr).toBe(0);
    const last = run2.stdout.trimEnd().split('\n').pop()!;
    const m = SUMMARY.exec(last);
    expect(m, last).not.toBeNull();
    expect(m!.slice(1, 4).map(Number)).toEqual([53, 3, 0]);
    expect(run2.stdout.split('\n').filter((l) => l.startsWith('refused')))
      .toEqual(REFUSED.map((f) => `refused (not a work): ${m2m}/${f}`));
    for (const line of run2.lines) expect(line).toMatch(DIAG);
    for (const f of REFUSED) expect(run2.lines).toContainEqual(expect.stringMatching(new RegExp(`^${m2m}/${f.replace('.', '\\.')}:1:1: error not-a-work: `)));
  });

  it('writes each work at its path relative to the folder, nothing for a refused page', () => {
    const written = tree(out2);
    for (const src of sources) {
      const stem = src.replace(/\.html$/, '');
      const expected = REFUSED.includes(src) ? [] : [`${stem}.report.json`, `${stem}.tei.xml`];
      expect(written.filter((f) => f.startsWith(`${stem}.`)), src).toEqual(expected);
    }
    // Only TEI, reports and the images the works name; no temporary files left behind.
    expect(written.filter((f) => !/\.(tei\.xml|report\.json|GIF)$/.test(f))).toEqual([]);
    expect(written.filter((f) => f.endsWith('.tei.xml'))).toHaveLength(53);
  });

  it('gives each page the TEI and report `teikit convert` gives it alone, images carried', async () => {
    for (const page of ['Mao/SU39', 'M&E/CM47', 'Lenin/SR17']) {
      const alone = tmp('alone');
      const tei = join(alone, `${page}.tei.xml`);
      const report = join(alone, `${page}.report.json`);
      const r = await cli(['convert', `${m2m}/${page}.html`, '-o', tei, '--report', report]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(out2, `${page}.tei.xml`)).equals(readFileSync(tei)), page).toBe(true);
      expect(readFileSync(join(out2, `${page}.report.json`), 'utf8')).toBe(readFileSync(report, 'utf8'));
      // the batch prints the same diagnostics as convert, in the same order
      expect(run2.lines.filter((l) => l.startsWith(`${m2m}/${page}.html:`))).toEqual(r.lines);
    }
    const gif = 'M&E/M&E(225x224).GIF';
    expect(readFileSync(join(out2, gif)).equals(readFileSync(join(fixtures, 'marx2mao', gif)))).toBe(true);
    expect(readFileSync(join(out2, 'M&E/CM47.tei.xml'), 'utf8')).toContain('url="M&amp;E(225x224).GIF"');
  });

  it('--report: per-file status, outputs, counts; the totals are the sum of the per-file reports', () => {
    const s = summaryOf();
    expect(s.summary).toMatchObject({ converted: 53, refused: 3, failed: 0 });
    expect(s.files.map((f: { input: string }) => f.input)).toEqual(sources.map((f) => `${m2m}/${f}`));
    const totals = { pageBreaks: 0, notes: 0, words: 0, unaccounted: 0, filesWithUnaccounted: 0 };
    for (const f of s.files) {
      if (f.status === 'refused') {
        expect(REFUSED.map((x) => `${m2m}/${x}`)).toContain(f.input);
        expect([f.output, f.report, f.counts]).toEqual([null, null, null]);
        continue;
      }
      expect(f.status).toBe('converted');
      expect(f.ms).toBeGreaterThan(0);
      const report = JSON.parse(readFileSync(f.report, 'utf8'));
      expect(f.output).toBe(join(out2, relative(m2m, f.input).replace(/\.html$/, '.tei.xml')));
      expect(f.counts).toEqual({ pageBreaks: report.counts.pageBreaks, notes: report.counts.notes, words: report.counts.words, paragraphs: report.counts.paragraphs });
      expect(f.diagnostics).toBe(report.diagnostics.length);
      totals.pageBreaks += report.counts.pageBreaks;
      totals.notes += report.counts.notes;
      totals.words += report.counts.words;
      // the accounting's total per file is the one in the file's report
      expect(f.unaccounted).toBe(report.fidelity.unaccounted);
      totals.unaccounted += report.fidelity.unaccounted;
      if (report.fidelity.unaccounted > 0) totals.filesWithUnaccounted++;
    }
    expect(s.summary).toMatchObject(totals);
    const m = SUMMARY.exec(run2.stdout.trimEnd().split('\n').pop()!)!;
    expect(m.slice(4, 9).map(Number)).toEqual([totals.pageBreaks, totals.notes, totals.words, totals.unaccounted, totals.filesWithUnaccounted]);
    // and the files to look at are named
    for (const f of s.files.filter((x: { unaccounted: number | null }) => x.unaccounted)) expect(run2.stdout).toContain(`unaccounted: ${f.input}: ${f.unaccounted} item(s)\n`);
    // every per-page diagnostic line is in the log
    expect(run2.lines).toHaveLength(s.files.reduce((n: number, f: { diagnostics: number }) => n + f.diagnostics, 0));
  });

  it('--jobs 1 (in-process) writes the same files, byte for byte, and the same log', async () => {
    const out1 = tmp('j1');
    const run1 = await cli(['batch', m2m, '-o', out1, '--jobs', '1']);
    expect(run1.code).toBe(0);
    expect(tree(out1)).toEqual(tree(out2));
    for (const f of tree(out1)) expect(readFileSync(join(out1, f)).equals(readFileSync(join(out2, f))), f).toBe(true);
    expect(run1.stderr).toBe(run2.stderr);
    expect(run1.stdout.replace(/in \S+ s/, '')).toBe(run2.stdout.replace(/in \S+ s/, ''));
  });
});

describe('teikit batch: refusals, failures and crashes', () => {
  /** A folder with a good page, a Markdown file that is no CMPA reprint, and a page that cannot be read. */
  function mixedFolder(): string {
    const dir = tmp('mixed');
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    copyFileSync(join(fixtures, 'marx2mao/Mao/SU39.html'), join(dir, 'in/SU39.html'));
    copyFileSync(join(fixtures, 'marx2mao/Stalin/BG29.html'), join(dir, 'in/sub/BG29.htm'));
    // Not a CMPA reprint (no "## TITLE" heading): not a work, so refused, like a collection index.
    writeFileSync(join(dir, 'in/notes.md'), 'Some notes about the collection, in no particular form.\n');
    // Nested 20,000 deep: the reader cannot read it (error too-deep), a real failure.
    writeFileSync(join(dir, 'in/sub/deep.html'), `<html><body>${'<div>'.repeat(20000)}x${'</div>'.repeat(20000)}</body></html>`);
    writeFileSync(join(dir, 'in/readme.txt'), 'not a source: skipped by extension\n');
    return dir;
  }

  for (const jobs of ['1', '2']) {
    it(`a failing page does not stop the others; a non-CMPA .md is refused; exit 1 (--jobs ${jobs})`, async () => {
      const dir = mixedFolder();
      const r = await cli(['batch', 'in', '-o', 'out', '--jobs', jobs, '--report', 'summary.json'], dir);
      expect(r.code, r.stderr).toBe(1);
      expect(tree(join(dir, 'out'))).toEqual(['SU39.report.json', 'SU39.tei.xml', 'sub/BG29.report.json', 'sub/BG29.tei.xml']);
      expect(r.lines).toContain('in/sub/deep.html:1:1: error too-deep: the page nests its tags too deeply to be read');
      expect(r.lines).toContainEqual(expect.stringMatching(/^in\/notes\.md:1:1: error not-a-work: /));
      for (const line of r.lines) expect(line).toMatch(DIAG);
      const out = r.stdout.trimEnd().split('\n');
      expect(out.slice(0, -1)).toEqual(['refused (not a work): in/notes.md', 'failed: in/sub/deep.html']);
      expect(out.at(-1)).toMatch(/^2 converted, 1 refused, 1 failed: /);
      const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
      expect(s.files.map((f: { input: string; status: string }) => `${f.input} ${f.status}`)).toEqual([
        'in/SU39.html converted', 'in/notes.md refused', 'in/sub/BG29.htm converted', 'in/sub/deep.html failed',
      ]);
      expect(s.files[3].message).toBe('in/sub/deep.html:1:1: error too-deep: the page nests its tags too deeply to be read');
    });
  }

  it('a worker that throws or dies fails its file alone, in one line without a stack', async () => {
    const dir = mixedFolder();
    // A worker wrapping the real one that crashes on two named files: by an exception, and by
    // ending its thread outright (as an out-of-memory abort would).
    const real = join(repoRoot, 'dist/batch/worker.js');
    writeFileSync(join(dir, 'crashing-worker.mjs'), `
      import work from ${JSON.stringify(real)};
      export default async function (task) {
        if (task.file.endsWith('SU39.html')) throw new TypeError('boom\\n    at somewhere (x.js:1:1)');
        if (task.file.endsWith('BG29.htm')) process.exit(3);
        return work(task);
      }`);
    const settled: string[] = [];
    const results = await runBatch({
      sources: [
        { file: 'in/SU39.html', stem: 'SU39' },
        { file: 'in/sub/BG29.htm', stem: 'sub/BG29' },
        { file: 'in/notes.md', stem: 'notes' },
        { file: 'in/sub/deep.html', stem: 'sub/deep' },
        { file: join(fixtures, 'marx2mao/Mao/HP27.html'), stem: 'HP27' },
      ],
      outDir: 'out',
      cwd: dir,
      jobs: 2,
      workerFile: join(dir, 'crashing-worker.mjs'),
      onSettled: (r) => settled.push(r.input),
    });
    expect(settled).toHaveLength(5);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'refused', 'failed', 'converted']);
    expect(results[0]!.message).toBe('in/SU39.html: internal error: boom (please report this)');
    expect(results[1]!.message).toMatch(/^in\/sub\/BG29\.htm: internal error: .*exit.*\(please report this\)$/i);
    for (const r of results) for (const line of r.lines) expect(line).not.toContain('\n');
    expect(tree(join(dir, 'out'))).toEqual(['HP27.report.json', 'HP27.tei.xml']);
  });
});

describe('teikit batch: command line', () => {
  it('prints no progress bar when stderr is not a terminal: only diagnostic lines', () => {
    const dir = tmp('pipe');
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist/bundle/teikit.js'), 'batch', `${m2m}/Mao`, '-o', dir, '--jobs', '2'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(DIAG);
    expect(r.stdout).toMatch(/^refused \(not a work\): test\/fixtures\/marx2mao\/Mao\/Index\.html\n40 converted, 1 refused, 0 failed: \d+ page breaks, \d+ notes, \d+ words, 0 unaccounted in 0 file\(s\) in \d+\.\d s\n$/);
  });

  it('usage and I/O errors: exit 2, one line, nothing written', async () => {
    const dir = tmp('usage');
    const cases: [string[], RegExp][] = [
      [['batch', m2m], /-o <outdir> is required/],
      [['batch', '-o', dir], /no folder or file given/],
      [['batch', m2m, '-o', dir, '--jobs', '0'], /--jobs must be a whole number/],
      [['batch', m2m, '-o', dir, '--jobs', 'many'], /--jobs must be a whole number/],
      [['batch', 'no/such/folder', '-o', dir], /^cannot read no\/such\/folder: no such file or folder$/],
      [['batch', `${m2m}/Mao/SU39.html`, 'editions/identity-of-interests/SU39.html', '-o', dir], /would both be written as SU39\.tei\.xml/],
      [['batch', 'schema', '-o', dir], /no \.html, \.htm, \.md or \.markdown file in schema/],
      [['batch', m2m, '-o', dir, '--frobnicate'], /^teikit batch: unknown option --frobnicate \(see teikit batch --help\)$/],
      [['batch', m2m, '-o', dir, '--job', '2'], /^teikit batch: unknown option --job; did you mean --jobs\? \(see teikit batch --help\)$/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.lines, argv.join(' ')).toHaveLength(1);
      expect(r.lines[0]).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an output folder that cannot be made: exit 2', async () => {
    const dir = tmp('nowrite');
    writeFileSync(join(dir, 'file'), '');
    const r = await cli(['batch', `${m2m}/Mao/SU39.html`, '-o', join(dir, 'file/out')]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([`cannot write ${join(dir, 'file/out')}: a part of the path is a file, not a folder`]);
    expect(existsSync(join(dir, 'file/out'))).toBe(false);
  });
});
