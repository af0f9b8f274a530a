/**
 * `teikit build`: every edition folder → out/<id>/ (TEI, report, renditions), deterministic; a
 * broken edition fails alone (exit 1, one line per problem) and leaves no files behind.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';
import { verifyBag } from '../src/deposit/bagit.js';
import { fixtures, repoRoot } from './support/tools.js';

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: process.stdin, cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}

/** editions/ with a CMPA-only edition `reprint` and, optionally, a broken one. */
function editionsRoot(withBroken: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'teikit-build-'));
  const good = join(root, 'editions/reprint');
  mkdirSync(good, { recursive: true });
  copyFileSync(join(repoRoot, 'editions/identity-of-interests/identity-of-interests.md'), join(good, 'identity-of-interests.md'));
  writeFileSync(join(good, 'edition.json'), JSON.stringify({
    id: 'reprint',
    title: 'The Identity of Interests between the Soviet Union and All Mankind',
    base: { file: 'identity-of-interests.md' },
    publication: { publisher: 'Test', licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, date: '2026-11-26' },
  }));
  if (withBroken) {
    const bad = join(root, 'editions/broken');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'edition.json'), JSON.stringify({ id: 'broken', base: { file: 'nothing.md' } }));
  }
  return root;
}

describe('teikit build', () => {
  it('builds every edition into out/<id>/, the same bytes twice', async () => {
    const root = editionsRoot(false);
    const first = await cli(['build', 'editions', '-o', 'out'], root);
    expect(first.lines.filter((l) => / error /.test(l))).toEqual([]);
    expect(first.code).toBe(0);
    const files = readdirSync(join(root, 'out/reprint')).sort();
    expect(files).toEqual(['reprint.epub', 'reprint.html', 'reprint.report.json', 'reprint.tei.xml', 'reprint.txt']);
    expect(first.stdout).toContain('out/reprint/reprint.tei.xml');
    const before = files.map((f) => readFileSync(join(root, 'out/reprint', f)));
    // --force builds again what the cache would skip: the same bytes.
    const second = await cli(['build', 'editions', '-o', 'out', '--force'], root);
    expect(second.code).toBe(0);
    files.forEach((f, i) => expect(readFileSync(join(root, 'out/reprint', f)).equals(before[i]!), f).toBe(true));
    const report = JSON.parse(readFileSync(join(root, 'out/reprint/reprint.report.json'), 'utf8'));
    expect(report.inputs[0].file).toBe('editions/reprint/identity-of-interests.md');
    // The deposit bag: every built file plus the source and the Dublin Core record, replaced whole
    // on the rebuild, and valid.
    expect(readdirSync(join(root, 'out/bags'))).toEqual(['reprint']);
    expect(readdirSync(join(root, 'out/bags/reprint/data')).sort()).toEqual([...files, 'metadata', 'sources'].sort());
    expect(readdirSync(join(root, 'out/bags/reprint/data/metadata'))).toEqual(['dc.xml']);
    expect(readdirSync(join(root, 'out/bags/reprint/data/sources'))).toEqual(['identity-of-interests.md']);
    expect(readFileSync(join(root, 'out/bags/reprint/data/reprint.tei.xml')).equals(before[files.indexOf('reprint.tei.xml')]!)).toBe(true);
    expect(second.stdout).toContain('out/bags/reprint/ (BagIt bag of 7 files with the sources, verified)');
    expect(await verifyBag(join(root, 'out/bags/reprint'))).toEqual([]);
    expect(readFileSync(join(root, 'out/bags/reprint/bag-info.txt'), 'utf8')).toContain('External-Identifier: reprint');
    // Without --force nothing has changed: the edition and the site are skipped.
    const third = await cli(['build', 'editions', '-o', 'out'], root);
    expect(third.code).toBe(0);
    expect(third.lines).toEqual(['teikit build: 1 of 1 work(s) unchanged, skipped; their 2 warning(s) (in their reports) are not printed again, but count for --max-warnings']);
    expect(third.stdout).toBe('out/site/index.html (catalogue of 1 work(s)), unchanged\nout/site/pagefind/ (search index of 6 print page(s)), unchanged\n');
  });

  it('puts the images a TEI names beside it and in its bag, and deposit bags them with a TEI file alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'teikit-build-img-'));
    mkdirSync(join(root, 'pages'));
    for (const f of ['CM47.html', 'M&E(225x224).GIF']) copyFileSync(join(fixtures, 'marx2mao/M&E', f), join(root, 'pages', f));
    const r = await cli(['build', 'pages', '-o', 'out', '--quiet'], root);
    expect(r.code, r.stderr).toBe(0);
    const gif = readFileSync(join(fixtures, 'marx2mao/M&E/M&E(225x224).GIF'));
    expect(readFileSync(join(root, 'out/CM47/CM47.tei.xml'), 'utf8')).toContain('<graphic url="M&amp;E(225x224).GIF"');
    expect(readFileSync(join(root, 'out/CM47/M&E(225x224).GIF'))).toEqual(gif);
    expect(readFileSync(join(root, 'out/bags/CM47/data/M&E(225x224).GIF'))).toEqual(gif);
    expect(await verifyBag(join(root, 'out/bags/CM47'))).toEqual([]);
    // the image changed: built again; the page names another image: the old one leaves out/ and the bag
    writeFileSync(join(root, 'pages', 'M&E(225x224).GIF'), Buffer.concat([gif, Buffer.from('changed')]));
    expect((await cli(['build', 'pages', '-o', 'out', '--quiet'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'out/CM47/M&E(225x224).GIF')).subarray(-7).toString()).toBe('changed');
    const page = readFileSync(join(root, 'pages/CM47.html'), 'latin1');
    writeFileSync(join(root, 'pages/CM47.html'), page.replaceAll('M&amp;E(225x224).GIF', 'other.gif'), 'latin1');
    copyFileSync(join(root, 'pages', 'M&E(225x224).GIF'), join(root, 'pages', 'other.gif'));
    expect((await cli(['build', 'pages', '-o', 'out', '--quiet'], root)).code).toBe(0);
    expect(readdirSync(join(root, 'out/CM47')).filter((f) => /\.gif$/i.test(f))).toEqual(['other.gif']);
    expect(readdirSync(join(root, 'out/bags/CM47/data')).filter((f) => /\.gif$/i.test(f))).toEqual(['other.gif']);
    writeFileSync(join(root, 'pages/CM47.html'), page, 'latin1');
    expect((await cli(['build', 'pages', '-o', 'out', '--quiet'], root)).code).toBe(0);
    // a TEI file alone, its image beside it
    mkdirSync(join(root, 'tei'));
    for (const f of ['CM47.tei.xml', 'M&E(225x224).GIF']) copyFileSync(join(root, 'out/CM47', f), join(root, 'tei', f));
    const d = await cli(['deposit', 'tei/CM47.tei.xml', '-o', 'bag', '--quiet'], root);
    expect(d.code, d.stderr).toBe(0);
    expect(readFileSync(join(root, 'bag/data/M&E(225x224).GIF')).subarray(-7).toString()).toBe('changed');
  }, 120_000);

  it('an edition source that is a symbolic link is hashed as its file: a change to it builds again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'teikit-build-link-'));
    mkdirSync(join(root, 'shared'));
    mkdirSync(join(root, 'eds/ed'), { recursive: true });
    copyFileSync(join(repoRoot, 'editions/identity-of-interests/identity-of-interests.md'), join(root, 'shared/ioi.md'));
    symlinkSync(join(root, 'shared/ioi.md'), join(root, 'eds/ed/ioi.md'));
    writeFileSync(join(root, 'eds/ed/edition.json'), JSON.stringify({
      id: 'ed', title: 'A work', base: { file: 'ioi.md' },
      publication: { publisher: 'Test', licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, date: '2026-11-26' },
    }));
    expect((await cli(['build', 'eds', '-o', 'out', '--quiet'], root)).code).toBe(0);
    writeFileSync(join(root, 'shared/ioi.md'), readFileSync(join(root, 'shared/ioi.md'), 'utf8').replace('Soviet Union', 'Soviet Republic'));
    const again = await cli(['build', 'eds', '-o', 'out'], root);
    expect(again.code).toBe(0);
    expect(again.stderr + again.stdout).not.toMatch(/unchanged, skipped/);
    expect(readFileSync(join(root, 'out/ed/ed.tei.xml'), 'utf8')).toContain('Soviet Republic');
  }, 60_000);

  it('never reads its own output as sources: `build . -o out` and `build pages -o pages/out` again and again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'teikit-build-self-'));
    for (const p of ['SU39', 'OSC53']) copyFileSync(join(fixtures, 'marx2mao/Mao', `${p}.html`), join(root, `${p}.html`));
    expect((await cli(['build', '.', '-o', 'out', '--quiet'], root)).code).toBe(0);
    // out/OSC53/OSC53.html is not a second OSC53, nor out/site/index.html a work
    const again = await cli(['build', '.', '-o', 'out'], root);
    expect(again.lines).toEqual(['teikit build: 2 of 2 work(s) unchanged, skipped']);
    expect(again.code).toBe(0);
    // the output folder below the folder searched
    const nested = mkdtempSync(join(tmpdir(), 'teikit-build-self-'));
    mkdirSync(join(nested, 'pages'));
    copyFileSync(join(fixtures, 'marx2mao/Mao/OSC53.html'), join(nested, 'pages/OSC53.html'));
    expect((await cli(['build', 'pages', '-o', 'pages/out', '--quiet'], nested)).code).toBe(0);
    const twice = await cli(['build', 'pages', '-o', 'pages/out'], nested);
    expect(twice.lines).toEqual(['teikit build: 1 of 1 work(s) unchanged, skipped']);
    expect(twice.code).toBe(0);
    // an input that is the output folder, or inside it, is refused before anything is read or written
    const outside = 'a build does not read what it writes as sources; name sources outside it, or choose another -o';
    const inside = await cli(['build', 'out/OSC53/OSC53.html', '-o', 'out'], root);
    expect([inside.code, inside.lines]).toEqual([2, [`teikit build: the input out/OSC53/OSC53.html is inside the output folder out (-o out): ${outside}`]]);
    const same = await cli(['build', '.', '-o', '.'], root);
    expect([same.code, same.lines]).toEqual([2, [`teikit build: the input . is the output folder (-o .): ${outside}`]]);
    expect(readdirSync(root).sort()).toEqual(['OSC53.html', 'SU39.html', 'out']);
  }, 120_000);

  it('an edition folder holding the output folder: its key leaves the output out, so a second run skips it', async () => {
    const root = editionsRoot(false);
    expect((await cli(['build', 'editions/reprint', '-o', 'editions/reprint/out', '--quiet'], root)).code).toBe(0);
    const again = await cli(['build', 'editions/reprint', '-o', 'editions/reprint/out'], root);
    expect(again.code).toBe(0);
    expect(again.lines).toEqual([expect.stringMatching(/^teikit build: 1 of 1 work\(s\) unchanged, skipped/)]);
    // the bag carries the edition's source, not the build's output
    expect(readdirSync(join(root, 'editions/reprint/out/bags/reprint/data/sources'))).toEqual(['identity-of-interests.md']);
  }, 60_000);

  it('--max-warnings counts the warnings of works skipped as unchanged: the same answer with --force or without', async () => {
    const root = mkdtempSync(join(tmpdir(), 'teikit-build-warn-'));
    cpSync(join(repoRoot, 'editions'), join(root, 'editions'), { recursive: true });
    const forced = await cli(['build', 'editions', '-o', 'out', '--force', '--max-warnings', '0'], root);
    expect(forced.code).toBe(1);
    expect(forced.lines).toContain('teikit build: 2 warning(s), more than --max-warnings 0');
    // the same two page-gap warnings, in the work's report: not printed again, still counted
    const report = JSON.parse(readFileSync(join(root, 'out/identity-of-interests/identity-of-interests.report.json'), 'utf8')) as { diagnostics: { severity: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(2);
    const cached = await cli(['build', 'editions', '-o', 'out', '--max-warnings', '0'], root);
    expect(cached.code).toBe(1);
    expect(cached.lines).toEqual([
      'teikit build: 1 of 1 work(s) unchanged, skipped; their 2 warning(s) (in their reports) are not printed again, but count for --max-warnings',
      'teikit build: 2 warning(s), more than --max-warnings 0 (2 of them not printed again: in the reports of works unchanged since their last build)',
    ]);
    expect((await cli(['build', 'editions', '-o', 'out', '--max-warnings', '2'], root)).code).toBe(0);
    const json = await cli(['build', 'editions', '-o', 'out', '--format', 'json'], root);
    expect((JSON.parse(json.stdout) as { skipped: unknown[] }).skipped).toEqual([expect.objectContaining({ id: 'identity-of-interests', warnings: 2 })]);
  }, 60_000);

  it('builds a work again when what it wrote is no longer there as written; the same bytes copied are still unchanged', async () => {
    const root = editionsRoot(false);
    const build = (out = 'out') => cli(['build', 'editions', '-o', out], root);
    const rebuilt = (r: Awaited<ReturnType<typeof build>>) => /^reprint: \d+ page breaks/m.test(r.stdout) && !r.lines.some((l) => /unchanged, skipped/.test(l));
    const skipped = (r: Awaited<ReturnType<typeof build>>) => !/^reprint: /m.test(r.stdout) && r.lines.some((l) => /^teikit build: 1 of 1 work\(s\) unchanged, skipped/.test(l));
    expect((await build()).code).toBe(0);
    const txt = join(root, 'out/reprint/reprint.txt');
    const text = readFileSync(txt);
    // the bag's sources removed (its manifests still list them)
    rmSync(join(root, 'out/bags/reprint/data/sources'), { recursive: true });
    const sources = await build();
    expect(rebuilt(sources), sources.stderr).toBe(true);
    expect(await verifyBag(join(root, 'out/bags/reprint'))).toEqual([]);
    // a rendition edited, its size kept
    const edited = Buffer.from(text);
    edited[edited.indexOf('Soviet')] = 's'.charCodeAt(0);
    writeFileSync(txt, edited);
    expect(rebuilt(await build())).toBe(true);
    expect(readFileSync(txt).equals(text)).toBe(true);
    // a file put into the bag, which the bag's manifests do not list
    writeFileSync(join(root, 'out/bags/reprint/data/notes.txt'), 'mine\n');
    expect(rebuilt(await build())).toBe(true);
    expect(existsSync(join(root, 'out/bags/reprint/data/notes.txt'))).toBe(false);
    expect(skipped(await build())).toBe(true);
    // copied elsewhere (every file newer than the cache entry): read once, found the same, skipped
    cpSync(join(root, 'out'), join(root, 'copy'), { recursive: true });
    expect(skipped(await build('copy'))).toBe(true);
    expect(skipped(await build('copy'))).toBe(true);
  }, 120_000);

  it('a broken edition fails alone: exit 1, its problems named, no files for it', async () => {
    const root = editionsRoot(true);
    const r = await cli(['build', 'editions', '-o', 'out'], root);
    expect(r.code).toBe(1);
    const file = 'editions/broken/edition.json';
    expect(r.lines).toEqual(expect.arrayContaining([
      `${file}:1:1: error invalid-edition: /title: required field is missing`,
      `${file}:1:1: error invalid-edition: /publication: required field is missing`,
      'teikit build: 1 of 2 edition(s) failed',
    ]));
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['.teikit', 'bags', 'reprint', 'site']);
    expect(readdirSync(join(root, 'out/bags'))).toEqual(['reprint']);
    // --quiet prints errors only: these are errors, and are printed (they were taken for messages)
    const quiet = await cli(['build', 'editions', '-o', 'out', '-q'], root);
    expect(quiet.code).toBe(1);
    expect(quiet.lines).toEqual(expect.arrayContaining([`${file}:1:1: error invalid-edition: /title: required field is missing`]));
  });

  it('exit 2 when there is no edition or the arguments are wrong', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'teikit-build-empty-'));
    const none = await cli(['build', '.', '-o', 'out'], empty);
    expect(none.code).toBe(2);
    expect(none.lines).toEqual(['.: no edition folder (a folder with an edition.json) or source file found']);
    const missing = await cli(['build', 'nowhere'], empty);
    expect(missing.code).toBe(2);
    expect(missing.lines).toHaveLength(1);
    expect(missing.lines[0]).toMatch(/^cannot read \S*nowhere: no such file or folder$/);
    const extra = await cli(['build', 'a', 'b'], empty);
    expect(extra.code).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
  });
});
