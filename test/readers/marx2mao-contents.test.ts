/**
 * A printed contents table as a contents list (issue 9). The transcriptions set a contents table a
 * column per cell (labels, then titles, then pages); teikit reads the entries back across the
 * columns: an `item` per entry with its printed `label`, its title as a `ref` to the division it
 * names and its page as `num type="page"`, the entries printed indented under an entry as its
 * sub-list. Where the columns do not line up (a summary row), the table keeps the print's columns.
 * On made-up pages (test/fixtures/marx2mao-patterns/Stalin/CT99.html and CT98.html); the counts on
 * the sample pages are in test/structure-corpus.test.ts. The accounting compares a table's words
 * as a multiset, so that the entries' reading order is not reported, while a lost or added word
 * still is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { renderEpub, renderHtml, renderText } from '../../src/render/index.js';
import { strFromU8, unzipSync } from 'fflate';
import { sectionsUnderTitleBlock } from '../../src/readers/marx2mao/structure.js';
import type { Block } from '../../src/model/types.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { childElements, descendants, parseXmlTree, textContent, type XElement, type XNode } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-05' };

function convert(name: string) {
  const path = join(fixtures, 'marx2mao-patterns', 'Stalin', name);
  const bytes = readFileSync(path);
  const r = readMarx2mao(bytes, path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  const account = (xml: string) =>
    accountConversion([{ bytes, file: path, format: 'marx2mao', role: 'base' }], xml, r.edition).sources.flatMap((s) => s.unaccounted.map((u) => `${u.kind}: ${u.message}`));
  return { tei, doc: parseXmlTree(tei), account };
}

async function expectValid(tei: string): Promise<void> {
  expect((await validateTei(tei, 'contents.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
  const file = join(mkdtempSync(join(tmpdir(), 'teikit-contents-')), 'contents.xml');
  writeFileSync(file, tei);
  expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
}

/** An item as [label, title, page, sub-entries]. */
type Entry = [string, string, string, Entry[]];
function entries(list: XElement): Entry[] {
  return childElements(list, 'item').map((item) => {
    const label = textContent(childElements(item, 'label')[0]);
    const page = textContent(childElements(item, 'num')[0]);
    const sub = childElements(item, 'list')[0];
    // the title: the item's text without label, page and sub-list, a line break as ` / `
    const lineText = (n: XNode): string => (n.kind === 'text' ? n.value : n.name === 'lb' ? ' / ' : n.children.map(lineText).join(''));
    const title = item.children
      .filter((n) => n.kind === 'text' || !['label', 'num', 'list'].includes(n.name))
      .map(lineText)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    return [label, title, page, sub ? entries(sub) : []];
  });
}

describe('a contents table read as a contents list (made up: Stalin/CT99.html)', () => {
  const c = convert('CT99.html');
  const lists = descendants(c.doc, 'list').filter((l) => l.attrs.type === 'contents');

  it('is valid for teikit and tei_all, and every word of the source is accounted for', async () => {
    await expectValid(c.tei);
    expect(c.account(c.tei)).toEqual([]);
  });

  it('has an item per entry with its label, title and page, the indented entries as sub-lists', () => {
    expect(descendants(c.doc, 'table')).toEqual([]);
    expect(entries(lists[0]!)).toEqual([
      ['', 'THE FIRST SPEECH', '1', [
        ['I.', 'The Sowing and the Early / Rains', '2', []],
        ['II.', 'The Reaping', '3', []],
      ]],
      ['', 'THE SECOND SPEECH', '4', [
        ['I.', 'The Granaries', '4', []],
        ['II.', 'The Mills and the Millers of the Lower Valley', '5', []],
        ['III.', 'The Bakers', '6', []],
      ]],
      ['', 'THE THIRD SPEECH / Delivered at the Harvest Festival', '7', []],
      ['', 'NOTES', '8', []],
    ]);
    expect(descendants(c.doc, 'num').every((n) => n.attrs.type === 'page')).toBe(true);
  });

  it('links each title to the division it names', () => {
    const divs = new Map(descendants(c.doc, 'div').filter((d) => d.attrs['xml:id']).map((d) => [d.attrs['xml:id']!, d]));
    const pairs = descendants(lists[0]!, 'ref').map((r) => [textContent(r), textContent(childElements(divs.get(r.attrs.target!.slice(1))!, 'head')[0])]);
    expect(pairs).toEqual([
      ['THE FIRST SPEECH', 'THE FIRST SPEECH'],
      ['The Sowing and the EarlyRains', 'I. THE SOWING AND THE EARLY RAINS'],
      ['The Reaping', 'II. THE REAPING'],
      ['THE SECOND SPEECH', 'THE SECOND SPEECH'],
      ['The Granaries', 'I. THE GRANARIES'],
      ['The Mills and the Millers of the Lower Valley', 'II. THE MILLS AND THE MILLERS OF THE LOWER VALLEY'],
      ['The Bakers', 'III. THE BAKERS'],
      ['THE THIRD SPEECHDelivered at the Harvest Festival', 'THE THIRD SPEECH'],
    ]);
  });

  it('still reports a page number or a label the TEI lost or changed', () => {
    const lost = c.tei.replace('<num type="page">5</num>', '');
    expect(lost).not.toBe(c.tei);
    expect(c.account(lost)).toEqual([expect.stringMatching(/^words: 1 word\(s\) of the body not in the TEI: «5»/)]);
    const changed = c.tei.replace('<label>III.</label>', '<label>IV.</label>');
    expect(changed).not.toBe(c.tei);
    const found = c.account(changed);
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toMatch(/«iii»/);
    expect(found.join('\n')).toMatch(/added-words: .*«iv»/);
  });

  it('renders as nested lists in HTML (titles and pages linked) and as indented lines in text', async () => {
    const html = await renderHtml(c.tei);
    const start = html.indexOf('<ul class="list contents">');
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section.match(/<ul class="list contents">/g)).toHaveLength(3);
    expect(section).toContain('<span class="label">II.</span>');
    expect(section).toMatch(/<a href="#div6">The Mills and the Millers of the Lower Valley<\/a> <span class="page"><a href="#p5" aria-label="page 5">5<\/a><\/span>/);
    // the notes' page is not a page of this text: no link
    expect(section).toContain('<span class="page">8</span>');
    const text = await renderText(c.tei);
    expect(text).toContain('THE SECOND SPEECH 4\n    I. The Granaries 4\n    II. The Mills and the Millers of the Lower Valley 5\n    III. The Bakers 6\nTHE THIRD SPEECH\nDelivered at the Harvest Festival 7\nNOTES 8\n');
  });
});

describe('a contents table whose columns do not line up stays a table (made up: Stalin/CT98.html)', () => {
  const c = convert('CT98.html');

  it('keeps the columns, links the titles but not the summary, and accounts for every word', async () => {
    await expectValid(c.tei);
    expect(c.account(c.tei)).toEqual([]);
    const contents = descendants(c.doc, 'div').find((d) => d.attrs.type === 'contents')!;
    expect(descendants(contents, 'list')).toEqual([]);
    expect(descendants(contents, 'table')).toHaveLength(1);
    const refs = descendants(contents, 'ref').map(textContent);
    expect(refs).toContain('THE FIRST SPEECH');
    expect(refs).toContain('THE THIRD SPEECH');
    expect(refs.filter((t) => /1-2/.test(t))).toEqual([]);
  });
});

/** A sample page's TEI, checked valid, as a tree. */
async function validSamplePage(page: string): Promise<XElement> {
  const path = join(fixtures, page);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(`${page} refused`);
  const tei = writeTei(r.edition, publication);
  await expectValid(tei);
  return parseXmlTree(tei);
}

describe('contents entries of a work whose sections the TEI writer makes from its headings (ESSU26)', () => {
  it('link each entry to the section its heading opens, and the work\'s title to a point in its head', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Stalin/ESSU26.html');
    const heads = new Map<string, string>();
    for (const d of descendants(doc, 'div')) {
      const head = childElements(d, 'head')[0];
      if (!head) continue;
      if (d.attrs['xml:id']) heads.set(d.attrs['xml:id'], textContent(head));
      for (const a of descendants(head, 'anchor')) if (a.attrs['xml:id']?.startsWith('div')) heads.set(a.attrs['xml:id'], textContent(head));
    }
    const pairs = descendants(descendants(doc, 'front')[0]!, 'ref').map((ref) => [textContent(ref).replace(/[ .]+$/, ''), heads.get(ref.attrs.target!.slice(1))]);
    expect(pairs.slice(1, 4)).toEqual([
      ['Two Periods of NEP', 'ITWO PERIODS OF NEP'],
      ['The Course Towards Industrialisation', 'IITHE COURSE TOWARDS INDUSTRIALISATION'],
      ['Questions of Socialist Accumulation', 'IIIQUESTIONS OF SOCIALIST ACCUMULATION'],
    ]);
    expect(pairs).toHaveLength(11);
    expect(pairs[0]![1]).toMatch(/^THE ECONOMIC SITUATION/);
    expect(pairs.at(-1)).toEqual(['Conclusions', 'XCONCLUSIONS']);
  });
});

describe('a centred title in plain type that a contents entry links to (TUTB21)', () => {
  it('is the heading of a division of its own, and the entry links to it', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Lenin/TUTB21.html');
    // sections of the work, under its title (a level below its display type), each with its own title
    const work = descendants(doc, 'div').find((d) => d.attrs.type === 'work')!;
    expect(textContent(childElements(work, 'head')[0])).toMatch(/^ONCE AGAIN ON THE TRADE UNIONS/);
    const sections = childElements(work, 'div').filter((d) => d.attrs.type === 'section');
    const heads = sections.map((d) => textContent(childElements(d, 'head')[0]));
    expect(heads).toEqual([
      'THE DANGER OF FACTIONAL PRONOUNCEMENTS TO THE PARTY', 'FORMAL DEMOCRACY AND THE REVOLUTIONARY INTEREST',
      'THE POLITICAL DANGER OF SPLITS IN THE TRADE UNION MOVEMENT', 'DISAGREEMENTS ON PRINCIPLE', 'POLITICS AND ECONOMICS. DIALECTICS AND ECLECTICISM',
      'DIALECTICS AND ECLECTICISM. "SCHOOL" AND "APPARATUS"', 'CONCLUSION',
    ].map((h) => expect.stringContaining(h.split(' ').slice(0, 3).join(' '))));
    const ids = new Set(sections.map((d) => d.attrs['xml:id']));
    const linked = descendants(descendants(doc, 'front')[0]!, 'ref').filter((ref) => ids.has(ref.attrs.target!.slice(1)));
    expect(linked).toHaveLength(7);
  });

  it('titles that begin with an article are titles; a cell of titles beside a page each is an entry per title, a line after a hyphen running on (PRKR64)', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Other/PRKR64.html');
    expect(descendants(doc, 'head').map((h) => textContent(h)).some((h) => h.startsWith('A DISCIPLE OF BERNSTEIN'))).toBe(true);
    // ten titles in one cell, one run over a paragraph break in mid-word (`PROLE-` / `TARIAN`),
    // beside ten pages: each title leads to its section (REFUTATION OF THE "PARLIAMENTARY ROAD"
    // too, whose anchor the page names `6` while the contents link `#s6`)
    const refs = descendants(descendants(doc, 'front')[0]!, 'ref').filter((r) => /^[A-Z"]/.test(textContent(r)) && r.attrs.target!.startsWith('#div'));
    // (the first twenty letters of an entry and of the heading it leads to)
    const letters = (t: string) => t.replace(/[^A-Z]/g, '').slice(0, 20);
    const pairs = refs.map((r) => [letters(textContent(r)), letters(textContent(headOf(doc, r.attrs.target!.slice(1))))]);
    expect(pairs).toContainEqual(['ADISCIPLEOFBERNSTEIN', 'ADISCIPLEOFBERNSTEIN']);
    expect(pairs).toContainEqual(['VIOLENTREVOLUTIONISA', 'VIOLENTREVOLUTIONISA']);
    expect(pairs).toContainEqual(['OURHOPES', 'OURHOPES']);
    // (an entry may run on past its heading's words: the Eighth Comment's entry takes in its byline)
    expect(pairs.filter(([a, b]) => !(b && (a!.startsWith(b) || b.startsWith(a!))))).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    expect(pairs).toContainEqual(['REFUTATIONOFTHEPARLI', 'REFUTATIONOFTHEPARLI']);
  });
});

/** The head a reference's id leads to: its division's, or the head holding the anchor of that id. */
function headOf(doc: XElement, id: string): XElement | undefined {
  for (const d of descendants(doc, 'div')) {
    const heads = childElements(d, 'head');
    if (d.attrs['xml:id'] === id && heads[0]) return heads[0];
    const holding = heads.find((h) => descendants(h, 'anchor').some((a) => a.attrs['xml:id'] === id));
    if (holding) return holding;
  }
  return undefined;
}

const anchorIds = (el: XElement | undefined) => (el ? descendants(el, 'anchor').map((a) => a.attrs['xml:id']) : []);

describe("the source's own links in a contents table (IC17, AQR08, IMP16)", () => {
  it('lead an entry to the section whose title holds the anchor its page number links to; a cell of titles is an entry per run of lines up to the leader dots; the first section is one (IC17)', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Lenin/IC17.html');
    const list = descendants(descendants(doc, 'front')[0]!, 'list')[0]!;
    const [work, notes] = childElements(list, 'item');
    expect(textContent(notes)).toBe('NOTES');
    const items = childElements(childElements(work!, 'list')[0]!, 'item');
    expect(items.map((i) => textContent(childElements(i, 'num')[0]))).toEqual(['327', '329', '331', '333', '339', '342', '346', '350', '353', '357', '360', '364', '367']);
    // a title printed over two lines is one entry
    expect(textContent(childElements(items[8]!, 'ref')[0])).toMatch(/^Government Disruption of the Work of the Democratic\s*Organisations \./);
    // the work's title stands only in the title block: the body is its sections, the first one too
    const body = descendants(doc, 'div').find((d) => d.attrs.type === 'work')!;
    expect(childElements(body, 'head')).toEqual([]);
    const sections = childElements(body, 'div');
    expect(sections.every((d) => d.attrs.type === 'section')).toBe(true);
    expect(sections.map((d) => textContent(childElements(d, 'head')[0]))).toHaveLength(13);
    expect(textContent(childElements(sections[0]!, 'head')[0])).toBe('Famine Is Approaching');
    items.forEach((item, k) => {
      const ref = childElements(item, 'ref')[0];
      // the page names the twelfth's anchor `12` where the contents link `#s12` (a warning says so)
      expect(anchorIds(headOf(doc, ref!.attrs.target!.slice(1)))).toContain(k === 11 ? 'a-12' : `a-s${k + 1}`);
    });
  });

  it('a contents link to a name the page does not set is taken for the anchor of that name without its letters, with a warning (IC17: `#s12`, `<A NAME="12">`)', () => {
    const path = join(fixtures, 'marx2mao-tranche2', 'Lenin', 'IC17.html');
    const r = readMarx2mao(readFileSync(path), path);
    if (!r.ok) throw new Error('refused');
    const warned = r.edition.diagnostics.filter((d) => d.code === 'link-anchor-misnamed');
    expect(warned.map((d) => [d.line, d.message])).toEqual([[131, 'the contents\' link to "#s12" names no anchor of the page; taken for the anchor "12", which no link names']]);
    // its centred title, which the link names, is then a heading
    const tei = parseXmlTree(writeTei(r.edition, publication));
    expect(descendants(tei, 'head').map((h) => textContent(h))).toContainEqual(expect.stringMatching(/^THE STRUGGLE AGAINST ECONOMIC\s*CHAOS/));
    // not an anchor that marks a print page, nor one two names would reach, nor for a link outside the contents
    const variant = (edit: (h: string) => string) => {
      const v = readMarx2mao(edit(readFileSync(path, 'latin1')), path);
      return v.ok ? v.edition.diagnostics.filter((d) => d.code === 'link-anchor-misnamed').length : -1;
    };
    expect(variant((h) => h.replace('<A NAME="12">', '<A NAME="12"><P ALIGN=right><FONT SIZE=-2><B>page 12</B></FONT><P>'))).toBe(0);
    expect(variant((h) => h.replace('<A HREF="IC17.html#s1">327</A>', '<A HREF="IC17.html#c12">327</A>'))).toBe(0);
    expect(variant((h) => h.replace('<A HREF="IC17.html#s12">364</A>', '364').replace('Yet nothing is being done.', 'Yet <A HREF="#s12">nothing</A> is being done.'))).toBe(0);
  });

  it('a centred roman number alone is a section\'s title, and the entry of that number alone leads to it (AQR08, APSD02)', async () => {
    const doc = await validSamplePage('marx2mao/Lenin/AQR08.html');
    const work = descendants(doc, 'div').find((d) => d.attrs.type === 'work')!;
    const sections = childElements(work, 'div').filter((d) => d.attrs.type === 'section');
    expect(sections.map((d) => textContent(childElements(d, 'head')[0]))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    const items = childElements(descendants(descendants(doc, 'front')[0]!, 'list')[0]!, 'item').slice(1, 8);
    expect(items.map((i) => textContent(headOf(doc, childElements(i, 'ref')[0]!.attrs.target!.slice(1))))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    // the first `I` shares the centred block of the work's title: it opens section I all the same
    const apsd = descendants(await validSamplePage('marx2mao-tranche2/Lenin/APSD02.html'), 'div').find((d) => d.attrs.type === 'work')!;
    expect(childElements(apsd, 'div').map((d) => textContent(childElements(d, 'head')[0]))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
  });

  it('an entry whose anchor the work\'s title holds leads to its section by its words or its number (ND40, APSD02, RFFYP33)', async () => {
    // `<A NAME="c1">` stands before the work's title: entry I goes to section I, by its words
    const nd40 = await validSamplePage('marx2mao/Mao/ND40.html');
    const first = childElements(descendants(descendants(nd40, 'front')[0]!, 'list')[0]!, 'item')[0]!;
    expect(textContent(headOf(nd40, childElements(first, 'ref')[0]!.attrs.target!.slice(1)))).toMatch(/^I\b/);
    // APSD02's entries are a number and dots: the number names the section
    const apsd = await validSamplePage('marx2mao-tranche2/Lenin/APSD02.html');
    const items = childElements(descendants(descendants(apsd, 'front')[0]!, 'list')[0]!, 'item').filter((i) => childElements(i, 'label').length > 0);
    expect(items.map((i) => textContent(headOf(apsd, childElements(i, 'ref')[0]!.attrs.target!.slice(1))))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
    // RFFYP33's label column has blank lines its title column lacks: each label still leads to its own section
    const rffyp = await validSamplePage('marx2mao-tranche2/Stalin/RFFYP33.html');
    const labels = descendants(descendants(rffyp, 'front')[0]!, 'ref').filter((r) => /^[IVX]+$/.test(textContent(r)));
    expect(labels.map((r) => textContent(headOf(rffyp, r.attrs.target!.slice(1))).split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    // and its eight titles, one run over two lines (`… and the Way` / `to Its Fulfilment`), beside eight pages
    const titles = descendants(descendants(rffyp, 'front')[0]!, 'ref').filter((r) => /^(The|General)/.test(textContent(r)));
    expect(titles.map((r) => textContent(headOf(rffyp, r.attrs.target!.slice(1))).split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(textContent(titles[1]!)).toMatch(/and the Way\s*to Its Fulfilment$/);
  });

  it('an anchor in the running text leads there, unless every word of the entry names the division right after it (CM47, JPCC27)', async () => {
    const cm47 = await validSamplePage('marx2mao/M&E/CM47.html');
    const items = descendants(descendants(cm47, 'front')[0]!, 'item');
    // the innermost item holding the words (an item's text takes in its sub-list's)
    const entry = (start: string) => items.filter((i) => textContent(i).replace(/\s+/g, ' ').includes(start)).at(-1)!;
    // `b.` is a centred line in the text, not the heading of `2.` after it (two of whose words it shares)
    expect(childElements(entry('b. Petty-Bourgeois Socialism'), 'ref')[0]!.attrs.target).toBe('#a-s3ib');
    expect(textContent(headOf(cm47, childElements(entry('Conservative, or Bourgeois, Socialism'), 'ref')[0]!.attrs.target!.slice(1)))).toMatch(/^2\. CONSERVATIVE/);
    // JPCC27's labels stand in the row's second cell (its first empty: indented): the titles beside them are linked
    const jpcc = await validSamplePage('marx2mao-tranche2/Stalin/JPCC27.html');
    const titles = ['The Attacks of the Opposition', 'About China', 'The Anglo-Soviet Unity Committee', 'The Threat of War'];
    const refs = descendants(descendants(jpcc, 'front')[0]!, 'ref').filter((r) => titles.some((t) => textContent(r).startsWith(t)));
    expect(refs.map((r) => textContent(headOf(jpcc, r.attrs.target!.slice(1))).split('.')[0])).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('an anchor on other words than the entry\'s leaves the entry to its words (EPS52: `1.`, its anchor on the letter\'s salutation)', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Stalin/EPS52.html');
    const first = descendants(descendants(doc, 'front')[0]!, 'item').find((i) => textContent(i).includes('Character of Economic Laws Under Socialism'))!;
    expect(textContent(headOf(doc, childElements(first, 'ref')[0]!.attrs.target!.slice(1)))).toMatch(/^1\. CHARACTER OF ECONOMIC LAWS/);
  });

  it('a centred number after a numbering of a higher number begins none of that numbering (CWF71\'s II of Marx\'s notes after section IV): it is the second of the notes\' own', async () => {
    const cwf = await validSamplePage('marx2mao/M&E/CWF71.html');
    // II is the heading of a section of NOTES (with I; marx2mao-section-numbers.test.ts), not a
    // section beside IV
    const heads = descendants(cwf, 'head').filter((h) => anchorIds(h).includes('a-n2'));
    expect(heads.map(textContent)).toEqual(['II']);
    const sections = descendants(cwf, 'div').filter((d) => childElements(d, 'head')[0] === heads[0]);
    expect(sections).toHaveLength(1);
    const notes = descendants(cwf, 'div').find((d) => textContent(childElements(d, 'head')[0]) === 'NOTES')!;
    expect(childElements(notes, 'div')).toContain(sections[0]);
  });

  it('an anchor set before the block of a chapter\'s title leads to that chapter (IMP16)', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Lenin/IMP16.html');
    const refs = descendants(descendants(doc, 'front')[0]!, 'ref').filter((r) => /^[IVX]+$/.test(textContent(r)));
    expect(refs).toHaveLength(10);
    for (const r of refs) expect(textContent(headOf(doc, r.attrs.target!.slice(1)))).toMatch(new RegExp(`^${textContent(r)}\\. [A-Z]`));
  });
});

describe('a contents table printed on a page of the text (SCPUSA29: `page 4`, then `C O N T E N T S`)', () => {
  it('is a contents division, under its heading, and the work is not titled CONTENTS', async () => {
    const doc = await validSamplePage('marx2mao-tranche2/Stalin/SCPUSA29.html');
    const body = descendants(doc, 'body')[0]!;
    const contents = descendants(body, 'div').filter((d) => d.attrs.type === 'contents');
    expect(contents).toHaveLength(1);
    expect(textContent(childElements(contents[0]!, 'head')[0])).toBe('CONTENTS');
    expect(descendants(contents[0]!, 'ref').map((r) => r.attrs.target)).toEqual(['#a-Pref', '#a-SACP1', '#a-SACP2', '#a-SACP3']);
    // the print page the contents is printed on stays before it
    const work = descendants(body, 'div').find((d) => d.attrs.type === 'work')!;
    expect(childElements(work, 'head')).toEqual([]);
    expect(descendants(body, 'pb')[0]!.attrs.n).toBe('4');
  });

  it('a table of links into the page after the text has begun, under another heading, stays a table', () => {
    const path = join(fixtures, 'marx2mao-tranche2', 'Stalin', 'SCPUSA29.html');
    const html = readFileSync(path, 'latin1').replace('C O N T E N T S', 'S P E E C H E S');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    expect(descendants(doc, 'div').filter((d) => d.attrs.type === 'contents')).toEqual([]);
    expect(descendants(descendants(doc, 'body')[0]!, 'table')[0]).toBeDefined();
  });
});

describe('a link of the page to one of its anchors (made up from Stalin/CT99.html)', () => {
  it('stays a link where the anchor is kept, and keeps its words without the link where it is not', async () => {
    const path = join(fixtures, 'marx2mao-patterns', 'Stalin', 'CT99.html');
    const html = readFileSync(path, 'latin1')
      // an anchor in the title block, which is not running text: no anchor of the TEI answers it
      .replace('<P><BR>\n<CENTER>\n<H2>', '<P><BR>\n<A NAME="top"></A><CENTER>\n<H2>')
      .replace('the test of the year.', 'the test of the year (see <A HREF="#s3">the <I>third</I> speech</A>; <A HREF="#top">to the top</A>).');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const tei = writeTei(r.edition, publication);
    await expectValid(tei);
    const doc = parseXmlTree(tei);
    const p = descendants(descendants(doc, 'body')[0]!, 'p').find((x) => textContent(x).includes('test of the year'))!;
    expect(textContent(p)).toContain('(see the third speech; to the top)');
    const refs = descendants(p, 'ref');
    expect(refs.map((x) => [x.attrs.target, textContent(x)])).toEqual([['#a-s3', 'the third speech']]);
    expect(descendants(refs[0]!, 'hi').map(textContent)).toEqual(['third']);
    expect(anchorIds(headOf(doc, 'a-s3'))).toContain('a-s3');
    const html5 = await renderHtml(tei);
    expect(html5).toMatch(/<a href="#a-s3">the <[^>]+>third<\/[^>]+> speech<\/a>/);
  });

  it('a link to another page is no link of this page, though this page sets an anchor of that name', async () => {
    const path = join(fixtures, 'marx2mao-patterns', 'Stalin', 'CT99.html');
    const html = readFileSync(path, 'latin1').replace('the test of the year.', 'the test of the year (see <A HREF="OTHER.html#s3">the speech</A>).');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    const p = descendants(descendants(doc, 'body')[0]!, 'p').find((x) => textContent(x).includes('test of the year'))!;
    expect(textContent(p)).toContain('(see the speech)');
    expect(descendants(p, 'ref')).toEqual([]);
  });
});

describe("a contents table's title cell beside a page column (made up from Stalin/RFFYP33.html)", () => {
  const titleRefs = (edit: (html: string) => string) => {
    const path = join(fixtures, 'marx2mao-tranche2', 'Stalin', 'RFFYP33.html');
    const r = readMarx2mao(edit(readFileSync(path, 'latin1')), path);
    if (!r.ok) throw new Error('refused');
    const doc = parseXmlTree(writeTei(r.edition, publication));
    return descendants(descendants(doc, 'front')[0]!, 'ref').filter((x) => /^(The|General)/.test(textContent(x))).map((x) => textContent(x).replace(/\s+/g, ' '));
  };

  it('runs a line on after a dash (`--`) as after a hyphen', () => {
    const refs = titleRefs((h) => h.replace('Five-Year Plan and the Way<BR>\n      to Its Fulfilment', 'Five-Year Plan --<BR>\n      The Way to Its Fulfilment'));
    expect(refs).toHaveLength(8);
    expect(refs[1]).toMatch(/Five-Year Plan [-—]+ ?The Way to Its Fulfilment$/);
  });

  it('leaves titles it cannot tell apart unlinked rather than one entry linked by some of its words', () => {
    // a run-over line in capitals: nine runs beside eight pages
    const refs = titleRefs((h) => h.replace('and the Way<BR>\n      to Its Fulfilment', 'and the Way<BR>\n      To Its Fulfilment'));
    expect(refs).toEqual([]);
  });
});

describe('a work whose title stands only in the title block (sectionsUnderTitleBlock)', () => {
  const heading = (text: string): Block => ({ type: 'heading', level: 3, children: [{ type: 'text', value: text }] });
  const para: Block = { type: 'paragraph', children: [{ type: 'text', value: 'Text.' }] };
  const kinds = (blocks: Block[]) => blocks.map((b) => (b.type === 'division' ? `${b.kind}(${kinds(b.blocks).join(' ')})` : b.type));

  it('is a work of sections where the first heading is no repeat of the title, stop words aside', () => {
    const body = [heading('The War and the Peasants'), para, heading('The Towns'), para];
    expect(kinds(sectionsUnderTitleBlock(body, 'The State and Revolution'))).toEqual(['work(section(heading paragraph) section(heading paragraph))']);
  });

  it('leaves the body as it is where the first heading is the title, or half its words', () => {
    const body = () => [heading('THE STATE AND REVOLUTION'), para, heading('The Towns'), para];
    expect(kinds(sectionsUnderTitleBlock(body(), 'The State and Revolution'))).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    const longer = [heading('The Impending Famine and the Catastrophe'), para, heading('The Towns'), para];
    expect(kinds(sectionsUnderTitleBlock(longer, 'The Impending Catastrophe and How to Combat It'))).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });

  it('names the work by the document\'s title in the EPUB\'s contents (IC17)', async () => {
    const path = join(fixtures, 'marx2mao-tranche2', 'Lenin', 'IC17.html');
    const r = readMarx2mao(readFileSync(path), path);
    if (!r.ok) throw new Error('refused');
    const files = unzipSync(await renderEpub(writeTei(r.edition, publication)));
    const nav = strFromU8(files[Object.keys(files).find((f) => /nav\.xhtml$/.test(f))!]!);
    expect(nav).toMatch(/>The Impending Catastrophe and How to Combat It<\/a>/);
    expect(nav).not.toMatch(/>Work<\/a>/);
  });
});

describe('a centred roman number alone (made up from Stalin/CT99.html)', () => {
  const convertBody = (body: string) => {
    const path = join(fixtures, 'marx2mao-patterns', 'Stalin', 'CT99.html');
    const html = readFileSync(path, 'latin1').replace('<P>&nbsp &nbsp\nComrades, the harvest is the test of the year.', body);
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    return parseXmlTree(writeTei(r.edition, publication));
  };
  const heads = (doc: XElement) => descendants(descendants(doc, 'body')[0]!, 'head').map((h) => textContent(h));

  it('is a section\'s title where the next number follows it, at the level of the numbered titles beside it', () => {
    const doc = convertBody('<P>&nbsp &nbsp\nComrades.\n<CENTER><B>I</B></CENTER>\n<P>&nbsp &nbsp\nOne.\n<CENTER> II </CENTER>\n<P>&nbsp &nbsp\nTwo.\n<CENTER><B>III</B></CENTER>\n<P>&nbsp &nbsp\nThree.');
    const speech = descendants(doc, 'div').find((d) => textContent(childElements(d, 'head')[0]) === 'THE FIRST SPEECH')!;
    // three sections side by side: the plain II is not nested under the bold I
    const sections = childElements(speech, 'div').filter((d) => textContent(childElements(d, 'head')[0]).match(/^[IV]+$/));
    expect(sections.map((d) => textContent(childElements(d, 'head')[0]))).toEqual(['I', 'II', 'III']);
  });

  it('is a word where no number beside it continues it (`I` alone), and letters that are no roman number are words (`CIVIL`)', () => {
    const doc = convertBody('<P>&nbsp &nbsp\nHe said:\n<CENTER> I </CENTER>\n<P>&nbsp &nbsp\nand stopped.\n<CENTER> CIVIL </CENTER>\n<CENTER> CIVIL </CENTER>\n<P>&nbsp &nbsp\nThe end.');
    expect(heads(doc).filter((h) => h === 'I' || h === 'CIVIL')).toEqual([]);
  });
});
