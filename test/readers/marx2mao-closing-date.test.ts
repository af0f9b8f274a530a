/**
 * The end of a text: a date alone under its last paragraph is its date line (letters.ts,
 * markClosingDate), and dates the work where nothing else does; a statement of the source that
 * opens `Published as …` is one (end-statements.ts). Real pages: TUTB21 and IC17 end with their
 * date alone; LTC22's `December 27, 1922` under `Continuation of the notes.` opens the next note
 * and stays as it is; WLC47's preface by Engels is followed by `Published as supplement to …`.
 */
import { describe, expect, it } from 'vitest';
import { convertPage } from '../support/convert-page.js';

const convert = convertPage;


describe('the end of a text', () => {
  it('a date alone under the last paragraph is the date line, and dates the work (real: Lenin/TUTB21.html)', async () => {
    const { html, tei } = await convert('marx2mao-tranche2/Lenin/TUTB21.html');
    // the source: the last paragraph of the text is the date, indented like the others
    expect(html).toMatch(/<P>&nbsp &nbsp\s+January 25, 1921\s+<P><BR>\s*<HR/);
    // after the last section's last paragraph: the date closes the whole work
    expect(tei).toMatch(/The Party's enemies had rejoiced too soon\.[^\n]*<\/p>\s*<\/div>\s*<dateline><date when="1921-01-25">January 25, 1921<\/date><\/dateline>\s*<\/div>\s*<\/body>/);
    expect(tei).toMatch(/<creation><date when="1921-01-25">January 25, 1921<\/date>/);
  });

  it('a range of days too (real: Lenin/IC17.html)', async () => {
    const { html, tei } = await convert('marx2mao-tranche2/Lenin/IC17.html');
    expect(html).toMatch(/September 10-14, 1917/);
    expect(tei).toMatch(/<dateline><date from="1917-09-10" to="1917-09-14">September 10-14, 1917<\/date><\/dateline>/);
  });

  it('not a date under a short line, which opens what follows (real: Lenin/LTC22.html, Lenin/QNA22.html)', async () => {
    for (const page of ['marx2mao-tranche2/Lenin/LTC22.html', 'marx2mao-tranche2/Lenin/QNA22.html']) {
      const { tei } = await convert(page);
      expect(tei).toMatch(/<p>Continuation of the notes\.<\/p>\s*(?:<\/div>\s*)?<p>December \d+, 1922<\/p>/);
      expect(tei).not.toMatch(/<dateline><date when="1922-12-(?:27|31)">/);
    }
  });

  it('`Published as supplement to …` is a statement of the source in the closer (real: M&E/WLC47.html)', async () => {
    const { html, tei } = await convert('marx2mao/M&E/WLC47.html');
    expect(html).toMatch(/Published&nbsp;&nbsp; as&nbsp;&nbsp; supplement&nbsp;&nbsp; to<BR>/);
    expect(tei).toMatch(/<signed><hi rend="italic">Frederick Engels<\/hi><\/signed>\s*<dateline>London, <date when="1891-04-30">April 30, 1891<\/date><\/dateline>\s*<seg type="statement">Published as supplement to<lb\/>/);
    expect(tei).toMatch(/<seg type="statement">Translated from the German<\/seg>\s*<\/closer>/);
  });
});
