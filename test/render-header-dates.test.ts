/**
 * The header of the renditions introduces the dates of writing and of first publication
 * (`Written …`, `First published …`) unless the source's statement already opens with such words
 * (HWR97: `Written in exile at the end or 1897`, `First published in 1898 in the miscellany …`),
 * which had been printed as `Written Written in exile …`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { renderHtml, renderText } from '../src/render/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';

function tei(rel: string): string {
  const path = join(fixtures, rel);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error('refused');
  return writeTei(r.edition, { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' });
}

describe('dates in the renditions\' header', () => {
  it('are not introduced twice where the statement opens with its own words (Lenin/HWR97.html)', async () => {
    const hwr = tei('marx2mao-tranche2/Lenin/HWR97.html');
    const html = await renderHtml(hwr);
    expect(html).toMatch(/<p class="created">(?:<time[^>]*>)?Written in exile at the end or 1897/);
    expect(html).toMatch(/<p class="published">(?:<time[^>]*>)?First published in 1898 in the miscellany/);
    const text = await renderText(hwr);
    expect(text).toMatch(/^Written in exile at the end or 1897/m);
    expect(text).toMatch(/^First published in 1898 in the miscellany/m);
    expect(text).not.toMatch(/Written Written|First published First published/);
  });

  it('are not introduced where the statement opens with such a word misspelt as transcribed (Lenin/MI17.html, TUTB21.html)', async () => {
    expect(await renderText(tei('marx2mao/Lenin/MI17.html'))).toMatch(/^Witten September 13-14 \(26-27\), 1917$/m);
    expect(await renderText(tei('marx2mao-tranche2/Lenin/TUTB21.html'))).toMatch(/^Publighed as a pamphlet in January 1921/m);
  });

  it('are introduced where the statement is a date or a paper alone (Stalin/RCTC27.html)', async () => {
    const text = await renderText(tei('marx2mao-tranche2/Stalin/RCTC27.html'));
    expect(text).toMatch(/^Written May 24, l927$/m);
    expect(text).toMatch(/^First published Bolshevik, No\. 10, May 31, 1927$/m);
  });
});
