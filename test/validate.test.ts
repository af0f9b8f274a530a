/**
 * validateTei on the broken documents of test/fixtures/invalid (each breaks one thing of the valid
 * house sample; manifest.json names the code and line expected) and on valid documents in every
 * encoding XML allows us to meet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTei, isValid } from '../src/validate/index.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { fixtures } from './support/tools.js';

interface Case {
  file: string;
  breaks: string;
  code: string;
  line: number;
}

const invalidDir = join(fixtures, 'invalid');
const manifest: Case[] = JSON.parse(readFileSync(join(invalidDir, 'manifest.json'), 'utf8'));
const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');

describe('broken documents (test/fixtures/invalid)', () => {
  it('has at least 40 cases, each with its own file, and covers each family of problem', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(40);
    expect(new Set(manifest.map((c) => c.file)).size).toBe(manifest.length);
    const codes = new Set(manifest.map((c) => c.code));
    for (const code of [
      'mismatched-tag', 'unclosed-element', 'undefined-entity', 'wrong-namespace', 'missing-header-part',
      'bad-date', 'dangling-pointer', 'duplicate-id', 'page-order', 'note-unreferenced', 'noteref-without-note',
      'missing-attribute', 'break-not-in-word', 'external-entity', 'entity-expansion', 'encoding-error',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(manifest)('$file ($breaks): $code at line $line', async (c) => {
    const bytes = readFileSync(join(invalidDir, c.file));
    const diagnostics = await validateTei(bytes, c.file);
    const shown = diagnostics.map(formatDiagnostic).join('\n');
    expect(isValid(diagnostics), shown).toBe(false);
    const hit = diagnostics.find((d) => d.code === c.code && d.line === c.line);
    expect(hit, `expected ${c.code} at line ${c.line}, got:\n${shown}`).toBeDefined();
    expect(hit!.severity).toBe('error');
    expect(hit!.file).toBe(c.file);
    expect(hit!.column).toBeGreaterThanOrEqual(1);
    // One clear line: no stack trace, no newline inside a message.
    for (const d of diagnostics) expect(d.message).not.toMatch(/\n|\bat .*\.(js|ts):\d+/);
  });

  it('names the element and what was expected', async () => {
    const noHash = await validateTei(readFileSync(join(invalidDir, 'noteref-no-hash.tei.xml')), 'x.xml');
    expect(noHash.find((d) => d.code === 'noteref-without-note')?.message).toBe('<ref type="noteref" n="2"> @target="n2" is not a pointer into the document (#id); did you mean "#n2"? [teikit house rule: pointers]');
    const pbNoN = await validateTei(readFileSync(join(invalidDir, 'pb-no-n.tei.xml')), 'x.xml');
    expect(pbNoN.map((d) => d.message)).toContain('<pb> needs @n (the printed page number) [teikit house rule: house]');
    const noIdno = await validateTei(readFileSync(join(invalidDir, 'hdr-no-idno.tei.xml')), 'x.xml');
    expect(noIdno.find((d) => d.code === 'missing-header-part')?.message).toMatch(/<publicationStmt> lacks <idno>/);
    const unknown = await validateTei(readFileSync(join(invalidDir, 'el-unknown.tei.xml')), 'x.xml');
    expect(unknown.find((d) => d.code === 'unexpected-element')?.message).toMatch(
      // what may come at that point, as jing says it: <div> is open after its <head>
      /^<para> is not allowed here in <div>; expected <pb>, <anchor>, <note>, <figure>, <p>, <ab>, <quote>, <list>, <table>, <div>, .* or the end of <div>$/,
    );
    const order = await validateTei(readFileSync(join(invalidDir, 'pb-out-of-order.tei.xml')), 'x.xml');
    expect(order.find((d) => d.code === 'page-order')?.message).toMatch(/<pb n="277" edRef="#flp"> comes after page 278/);
  });
});

describe('warnings do not make a document invalid', () => {
  it('a back-reference that is not a page number is reported as a warning', async () => {
    const doc = sample.replace('<ref type="pageref" n="278"/>', '<ref type="pageref" n="preface"/>');
    const diagnostics = await validateTei(doc, 'w.xml');
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'pageref-invalid', 83]]);
    expect(isValid(diagnostics)).toBe(true);
  });

  it('an unnumbered note (*) nothing refers to is a warning, a numbered one an error', async () => {
    const star = sample.replace('<ref type="noteref" xml:id="nr2" n="2" target="#n2">2</ref>', '').replace('<note xml:id="n2" n="2" place="end" target="#nr2">', '<note xml:id="n2" n="*" place="foot">');
    expect((await validateTei(star, 's.xml')).map((d) => [d.severity, d.code])).toEqual([['warning', 'note-unreferenced']]);
  });
});

describe('safe reading', () => {
  it('never expands an entity that points at a local file', async () => {
    const doc = readFileSync(join(invalidDir, 'sec-external-entity.tei.xml'), 'utf8').replace('Many people', 'Many &secret; people');
    const diagnostics = await validateTei(doc, 'x.xml');
    expect(diagnostics.map((d) => d.code)).toEqual(['external-entity']);
    expect(JSON.stringify(diagnostics)).not.toMatch(/root:x:0/);
  });

  it('refuses a billion-laughs document at once instead of expanding it', async () => {
    const levels = Array.from({ length: 10 }, (_, k) =>
      k === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`,
    ).join('\n');
    const doc = sample.replace('<TEI xmlns', `<!DOCTYPE TEI [\n${levels}\n]>\n<TEI xmlns`).replace('Many people', 'Many &l9; people');
    const start = performance.now();
    const diagnostics = await validateTei(doc, 'lol.xml');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(diagnostics.filter((d) => d.code === 'entity-expansion')).toHaveLength(9);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it.each([
    [`<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///tmp/it's">]>`, 'external-entity'],
    [`<!DOCTYPE TEI [<!ENTITY x PUBLIC '-//X//"Y"' "file:///etc/passwd">]>`, 'external-entity'],
    [`<!DOCTYPE TEI SYSTEM 'it"s.dtd'>`, 'external-dtd'],
    [`<!DOCTYPE TEI [<!-- <!ENTITY hidden "x"> --><!ENTITY % p "<!ENTITY y 'z'>">]>`, 'entity-declaration'],
  ])('refuses %s', async (doctype, code) => {
    const diagnostics = await validateTei(sample.replace('<TEI xmlns', `${doctype}\n<TEI xmlns`), 'd.xml');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([[code, 2]]);
  });

  it('accepts a DOCTYPE that declares nothing', async () => {
    expect(await validateTei(sample.replace('<TEI xmlns', '<!DOCTYPE TEI>\n<TEI xmlns'), 'x.xml')).toEqual([]);
  });
});

describe('valid documents', () => {
  it('the house sample is valid, with no warning either', async () => {
    expect(await validateTei(sample, 'house-sample.tei.xml')).toEqual([]);
  });

  // The sample has an em dash, so Latin-1 needs it as a character reference; é tests the decoding.
  const accented = sample.replace('Many people in China', 'Many people in Chiné');
  const encodings: [string, () => Uint8Array][] = [
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(accented)])],
    ['UTF-16LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(accented.replace('UTF-8', 'UTF-16'), 'utf16le')])],
    ['UTF-16BE with BOM', () => {
      const le = Buffer.from(accented.replace('UTF-8', 'UTF-16'), 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    }],
    ['ISO-8859-1', () => Buffer.from(accented.replace('UTF-8', 'ISO-8859-1').replace('—', '&#8212;'), 'latin1')],
    ['no XML declaration (UTF-8)', () => Buffer.from(accented.replace(/^<\?xml[^>]*>\n/, ''))],
  ];
  it.each(encodings)('%s is read and valid', async (_name, make) => {
    const bytes = make();
    const diagnostics = await validateTei(bytes, 'enc.xml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('reads Latin-1 as Latin-1: é is a letter, so a word break next to it is inside a word', async () => {
    const doc = sample.replace('UTF-8', 'ISO-8859-1').replace('—', '&#8212;').replace('over<pb n="277"', 'ové<pb n="277"');
    expect(await validateTei(Buffer.from(doc, 'latin1'), 'l1.xml')).toEqual([]);
    // The same bytes read as UTF-8 would be invalid: the declaration is what made them readable.
    const asUtf8 = await validateTei(Buffer.from(doc.replace('ISO-8859-1', 'UTF-8'), 'latin1'), 'l1.xml');
    expect(asUtf8.map((d) => d.code)).toEqual(['encoding-error']);
  });
});

describe('irregularities of the source declared in the encoding', () => {
  it('turns a declared out-of-sequence page and a declared unreferenced note into warnings, and only those', async () => {
    // The sample's pages run 275, 276, 277, 278, 279; make 278 read 276 as a transcription typo would.
    const typo = sample.replace('<pb n="278" edRef="#flp" source="#m2m" break="no"/>', '<pb n="276" edRef="#flp" source="#m2m" break="no"/>');
    expect(typo).not.toBe(sample);
    const undeclared = await validateTei(typo, 'typo.xml');
    expect(undeclared.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['page-order']);
    const declared = await validateTei(typo.replace('<pb n="276" edRef="#flp" source="#m2m" break="no"/>', '<pb n="276" edRef="#flp" source="#m2m" type="out-of-sequence" break="no"/>'), 'declared.xml');
    expect(declared.filter((d) => d.severity === 'error')).toEqual([]);
    expect(declared.map((d) => d.code)).toContain('page-irregular');
    // Page 279 after the declared 276 is compared with 277, the last regular page: still in order.
    expect(declared.filter((d) => d.code === 'page-irregular')).toHaveLength(1);

    const orphan = sample.replace('<ref type="noteref" xml:id="nr2" n="2" target="#n2">2</ref>', '').replace(' target="#nr2"', '');
    expect((await validateTei(orphan, 'orphan.xml')).filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['note-unreferenced']);
    const declaredOrphan = await validateTei(orphan.replace('<note xml:id="n2" n="2" place="end"', '<note xml:id="n2" n="2" place="end" type="unreferenced"'), 'orphan.xml');
    expect(declaredOrphan.filter((d) => d.severity === 'error')).toEqual([]);
    expect(declaredOrphan.map((d) => d.code)).toEqual(['note-unreferenced']);
  });
});
