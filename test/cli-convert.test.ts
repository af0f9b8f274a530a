/**
 * `teikit convert` in-process: exit codes, stderr lines `file:line:col severity code: message`,
 * outputs written whole or not at all.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/run.js';
import { schemaValidator } from '../src/edition/json-schema.js';
import { fixtures, repoRoot } from './support/tools.js';

async function cli(argv: string[], cwd = repoRoot, stdin: Readable = Readable.from([])) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin, cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}
const DIAG = /^[^:\n]+:\d+:\d+: (error|warning|info) [a-z0-9]+(-[a-z0-9]+)*: .+$/;
const su39 = 'editions/identity-of-interests/SU39.html';
const md = 'editions/identity-of-interests/identity-of-interests.md';

describe('teikit convert', () => {
  it('writes TEI to stdout by default, diagnostics to stderr in the unified format', async () => {
    const r = await cli(['convert', md]);
    expect(r.code).toBe(0);
    // the XML declaration, the xml-model processing instruction naming teikit's schema, the TEI
    expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<\?xml-model href="[^"]+\/schema\/teikit\.rng"[^>]*\?>\n<TEI xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0"/);
    expect(r.lines.length).toBeGreaterThan(0);
    for (const line of r.lines) expect(line).toMatch(DIAG);
    expect(r.lines.filter((l) => l.includes(' warning page-gap: ')).every((l) => l.startsWith(`${md}:`))).toBe(true);
  });

  it('writes -o and --report files; the report is valid and names the inputs as given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-'));
    const r = await cli(['convert', su39, md, '-o', join(dir, 'x.tei.xml'), '--report', join(dir, 'x.report.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'x.tei.xml'), 'utf8')).toContain('<pb n="283"');
    const report = JSON.parse(readFileSync(join(dir, 'x.report.json'), 'utf8'));
    const validate = schemaValidator('report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.inputs.map((i: { file: string }) => i.file)).toEqual([su39, md]);
    expect(report.edition).toBe('SU39');
    expect(readdirSync(dir).sort()).toEqual(['x.report.json', 'x.tei.xml']);
  });

  it('-o a folder (out/, made when missing, or one that exists) writes <id>.tei.xml into it, as render -o out/ writes <input name>.<format>; --report likewise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-folder-'));
    const page = join(fixtures, 'marx2mao/Mao/SU39.html');
    const slash = await cli(['convert', page, '-o', 'newdir/'], dir);
    expect(slash.code, slash.stderr).toBe(0);
    expect(statSync(join(dir, 'newdir')).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, 'newdir'))).toEqual(['SU39.tei.xml']);
    const tei = readFileSync(join(dir, 'newdir/SU39.tei.xml'), 'utf8');
    expect(tei).toBe((await cli(['convert', page], dir)).stdout);
    // a folder that exists, without the slash; the report into another, made with its parents
    const existing = await cli(['convert', page, '-o', 'newdir', '--report', 'reports/su39/'], dir);
    expect(existing.code, existing.stderr).toBe(0);
    expect(readdirSync(join(dir, 'newdir'))).toEqual(['SU39.tei.xml']);
    expect(JSON.parse(readFileSync(join(dir, 'reports/su39/SU39.report.json'), 'utf8')).edition).toBe('SU39');
    // both into one folder: two files, not one
    expect((await cli(['convert', page, '-o', 'both/', '--report', 'both/'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'both')).sort()).toEqual(['SU39.report.json', 'SU39.tei.xml']);
    // render reads -o the same way
    const render = await cli(['render', 'newdir/SU39.tei.xml', '--to', 'txt', '-o', 'texts/'], dir);
    expect(render.code, render.stderr).toBe(0);
    expect(readdirSync(join(dir, 'texts'))).toEqual(['SU39.txt']);
    expect(readdirSync(dir).sort()).toEqual(['both', 'newdir', 'reports', 'texts']);
  });

  it('resolves relative paths against its working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-cwd-'));
    copyFileSync(join(repoRoot, md), join(dir, 'reprint.md'));
    const r = await cli(['convert', 'reprint.md', '-o', 'out.xml'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out.xml'))).toBe(true);
    expect(r.lines.every((l) => l.startsWith('reprint.md:'))).toBe(true);
  });

  it('refuses a page that is not a work: exit 1, one line naming the file, no output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-nonwork-'));
    const index = join(fixtures, 'marx2mao/Mao/Index.html');
    const r = await cli(['convert', index, '-o', join(dir, 'out.xml'), '--report', join(dir, 'r.json')]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(DIAG);
    expect(r.lines[0]!.startsWith(`${index}:`)).toBe(true);
    expect(r.lines[0]).toContain(' error ');
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exit 2 with one line for usage and I/O errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-usage-'));
    writeFileSync(join(dir, 'notes.txt'), 'just some text\n');
    writeFileSync(join(dir, 'afile'), 'x');
    const cases: [string[], RegExp][] = [
      [['convert'], /no source file given/],
      [['convert', su39, '--frobnicate'], /--frobnicate/],
      [['convert', join(dir, 'missing.html')], /^cannot read \S*missing\.html: no such file or folder$/],
      [['convert', join(dir, 'notes.txt')], /notes\.txt: unknown source format/],
      [['convert', md, '--report', '-'], /cannot both go to standard output/],
      [['convert', md, '-o', join(dir, 'afile', 'out.xml')], /^cannot write \S*afile\/out\.xml: a part of the path is a file, not a folder$/],
      [['convert', su39, '--strcit'], /^teikit convert: unknown option --strcit; did you mean --strict\?/],
      [['convert', su39, '-o'], /^teikit convert: option -o needs a value/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      // One line for the error; a conversion that got as far as writing printed its warnings first.
      const [last, ...before] = [...r.lines].reverse();
      expect(last).toMatch(message);
      for (const line of before) expect(line).toMatch(DIAG);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(['afile', 'notes.txt']);
  });

  it('refuses one file for both the TEI and the report, before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-same-'));
    const out = join(dir, 'x.xml');
    const r = await cli(['convert', md, '-o', out, '--report', out]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([`teikit convert: the report ${out} is the TEI's output file too; give --report and -o different files`]);
    expect(existsSync(out)).toBe(false);
    const own = await cli(['convert', md, '-o', join(dir, 'y.xml'), '--report', md]);
    expect(own.lines).toEqual([`teikit convert: the output ${md} is the input ${md}; writing it would destroy the input (choose another --report)`]);
  });

  it.runIf(existsSync('/proc/self'))('fails with one line, never spins, where an output folder cannot be made (procfs)', async () => {
    const r = await cli(['convert', md, '-o', '/proc/teikit-none/x.tei.xml']);
    expect(r.code).toBe(2);
    // after the conversion's own warnings, the one error
    expect(r.lines.filter((l) => !DIAG.test(l))).toEqual(['cannot write /proc/teikit-none/x.tei.xml: no such file or folder']);
    const b = await cli(['batch', md, '-o', '/proc/teikit-none/out']);
    expect(b.code).toBe(2);
    expect(b.lines.filter((l) => !DIAG.test(l))).toEqual(['cannot write /proc/teikit-none/out: no such file or folder']);
  }, 20_000);

  it('refuses an output that is one of its inputs, before reading anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-own-'));
    writeFileSync(join(dir, 'own.md'), readFileSync(join(repoRoot, md)));
    const r = await cli(['convert', join(dir, 'own.md'), '-o', join(dir, 'own.md')]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([`teikit convert: the output ${join(dir, 'own.md')} is the input ${join(dir, 'own.md')}; writing it would destroy the input (choose another -o)`]);
    expect(readFileSync(join(dir, 'own.md'), 'utf8')).toBe(readFileSync(join(repoRoot, md), 'utf8'));
  });

  it('reads a source from standard input under the name --name gives', async () => {
    const r = await cli(['convert', '-', '--name', 'SU39.html'], repoRoot, Readable.from([readFileSync(join(repoRoot, su39))]));
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<pb /g)).toHaveLength(9);
    expect(r.stdout.match(/<ref type="noteref"/g)).toHaveLength(6);
    for (const line of r.lines) expect(line.startsWith('SU39.html:')).toBe(true);
    const twice = await cli(['convert', '-', '-'], repoRoot, Readable.from(['x']));
    expect(twice.code).toBe(2);
    expect(twice.lines).toEqual(['convert: standard input (-) can be read only once']);
  });

  it('writes both outputs or neither: no TEI is left when the report cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cli-pair-'));
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await cli(['convert', md, '-o', join(dir, 'x.tei.xml'), '--report', join(dir, 'afile', 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.lines.at(-1)).toMatch(/^cannot write \S*afile\/r\.json: a part of the path is a file, not a folder$/);
    expect(readdirSync(dir)).toEqual(['afile']);
  });

  it('prints its usage with --help', async () => {
    const r = await cli(['convert', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: teikit convert <source> \[<witness>\.\.\.\]/);
  });

  it('teikit help <command> is <command> --help for every command; a misspelt command gets the nearest one', async () => {
    for (const name of ['convert', 'batch', 'validate', 'render', 'build', 'deposit', 'verify']) {
      const viaHelp = await cli(['help', name]);
      const viaOption = await cli([name, '--help']);
      expect(viaHelp.code, name).toBe(0);
      expect(viaHelp.stdout, name).toMatch(new RegExp(`^Usage: teikit ${name}`));
      expect(viaHelp.stdout, name).toBe(viaOption.stdout);
    }
    const typo = await cli(['rendr', 'x.xml']);
    expect(typo.code).toBe(2);
    expect(typo.lines).toEqual(["teikit: unknown command 'rendr'; did you mean 'render'? (see teikit --help)"]);
  });
});

describe('teikit convert carries the images along', () => {
  it('copies the cover image beside the TEI, byte for byte, where graphic/@url points', async () => {
    const out = mkdtempSync(join(tmpdir(), 'teikit-img-'));
    const r = await cli(['convert', 'test/fixtures/marx2mao/M&E/CM47.html', '-o', join(out, 'CM47.tei.xml')]);
    expect(r.code).toBe(0);
    const tei = readFileSync(join(out, 'CM47.tei.xml'), 'utf8');
    const urls = [...tei.matchAll(/<graphic url="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(urls).toEqual(['M&E(225x224).GIF']);
    expect(readFileSync(join(out, urls[0]!)).equals(readFileSync(join(fixtures, 'marx2mao/M&E', urls[0]!)))).toBe(true);
  });

  it('warns, in stderr and in the report, about an image that is missing or outside the source folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-img-'));
    // LLL60 names L14(220x248).GIF, which the site itself lacks (an empty file in the corpus).
    const r = await cli(['convert', 'test/fixtures/marx2mao/Other/LLL60.html', '-o', join(dir, 'LLL60.tei.xml'), '--report', join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/LLL60\.html:\d+:\d+: warning image-missing: image "L14\(220x248\)\.GIF"/);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).diagnostics.map((d: { code: string }) => d.code)).toContain('image-missing');
    expect(readdirSync(dir).sort()).toEqual(['LLL60.tei.xml', 'r.json']);

    const page = readFileSync(join(repoRoot, su39), 'latin1').replace('<P><BR>\n\n<UL>', '<P><BR><IMG SRC="../../../../etc/passwd">\n\n<UL>');
    writeFileSync(join(dir, 'SU39.html'), page, 'latin1');
    const evil = await cli(['convert', join(dir, 'SU39.html'), '-o', join(dir, 'out/SU39.tei.xml')]);
    expect(evil.code).toBe(0);
    expect(evil.stderr).toMatch(/warning image-path-unsafe: image "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the source's folder/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['SU39.tei.xml']);
    // an address that cannot be decoded (a stray %) is a warning, never an internal error
    writeFileSync(join(dir, 'SU39.html'), page.replace('../../../../etc/passwd', '100%.gif'), 'latin1');
    const odd = await cli(['convert', join(dir, 'SU39.html'), '-o', join(dir, 'odd/SU39.tei.xml')]);
    expect(odd.code, odd.stderr).toBe(0);
    expect(odd.stderr).toMatch(/warning image-path-unsafe: image "100%\.gif" is not a path that can be read \(a broken %-escape\)/);
    // a web address is named as one: never fetched, and not "outside the folder"
    writeFileSync(join(dir, 'SU39.html'), page.replace('../../../../etc/passwd', 'http://example.org/x.gif'), 'latin1');
    const remote = await cli(['convert', join(dir, 'SU39.html'), '-o', join(dir, 'remote/SU39.tei.xml')]);
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stderr).toMatch(/warning image-remote: image "http:\/\/example\.org\/x\.gif" is a web address, not a file beside the source: not fetched nor copied/);
    expect(readdirSync(join(dir, 'remote'))).toEqual(['SU39.tei.xml']);
    // a symbolic link in the source's folder that leads out of it is not followed
    symlinkSync(join(fixtures, 'marx2mao/M&E'), join(dir, 'pics'));
    writeFileSync(join(dir, 'SU39.html'), page.replace('../../../../etc/passwd', 'pics/M&amp;E(225x224).GIF'), 'latin1');
    const linked = await cli(['convert', join(dir, 'SU39.html'), '-o', join(dir, 'linked/SU39.tei.xml')]);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stderr).toMatch(/warning image-path-unsafe: image "pics\/M&E\(225x224\)\.GIF"/);
    expect(readdirSync(join(dir, 'linked'))).toEqual(['SU39.tei.xml']);
  });
});
