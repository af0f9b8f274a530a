/**
 * The rules that compare what a hand-edited TEI's header says with what its text has (issue 9,
 * "Validation rules"), each on a made-up fault put into the house sample: the diagnostic's code,
 * severity and position (line and column of the element at fault), and nothing more at that spot.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Edition, Inline, PageBreak } from '../src/model/types.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { irregularPages } from '../src/model/page-sequence.js';
import { validateTei } from '../src/validate/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';

const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');

/** The sample with `from` replaced by `to` (which must occur once). */
function broken(from: string, to: string): string {
  expect(sample.split(from).length, from).toBe(2);
  return sample.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle` in `doc`. */
function position(doc: string, needle: string): { line: number; column: number } {
  const i = doc.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  const before = doc.slice(0, i).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

async function findings(doc: string): Promise<Diagnostic[]> {
  return validateTei(doc, 'made-up.tei.xml');
}

/** Exactly one diagnostic of `code`, of `severity`, at the place `at` marks in the document. */
async function expectOne(doc: string, code: string, severity: Diagnostic['severity'], at: string): Promise<Diagnostic> {
  const all = await findings(doc);
  const shown = all.map(formatDiagnostic).join('\n');
  const hits = all.filter((d) => d.code === code);
  expect(hits, shown).toHaveLength(1);
  expect(hits[0]!.severity).toBe(severity);
  expect({ line: hits[0]!.line, column: hits[0]!.column }).toEqual(position(doc, at));
  return hits[0]!;
}

describe('the house sample itself', () => {
  it('breaks none of these rules', async () => {
    const codes = (await findings(sample)).map((d) => d.code);
    for (const code of ['page-range-order', 'page-range-mismatch', 'edref-not-print', 'noteref-text', 'hyphenation-eol', 'creation-dateline', 'page-order', 'note-unreferenced']) {
      expect(codes).not.toContain(code);
    }
  });
});

describe('page ranges (biblScope, citedRange)', () => {
  it('a range whose from comes after its to is an error on the biblScope', async () => {
    const doc = broken('from="275" to="283">275-83', 'from="283" to="275">283-75');
    await expectOne(doc, 'page-range-order', 'error', '<biblScope unit="page"');
  });

  it('a page break outside the range of its edition is blamed on the first such break', async () => {
    const doc = broken('from="275" to="283">275-83', 'from="275" to="276">275-76');
    const d = await expectOne(doc, 'page-range-mismatch', 'warning', '<pb n="277"');
    expect(d.message).toMatch(/275-276 .*and 1 more page break/);
  });

  it('the part\'s citedRange, where there is one, is what the breaks are compared with', async () => {
    const doc = broken('</monogr>', '</monogr>\n            <citedRange unit="page" from="270" to="276">270-76</citedRange>');
    const d = await expectOne(doc, 'page-range-mismatch', 'warning', '<pb n="277"');
    expect(d.message).toContain('<citedRange>');
  });
});

describe('pb/@edRef names a print edition', () => {
  it('an edRef pointing at a transcription is an error on the pb', async () => {
    const doc = broken('<pb n="276" edRef="#flp"', '<pb n="276" edRef="#m2m"');
    const d = await expectOne(doc, 'edref-not-print', 'error', '<pb n="276"');
    expect(d.message).toContain('<bibl type="transcription">');
  });
});

describe('a note reference prints its @n', () => {
  it('a reference whose text and @n differ is a warning on the reference', async () => {
    const doc = broken('n="2" target="#n2">2</ref>', 'n="2" target="#n2">3</ref>');
    await expectOne(doc, 'noteref-text', 'warning', '<ref type="noteref" xml:id="nr2"');
  });

  it('a bracketed label is the same label', async () => {
    const doc = broken('n="2" target="#n2">2</ref>', 'n="2" target="#n2">[2]</ref>');
    expect((await findings(doc)).map((d) => d.code)).not.toContain('noteref-text');
  });
});

describe('hyphenation/@eol and the hyphens kept at page breaks', () => {
  it('eol="none" with a hyphen kept before a page break is a warning on the hyphenation', async () => {
    const doc = broken('<hyphenation eol="hard">', '<hyphenation eol="none">');
    const d = await expectOne(doc, 'hyphenation-eol', 'warning', '<hyphenation');
    expect(d.message).toContain('278');
  });

  it('eol="all" with a hyphen removed (rend="hyphen") is a warning too', async () => {
    const doc = broken('<hyphenation eol="hard">', '<hyphenation eol="all">');
    const d = await expectOne(doc, 'hyphenation-eol', 'warning', '<hyphenation');
    expect(d.message).toContain('277');
  });
});

describe('the date of the work and the dateline', () => {
  it('a creation date that no dateline gives is a warning on the creation date', async () => {
    const doc = broken('<creation><date when="1939-09-28">', '<creation><date when="1938-09-28">');
    await expectOne(doc, 'creation-dateline', 'warning', '<date when="1938-09-28"');
  });

  it('a month agrees with a day of that month', async () => {
    const doc = broken('<creation><date when="1939-09-28">', '<creation><date when="1939-09">');
    expect((await findings(doc)).map((d) => d.code)).not.toContain('creation-dateline');
  });
});

describe('a teiCorpus: each TEI is checked against its own header (a volume of teikit volume)', () => {
  const member = (doc: string) => doc.replace(/^<\?xml[^>]*>\s*/, '');
  const corpus = (...members: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A volume</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
${members.map(member).join('\n')}
</teiCorpus>`;

  it('a member\'s hyphenation declaration speaks of its own page breaks only', async () => {
    const none = broken('<hyphenation eol="hard">', '<hyphenation eol="none">');
    const doc = corpus(sample, none);
    const found = (await findings(doc)).filter((d) => d.code === 'hyphenation-eol');
    // one warning, on the second member's declaration, naming its own kept hyphen once
    expect(found).toHaveLength(1);
    const second = doc.indexOf('<hyphenation eol="none">');
    expect(found[0]!.line).toBe(doc.slice(0, second).split('\n').length);
    expect(found[0]!.message.match(/278 \(line/g)).toHaveLength(1);
  });

  it('a member\'s date of the work is compared with its own datelines only', async () => {
    // the second member states its date, and its text has no dated dateline: nothing to compare
    const undated = broken('<creation><date when="1939-09-28">', '<creation><date when="1941-01-01">').replace('<dateline><date when="1939-09-28">', '<dateline><date>');
    expect((await findings(corpus(sample, undated))).map((d) => d.code)).not.toContain('creation-dateline');
    // a period agrees with a dateline inside it
    const period = broken('<creation><date when="1939-09-28">', '<creation><date from="1939-09-01" to="1939-10-15">');
    expect((await findings(period)).map((d) => d.code)).not.toContain('creation-dateline');
    const before = broken('<creation><date when="1939-09-28">', '<creation><date from="1939-10-01" to="1939-10-15">');
    expect((await findings(before)).map((d) => d.code)).toContain('creation-dateline');
  });
});

describe('one wrong page number is blamed on itself', () => {
  it('a page too high is the error, not the correct pages after it', async () => {
    const doc = broken('<pb n="277" edRef="#flp"', '<pb n="377" edRef="#flp"');
    const all = await findings(doc);
    const order = all.filter((d) => d.code === 'page-order');
    expect(order.map(formatDiagnostic)).toHaveLength(1);
    expect({ line: order[0]!.line, column: order[0]!.column }).toEqual(position(doc, '<pb n="377"'));
    expect(order[0]!.message).toMatch(/after page 276 .* before page 278/);
  });

  it('a page too low is the error, and the pages after it are not', async () => {
    const doc = broken('<pb n="277" edRef="#flp"', '<pb n="177" edRef="#flp"');
    const order = (await findings(doc)).filter((d) => d.code === 'page-order');
    expect(order).toHaveLength(1);
    expect(order[0]!.line).toBe(position(doc, '<pb n="177"').line);
  });

  it('finds the single outlier of a sequence; a repeat is the later page', () => {
    expect([...irregularPages([275, 276, 377, 278, 279]).keys()]).toEqual([2]);
    expect([...irregularPages([275, 276, 177, 278]).keys()]).toEqual([2]);
    expect([...irregularPages([10, 11, 11, 12]).entries()]).toEqual([[2, { kind: 'repeated', prev: 1 }]]);
    expect(irregularPages([1, 2, 3]).size).toBe(0);
    // the first page is blamed only where the pages after it agree with each other
    expect([...irregularPages([205, 204, 206]).keys()]).toEqual([0]);
    expect([...irregularPages([4, 2]).keys()]).toEqual([1]);
  });

  it('the writer declares the same page out of sequence, and its TEI is valid', async () => {
    const pb = (n: string): PageBreak => ({ type: 'pb', n, edition: 'flp', attestedBy: ['m2m'], wordBreak: 'none' });
    const t = (value: string): Inline => ({ type: 'text', value });
    const edition: Edition = {
      id: 'made-up', work: { title: 'Pages', author: 'A. Author', language: 'en' },
      witnesses: [
        { kind: 'print', id: 'flp', collection: 'Works', publisher: 'Foreign Languages Press', place: 'Peking', date: '1967', printings: [] },
        { kind: 'transcription', id: 'm2m', transcriber: 'A. Transcriber', file: 'made-up.html' },
      ],
      baseWitness: 'm2m', front: [],
      body: ['275', '276', '377', '278'].map((n) => ({ type: 'paragraph' as const, children: [pb(n), t(`Text of page ${n}.`)] })),
      repairs: [], diagnostics: [],
    };
    const tei = writeTei(edition, { publisher: 'Test', licence: { text: 'CC0' }, date: '2026-11-26' });
    expect(tei.match(/<pb [^>]*type="[^"]+"[^>]*>/g)).toEqual(['<pb n="377" edRef="#flp" source="#m2m" type="out-of-sequence"/>']);
    expect((await findings(tei)).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('well-formedness and schema errors', () => {
  it('names an unescaped & plainly, at the &', async () => {
    const doc = broken('Many people in China', 'Many people & friends in China');
    const all = await findings(doc);
    expect(all).toHaveLength(1);
    const at = position(doc, '& friends');
    expect(all[0]).toMatchObject({ code: 'unescaped-ampersand', severity: 'error', ...at });
    expect(all[0]!.message).toBe(`unescaped & at ${at.line}:${at.column}; write &amp; (in XML an & begins an entity or character reference)`);
  });

  it('an & glued to a word (R&D) is named the same way; a real reference is not', async () => {
    const doc = broken('Many people in China', 'Many R&D people in China');
    const [d] = await findings(doc);
    expect(d).toMatchObject({ code: 'unescaped-ampersand', ...position(doc, '&D') });
    expect((await findings(broken('Many people in China', 'Many people &amp; friends &#160;in China'))).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('reports the first schema error among one element\'s children, not the follow-on errors after it', async () => {
    // a paragraph before the heading: the heading is out of place, and every paragraph after it
    // would be too if the validator went on guessing
    const doc = broken('<head>The Identity', '<p>A stray paragraph.</p>\n        <head>The Identity');
    const errors = (await findings(doc)).filter((d) => d.severity === 'error');
    expect(errors.map(formatDiagnostic)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'unexpected-element', ...position(doc, '<head>The Identity') });
    expect(errors[0]!.message).toMatch(/later fault\(s\) among the children of <div> follow from this one/);
  });

  it('still reports separate faults in separate elements', async () => {
    const doc = broken('<head>The Identity', '<head><zork/>The Identity').replace('Many people in China', '<zork/>Many people in China');
    const errors = (await findings(doc)).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['unexpected-element', 'unexpected-element']);
  });
});
