/**
 * Four patterns that made teikit write invalid TEI, caught by its own validation gate (a clean
 * refusal, exit 1) in the fuzz: each is now converted validly, generally. Made up from
 * the made-up SCHEMES17 page by the edits the fuzz made:
 * - a page cut short after its first right-aligned line: a division that would hold only a
 *   closer (TEI forbids a closer with no text before it) has none;
 * - a page marker repeated where the reader takes it into the NOTES heading: the writer
 *   missed page breaks in the notes section's heading, so it did not declare the repetition;
 * - a page number with a control character in it (`page 2\x129`): written as `29`, and judged as
 *   `29` (out of sequence), as `teikit validate` reads it;
 * - a link whose scheme has a character no scheme has (`mailtº:`, in the 100,000-run fuzz): its
 *   colon escaped, since a relative reference cannot hold one before its first `/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles } from '../../src/convert.js';
import { fixtures } from '../support/tools.js';
import { descendants, parseXmlTree, textContent } from '../support/xml-tree.js';

const path = join(fixtures, 'marx2mao-made', 'Lenin/SCHEMES17.html');
const source = readFileSync(path).toString('latin1');
const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-05' };

/** Convert through the gate (it throws on invalid TEI): the TEI, its diagnostics. */
async function convert(html: string) {
  return convertFiles(['-'], { stdin: Buffer.from(html, 'latin1'), stdinName: 'SCHEMES17.html', publication });
}

describe('sources that made invalid TEI, now converted validly', () => {
  it('a page cut short after a right-aligned line: no closer without text before it', async () => {
    const cut = source.slice(0, source.indexOf('<A NAME="p11">')) + '<P ALIGN=right>J. Smith';
    const { tei } = await convert(cut);
    const doc = parseXmlTree(tei);
    expect(descendants(doc, 'closer')).toHaveLength(0);
    const ps = descendants(doc, 'p').filter((p) => p.attrs.rend === 'right');
    expect(ps.map((p) => textContent(p).trim())).toEqual(['J. Smith']);
  });

  it('a page marker repeated into the NOTES heading: the repetition declared, not refused', async () => {
    const marker = '<P ALIGN=right><FONT SIZE=-2><B>page 13</B></FONT><P>';
    // the fuzz's edit: the marker repeated inside the `&nbsp;` that opens the first note
    const twice = source.replace('<BR><BR>\n\n<P>&nbsp; \n<SUP><FONT SIZE=-2><A NAME="en1">', `<BR><BR>\n\n<P>&n${marker}bsp; \n<SUP><FONT SIZE=-2><A NAME="en1">`);
    expect(twice.split('page 13').length).toBe(3);
    const { tei, diagnostics } = await convert(twice);
    const pbs = descendants(parseXmlTree(tei), 'pb').filter((pb) => pb.attrs.n === '13');
    expect(pbs.map((pb) => pb.attrs.type)).toEqual([undefined, 'repeated']);
    expect(diagnostics.some((d) => d.code === 'page-out-of-sequence' && /13 follows page 13/.test(d.message))).toBe(true);
  });

  it('a page number with a control character: written and judged as the digits XML keeps', async () => {
    const flipped = source.replace('<B>page 13</B>', '<B>page 1\u00120</B>');
    expect(flipped).not.toBe(source);
    const { tei } = await convert(flipped);
    const pbs = descendants(parseXmlTree(tei), 'pb').filter((pb) => pb.attrs.edRef);
    expect(pbs.map((pb) => [pb.attrs.n, pb.attrs.type])).toEqual([['11', undefined], ['12', undefined], ['10', 'out-of-sequence']]);
  });

  it('a link with a broken scheme: its colon escaped, the link kept', async () => {
    // as the fuzz had it: the credit line no longer says "for the Internet", so it is text, link and all
    const broken = source.replace('HREF="mailto:', 'HREF="mailt\u00ba:').replace('for the Internet', 'forxthe Internet');
    expect(broken).not.toBe(source);
    const { tei } = await convert(broken);
    const refs = descendants(parseXmlTree(tei), 'ref').filter((r) => r.attrs.target?.startsWith('mailt'));
    expect(refs.map((r) => r.attrs.target)).toEqual(['mailt%C2%BA%3Adjr@marx2mao.org']);
    const { uri } = await import('../../src/tei/xml.js');
    expect(['mailto:a@b', 'a:b', 'foo/bar:baz', '#p5', '1:2'].map(uri)).toEqual(['mailto:a@b', 'a:b', 'foo/bar:baz', '#p5', '1%3A2']);
  });
});
