/**
 * A formatting element the source leaves open inside a block it closes (`<UL><UL><PRE>… <FONT
 * SIZE=-1> …</UL></UL></PRE>`) is re-opened by the HTML5 parser around the rest of the page: IMP16's
 * chapters IV-VIII had become one quotation in small type inside chapter III, their headings
 * paragraphs. The copies outside the block are taken away; italics run on over paragraphs stay.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml, textOf, tag, type Node } from '../src/readers/marx2mao/dom.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';

/** The tag names of the elements around each text that holds `word`, outermost first. */
function around(doc: Node, word: string): string[][] {
  const out: string[][] = [];
  const walk = (n: Node, path: string[]): void => {
    if (n.nodeName === '#text' && textOf(n).includes(word)) out.push(path);
    for (const c of 'childNodes' in n ? (n.childNodes as Node[]) : []) walk(c, tag(n) ? [...path, tag(n)] : path);
  };
  walk(doc, []);
  return out;
}

describe('formatting left open inside a closed block', () => {
  it('ends with the block; italics run on over an implied paragraph end stay', () => {
    const doc = parseHtml('<body><P>a<UL><UL><PRE>\nX<FONT SIZE=-1>\n small\n</UL></UL></PRE><P>after <I>it<P>next</I> par');
    expect(around(doc, 'small')).toEqual([['html', 'body', 'ul', 'ul', 'pre', 'font']]);
    expect(around(doc, 'after')).toEqual([['html', 'body', 'p']]);
    expect(around(doc, 'next')).toEqual([['html', 'body', 'p', 'i']]);
    expect(around(doc, 'par')).toEqual([['html', 'body', 'p']]);
  });

  it('IMP16: every chapter is a division of its own, none a paragraph inside a quotation', () => {
    const file = join(fixtures, 'marx2mao-tranche2/Lenin/IMP16.html');
    const r = readMarx2mao(readFileSync(file), file);
    if (!r.ok) throw new Error('refused');
    const tei = writeTei(r.edition, { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' });
    const chapters = [...tei.matchAll(/<div type="chapter"[^>]*>\s*(?:<pb [^>]*\/>\s*)*<head>(?:<anchor[^>]*\/>)*([IVX]+)\. /g)].map((m) => m[1]);
    expect(chapters).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
    expect(tei).not.toContain('<p rend="heading">');
  });
});
