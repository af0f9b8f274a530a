/**
 * Statements of the source in a table under a work's title (end-statements.ts,
 * markOpeningStatements; opening-facts.ts): the work's opener, and the dates of its writing and
 * first printing in the header where nothing else gives them. Real pages: WLC47, whose WAGE LABOUR
 * AND CAPITAL (after Engels' introduction) opens with `Written by Marx in December 1847` / `First
 * published in the first Neue Rheinische Zeitung, April 5-8 and 11, 1849` beside `Text conforms to
 * the 1891 pamphlet edition…`; CWF71's The Civil War in France, `Written by Marx in April-May 1871`.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/index.js';
import { readWritten } from '../../src/readers/marx2mao/title-facts.js';
import { convertPage } from '../support/convert-page.js';

const convert = (page: string) => convertPage(`marx2mao/${page}`);


describe('statements of the source under a work\'s title', () => {
  it('are the work\'s opener, not a table, and date it (real: M&E/WLC47.html)', async () => {
    const { html, tei } = await convert('M&E/WLC47.html');
    expect(html).toMatch(/Written&nbsp;by&nbsp;Marx&nbsp;in&nbsp;December<BR>/);
    expect(tei).toMatch(/<head><anchor xml:id="a-TP"\/>WAGE LABOUR AND CAPITAL<\/head>\s*<opener>\s*<seg type="statement">Written by Marx in December<lb\/>/);
    expect(tei).toMatch(/<seg type="statement">First published in the first <hi rend="italic">Neue<\/hi><lb\/><hi rend="italic">Rheinische Zeitung<\/hi>, April 5-8 and<lb\/>11, 1849<\/seg>/);
    expect(tei).not.toMatch(/<cell role="data">Written by Marx/);
    expect(tei).toMatch(/<creation><date when="1847-12">Written by Marx in December 1847<\/date><date type="published" when="1849">/);
    // the renditions show them as the statements they are
    expect(await renderHtml(tei)).toMatch(/<div class="opener">\s*<p class="statement">Written by Marx in December<br>/);
  });

  it('date the work by a period where they give one (real: M&E/CWF71.html)', async () => {
    const { tei } = await convert('M&E/CWF71.html');
    expect(tei).toMatch(/<opener>\s*<seg type="statement">Written by Marx in <date from="1871-04" to="1871-05">April-May 1871<\/date><\/seg>/);
    expect(tei).toMatch(/<creation><date from="1871-04" to="1871-05">Written by Marx in April-May 1871<\/date><\/creation>/);
    // the page breaks after the last statement are the text's, not the opener's
    expect(tei).toMatch(/<\/opener>\s*<pb n="40"/);
  });

  it('who wrote it is no part of when it was written', () => {
    expect(readWritten(['Written by F. Engels on March 3, 1883'])).toMatchObject({ when: '1883-03-03' });
    expect(readWritten(['Written by Marx and Engels in December 1847-January 1848'])).toMatchObject({ from: '1847-12', to: '1848-01' });
    expect(readWritten(['Written by Lenin'])).toEqual({ text: 'Written by Lenin' });
  });
});
