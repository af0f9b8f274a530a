/**
 * Preformatted text (`<PRE>`): Lenin/IMP16.html draws a diagram with spaces, dashes and `\/`
 * ("GROUPS IN THE ELECTRICAL INDUSTRY") and sets four tables of figures in columns with spaces, one
 * inside `<UL><UL>`; Lenin/OSF04.html and Stalin/EPS52.html set their asterisks so. Each is one
 * block, its lines and their spacing kept: the model's Preformatted, TEI `ab type="preformatted"
 * xml:space="preserve"` (valid house TEI and tei_all), `<pre>` in the HTML and the EPUB, its lines
 * as they are in the text. The expectations are read from the pages' HTML.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import { forEachEditionBlock } from '../../src/model/walk.js';
import type { Edition, Inline, Preformatted } from '../../src/model/types.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { renderEpub, renderHtml, renderText } from '../../src/render/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { elements, parseHtml, type HtmlNode } from '../support/render-fixtures.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { descendants, parseXmlTree, type XElement, type XNode } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };
const PAGES = ['marx2mao-tranche2/Lenin/IMP16.html', 'marx2mao-tranche2/Lenin/OSF04.html', 'marx2mao-tranche2/Stalin/EPS52.html'];

function convert(page: string, edit: (html: string) => string = (h) => h) {
  const path = join(fixtures, page);
  const html = edit(readFileSync(path, 'latin1'));
  const bytes = Buffer.from(html, 'latin1');
  const r = readMarx2mao(bytes, path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  const fidelity = accountConversion([{ bytes, file: path, format: 'marx2mao', role: 'base' }], tei, r.edition);
  return { html, edition: r.edition, tei, unaccounted: fidelity.sources.flatMap((s) => s.unaccounted) };
}

/** A block's lines: split at its line ends, the blank lines at its start and end left out. */
function lines(text: string): string[] {
  const all = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (all.length && !all[0]) all.shift();
  while (all.length && !all.at(-1)) all.pop();
  return all;
}

/**
 * The `<PRE>` blocks of a page's HTML that hold words, each as its lines: tags dropped, entities
 * read (a PRE the transcriber left open ends at the `</UL>` that closes the list around it, as the
 * HTML parser has it).
 */
function sourcePres(html: string): string[][] {
  const decode = (s: string) => s.replace(/&nbsp;?/gi, ' ').replace(/&lt;?/gi, '<').replace(/&gt;?/gi, '>').replace(/&quot;?/gi, '"').replace(/&amp;?/gi, '&');
  return [...html.matchAll(/<PRE\b[^>]*>([\s\S]*?)<\/(?:PRE|UL)>/gi)]
    .map((m) => lines(decode(m[1]!.replace(/<[^>]*>/g, ''))))
    .filter((l) => l.length > 0);
}

/** The text of inlines as the model has it (a note reference as its label). */
function modelText(list: Inline[]): string {
  return list.map((i) => (i.type === 'text' ? i.value : i.type === 'noteRef' ? i.n : 'children' in i ? modelText(i.children) : '')).join('');
}
function preformatted(edition: Edition): Preformatted[] {
  const out: Preformatted[] = [];
  forEachEditionBlock(edition, (b) => {
    if (b.type === 'preformatted') out.push(b);
  });
  return out;
}

/** An element's text as written, its spaces and line ends kept. */
function rawText(n: XNode): string {
  return n.kind === 'text' ? n.value : n.children.map(rawText).join('');
}
function htmlText(n: HtmlNode): string {
  return n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(htmlText).join('');
}
const preformattedAbs = (tei: string): XElement[] => descendants(parseXmlTree(tei), 'ab').filter((ab) => ab.attrs.type === 'preformatted');

describe.each(PAGES)('preformatted text of %s (real)', (page) => {
  const c = convert(page);
  const pres = sourcePres(c.html);

  it('the page has preformatted blocks', () => {
    expect(pres.length).toBeGreaterThan(0);
  });

  it('the reader keeps each as one block, its lines and spaces as the page has them', () => {
    expect(preformatted(c.edition).map((b) => lines(modelText(b.children)))).toEqual(pres);
  });

  it('the TEI has each as ab type="preformatted" xml:space="preserve" with those lines; valid house TEI; every word accounted for', async () => {
    const abs = preformattedAbs(c.tei);
    expect(abs.map((ab) => ab.attrs['xml:space'])).toEqual(pres.map(() => 'preserve'));
    expect(abs.map((ab) => lines(rawText(ab)))).toEqual(pres);
    // and nothing else: no blank line before the first (the line end after <PRE>), no spaces that end a line
    for (const ab of abs) expect(rawText(ab)).not.toMatch(/^[ \t]*\n|[ \t]\n|\s$/);
    // no paragraph holds their words any more (IMP16's; the others' are asterisks)
    const words = pres.flat().find((l) => /[A-Za-z]{3}/.test(l))?.trim();
    if (words) for (const p of descendants(parseXmlTree(c.tei), 'p')) expect(rawText(p)).not.toContain(words);
    expect((await validateTei(c.tei, page)).filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.unaccounted).toEqual([]);
  });

  it('the HTML and the EPUB have each as a <pre> of those lines; the text has the lines as they are', async () => {
    const html = parseHtml(await renderHtml(c.tei));
    expect([...elements(html)].filter((e) => e.nodeName === 'pre').map((e) => lines(htmlText(e)))).toEqual(pres);
    const epub = unzipSync(await renderEpub(c.tei, { onWarning: () => {} }));
    const epubPres = Object.entries(epub).filter(([name]) => /OEBPS\/c\d+\.xhtml$/.test(name)).sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([, data]) => [...elements(parseHtml(strFromU8(data)))].filter((e) => e.nodeName === 'pre').map((e) => lines(htmlText(e))));
    expect(epubPres).toEqual(pres);
    const text = await renderText(c.tei);
    for (const block of pres) {
      // as they are, after the indentation of a quotation (IMP16's table in <UL><UL>)
      const found = ['', '    ', '        '].some((indent) => text.includes(`\n${block.map((l) => (l ? indent + l : l)).join('\n')}\n\n`));
      expect(found, block[0]).toBe(true);
    }
  });
});

describe('the diagram of IMP16 (real)', () => {
  const c = convert('marx2mao-tranche2/Lenin/IMP16.html');

  it('is its lines, not a run of words', () => {
    const ab = preformattedAbs(c.tei).find((a) => rawText(a).includes('Felten'))!;
    const ls = lines(rawText(ab));
    expect(ls[0]).toBe(' Prior       Felten &       Lah-       Union     Siemens     Schuckert    Berg-    Kummer');
    expect(ls[2]).toBe('1900       ------\\/------         |          ------\\/-------        |               |');
    expect(ls).toHaveLength(11);
    // the dashes draw lines: not regularised
    expect(rawText(ab)).not.toContain('—');
  });

  it('is valid tei_all', async () => {
    if (!requireTool('jing', which('jing')) || !requireTool('tei_all.rng', teiAllRng())) return;
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-pre-')), 'IMP16.tei.xml');
    writeFileSync(file, c.tei);
    expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
  });

  it('a table in <CENTER> is centred whole: rend="center", the lines kept', () => {
    const ab = preformattedAbs(c.tei).find((a) => rawText(a).includes('(Decades)'))!;
    expect(ab.attrs.rend).toBe('center');
    expect(lines(rawText(ab))[2]).toBe('1871-1880  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .   76.1');
  });
});

describe('variants of the real pages', () => {
  it('a <PRE> of spaces, or of nothing, makes no block: the TEI is as without it', () => {
    const page = 'marx2mao-tranche2/Stalin/EPS52.html';
    const at = /\n<P>&nbsp &nbsp\n\s*I say nothing of the fact/;
    const plain = convert(page);
    expect(plain.html).toMatch(at);
    const blank = convert(page, (h) => h.replace(at, (m) => `\n<PRE>   \n  \n</PRE><PRE></PRE><CENTER><PRE><FONT SIZE=-1> </FONT>\n</PRE></CENTER>${m}`));
    expect(preformatted(blank.edition)).toHaveLength(preformatted(plain.edition).length);
    expect(blank.tei).toBe(plain.tei);
  });

  it('a table inside a <PRE> is a table, its cells no preformatted blocks', async () => {
    const page = 'marx2mao-tranche2/Stalin/EPS52.html';
    const at = /\n<P>&nbsp &nbsp\n\s*I say nothing of the fact/;
    const plain = convert(page);
    const boxed = convert(page, (h) => h.replace(at, (m) => `\n<PRE>Output    1950\n<TABLE><TR><TD>Coal</TD><TD>261</TD></TR></TABLE></PRE>${m}`));
    expect(preformatted(boxed.edition)).toHaveLength(preformatted(plain.edition).length + 1);
    const cells = descendants(parseXmlTree(boxed.tei), 'cell');
    const coal = cells.find((c) => rawText(c).trim() === 'Coal');
    expect(coal).toBeDefined();
    expect(descendants(coal!, 'ab')).toEqual([]);
    expect((await validateTei(boxed.tei, page)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a page marker inside a <PRE> is its page break, at the start of the line it stands before; no line is added', async () => {
    const page = 'marx2mao-tranche2/Lenin/IMP16.html';
    const marker = '<P><FONT SIZE=-2><B>page 82</B></FONT>\n';
    const c = convert(page, (h) => {
      const at = h.indexOf(marker);
      const moved = h.slice(0, at) + h.slice(at + marker.length);
      // after the table's heading lines (Turnover …, (Mill. marks) …)
      return moved.replace(/(\(Mill\. marks\)\s*\n)(America:)/, `$1${marker}$2`);
    });
    const ab = preformattedAbs(c.tei).find((a) => rawText(a).includes('Turnover'))!;
    const pbAt = ab.children.findIndex((n) => n.kind === 'element' && n.name === 'pb');
    expect(pbAt).toBeGreaterThan(0);
    expect((ab.children[pbAt] as XElement).attrs.n).toBe('82');
    expect(rawText(ab.children[pbAt - 1]!)).toMatch(/\(Mill\. marks\)\n$/);
    expect(rawText(ab.children[pbAt + 1]!)).toMatch(/^America: General\n/);
    const abLines = lines(rawText(ab));
    expect(abLines).toEqual(sourcePres(convert(page).html).find((l) => l[0]!.includes('Turnover')));
    expect((await validateTei(c.tei, page)).filter((d) => d.severity === 'error')).toEqual([]);
    // the text marks the page on a line of its own, before the line it begins
    expect(await renderText(c.tei, { params: { pages: 'true' } })).toMatch(/\(Mill\. marks\)\n\[p\. 82\]\nAmerica: General\n/);
  });

  it('two <PRE>s with a page marker between are two blocks, the page break between them', () => {
    const page = 'marx2mao-tranche2/Lenin/IMP16.html';
    const marker = '<P><FONT SIZE=-2><B>page 82</B></FONT>\n';
    const c = convert(page, (h) => {
      const at = h.indexOf(marker);
      const moved = h.slice(0, at) + h.slice(at + marker.length);
      return moved.replace(/(\(Mill\. marks\)\s*\n)(America:)/, `$1</FONT></PRE>\n${marker}<PRE><FONT SIZE=-1>$2`);
    });
    const tei = c.tei.replace(/\s+/g, ' ');
    expect(tei).toMatch(/\(Mill\. marks\)<\/ab> <pb n="82" edRef="#flp" source="#m2m"\/> <ab type="preformatted" xml:space="preserve">America: General/);
    expect(c.unaccounted).toEqual([]);
  });
});
