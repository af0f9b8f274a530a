/**
 * Preformatted text on a Lenin Internet Archive page: no fixture page has a `<pre>`, so MW18.html
 * is given one under its section heading (a small table of figures in columns set with spaces, a
 * note reference at its end, a `<br>` for one line end) and a `<pre>` of white space alone. The
 * table is one block, its lines and spaces as the page has them (tidied as marx2mao's, shared
 * src/readers/shared/preformatted.ts): the model's Preformatted, TEI `ab type="preformatted"
 * xml:space="preserve"` (valid house TEI and tei_all), its lines as they are in the text rendition;
 * the white space makes no block; every word of the page in order.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import type { Block, Edition, Inline, Preformatted } from '../../src/model/types.js';
import { readLia } from '../../src/readers/lia/index.js';
import { renderText } from '../../src/render/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { blockText } from '../support/model-text.js';
import { firstDifference, words } from '../support/words.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { descendants, parseXmlTree, type XElement, type XNode } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };
const MW18 = join(fixtures, 'lia/Lenin/MW18.html');
const AT = '<h3>The Account of the Yarn</h3>\n';

/** The table as the page sets it: the line end after `<pre>`, spaces ending a line, a `<br>`. */
const TABLE = [
  '<pre>',
  '                     Bales     Sold     Sold   ',
  'Mill                counted    once    twice',
  'Narva  . . . . . .    1,240    1,200       40<br>Kreenholm  . . . .      860&nbsp;     860       --',
  '     <i>Total</i>            2,100    2,060       40<sup class="anote"><a href="#fwV27E903">[3]</a></sup>',
  '</pre>',
  '<pre>   ',
  '  </pre>',
  '',
].join('\n');

/** Its lines as the print shows them. */
const LINES = [
  '                     Bales     Sold     Sold',
  'Mill                counted    once    twice',
  'Narva  . . . . . .    1,240    1,200       40',
  'Kreenholm  . . . .      860      860       --',
  '     Total            2,100    2,060       403',
];

function convert() {
  const html = readFileSync(MW18, 'latin1');
  expect(html).toContain(AT);
  expect(html).not.toMatch(/<pre/i);
  const bytes = Buffer.from(html.replace(AT, AT + TABLE), 'latin1');
  const r = readLia(bytes, MW18);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  return { html: bytes.toString('latin1'), edition: r.edition, tei, fidelity: accountConversion([{ bytes, file: MW18, format: 'lia', role: 'base' }], tei, r.edition) };
}

function modelText(list: Inline[]): string {
  return list.map((i) => (i.type === 'text' ? i.value : i.type === 'noteRef' ? i.n : 'children' in i ? modelText(i.children) : '')).join('');
}
function rawText(n: XNode): string {
  return n.kind === 'text' ? n.value : n.children.map(rawText).join('');
}
const preformattedAbs = (tei: string): XElement[] => descendants(parseXmlTree(tei), 'ab').filter((ab) => ab.attrs.type === 'preformatted');

describe('a <pre> table on an LIA page (MW18.html with one inserted)', () => {
  const c = convert();
  const section = c.edition.body.find((b): b is Block & { type: 'heading' } => b.type === 'heading' && modelText(b.children) === 'The Account of the Yarn');

  it('the reader makes it one preformatted block after the heading, its lines and spaces kept; the <pre> of white space none', () => {
    expect(section).toBeDefined();
    const at = c.edition.body.indexOf(section!);
    expect(c.edition.body.map((b) => b.type).slice(at, at + 3)).toEqual(['heading', 'preformatted', 'paragraph']);
    const pre = c.edition.body[at + 1] as Preformatted;
    expect(modelText(pre.children).split('\n')).toEqual(LINES);
    expect(pre.rend).toBeUndefined();
    // emphasis and the note reference stay in it
    expect(pre.children.find((i) => i.type === 'emph')).toMatchObject({ rend: 'italic', children: [{ type: 'text', value: 'Total' }] });
    expect(pre.children.at(-1)).toMatchObject({ type: 'noteRef', noteId: 'n3', n: '3' });
    expect(c.edition.body.filter((b) => b.type === 'preformatted')).toHaveLength(1);
    // no paragraph holds its words
    for (const b of c.edition.body) if (b.type === 'paragraph') expect(modelText(b.children)).not.toContain('Kreenholm');
  });

  it('every word of the page is in the text, in order; the report leaves none unaccounted', () => {
    const region = c.html.slice(c.html.search(/<p>Comrades/), c.html.indexOf('<hr class="end">'))
      .replace(/<sup class="anote">.*?<\/sup>/g, ' ')
      .replace(/<br>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&[lr]dquo;/g, '"')
      .replace(/&nbsp;/g, ' ');
    expect(firstDifference(words(region), words(blockText(c.edition.body.slice(1))))).toBeUndefined();
    expect(c.fidelity.unaccounted).toBe(0);
  });

  it('the TEI has it as ab type="preformatted" xml:space="preserve" of those lines; valid house TEI', async () => {
    const abs = preformattedAbs(c.tei);
    expect(abs).toHaveLength(1);
    expect(abs[0]!.attrs['xml:space']).toBe('preserve');
    expect(rawText(abs[0]!).split('\n')).toEqual(LINES);
    expect(c.tei).toContain('<ab type="preformatted" xml:space="preserve">                     Bales     Sold     Sold\nMill ');
    expect(c.tei).toContain('     <hi rend="italic">Total</hi>            2,100    2,060       40<ref type="noteref" xml:id="nr3" n="3" target="#n3">3</ref></ab>');
    expect((await validateTei(c.tei, MW18)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is valid tei_all', async () => {
    if (!requireTool('jing', which('jing')) || !requireTool('tei_all.rng', teiAllRng())) return;
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-liapre-')), 'MW18.tei.xml');
    writeFileSync(file, c.tei);
    expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
  });

  it('the text rendition has its lines as they are, a block of their own', async () => {
    const text = await renderText(c.tei);
    expect(text).toContain(`The Account of the Yarn\n\n${LINES.slice(0, 4).join('\n')}\n     Total            2,100    2,060       40[3]\n\n`);
  });
});

describe('variants: a <pre> of white space alone, a centred <pre>', () => {
  it('makes no block: the edition is as without it', () => {
    const html = readFileSync(MW18, 'latin1');
    const read = (h: string): Edition => {
      const r = readLia(Buffer.from(h, 'latin1'), MW18);
      if (!r.ok) throw new Error('refused');
      return r.edition;
    };
    const blank = read(html.replace(AT, `${AT}<pre>\n   \n&nbsp;\n</pre><pre></pre><pre><br> </pre>\n`));
    expect(writeTei(blank, publication)).toBe(writeTei(read(html), publication));
  });

  it('a <pre> centred by its class or align is rend="center"', () => {
    for (const attr of ['class="center"', 'align="center"']) {
      const r = readLia(Buffer.from(readFileSync(MW18, 'latin1').replace(AT, `${AT}<pre ${attr}>  1   2\n 10  20</pre>\n`), 'latin1'), MW18);
      if (!r.ok) throw new Error('refused');
      expect(r.edition.body.find((b) => b.type === 'preformatted')).toMatchObject({ rend: 'center', children: [{ type: 'text', value: '  1   2\n 10  20' }] });
    }
  });
});
