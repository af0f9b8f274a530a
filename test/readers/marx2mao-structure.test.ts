/**
 * The structure of books and letters (issue 9): nested divisions from the headings a book has, a
 * chapter's label and title in one heading, each page break inside the division its page begins,
 * the title page, the front matter, the contents linked to the divisions, letters' opener and
 * closer, blank pages and letter-spaced words. Each pattern on a MADE-UP page
 * (test/fixtures/marx2mao-patterns/…), then counts on the real sample pages. Expectations are
 * read from the TEI with a DOM, every TEI is valid for teikit and tei_all (jing), and the
 * accounting finds every word and page of the source in it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { rejoin, splitLetterSpaced } from '../../src/readers/shared/letter-spacing.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { childElements, descendants, parseXmlTree, textContent, type XElement } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };

interface Converted {
  tei: string;
  doc: XElement;
  unaccounted: string[];
}

function convert(path: string): Converted {
  const bytes = readFileSync(path);
  const r = readMarx2mao(bytes, path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  const fidelity = accountConversion([{ bytes, file: path, format: 'marx2mao', role: 'base' }], tei, r.edition);
  const unaccounted = fidelity.sources.flatMap((s) => s.unaccounted.map((u) => `${u.pos.line}: ${u.kind}: ${u.message}`));
  return { tei, doc: parseXmlTree(tei), unaccounted };
}

const made = (rel: string) => convert(join(fixtures, 'marx2mao-patterns', rel));
const real = (rel: string) => convert(join(fixtures, rel));

const all = (root: XElement, name: string): XElement[] => descendants(root, name);
const text = textContent;
const kids = (e: XElement, name?: string) => childElements(e, name);
const body = (d: XElement) => all(d, 'body')[0]!;
const front = (d: XElement) => all(d, 'front')[0]!;
const head = (div: XElement) => text(kids(div, 'head')[0]);
/** Divisions of a type at any depth. */
const divs = (root: XElement, type: string) => all(root, 'div').filter((d) => d.attrs.type === type);

/** The TEI is valid for teikit (schema and rules) and for tei_all. */
async function valid(c: Converted): Promise<void> {
  expect((await validateTei(c.tei, 'structure.xml')).filter((d) => d.severity === 'error'), 'teikit schema and rules').toEqual([]);
  if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
  const file = join(mkdtempSync(join(tmpdir(), 'teikit-structure-')), 'structure.xml');
  writeFileSync(file, c.tei);
  expect(await jingValidate(teiAllRng()!, [file]), 'tei_all').toEqual([]);
}

describe('a book (made up: Lenin/BK99.html)', () => {
  const c = made('Lenin/BK99.html');
  const b = body(c.doc);

  it('is valid and every word and page of the source is in the TEI', async () => {
    await valid(c);
    expect(c.unaccounted).toEqual([]);
  });

  it('has the printed title page in front, each line said for what it is, with the cover', () => {
    const tp = all(c.doc, 'titlePage');
    expect(tp).toHaveLength(1);
    expect(kids(tp[0]!)[0]!.name).toBe('figure');
    expect(text(all(tp[0]!, 'docAuthor')[0])).toBe('A. N. AUTHOR');
    const parts = all(tp[0]!, 'titlePart');
    expect(parts.map((p) => [p.attrs['type'], text(p)])).toEqual([
      ['main', 'THE ROADSAND THEBRIDGES'],
      ['sub', 'A Study of the Provincein Three Chapters'],
    ]);
    expect(all(parts[0]!, 'lb')).toHaveLength(2);
    expect(text(all(tp[0]!, 'publisher')[0])).toBe('FOREIGN LANGUAGES PRESS');
    expect(text(all(tp[0]!, 'pubPlace')[0])).toBe('PEKING');
    expect(all(tp[0]!, 'docDate')[0]!.attrs['when']).toBe('1972');
    expect(all(tp[0]!, 'docEdition').map(text)).toEqual(['First Edition 1966', 'Third Printing 1972']);
  });

  it("puts the publisher's note and the contents in front as divisions of their own", () => {
    expect(kids(front(c.doc), 'div').map((d) => [d.attrs['type'], head(d)])).toEqual([
      ['preface', "PUBLISHER'S NOTE"],
      ['contents', 'CONTENTS'],
    ]);
  });

  it('nests sections in chapters and chapters in parts, the label and title in one heading', () => {
    expect(kids(b, 'div').map((d) => [d.attrs['type'], head(d)])).toEqual([
      ['preface', 'PREFACE'],
      ['chapter', 'CHAPTER ITHE ROADS OF THE PROVINCE'],
      ['chapter', 'CHAPTER IITHE BRIDGES'],
      ['part', 'PART IITHE RIVERS'],
    ]);
    const [, one, , part] = kids(b, 'div');
    expect(kids(one!, 'div').map((d) => [d.attrs['type'], head(d)])).toEqual([
      ['section', '1. ROADS THE ZEMSTVO REPAIRS'],
      ['section', '2. ROADS NOBODY REPAIRS'],
    ]);
    expect(kids(part!, 'div').map((d) => [d.attrs['type'], head(d)])).toEqual([['chapter', 'CHAPTER IIITHE FORDS']]);
    // no label or section title is left as a centred paragraph
    expect(all(b, 'p').filter((p) => /^(CHAPTER|PART|\d+\.)\s/.test(text(p)))).toEqual([]);
  });

  it('starts each division with the page break of the page it begins on', () => {
    const firstPb = (d: XElement) => (kids(d)[0]!.name === 'pb' ? kids(d)[0]!.attrs['n'] : undefined);
    // chapter II begins with the blank page 4 printed before it
    expect(kids(b, 'div').map(firstPb)).toEqual(['1', '2', '4', '6']);
    // the blank page is a typed page break, and its remark no text
    const blank = all(b, 'pb').filter((p) => p.attrs['type'] === 'blank');
    expect(blank.map((p) => p.attrs['n'])).toEqual(['4']);
    expect(c.tei).not.toMatch(/\[blank\]/);
  });

  it('rejoins letter-spaced words, a word boundary at each no-break space', () => {
    const spaced = all(b, 'hi').filter((h) => h.attrs['rend'] === 'letter-spaced').map(text);
    expect(spaced).toEqual(['only the first', 'repair']);
    expect(c.tei).not.toMatch(/r e p a i r/);
  });

  it('links every title of the printed contents to its division', () => {
    const refs = all(front(c.doc), 'ref');
    expect(refs).toHaveLength(7);
    const byId = new Map(all(c.doc, 'div').filter((d) => d.attrs['xml:id']).map((d) => [d.attrs['xml:id']!, d]));
    const pairs = refs.map((r) => [text(r), head(byId.get(r.attrs['target']!.slice(1))!)]);
    expect(pairs).toEqual([
      ['PREFACE', 'PREFACE'],
      ['Chapter ITHE ROADS OF THE PROVINCE', 'CHAPTER ITHE ROADS OF THE PROVINCE'],
      ['Roads the Zemstvo Repairs', '1. ROADS THE ZEMSTVO REPAIRS'],
      ['Roads Nobody Repairs', '2. ROADS NOBODY REPAIRS'],
      ['Chapter IITHE BRIDGES', 'CHAPTER IITHE BRIDGES'],
      ['Part IITHE RIVERS', 'PART IITHE RIVERS'],
      ['Chapter IIITHE FORDS', 'CHAPTER IIITHE FORDS'],
    ]);
  });

  it("closes the preface with the author's signature and the date", () => {
    const closer = all(divs(b, 'preface')[0]!, 'closer');
    expect(closer).toHaveLength(1);
    expect(kids(closer[0]!).map((e) => [e.name, text(e)])).toEqual([['signed', 'The Author'], ['dateline', 'March 1899']]);
    expect(all(closer[0]!, 'date')[0]!.attrs['when']).toBe('1899-03');
  });
});

describe('a letter (made up: Lenin/LT99.html)', () => {
  const c = made('Lenin/LT99.html');
  it('has its salutation in opener and its signature, place and date in closer', async () => {
    await valid(c);
    expect(c.unaccounted).toEqual([]);
    const work = divs(c.doc, 'work')[0]!;
    expect(kids(work).map((e) => e.name)).toEqual(['head', 'opener', 'p', 'closer']);
    expect(text(all(work, 'salute')[0])).toBe('Dear Comrade,');
    const closer = all(work, 'closer')[0]!;
    // "Yours, N. Lenin" on one line: the closing salutation and the signature
    expect(kids(closer).map((e) => [e.name, text(e)])).toEqual([['salute', 'Yours,'], ['signed', 'N. Lenin'], ['dateline', 'Geneva, March 3, 1904']]);
    expect(kids(all(closer, 'signed')[0]!).map((e) => [e.name, e.attrs['rend']])).toEqual([['hi', 'italic']]);
    const dateline = all(closer, 'dateline')[0]!;
    expect(text(dateline)).toBe('Geneva, March 3, 1904');
    expect(all(dateline, 'date').map((d) => [d.attrs['when'], text(d)])).toEqual([['1904-03-03', 'March 3, 1904']]);
    expect(all(work, 'p').map(text)).not.toContain('Dear Comrade,');
  });
});

describe("a book introduced by another author (made up: M&E/IW99.html)", () => {
  const c = made('M&E/IW99.html');
  it('keeps the introduction and the work it introduces side by side, each with its first page', async () => {
    await valid(c);
    expect(c.unaccounted).toEqual([]);
    const top = kids(body(c.doc), 'div');
    expect(top.map((d) => [d.attrs['type'], head(d), kids(d)[0]!.attrs['n']])).toEqual([
      ['preface', 'INTRODUCTION', '1'],
      ['work', 'THE WAGES OF THE ROADMEN', '2'],
    ]);
    expect(kids(all(top[0]!, 'closer')[0]!).map((e) => [e.name, text(e)])).toEqual([['signed', 'Frederick Engels'], ['dateline', 'London, April 30, 1891']]);
  });
});

describe("a volume's publisher's note before the work (made up: Stalin/PN99.html)", () => {
  const c = made('Stalin/PN99.html');
  it('stands in front as a division of its own, the work opening with its own title', async () => {
    await valid(c);
    expect(c.unaccounted).toEqual([]);
    expect(kids(front(c.doc), 'div').map((d) => [d.attrs['type'], head(d), kids(d, 'p').length])).toEqual([['preface', "PUBLISHER'S NOTE", 2]]);
    const work = divs(c.doc, 'work')[0]!;
    expect(head(work)).toBe('ON THE BRIDGES');
    expect(text(body(c.doc))).not.toMatch(/PUBLISHER/);
  });
});

describe('letter-spacing', () => {
  it('joins single letters, parts words at a no-break space or a wider gap', () => {
    expect(rejoin('A I I\u00a0r e v o l u t i o n s')).toBe('AII revolutions');
    expect(rejoin('d e s t\nr u c t i o n')).toBe('destruction');
    expect(rejoin('o f  t h e')).toBe('of the');
    expect(splitLetterSpaced('is the s m a s h i n g, the end')).toEqual([
      { text: 'is the ', spaced: false },
      { text: 'smashing', spaced: true },
      { text: ', the end', spaced: false },
    ]);
    // a short run is letter-spacing only when it is the whole of its text run (cut off by a tag)
    expect(splitLetterSpaced('n o t')).toEqual([{ text: 'not', spaced: true }]);
    expect(splitLetterSpaced('points a b c of the plan').some((p) => p.spaced)).toBe(false);
    expect(splitLetterSpaced('a, b, c, d').some((p) => p.spaced)).toBe(false);
  });
});

describe('the real sample pages', () => {
  it('Lenin/SR17.html: chapters with their labels, numbered sections nested, title page, closers, letter-spacing', () => {
    const c = real('marx2mao/Lenin/SR17.html');
    expect(c.unaccounted).toEqual([]);
    const b = body(c.doc);
    const chapters = kids(b, 'div').filter((d) => d.attrs['type'] === 'chapter');
    expect(chapters.map(head).filter((h) => /^CHAPTER [IVX]+\S/.test(h))).toHaveLength(6);
    expect(chapters.map((d) => kids(d, 'div').length)).toEqual([4, 3, 5, 6, 4, 3, 0]);
    // page 5 begins chapter I: its break is inside that chapter, first
    expect(kids(chapters[0]!)[0]!.attrs['n']).toBe('5');
    expect(all(c.doc, 'titlePage')).toHaveLength(1);
    expect(text(all(c.doc, 'docAuthor')[0])).toBe('V. I. LENIN');
    expect(divs(b, 'preface').map((d) => all(d, 'closer').length)).toEqual([1, 1]);
    const spaced = all(b, 'hi').filter((h) => h.attrs['rend'] === 'letter-spaced').map(text);
    expect(spaced).toContain('smashing');
    expect(spaced).toContain('AII revolutions perfected this machine instead of smashing it');
    expect(c.tei).not.toMatch(/s m a s h/);
    expect(all(front(c.doc), 'ref').length).toBeGreaterThanOrEqual(30);
  });

  it("M&E/WLC47.html: Engels's introduction beside Marx's text, the blank page typed", () => {
    const c = real('marx2mao/M&E/WLC47.html');
    expect(c.unaccounted).toEqual([]);
    expect(kids(body(c.doc), 'div').map((d) => [d.attrs['type'], head(d)])).toEqual([
      ['preface', 'INTRODUCTION'],
      ['work', 'WAGE LABOUR AND CAPITAL'],
    ]);
    expect(all(c.doc, 'pb').filter((p) => p.attrs['type'] === 'blank').map((p) => p.attrs['n'])).toEqual(['14']);
    expect(all(c.doc, 'p').map(text)).not.toContain('[blank]');
  });

  it("Stalin/RD28.html: the volume's publisher's note is front matter", () => {
    const c = real('marx2mao/Stalin/RD28.html');
    expect(c.unaccounted).toEqual([]);
    expect(kids(front(c.doc), 'div').map((d) => [d.attrs['type'], head(d)])).toEqual([['preface', "PUBLISHER'S NOTE"]]);
    expect(head(divs(c.doc, 'work')[0]!)).toBe('THE RIGHT DANGER IN THE C.P.S.U.(B.)');
  });

  it('Lenin/LC02.html: the letter opens with its salutation', () => {
    const c = real('marx2mao/Lenin/LC02.html');
    expect(text(all(all(c.doc, 'opener')[0]!, 'salute')[0])).toBe('Dear Comrade,');
  });

  it('M&E/CM47.html: each preface closes with its signatures, place and date', () => {
    const c = real('marx2mao/M&E/CM47.html');
    const closers = all(c.doc, 'closer');
    expect(closers.length).toBeGreaterThanOrEqual(5);
    for (const cl of closers.slice(0, 5)) {
      expect(kids(cl).map((e) => e.name).slice(0, 2)).toEqual(['signed', 'dateline']);
      expect(text(all(cl, 'dateline')[0])).toMatch(/^London, /);
    }
  });
});

describe('an anchor left just before a page marker (real: Lenin/IMP16.html, `work. <A NAME="p2"> <P><B>page 2</B>`)', () => {
  const c = real('marx2mao-tranche2/Lenin/IMP16.html');
  const html = readFileSync(join(fixtures, 'marx2mao-tranche2/Lenin/IMP16.html'), 'latin1');

  it('puts it after the page break, on the page it marks, and the page reference to it agrees', async () => {
    // the source: the anchor, then nothing but markup before the marker of page 2
    expect(html).toMatch(/<A NAME="p2">\s*<P><FONT SIZE=-2><B>page 2<\/B>/);
    const at = c.tei.indexOf('<anchor xml:id="a-p2"/>');
    expect(at).toBeGreaterThan(0);
    expect(c.tei.lastIndexOf('<pb ', at)).toBe(c.tei.indexOf('<pb n="2"'));
    const warnings = await validateTei(c.tei, 'IMP16.xml');
    expect(warnings.filter((d) => d.code === 'pageref-mismatch' && /n="2"/.test(d.message))).toEqual([]);
    expect(c.unaccounted).toEqual([]);
  });
});

describe('pieces of a series each printed under the series\' title (real: Lenin/LFA17.html, `LETTERS FROM AFAR` / `FIRST LETTER` / its title)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Lenin/LFA17.html');

  it('titles each piece by the series\' title, its number and its own title, as the print sets them', async () => {
    const c = convert(path);
    await valid(c);
    const chapters = divs(body(c.doc), 'chapter');
    const lines = (div: XElement) => kids(div, 'head')[0]!.children
      .reduce<string[]>((acc, n) => (n.kind === 'element' && n.name === 'lb' ? [...acc, ''] : [...acc.slice(0, -1), acc.at(-1)! + textContent(n)]), [''])
      .map((l) => l.replace(/\s+/g, ' ').trim());
    expect(chapters.map((d) => lines(d).slice(0, 3))).toEqual([
      ['LETTERS FROM AFAR', 'FIRST LETTER', 'THE FIRST STAGE OF THE FIRST REVOLUTION127'],
      ['LETTERS FROM AFAR', 'SECOND LETTER', 'THE NEW GOVERNMENT AND THE PROLETARIAT'],
      ['LETTERS FROM AFAR', 'THIRD LETTER', 'CONCERNING A PROLETARIAN MILITIA'],
      ['LETTERS FROM AFAR', 'FOURTH LETTER', 'HOW TO ACHIEVE PEACE'],
      ['LETTERS FROM AFAR', 'FIFTH LETTER', 'THE TASKS INVOLVED IN THE BUILDING'],
    ]);
    // no number or title of a piece is left a centred line of its text
    // (the centred lines left are the print statements at each piece's end)
    expect(all(body(c.doc), 'p').filter((p) => p.attrs.rend === 'center').map(text).filter((t) => !t.startsWith('Published according to'))).toEqual([]);
    expect(c.unaccounted).toEqual([]);
  });

  it('takes a piece\'s own title set in bold, a heading, as the line under its number', () => {
    const html = readFileSync(path, 'latin1').replace(/(L E T T E R<\/FONT><P>\s*)([^<]*?THE NEW GOVERNMENT AND THE PROLETARIAT)/, '$1<B>$2</B>');
    expect(html).toContain('<B>');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    const chapters = divs(body(doc), 'chapter');
    expect(chapters).toHaveLength(5);
    expect(text(kids(chapters[1]!, 'head')[0]).replace(/\s+/g, ' ')).toBe('LETTERS FROM AFARSECOND LETTERTHE NEW GOVERNMENT AND THE PROLETARIAT');
  });

  it('leaves a piece\'s number under a title the page sets once to the rules of labels (one `LETTERS FROM AFAR`)', () => {
    const html = readFileSync(path, 'latin1');
    let seen = 0;
    // every repeat of the series' title after the first made a title of another name
    const once = html.replace(/LETTERS FROM AFAR\n<\/B>/g, (m) => (seen++ === 0 ? m : `LETTERS FROM AFAR ${seen}\n</B>`));
    const r = readMarx2mao(once, path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    expect(head(divs(body(doc), 'chapter')[0]!)).toBe('LETTERS FROM AFAR');
  });
});

describe('letters printed one after the other under one title, each under its addressee (real: Stalin/ML50.html, `REPLY TO COMRADES`)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Stalin/ML50.html');

  it('makes each letter a section titled by its address, the first too, its salutation in its opener', async () => {
    const c = convert(path);
    await valid(c);
    const chapter = divs(body(c.doc), 'chapter').find((d) => head(d) === 'REPLY TO COMRADES')!;
    const sections = kids(chapter, 'div');
    expect(sections.map((d) => [d.attrs.type, head(d)])).toEqual([
      ['section', 'TO COMRADE SANZHEYEV'],
      ['section', 'TO COMRADES D. BELKIN AND S. FURER'],
      ['section', 'TO COMRADE A. KHOLOPOV'],
    ]);
    expect(text(all(sections[0]!, 'salute')[0])).toBe('Esteemed Comrade Sanzheyev,');
    // each letter's date and where it was printed close its own section
    expect(sections.map((d) => text(all(d, 'closer')[0]))).toEqual(['July 11, 1950 Pravda, August 2, 1950', 'July 22, 1950 Pravda, August 2, 1950', 'July 28, I950 Pravda, August 2, 1950']);
    expect(c.unaccounted).toEqual([]);
  });

  it('takes another address in the comrades\' style, a date under an address, and no address followed by no letter', () => {
    const html = readFileSync(path, 'latin1');
    const convertVariant = (changed: string) => {
      const r = readMarx2mao(changed, path);
      if (!r.ok) throw new Error('refused');
      const doc = parseXmlTree(writeTei(r.edition, publication));
      return divs(body(doc), 'chapter').find((d) => head(d) === 'REPLY TO COMRADES')!;
    };
    // the third letter to the editors of a paper: a section too, as its address is set as the others
    const editors = convertVariant(html.replace(/TO COMRADE A\. KHOLOPOV/, 'TO THE EDITORS OF PRAVDA'));
    expect(kids(editors, 'div').map(head)).toEqual(['TO COMRADE SANZHEYEV', 'TO COMRADES D. BELKIN AND S. FURER', 'TO THE EDITORS OF PRAVDA']);
    // a centred date under each address: still each letter a section, the date its dateline
    const dated = convertVariant(html.replace(/(TO COMRADES? [A-Z .]+?)(\s*<\/I>)/g, '$1$2<P><CENTER>July 1, 1950</CENTER>'));
    expect(kids(dated, 'div').map(head)).toEqual(['TO COMRADE SANZHEYEV', 'TO COMRADES D. BELKIN AND S. FURER', 'TO COMRADE A. KHOLOPOV']);
    expect(kids(dated, 'div').map((d) => text(kids(d, 'dateline')[0]))).toEqual(['July 1, 1950', 'July 1, 1950', 'July 1, 1950']);
    // an address with no letter after it (another centred line follows) heads nothing
    const bare = convertVariant(html.replace(/(TO COMRADE A\. KHOLOPOV\s*<\/I>)/, '$1<P><CENTER>A CENTRED LINE</CENTER>'));
    expect(kids(bare, 'div').map(head)).toEqual(['TO COMRADE SANZHEYEV', 'TO COMRADES D. BELKIN AND S. FURER']);
  });

  it('leaves a single addressee under a title a line of the letter', () => {
    const html = readFileSync(path, 'latin1').replace(/TO COMRADES D\. BELKIN AND S\. FURER/, 'A REPLY').replace(/TO COMRADE A\. KHOLOPOV/, 'ANOTHER REPLY');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    const chapter = divs(body(doc), 'chapter').find((d) => head(d) === 'REPLY TO COMRADES')!;
    expect(kids(chapter, 'div')).toEqual([]);
    expect(all(chapter, 'p').filter((p) => p.attrs.rend === 'center').map(text)).toEqual(['TO COMRADE SANZHEYEV', 'A REPLY', 'ANOTHER REPLY']);
  });
});

describe('a rule across the page ends the paragraph before it (real: M&E/CM47.html, the 1893 preface, then the Manifesto)', () => {
  const path = join(fixtures, 'marx2mao/M&E/CM47.html');

  it('keeps the preface\'s last line and the Manifesto\'s first words, after the rule and the marker of page 29, apart', () => {
    const c = convert(path);
    const ps = all(body(c.doc), 'p');
    const date = ps.find((p) => text(p).includes('February 1, 1893'))!;
    expect(text(date).trim()).toBe('London, February 1, 1893');
    const opening = ps.find((p) => text(p).includes('spectre is haunting Europe'))!;
    expect(text(opening)).toMatch(/^A spectre is haunting Europe/);
    expect(c.unaccounted).toEqual([]);
  });

  it('still runs a paragraph on across a page marker where no rule stands between them', () => {
    const html = readFileSync(path, 'latin1').replace(/London, February 1, 1893\s*<P><BR>\s*<HR SIZE=1 WIDTH=20% ALIGN=center NOSHADE>/, 'London, February 1, 1893\n<P><BR>');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    const date = all(body(doc), 'p').find((p) => text(p).includes('February 1, 1893'))!;
    expect(text(date)).toMatch(/^London, February 1, 1893 A spectre is haunting Europe/);
  });
});
