/**
 * Source patterns of issue 8 that the sample's last irregular pages showed, on one MADE-UP page
 * (test/fixtures/marx2mao-made/Lenin/BARE05.html; not a copy of a real page):
 * - foot notes after the short rule without a FONT of their own, inside a quotation in small type
 *   (they end where the quotation's FONT is closed), the next marker after `&nbsp;<BR>`;
 * - a foot note printed in brackets (`[* From …]`) and referenced by a plain `[*]`;
 * - a foot note whose mark (`****`) follows the page's anchor `<A NAME="p13">`;
 * - `[p. 63]` in the running text: the author's citation, kept as text;
 * - a table whose row headings sit in a cell opened by a stray `<COL>`;
 * - back-references naming several pages (`[pp. 11, 13]`, wrapped or not, and `[p. 12] [p. 13]`
 *   in one FONT): one `ptr type="pageref"` per page.
 * Expectations are read from the HTML with regular expressions and from the TEI with a DOM; the TEI
 * is valid for teikit and tei_all, and the accounting finds every source item in it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { descendants, parseXmlTree, textContent, type XElement } from '../support/xml-tree.js';
import { words } from '../support/words.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-04' };
const path = join(fixtures, 'marx2mao-made', 'Lenin/BARE05.html');
const bytes = readFileSync(path);
// the fixture's comment describes the patterns in their own markup: blanked (lines kept)
const html = bytes.toString('latin1').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
const read = readMarx2mao(bytes, path);
if (!read.ok) throw new Error(read.diagnostics.map((d) => d.message).join('; '));
const tei = writeTei(read.edition, publication);
const doc = parseXmlTree(tei);
const all = (root: XElement, name: string) => descendants(root, name);
const notes = all(doc, 'note');
const foot = notes.filter((n) => n.attrs.place === 'foot');
const end = notes.filter((n) => n.attrs.place === 'end');
/** The words of the body outside its notes. */
const bodyWords = (): string[] => {
  const out: string[] = [];
  const walk = (e: XElement) => {
    for (const c of e.children) {
      if (c.kind === 'text') out.push(...words(c.value));
      else if (c.name !== 'note' && !(c.name === 'ref' && c.attrs.type === 'noteref')) walk(c);
    }
  };
  walk(all(doc, 'body')[0]!);
  return out;
};
/** The words of a TEI element, a line break (`lb`) between words. */
const wordsOf = (e: XElement): string[] => words(e.children.map((c) => (c.kind === 'text' ? c.value : ` ${wordsOf(c).join(' ')} `)).join(''));
/** The source words of an HTML fragment, tags out. */
const htmlWords = (fragment: string) => words(fragment.replace(/<[^>]*>/g, ' ').replace(/&nbsp;?/g, ' '));

describe('foot notes without their small type, marks after anchors, row headings, several pages in a back-reference (made up: Lenin/BARE05.html)', () => {
  it('is valid for teikit and tei_all, and the accounting finds every source item in it', async () => {
    expect((await validateTei(tei, 'BARE05.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
    const fidelity = accountConversion([{ bytes, file: path, format: 'marx2mao', role: 'base' }], tei, read.edition);
    expect(fidelity.sources.flatMap((s) => s.unaccounted.map((u) => `${u.pos.line}: ${u.kind}: ${u.message}`))).toEqual([]);
    if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-bare-')), 'BARE05.tei.xml');
    writeFileSync(file, tei);
    expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
  });

  it('has every foot note with its mark, in print order, each referenced from the text and pointing back', () => {
    // the marks that open a line of a foot block: after `&nbsp; &nbsp;` (and an anchor), or `[*`
    const marks = [...html.matchAll(/^(?:&nbsp; &nbsp;(?: <A NAME="[^"]*">)?\s*|\[)(\*{1,4}) /gm)].map((m) => m[1]);
    expect(marks).toEqual(['*', '**', '*', '*', '**', '***', '****']);
    expect(foot.map((n) => n.attrs.n)).toEqual(marks);
    const refs = all(doc, 'ref').filter((r) => r.attrs.type === 'noteref');
    for (const n of foot) {
      const targets = (n.attrs.target ?? '').split(' ');
      expect(targets, `note ${n.attrs['xml:id']}`).toHaveLength(1);
      const ref = refs.find((r) => `#${r.attrs['xml:id']}` === targets[0]);
      expect(ref?.attrs.target).toBe(`#${n.attrs['xml:id']}`);
      expect(ref?.attrs.n).toBe(n.attrs.n);
    }
  });

  it('keeps the words of the notes without a FONT in their notes, and the text after the quotation in the text', () => {
    const bare = [...html.matchAll(/<HR SIZE=1 WIDTH=12% ALIGN=left NOSHADE>\n(?!<FONT)([\s\S]*?)<\/FONT>/g)].map((m) => m[1]!);
    expect(bare).toHaveLength(2);
    const footText = foot.map((n) => words(textContent(n)).join(' ')).join(' | ');
    for (const block of bare) {
      for (const line of block.split(/<BR>/)) expect(footText).toContain(htmlWords(line.replace(/^[\s\S]*?\*+/, '')).join(' '));
    }
    const body = bodyWords().join(' ');
    for (const block of bare) expect(body).not.toContain(htmlWords(block.replace(/^[\s\S]*?\*+/, '')).slice(0, 4).join(' '));
    // the paragraph after the quotation's FONT is running text of page 12
    expect(body).toContain('the ferry carried carts as well as people');
  });

  it('takes the brackets of a plain [*] as the reference mark, and [* as the note\'s label', () => {
    const para = all(doc, 'p').find((p) => textContent(p).includes('third post'))!;
    expect(textContent(para)).toMatch(/third post\."\*$/);
    const note = foot.find((n) => textContent(n).includes('ferry rules'))!;
    expect(textContent(note).startsWith('From the ferry rules')).toBe(true);
  });

  it('keeps the page anchor before the mark **** in its note, the mark out of the note\'s text', () => {
    const note = foot.find((n) => n.attrs.n === '****')!;
    expect(all(note, 'anchor').map((a) => a.attrs['xml:id'])).toEqual(['a-p13']);
    expect(textContent(note).trim().startsWith('Carts drawn by oxen')).toBe(true);
  });

  it('keeps a [p. 63] of the running text as its text', () => {
    const cited = html.match(/meeting (\[p\. 63\])/)![1]!;
    expect(all(doc, 'p').some((p) => textContent(p).includes(`meeting ${cited} to no effect`))).toBe(true);
  });

  it('keeps the row headings in their row of the table, nothing of the table before it', () => {
    const table = all(doc, 'table')[0]!;
    const rows = all(table, 'row').map((r) => all(r, 'cell').map((c) => wordsOf(c).join(' ')));
    const years = htmlWords(html.match(/<COL WIDTH=20><P ALIGN=CENTER><FONT SIZE=-1>([\s\S]*?)<\/TD>/)![1]!).join(' ');
    expect(years).toBe('1861 1874');
    expect(rows).toContainEqual([years, '312 587']);
    expect(all(doc, 'p').filter((p) => !all(table, 'p').includes(p)).some((p) => textContent(p).includes('1861'))).toBe(false);
  });

  it('writes one pageref per page a back-reference names, linked to its anchor, in order', () => {
    // the pages of each endnote's back-references, read from the HTML
    const sources = html.split(/<A NAME="en\d+">/).slice(1).map((n) => [...n.matchAll(/\[pp?\.[^\]]*\]/g)].flatMap((b) => [...b[0].matchAll(/>(\d+)<\/A>/g)].map((m) => m[1])));
    expect(sources).toEqual([['11', '13'], ['11', '12'], ['12', '13']]);
    expect(end.map((n) => all(n, 'ptr').filter((r) => r.attrs.type === 'pageref').map((r) => r.attrs.n))).toEqual(sources);
    for (const n of end) for (const r of all(n, 'ptr').filter((x) => x.attrs.type === 'pageref')) expect(r.attrs.target).toBe(`#a-p${r.attrs.n}`);
    // nothing of the brackets is left as text of the notes
    for (const n of end) expect(textContent(n)).not.toMatch(/\[|\]|\bpp?\./);
  });
});
