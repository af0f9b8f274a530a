/**
 * Sections numbered in one series are siblings at one level, under the chapter that labels them
 * (src/readers/marx2mao/section-numbers.ts): a bare number on its own centred line and the title
 * under it are one `head` of one division; the numbers of one series (`I` … `VI`) open sibling
 * divisions, an unnumbered heading between two of them being the first one's; `CHAPTER I` holds
 * its sections `I`–`XI`; a line in smaller type under a numbered title in the same centred block
 * heads the section's first subsection. Real pages; the numbers and titles expected are read from
 * the page's HTML.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { convertPage, testPublication } from '../support/convert-page.js';
import { fixtures } from '../support/tools.js';
import { childElements, descendants, parseXmlTree, type XElement, type XNode } from '../support/xml-tree.js';
import { divisions, headText, htmlWords, type Div } from '../support/tei-divisions.js';

const ROMAN = /^[IVXLC]{1,7}$/;

const words = htmlWords;

/** Each `<CENTER>` block of the page after the transcriber's line: its lines (split at `<P>` and `<BR>`). */
function centredBlocks(html: string): { lines: string[]; raw: string; at: number }[] {
  const from = html.search(/Prepared[\s\S]{0,40}?for\s+the\s+Internet/i);
  return [...html.slice(from).matchAll(/<CENTER>([\s\S]*?)<\/CENTER>/gi)].map((m) => ({
    raw: m[1]!,
    at: from + m.index!,
    lines: m[1]!.split(/<(?:P|BR)\b[^>]*>/i).map(words).filter(Boolean),
  }));
}

/** The division whose head opens with `words`. */
function divisionHeaded(all: Div[], start: string) {
  const found = all.find((d) => d.head.startsWith(start));
  if (!found) throw new Error(`no division headed "${start}"`);
  return found;
}

describe('bare section numbers: one series of siblings (LTC22, real)', async () => {
  const { html, tei } = await convertPage('marx2mao-tranche2/Lenin/LTC22.html');
  // the centred numbers of the running text (the contents' are in a table, not centred blocks)
  const numbered = centredBlocks(html).filter((b) => ROMAN.test(b.lines[0] ?? ''));
  const numbers = numbered.map((b) => b.lines[0]!);
  const all = divisions(tei);

  it('the page numbers its sections I to VI in centred lines of their own', () => {
    expect(numbers).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
  });

  it('each number opens a division, its title a line of the same head', () => {
    for (const b of numbered) {
      const d = divisionHeaded(all, b.lines[0]!);
      expect(d.head).toBe(b.lines.join(' '));
      expect(d.div.attrs.type).toBe('section');
    }
    expect(tei).toContain('<anchor xml:id="a-s1"/>I<lb/>LETTER TO THE CONGRESS</head>');
  });

  it('the numbered divisions are siblings at one level', () => {
    const parents = new Set(numbers.map((n) => divisionHeaded(all, `${n}`).parent));
    expect(parents.size).toBe(1);
    const heads = all.filter((d) => d.parent === [...parents][0]).map((d) => d.head.split(' ')[0]);
    expect(heads).toEqual(numbers);
  });

  it('a title set after text between IV and V is a part of IV', () => {
    // the bold centred title that is no number
    const title = centredBlocks(html).find((b) => /<B>/i.test(b.raw) && !ROMAN.test(b.lines[0] ?? '') && b.at > numbered[3]!.at && b.at < numbered[4]!.at)!;
    expect(title.lines.join(' ')).toBe('GRANTING LEGISLATIVE FUNCTIONS TO THE STATE PLANNING COMMISSION');
    expect(divisionHeaded(all, title.lines.join(' ')).parent).toBe(divisionHeaded(all, 'IV').div);
  });
});

describe('CHAPTER I over its numbered sections (ER97, real)', async () => {
  const { html, tei } = await convertPage('marx2mao-tranche2/Lenin/ER97.html');
  const blocks = centredBlocks(html);
  const chapters = blocks.filter((b) => /^CHAPTER [IVX]+$/.test(b.lines[0] ?? ''));
  const all = divisions(tei);

  it('the page has two chapters, each over sections numbered from I', () => {
    expect(chapters.map((c) => c.lines[0])).toEqual(['CHAPTER I', 'CHAPTER II']);
  });

  it.each([0, 1])('chapter %i holds the sections numbered under it, siblings in order', (k) => {
    const c = chapters[k]!;
    const end = chapters[k + 1]?.at ?? html.length;
    const numbers = blocks.filter((b) => b.at > c.at && b.at < end && ROMAN.test(b.lines[0] ?? '')).map((b) => b.lines[0]!);
    expect(numbers[0]).toBe('I');
    const chapter = divisionHeaded(all, c.lines.join(' '));
    expect(chapter.div.attrs.type).toBe('chapter');
    const inside = all.filter((d) => d.parent === chapter.div && ROMAN.test(d.head.split(' ')[0]!)).map((d) => d.head.split(' ')[0]);
    expect(inside).toEqual(numbers);
  });
});

describe('a smaller line under a numbered title heads the first subsection (real)', async () => {
  /** The centred blocks that open with a number and end in a line set in `<FONT SIZE=-1>` after a `<P>`. */
  const subtitled = (html: string) =>
    centredBlocks(html).flatMap((b) => {
      const parts = b.raw.split(/<P\b[^>]*>/i).filter((p) => words(p));
      const at = parts.findIndex((p) => /^[IVX]+\.?(\s|$)/.test(words(p)));
      const last = parts.at(-1) ?? '';
      if (at < 0 || at === parts.length - 1 || !/<FONT SIZE=-1>/i.test(last)) return [];
      return [{ title: parts.slice(at, -1).map(words).join(' '), sub: words(last) }];
    });

  it.each([
    ['marx2mao-tranche2/Stalin/LFC10.html', 'I BAKU', 'THE SITUATION IN THE OIL INDUSTRY'],
    ['marx2mao/Mao/FSAT37.html', 'II. CAPITULATIONISM MUST BE COMBATED BOTH INSIDE THE PARTY AND THROUGHOUT THE COUNTRY', 'INSIDE THE PARTY, OPPOSE CLASS CAPITULATIONISM'],
  ])('%s', async (page, title, sub) => {
    const { html, tei } = await convertPage(page);
    expect(subtitled(html)).toEqual([{ title, sub }]);
    const all = divisions(tei);
    const section = divisionHeaded(all, title);
    expect(section.head).toBe(title);
    const first = all.find((d) => d.parent === section.div);
    expect(first?.head).toBe(sub);
    // the headings in that type after it are its siblings, in the same section
    const small = [...html.matchAll(/<CENTER>(?:<B>)?<FONT SIZE=-1>([\s\S]*?)<\/FONT>/gi)].map((m) => words(m[1]!));
    const later = small.filter((s) => s !== sub && all.some((d) => d.head === s && d.parent === section.div));
    expect(later.length).toBeGreaterThanOrEqual(2);
  });

  it('LFC10: the headings in small type under II are II\'s', async () => {
    const { html, tei } = await convertPage('marx2mao-tranche2/Stalin/LFC10.html');
    const all = divisions(tei);
    const ii = divisionHeaded(all, 'II TIFLIS');
    const after = html.slice(html.search(/>\s*II<P>/));
    const small = [...after.matchAll(/<CENTER><B><FONT SIZE=-1>([\s\S]*?)<\/FONT>/gi)].map((m) => words(m[1]!));
    expect(small).toEqual(['PROGRAMMATIC LIQUIDATIONISM', 'TACTICAL LIQUIDATIONISM']);
    expect(all.filter((d) => d.parent === ii.div).map((d) => d.head)).toEqual(small);
  });
});

describe('the first subsection without a contents entry leading to it (LFC10, its contents table taken out)', () => {
  it('opens a section of its own under I', async () => {
    const page = 'marx2mao-tranche2/Stalin/LFC10.html';
    const html = readFileSync(join(fixtures, page), 'latin1');
    // the contents table (the first table after the transcriber's line) left out
    const from = html.search(/Prepared[\s\S]{0,40}?for\s+the\s+Internet/i);
    const start = html.indexOf('<TABLE', from);
    const bare = html.slice(0, start) + html.slice(html.indexOf('</TABLE>', start) + '</TABLE>'.length);
    const r = readMarx2mao(Buffer.from(bare, 'latin1'), page);
    if (!r.ok) throw new Error('not read');
    const tei = writeTei(r.edition, testPublication);
    expect(tei).not.toContain('type="contents"');
    const all = divisions(tei);
    const i = divisionHeaded(all, 'I BAKU');
    expect(i.head).toBe('I BAKU');
    expect(all.filter((d) => d.parent === i.div).map((d) => d.head)).toEqual(['THE SITUATION IN THE OIL INDUSTRY', 'LOCAL GOVERNMENT IN THE OIL FIELDS', 'THE STATE OF THE ORGANISATION', '"LEGAL POSSIBILITIES"']);
  });
});

describe('a line in small type under a numbered title that heads no section (LFC10 changed)', () => {
  it.each(['(SUMMARY)', 'SPEECH DELIVERED AT A MEETING OF BAKU OIL WORKERS'])('%s stays a line of the section, no heading of its own', async (line) => {
    const page = 'marx2mao-tranche2/Stalin/LFC10.html';
    const html = readFileSync(join(fixtures, page), 'latin1');
    const changed = html.replace('THE SITUATION IN THE OIL INDUSTRY', line);
    expect(changed).not.toBe(html);
    const r = readMarx2mao(Buffer.from(changed, 'latin1'), page);
    if (!r.ok) throw new Error('not read');
    const tei = writeTei(r.edition, testPublication);
    expect(divisions(tei).map((d) => d.head)).not.toContain(line);
    expect(tei).toContain(line);
  });
});

describe('a contents target ending in its first section\'s number (CWF71, real)', async () => {
  const page = 'marx2mao/M&E/CWF71.html';
  const { html, tei } = await convertPage(page);
  /** The centred block right after the anchor `name`. */
  const after = (source: string, name: string) => {
    const at = source.indexOf(`<A NAME="${name}">`);
    return centredBlocks(source).find((b) => b.at > at)!;
  };
  // the contents entries the anchors are linked from: NOTES over I and II
  const entries = words(html.slice(html.search(/<I>NOTES<\/I>/), html.indexOf('</A>', html.indexOf('#n2'))));

  it('the page sets NOTES and its I in one centred block, II in a block of its own', () => {
    expect(entries).toBe('NOTES I II');
    expect(after(html, 'n1').lines).toEqual(['NOTES', 'I']);
    expect(after(html, 'n2').lines).toEqual(['II']);
  });

  it('NOTES heads a division holding the sections I and II', () => {
    const all = divisions(tei);
    const notes = divisionHeaded(all, after(html, 'n1').lines[0]!);
    expect(notes.head).toBe('NOTES');
    const inside = all.filter((d) => d.parent === notes.div);
    expect(inside.map((d) => d.head)).toEqual(['I', ...after(html, 'n2').lines]);
    expect(inside.map((d) => d.div.attrs.type)).toEqual(['section', 'section']);
    // the contents' entry II leads to its division
    expect(tei).toContain(`<ref target="#${inside[1]!.div.attrs['xml:id']}">II</ref>`);
  });

  it('with no II after it, the number stays a line of the title', () => {
    const n2 = html.indexOf('<A NAME="n2">');
    const end = html.indexOf('</CENTER>', n2) + '</CENTER>'.length;
    const bare = html.slice(0, n2) + html.slice(end);
    const r = readMarx2mao(Buffer.from(bare, 'latin1'), page);
    if (!r.ok) throw new Error('not read');
    const out = writeTei(r.edition, testPublication);
    expect(out).toContain('<head><anchor xml:id="a-n1"/>NOTES<lb/>I</head>');
  });
});
