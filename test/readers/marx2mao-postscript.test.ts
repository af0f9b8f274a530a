/**
 * A postscript (letters.ts, markPostscript; TEI `postscript`): from a paragraph opening `P.S.` to
 * the end of a text's words, after its signature and date. Real pages: LFA17's last letter, signed
 * and dated, then `P.S. I forgot to date my previous letter March 20 (7).`; APSD02's article,
 * whose P.S. follows its closing asterisks; DCR99i's preface, whose P.S. runs to two paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { renderText } from '../../src/render/index.js';
import { fixtures } from '../support/tools.js';
import { convertPage, testPublication } from '../support/convert-page.js';

const publication = testPublication;
const convert = (page: string) => convertPage(`marx2mao-tranche2/${page}`);


describe('a postscript', () => {
  it('follows the letter\'s closer, which it no longer hides (real: Lenin/LFA17.html)', async () => {
    const { html, tei } = await convert('Lenin/LFA17.html');
    expect(html).toMatch(/<P ALIGN=right><I>N<\/I>\. <I>Lenin<\/I> &nbsp;&nbsp;\s*<P>\s*Zurich, March 22 \(9\), 1917\s*<P>&nbsp &nbsp\s*P\.S\. I forgot/);
    expect(tei).toMatch(/<closer>\s*<signed><hi rend="italic">N<\/hi>\. <hi rend="italic">Lenin<\/hi><\/signed>\s*<dateline>Zurich, <date when="1917-03-22">March 22 \(9\), 1917<\/date><\/dateline>\s*<\/closer>\s*<postscript>\s*<p>P\.S\. I forgot to date my previous letter March 20 \(7\)\.<\/p>\s*<\/postscript>\s*<closer>\s*<seg type="statement">First published/);
    expect(await renderText(tei)).toMatch(/Zurich, March 22 \(9\), 1917\s+P\.S\. I forgot to date my previous letter March 20 \(7\)\./);
  });

  it('ends the article, after its last section (real: Lenin/APSD02.html)', async () => {
    const { tei } = await convert('Lenin/APSD02.html');
    expect(tei).toMatch(/<\/div>\s*<postscript>\s*<p>P\. S\. This article was written before the outbreak of the peasant uprisings[^\n]*<\/p>\s*<\/postscript>\s*<\/div>\s*<\/body>/);
  });

  it('holds all it runs to, its notes with it (real: Lenin/DCR99i.html, the preface to the first edition)', async () => {
    const { tei } = await convert('Lenin/DCR99i.html');
    const ps = /<postscript>([\s\S]*?)<\/postscript>/.exec(tei)![1]!;
    expect(ps.match(/<p>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(ps).toMatch(/^\s*<p><anchor xml:id="a-p26"\/>P\. S\.<ref type="noteref"/);
    expect(ps).toMatch(/<p>This book \(which we received when the greater part of the present work had already been set up in type\)/);
    expect(tei.match(/<postscript>/g)).toHaveLength(1);
  });

  it('not a paragraph opening `P.S.` inside the text, with more of it and its signature after (variant of LFA17)', async () => {
    const path = join(fixtures, 'marx2mao-tranche2/Lenin/LFA17.html');
    const source = readFileSync(path, 'latin1');
    const html = source.replace(/(<P>&nbsp &nbsp\s*)(In it I will try to show)/, '$1P.S. $2');
    expect(html).not.toBe(source);
    const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
    if (!r.ok) throw new Error('not converted');
    const tei = writeTei(r.edition, publication);
    expect(tei).toMatch(/<p>P\.S\. In it I will try to show/);
    // the real one stays the letter's postscript
    expect(tei.match(/<postscript>/g)).toHaveLength(1);
  });
});
