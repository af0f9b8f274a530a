/**
 * An image between endnotes (before a note's anchor, or after the last note) has no container in
 * the reader's flow: it crashed the conversion ("flow has no container", found by the 100,000-run
 * fuzz on CO47 and LL21). Made up from SCHEMES17 by inserting images where the fuzz put them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';
import { descendants, parseXmlTree } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-04' };
const path = join(fixtures, 'marx2mao-made', 'Lenin/SCHEMES17.html');
const source = readFileSync(path).toString('latin1');

function convert(html: string) {
  const read = readMarx2mao(Buffer.from(html, 'latin1'), path);
  if (!read.ok) throw new Error(read.diagnostics.map((d) => d.message).join('; '));
  return writeTei(read.edition, publication);
}

describe('an image among the endnotes', () => {
  const before = source.replace('<SUP><FONT SIZE=-2><A NAME="en1">', '<IMG SRC="between.gif" ALT="a mill"><SUP><FONT SIZE=-2><A NAME="en1">');
  const after = source.replace('</FONT>\n</UL>', '</FONT>\n<IMG SRC="after.gif" ALT="a cart">\n</UL>');

  it('before the first note\'s anchor: kept as a figure opening that note, the TEI valid', async () => {
    expect(before).not.toBe(source);
    const tei = convert(before);
    const doc = parseXmlTree(tei);
    const note1 = descendants(doc, 'note').find((n) => n.attrs.place === 'end' && n.attrs.n === '1')!;
    expect(note1.children.find((c) => c.kind !== 'text')).toMatchObject({ name: 'figure' });
    expect(descendants(note1, 'graphic').map((g) => g.attrs.url)).toEqual(['between.gif']);
    expect((await validateTei(tei, 'SCHEMES17.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('after the last note: kept at the end of that note, never dropped', async () => {
    expect(after).not.toBe(source);
    const tei = convert(after);
    const doc = parseXmlTree(tei);
    expect(descendants(doc, 'graphic').map((g) => g.attrs.url)).toContain('after.gif');
    expect((await validateTei(tei, 'SCHEMES17.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
