/**
 * Images standing in a line of the text (HWR97's two Greek words, typeset as images 15 px high
 * between `expedient:` and `(for I will not write as I may …)`): a word of the paragraph, TEI
 * `graphic` inside the `p` with its ALT text as `desc`, not a figure that cuts the paragraph in
 * three. On the real page, a variant of it and every rendition.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import { figuresOf } from '../../src/convert-images.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { renderEpub, renderHtml, renderText } from '../../src/render/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { childElements, descendants, parseXmlTree, textContent, type XElement } from '../support/xml-tree.js';

const path = join(fixtures, 'marx2mao-tranche2/Lenin/HWR97.html');
const source = readFileSync(path, 'latin1');
const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };

function convert(html: string) {
  const bytes = Buffer.from(html, 'latin1');
  const r = readMarx2mao(bytes, path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  const fidelity = accountConversion([{ bytes, file: path, format: 'marx2mao', role: 'base' }], tei, r.edition);
  return { edition: r.edition, tei, doc: parseXmlTree(tei), unaccounted: fidelity.sources.flatMap((s) => s.unaccounted) };
}

/** The paragraph holding `words`. */
const paragraphWith = (doc: XElement, words: string) => descendants(doc, 'p').filter((p) => textContent(p).includes(words));

describe('images in a line of the text (real: Lenin/HWR97.html)', () => {
  const c = convert(source);

  it('stand in the paragraph, between its words, each with its size and ALT text; valid; every word accounted for', async () => {
    const [p, ...more] = paragraphWith(c.doc, 'expedient:');
    expect(more).toEqual([]);
    expect(textContent(p)).toMatch(/expedient: Greek characters Greek characters \(for I will not write as I may/);
    const graphics = childElements(p!, 'graphic');
    expect(graphics.map((g) => [g.attrs.url, g.attrs.width, g.attrs.height, textContent(childElements(g, 'desc')[0])])).toEqual([
      ['HWR97(144x15).GIF', '144px', '15px', 'Greek characters'],
      ['HWR97(165x15).GIF', '165px', '15px', 'Greek characters'],
    ]);
    expect(descendants(c.doc, 'figure')).toEqual([]);
    expect(c.unaccounted).toEqual([]);
    expect((await validateTei(c.tei, 'HWR97.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
    if (requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng())) {
      const file = join(mkdtempSync(join(tmpdir(), 'teikit-inline-image-')), 'HWR97.tei.xml');
      writeFileSync(file, c.tei);
      expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
    }
  });

  it('travel with the TEI as the figures do', () => {
    expect(figuresOf(c.edition).map((f) => f.src)).toEqual(['HWR97(144x15).GIF', 'HWR97(165x15).GIF']);
  });

  it('are images in the line of the HTML and the EPUB, described; their description in brackets in the text', async () => {
    const assetsDir = join(fixtures, 'marx2mao-tranche2/Lenin');
    const html = await renderHtml(c.tei, { assetsDir });
    expect(html).toMatch(/expedient: <img src="data:image\/gif;base64,[^"]+" alt="Greek characters" width="144" height="15"> <img [^>]*alt="Greek characters"[^>]*> \(for I will not/);
    const epub = unzipSync(await renderEpub(c.tei, { assetsDir }));
    const chapter = Object.entries(epub).find(([name, data]) => name.endsWith('.xhtml') && strFromU8(data).includes('expedient:'))!;
    expect(strFromU8(chapter[1])).toMatch(/expedient: <img src="images\/1-HWR97_144x15_\.GIF" alt="Greek characters"[^>]*\/> <img /);
    expect(Object.keys(epub).filter((name) => name.includes('HWR97'))).toHaveLength(2);
    const text = await renderText(c.tei);
    expect(text).toMatch(/expedient: \[Greek characters\] \[Greek characters\] \(for I will not/);
  });
});

describe('what stays a figure between paragraphs (variants of Lenin/HWR97.html)', () => {
  it('an image taller than a line, and a small image that opens a paragraph', () => {
    const tall = convert(source.replace('HEIGHT="15" WIDTH="144"', 'HEIGHT="200" WIDTH="144"'));
    // the small image after it no longer stands in a line of text either: both are figures
    expect(descendants(tall.doc, 'figure').map((f) => childElements(f, 'graphic')[0]!.attrs.url)).toEqual(['HWR97(144x15).GIF', 'HWR97(165x15).GIF']);
    expect(paragraphWith(tall.doc, 'expedient:')).toHaveLength(1);
    expect(textContent(paragraphWith(tall.doc, 'expedient:')[0])).toMatch(/expedient:$/);
    const opening = convert(source.replace('<IMG SRC="HWR97(144x15).GIF"', '<P><IMG SRC="HWR97(144x15).GIF"'));
    // (and the one after it: a figure ends the line)
    expect(descendants(opening.doc, 'figure')).toHaveLength(2);
    expect(tall.unaccounted).toEqual([]);
    expect(opening.unaccounted).toEqual([]);
  });
});

describe('an image in a line elsewhere on the page (variants of Lenin/HWR97.html)', () => {
  const small = '<IMG SRC="HWR97(144x15).GIF" HEIGHT="15" WIDTH="144" ALT="Greek word">';

  it('after a page marker, in the paragraph that runs on across the page, is a word of it', () => {
    const c = convert(source.replace(/\nSkaldin, consequently,/, `\n${small} Skaldin, consequently,`));
    const [p, ...more] = paragraphWith(c.doc, 'Skaldin, consequently,');
    expect(more).toEqual([]);
    expect(childElements(p!, 'pb').map((pb) => pb.attrs.n)).toContain('500');
    expect(childElements(p!, 'graphic').map((g) => textContent(childElements(g, 'desc')[0]))).toContain('Greek word');
    expect(c.unaccounted).toEqual([]);
  });

  it('in a link to another site, stays in the link', () => {
    const c = convert(source.replace('borrowing the words of a Greek writer', `borrowing the words of <A HREF="http://example.org/greek">a Greek ${small} writer</A>`));
    const link = descendants(c.doc, 'ref').find((r) => r.attrs.target === 'http://example.org/greek')!;
    expect(textContent(link)).toBe('a Greek Greek word writer');
    expect(childElements(link, 'graphic')).toHaveLength(1);
  });

  it('in a heading, is left out of the heading as a title (the EPUB contents); missing from the EPUB, its description stands in for it', async () => {
    const c = convert(source.replace('ONE REPRESENTATIVE OF', `ONE REPRESENTATIVE ${small} OF`));
    expect(descendants(c.doc, 'head').some((h) => childElements(h, 'graphic').length === 1)).toBe(true);
    const warnings: string[] = [];
    const epub = unzipSync(await renderEpub(c.tei, { assetsDir: mkdtempSync(join(tmpdir(), 'teikit-no-images-')), onWarning: (w) => warnings.push(w) }));
    expect(warnings.length).toBeGreaterThan(0);
    const nav = strFromU8(epub['OEBPS/nav.xhtml']!);
    expect(nav).toMatch(/ONE REPRESENTATIVE OF THE "HERITAGE"|ONE REPRESENTATIVE OF THE &quot;HERITAGE&quot;/);
    const chapter = Object.entries(epub).find(([name, data]) => name.endsWith('.xhtml') && strFromU8(data).includes('expedient:'))!;
    expect(strFromU8(chapter[1])).toMatch(/expedient: \[Greek characters\] \[Greek characters\] \(for I will not/);
  });
});

