/**
 * `teikit validate` in-process (runCli) and once as a real process: output format, exit codes
 * (0 valid, 1 invalid, 2 usage or I/O error), --format json, --schema, standard input.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { dublinCore } from '../src/deposit/dublin-core.js';
import { fixtures, repoRoot } from './support/tools.js';

const sample = join(fixtures, 'tei/house-sample.tei.xml');
const invalid = (name: string) => join(fixtures, 'invalid', name);

async function cli(args: string[], stdin = '', stderrIsTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['validate', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: Readable.from([Buffer.from(stdin)]),
    cwd: repoRoot,
    stderrIsTTY,
  });
  return { code, stdout, stderr };
}

describe('teikit validate', () => {
  it('exits 0 on a valid file and prints no diagnostics', async () => {
    const r = await cli([sample]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('1 of 1 file(s) valid\n');
  });

  it('checks every *.xml of a folder (subfolders too, hidden ones not), in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-validate-dir-'));
    writeFileSync(join(dir, 'b.tei.xml'), readFileSync(sample));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.xml'), readFileSync(invalid('noteref-no-hash.tei.xml')));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'x.xml'), 'not xml');
    writeFileSync(join(dir, 'notes.txt'), 'not xml');
    const r = await cli([dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'sub', 'a.xml')}:75:48: error noteref-without-note: `);
    expect(r.stderr.split('\n').filter(Boolean).at(-1)).toBe('1 of 2 file(s) valid, 1 invalid');
  });

  it('leaves out of a folder the XML files that are not TEI (a bag\'s Dublin Core record), and says so; a TEI in no namespace is still checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-validate-other-'));
    writeFileSync(join(dir, 'a.tei.xml'), readFileSync(sample));
    mkdirSync(join(dir, 'metadata'));
    // the record teikit's bags carry (data/metadata/dc.xml), made from the sample as deposit makes it
    const dc = dublinCore(readFileSync(sample, 'utf8'), sample).xml;
    expect(dc).toMatch(/<oai_dc:dc /);
    writeFileSync(join(dir, 'metadata', 'dc.xml'), dc);
    const r = await cli([dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`teikit validate: 1 XML file(s) in the folder(s) given are not TEI and were left out (${join(dir, 'metadata', 'dc.xml')})\n1 of 1 file(s) valid\n`);
    // named on its own, it is checked, and refused
    expect((await cli([join(dir, 'metadata', 'dc.xml')])).code).toBe(1);
    // a TEI document element without its namespace is TEI gone wrong: checked, and refused
    writeFileSync(join(dir, 'b.xml'), readFileSync(sample, 'utf8').replace(' xmlns="http://www.tei-c.org/ns/1.0"', ''));
    const wrong = await cli([dir]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(`${join(dir, 'b.xml')}:`);
    // a folder of other XML only: nothing to check, a usage error
    const none = mkdtempSync(join(tmpdir(), 'teikit-validate-none-'));
    writeFileSync(join(none, 'dc.xml'), dc);
    const empty = await cli([none]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(`teikit validate: no TEI file in ${none} (1 XML file(s), none of them TEI)\n`);
  });

  it('exits 1 and prints file:line:col severity code: message for an invalid file', async () => {
    const r = await cli([sample, invalid('pb-out-of-order.tei.xml')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+pb-out-of-order\.tei\.xml:82:9: error page-order: <pb n="277" edRef="#flp"> comes after page 278/);
    expect(r.stderr).toMatch(/1 of 2 file\(s\) valid, 1 invalid/);
  });

  it('stops at the first stage that fails: a not-well-formed file gets one error, no schema noise', async () => {
    const r = await cli([invalid('wf-mismatched-tag.tei.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/:72:\d+: error mismatched-tag: closing tag <\/hed> does not match the open element <head> \(opened at line 72\): expected <\/head>$/),
    ]);
  });

  it('--format json gives every file with its validity and diagnostics', async () => {
    const r = await cli(['--format', 'json', sample, invalid('note-unreferenced.tei.xml')]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.schema).toBe('teikit');
    expect(out.files).toHaveLength(2);
    expect(out.files[0]).toMatchObject({ valid: true, diagnostics: [] });
    expect(out.files[1].valid).toBe(false);
    expect(out.files[1].diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'note-unreferenced', line: 83, column: 9 }),
    ]);
  });

  it('reads standard input for -', async () => {
    const r = await cli(['-'], readFileSync(invalid('noteref-without-note.tei.xml'), 'utf8'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:75:\d+: error noteref-without-note: /);
  });

  it('validates against a user schema given as a path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-validate-'));
    const rng = join(dir, 'only-p.rng');
    writeFileSync(rng, '<element name="p" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>');
    writeFileSync(join(dir, 'ok.xml'), '<p>fine</p>');
    writeFileSync(join(dir, 'bad.xml'), '<q>not p</q>');
    expect((await cli(['--schema', rng, join(dir, 'ok.xml')])).code).toBe(0);
    const bad = await cli(['--schema', rng, join(dir, 'bad.xml')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.xml:1:1: error \S+: /);
  });

  it('says on a terminal, and only there, that a schema other than teikit\'s is compiling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-validate-'));
    const rng = join(dir, 'only-p.rng');
    writeFileSync(rng, '<element name="p" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>');
    writeFileSync(join(dir, 'a.xml'), '<p>a</p>');
    writeFileSync(join(dir, 'b.xml'), '<p>b</p>');
    const tty = await cli(['--schema', rng, join(dir, 'a.xml'), join(dir, 'b.xml')], '', true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toBe(`teikit validate: compiling the RELAX NG schema ${rng}...\n2 of 2 file(s) valid\n`);
    const piped = await cli(['--schema', rng, join(dir, 'a.xml')]);
    expect(piped.stderr).toBe('1 of 1 file(s) valid\n');
    const own = await cli([sample], '', true);
    expect(own.stderr).toBe('1 of 1 file(s) valid\n');
  });

  it.each([
    [[], /no file given/],
    [['--format', 'xml', sample], /--format must be text or json/],
    [['--bogus', sample], /^teikit validate: unknown option --bogus \(see teikit validate --help\)\n$/],
    [['--shema', 'tei_all', sample], /unknown option --shema; did you mean --schema\?/],
    [['no-such-file.xml'], /cannot read no-such-file\.xml: no such file/],
    [['--schema', 'no-such.rng', sample], /cannot read schema .*no-such\.rng/],
    [['--schema', sample, sample], /house-sample\.tei\.xml: not a usable RELAX NG schema: /], // no line -1
  ])('exits 2 with one line on usage or I/O errors: %j', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 0 on the TEI written from SU39.html', async () => {
    const html = join(fixtures, 'marx2mao/Mao/SU39.html');
    const read = readMarx2mao(readFileSync(html), html);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-su39-')), 'SU39.tei.xml');
    writeFileSync(file, writeTei(read.edition, { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' }));
    const r = await cli([file]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('--schema tei_all validates with libxml2 too (compiled once for both files)', async () => {
    const r = await cli(['--schema', 'tei_all', sample, invalid('ns-wrong.tei.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/ns-wrong\.tei\.xml:2:1: error wrong-namespace: <TEI> is in the namespace http:\/\/www\.tei-c\.org\/ns\/2\.0: a TEI P5 document has xmlns=/),
    ]);
  }, 180_000);

  it('--max-messages caps the messages of a file with "… and N more"; the house schema says it is the house schema', async () => {
    const foreign = join(fixtures, 'tei-other/untitled.xml');
    const all = await cli(['--max-messages', '0', foreign]);
    const total = all.stdout.trim().split('\n').length;
    expect(total).toBeGreaterThan(3);
    const capped = await cli(['--max-messages', '2', foreign]);
    expect(capped.code).toBe(1);
    const lines = capped.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`${foreign}: … and ${total - 2} more message(s) (--max-messages 0 shows all)`);
    expect(capped.stderr).toMatch(/checked against teikit's house schema and rules; --schema tei_all checks TEI P5 alone/);
    expect(all.stdout).toMatch(/\[teikit house rule: house\]$/m);
  });

  it.each([
    [['--rules', 'ids,nonsense', sample], /--rules: unknown rule "nonsense" \(known: all, none, house, ids, pointers, pages, notes, pagerefs, breaks, ranges, hyphenation, dates\)/],
    [['--max-messages', 'lots', sample], /--max-messages wants a whole number, not "lots"/],
  ])('exits 2 on a bad --rules or --max-messages: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--rules runs the named house rules alone: pages finds the page order, ids does not', async () => {
    const file = invalid('pb-out-of-order.tei.xml');
    const pages = await cli(['--rules', 'pages', file]);
    expect(pages.stdout).toMatch(/error page-order: .*\[teikit house rule: pages\]$/m);
    const ids = await cli(['--rules', 'ids', file]);
    expect(ids.stdout).not.toMatch(/page-order/);
  });

  it('runs as a real process with the same exit codes', async () => {
    const tsx = join(repoRoot, 'node_modules/.bin/tsx');
    const main = join(repoRoot, 'src/cli/main.ts');
    const run = promisify(execFile);
    const ok = await run(tsx, [main, 'validate', sample]);
    expect(ok.stdout).toBe('');
    const bad = await run(tsx, [main, 'validate', invalid('sec-external-entity.tei.xml')]).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/:3:3: error external-entity: entity &secret; is declared as the external resource SYSTEM "file:\/\/\/etc\/passwd"/);
  });
});
