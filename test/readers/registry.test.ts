/**
 * The reader registry: each format's name, extensions, sniffing and reader, read by convert,
 * batch and edition.json; detection tells the two shapes of .html page apart by content. And what
 * comes with it: Markdown that is not a CMPA reprint is not a work, and no metadata is invented
 * (no URL from a folder's name, no file name for standard input).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectFormat, READERS, readerFor, SOURCE_EXTENSIONS, SOURCE_FORMATS } from '../../src/readers/registry.js';
import { SOURCE_EXTENSIONS as BATCH_EXTENSIONS } from '../../src/batch/index.js';
import { schemaValidator } from '../../src/edition/json-schema.js';
import { convertFiles } from '../../src/convert.js';
import { readCmpa } from '../../src/readers/cmpa/index.js';
import { UserError } from '../../src/model/diagnostics.js';
import { runCli } from '../../src/cli/run.js';
import { fixtures, repoRoot } from '../support/tools.js';

async function cli(argv: string[], cwd = repoRoot, stdin: Readable = Readable.from([])) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin, cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}

const htmlPages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlPages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

const MW18 = join(fixtures, 'lia/Lenin/MW18.html');
const SU39 = join(fixtures, 'marx2mao/Mao/SU39.html');
const MD = join(fixtures, 'cmpa/identity-of-interests.md');

describe('the reader registry', () => {
  it('names each format once, with its extensions and a reader', () => {
    expect(SOURCE_FORMATS).toEqual(['lia', 'marx2mao', 'cmpa']);
    for (const r of READERS) {
      expect(r.extensions.length, r.format).toBeGreaterThan(0);
      for (const ext of r.extensions) expect(ext).toMatch(/^\.[a-z0-9]+$/);
      expect(readerFor(r.format)).toBe(r);
    }
    expect(new Set(SOURCE_FORMATS).size).toBe(SOURCE_FORMATS.length);
    // batch looks for exactly the registry's extensions
    expect([...BATCH_EXTENSIONS]).toEqual([...SOURCE_EXTENSIONS]);
    expect(SOURCE_EXTENSIONS).toEqual(['.html', '.htm', '.md', '.markdown']);
  });

  it('gives edition.json and the report the registry\'s format names', () => {
    const edition = schemaValidator('edition');
    const base = { id: 'x', title: 'X', publication: { publisher: 'p', date: '2026-01-01', licence: { text: 'CC0', url: 'https://example.org/' } } };
    for (const format of SOURCE_FORMATS) expect(edition({ ...base, base: { file: 'a.html', format } }), format).toBe(true);
    expect(edition({ ...base, base: { file: 'a.html', format: 'docx' } })).toBe(false);
    expect(edition.errors?.[0]?.params).toEqual({ allowedValues: [...SOURCE_FORMATS] });
  });

  it('tells an LIA page from a marx2mao page by content, though both are .html', () => {
    expect(detectFormat(MW18, readFileSync(MW18))).toBe('lia');
    expect(detectFormat(join(fixtures, 'lia/Lenin/LT02.html'), readFileSync(join(fixtures, 'lia/Lenin/LT02.html')))).toBe('lia');
    // RD28 has a "Written:" line in its title block: it stays a marx2mao page
    const rd28 = join(fixtures, 'marx2mao/Stalin/RD28.html');
    expect(readFileSync(rd28, 'latin1')).toContain('Written:');
    expect(detectFormat(rd28, readFileSync(rd28))).toBe('marx2mao');
    // and so do all 156 sample pages, the non-works among them
    const pages = [...htmlPages(join(fixtures, 'marx2mao')), ...htmlPages(join(fixtures, 'marx2mao-tranche2'))];
    expect(pages).toHaveLength(156);
    expect(pages.filter((p) => detectFormat(p, readFileSync(p)) !== 'marx2mao')).toEqual([]);
  });

  it('detects the format of a file without a known extension (standard input) from its content', () => {
    expect(detectFormat('<stdin>', readFileSync(MW18))).toBe('lia');
    expect(detectFormat('<stdin>', readFileSync(SU39))).toBe('marx2mao');
    expect(detectFormat('<stdin>', readFileSync(MD))).toBe('cmpa');
    expect(detectFormat('<stdin>', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(MW18)]))).toBe('lia');
    let err: unknown;
    try {
      detectFormat('notes.txt', Buffer.from('plain words, no markup\n'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as UserError).message).toMatch(/^notes\.txt: unknown source format \(expected one of: Lenin Internet Archive HTML page/);
  });

  it('lets an edition.json format choose the reader over detection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-registry-'));
    copyFileSync(MW18, join(dir, 'page.html'));
    await expect(convertFiles(['page.html'], { cwd: dir, formats: ['marx2mao'] })).rejects.toThrow(/not-a-work/);
    expect((await convertFiles(['page.html'], { cwd: dir })).report.inputs[0]!.format).toBe('lia');
  });
});

describe('teikit convert and batch on an LIA page', () => {
  it('converts it: exit 0, TEI without pb, notes linked, report format lia', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-lia-cli-'));
    const r = await cli(['convert', MW18, '-o', join(dir, 'mw18.tei.xml'), '--report', join(dir, 'mw18.report.json')]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([]);
    const tei = readFileSync(join(dir, 'mw18.tei.xml'), 'utf8');
    expect(tei).not.toContain('<pb');
    expect(tei.match(/<ref type="noteref"/g)).toHaveLength(4);
    expect(tei.match(/<note /g)).toHaveLength(3);
    const report = JSON.parse(readFileSync(join(dir, 'mw18.report.json'), 'utf8'));
    expect(report.inputs).toEqual([expect.objectContaining({ format: 'lia', witness: 'lia', role: 'base' })]);
    expect(report.counts).toMatchObject({ pageBreaks: 0, notes: 3, noteRefs: 4 });
  });

  it('batch converts both made-up LIA pages, and refuses the folder\'s README.md as not a work', async () => {
    const out = mkdtempSync(join(tmpdir(), 'teikit-lia-batch-'));
    const r = await cli(['batch', 'test/fixtures/lia', '-o', out, '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'refused (not a work): test/fixtures/lia/README.md',
      expect.stringMatching(/^2 converted, 1 refused, 0 failed: 0 page breaks, 4 notes, \d+ words, 0 unaccounted in 0 file\(s\) in /),
      '',
    ]);
    expect(existsSync(join(out, 'Lenin/MW18.tei.xml')) && existsSync(join(out, 'Lenin/LT02.tei.xml'))).toBe(true);
  });
});

describe('teikit build with an LIA page named in edition.json', () => {
  it('builds the edition: TEI, report and renditions, the url of edition.json as the transcription\'s address', async () => {
    const root = mkdtempSync(join(tmpdir(), 'teikit-lia-build-'));
    mkdirSync(join(root, 'editions/mill'), { recursive: true });
    copyFileSync(MW18, join(root, 'editions/mill/MW18.html'));
    writeFileSync(join(root, 'editions/mill/edition.json'), JSON.stringify({
      id: 'mill', title: "On the Mill Workers' Delegates",
      base: { file: 'MW18.html', format: 'lia', url: 'https://www.example.org/lenin/MW18.html' },
      publication: { publisher: 'teikit tests', date: '2026-12-04', licence: { text: 'CC0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' } },
    }));
    const r = await cli(['build', 'editions', '-o', 'out'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(root, 'out/mill')).sort()).toEqual(['mill.epub', 'mill.html', 'mill.report.json', 'mill.tei.xml', 'mill.txt']);
    const tei = readFileSync(join(root, 'out/mill/mill.tei.xml'), 'utf8');
    expect(tei).toContain('<ptr target="https://www.example.org/lenin/MW18.html"/>');
    expect(JSON.parse(readFileSync(join(root, 'out/mill/mill.report.json'), 'utf8')).inputs[0].format).toBe('lia');
  });
});

describe('Markdown that is not a CMPA reprint', () => {
  const note = '# Notes on the collection\n\nThese pages were gathered in 2001. Some of them are\nincomplete; see the list below.\n\n## The list\n\n- one\n- two\n';

  it('is not a work for the CMPA reader, though it has headings', () => {
    const r = readCmpa(note, 'notes.md');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map((d) => [d.file, d.line, d.severity, d.code])).toEqual([['notes.md', 1, 'error', 'not-a-work']]);
  });

  it('is refused by teikit convert: exit 1, one error line, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-md-note-'));
    writeFileSync(join(dir, 'notes.md'), note);
    const r = await cli(['convert', 'notes.md', '-o', 'out.xml', '--report', 'r.json'], dir);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/^notes\.md:1:1: error not-a-work: no CMPA title block before the first heading/)]);
    expect(readdirSync(dir)).toEqual(['notes.md']);
  });
});

describe('no invented metadata', () => {
  it('gives a marx2mao page no URL made of its folder\'s name, and links to other pages as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-nourl-'));
    mkdirSync(join(dir, 'Lenin'));
    copyFileSync(SU39, join(dir, 'Lenin/SU39.html'));
    const { tei, edition } = await convertFiles(['Lenin/SU39.html'], { cwd: dir });
    expect(tei).not.toContain('marx2mao.com');
    expect(tei).not.toMatch(/<ptr target=/); // (the notes' back-references are ptr type="pageref")
    expect(edition.witnesses.find((w) => w.id === 'm2m')).not.toHaveProperty('url');
    // the address is written where edition.json (or the API's urls) states it
    const stated = await convertFiles(['Lenin/SU39.html'], { cwd: dir, urls: ['http://www.marx2mao.com/Mao/SU39.html'] });
    expect(stated.tei).toContain('<ptr target="http://www.marx2mao.com/Mao/SU39.html"/>');
    // a link to another page of the site stays relative, as the page writes it
    const ec22 = (await convertFiles([join(fixtures, 'marx2mao/Lenin/EC22.html')])).tei;
    expect(ec22).toContain('<ref target="OP22.html"');
    expect(ec22).not.toContain('marx2mao.com/Lenin');
  });

  it('puts no made-up file name into the TEI of standard input without --name', async () => {
    for (const page of [SU39, MW18]) {
      const r = await cli(['convert', '-'], repoRoot, Readable.from([readFileSync(page)]));
      expect(r.code, page).toBe(0);
      expect(r.stdout).not.toMatch(/stdin/i);
      expect(r.stdout).not.toMatch(/SU39|MW18/);
      expect(r.stdout).toContain('Converted by teikit from standard input.');
      for (const line of r.lines) expect(line.startsWith('<stdin>:')).toBe(true);
    }
    const named = await cli(['convert', '-', '--name', 'MW18.html'], repoRoot, Readable.from([readFileSync(MW18)]));
    expect(named.stdout).toContain('<idno type="teikit">MW18</idno>');
    const anonymous = await cli(['convert', '-'], repoRoot, Readable.from([readFileSync(MW18)]));
    expect(anonymous.stdout).toContain('<idno type="teikit">on-the-mill-workers-delegates</idno>');
  });
});
