/**
 * The statements of a Lenin *Collected Works* title block (a two-column table above the title:
 * when the text was written, where it was first published, how it was signed, what it is printed
 * from) reach the TEI header, on the sample's own pages: the writing date as the work's date of
 * creation (`Written August-September 1916`; a date in both calendars dated by the New Style; a
 * span of years), and the other statements as printed, in the print edition's biblStruct. They
 * were dropped without a word before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { readStatements } from '../src/readers/marx2mao/title-facts.js';
import { writeTei } from '../src/tei/index.js';
import { validateTei } from '../src/validate/index.js';
import { fixtures } from './support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-05' };

function teiOf(page: string): string {
  const file = join(fixtures, page === 'MI17' ? 'marx2mao/Lenin' : 'marx2mao-tranche2/Lenin', `${page}.html`);
  const r = readMarx2mao(readFileSync(file), file);
  if (!r.ok) throw new Error(`${page} refused`);
  return writeTei(r.edition, publication);
}

const creation = (tei: string) => /<creation>(<date(?![^>]*type="published")[^>]*>[^<]*<\/date>)/.exec(tei)?.[1];
const statements = (tei: string) => [...tei.matchAll(/<note type="statement">([^<]*)<\/note>/g)].map((m) => m[1]);

describe('a Lenin title block\'s statements in the header', () => {
  it('the writing date, as printed and dated', () => {
    expect(creation(teiOf('NT16'))).toBe('<date from="1916-08" to="1916-09">Written August-September 1916</date>');
    // Old Style (New Style): the New is the Gregorian date @when gives
    expect(creation(teiOf('AO17'))).toBe('<date when="1917-10-21">Written on October 8 (21), 1917</date>');
    expect(creation(teiOf('MI17'))).toBe('<date from="1917-09-26" to="1917-09-27">Witten September 13-14 (26-27), 1917</date>');
    expect(creation(teiOf('DCR99i'))).toBe('<date from="1896" to="1899">Written in 1896-99.</date>');
    expect(creation(teiOf('QNA22'))).toBe('<date from="1922-12-30" to="1922-12-31">Dictated December 30-31, 1922</date>');
    // a season: the year; a dash after a month at a line's end stays a dash
    expect(creation(teiOf('ER97'))).toBe('<date when="1897">Written in spring 1897</date>');
    expect(creation(teiOf('APSD02'))).toBe('<date when="1902">Written in February-first half of March 1902</date>');
  });

  it('how it was signed and what it is printed from, as printed; the TEI valid', async () => {
    const nt16 = teiOf('NT16');
    expect(statements(nt16)).toEqual(['Signed: N. Lenin', 'Published according to the manuscript']);
    expect(statements(teiOf('ER97'))).toEqual([
      'Signed: K. T-n',
      'Reprinted in the miscellany Economic Studies and Essays by Vladimir Ilyin, 1898',
      expect.stringMatching(/^Published according to the text of the miscellany Economic Studies and Essays, checked with the text in Novoyo Slovo/),
    ]);
    expect((await validateTei(nt16, 'NT16.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('the writing date of a statement in both calendars or with more than a date', () => {
  it('dates by the New Style, into the next year where it falls there; a bound or a second clause is not a date', async () => {
    const { readWritten } = await import('../src/readers/marx2mao/title-facts.js');
    const read = (...lines: string[]) => {
      const r = readWritten(lines);
      return r && { when: r.when, from: r.from, to: r.to };
    };
    expect(read('Written December 24-27, 1917 (January 6-9, 1918)')).toEqual({ when: undefined, from: '1918-01-06', to: '1918-01-09' });
    expect(read('Written December 30 (January 12), 1917')).toEqual({ when: '1918-01-12', from: undefined, to: undefined });
    expect(read('Written December 30 (12), 1917')).toEqual({ when: '1918-01-12', from: undefined, to: undefined });
    expect(read('Written October 30 (12), 1917')).toEqual({ when: '1917-11-12', from: undefined, to: undefined });
    expect(read('Written not earlier than 1910')).toEqual({ when: undefined, from: undefined, to: undefined });
    expect(read('Written July 1916; published 1917')).toEqual({ when: '1916-07', from: undefined, to: undefined });
  });
});

describe('an edition\'s history and a publisher\'s note in a title block', () => {
  const tei = (rel: string) => {
    const file = join(fixtures, rel);
    const r = readMarx2mao(readFileSync(file), file);
    if (!r.ok) throw new Error(`${rel} refused`);
    return writeTei(r.edition, publication);
  };

  it('are kept as printed in the print edition\'s biblStruct (ESC76ii\'s copyright page, ACL50\'s quoted note)', async () => {
    const esc = tei('marx2mao-tranche2/Other/ESC76ii.html');
    expect(statements(esc)).toEqual([
      'Réponse à John Lewis was published by François Maspero, 1973',
      'Eléments d\'Autocritique was published by Librairie Hachette, 1974',
      'Est-Il Simple d\'Etre Marxiste en Philosophie? was published in La Pensée, October 1975',
      'This edition, Essays in Self-Criticism, first published 1976',
    ]);
    const acl = tei('marx2mao-tranche2/M&E/ACL50.html');
    expect(statements(acl)).toHaveLength(1);
    expect(statements(acl)[0]).toMatch(/^" \. \. \. reprinted with a few corrections of the translation from the English edition of Marx and Engels, Selected Works, .* compiled from various sources\."$/);
    for (const t of [esc, acl]) expect((await validateTei(t, 'statements.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the first publication is dated by its imprint, not by the years a collection\'s title spans (SPQ19)', () => {
    expect(tei('marx2mao/Stalin/SPQ19.html')).toContain(
      '<date type="published" when="1928">First published in: J. Stalin, On the Opposition. Articles and Speeches (1921-27), Moscow and Leningrad, 1928</date>',
    );
  });

  it('letter-spaced type is read as its words (APSD02\'s `Signed: N. L e n i n`, HCPSU39iii\'s editor over two lines in capitals)', () => {
    expect(statements(tei('marx2mao-tranche2/Lenin/APSD02.html'))).toContain('Signed: N. Lenin');
    expect(tei('marx2mao-tranche2/Other/HCPSU39iii.html')).toMatch(/<monogr>\s*<title level="m">[^<]*<\/title>\s*<editor>A Commission of the Central Committee of the C\. P\. S\. U\. \(B\.\)<\/editor>/);
  });

  it('a line that goes on with another statement, or a heading that says "was published", is no statement of its own', () => {
    expect(readStatements(['Published according to', 'the text of the pamphlet, which', 'was published in Geneva in 1917'])).toEqual([
      'Published according to the text of the pamphlet, which was published in Geneva in 1917',
    ]);
    expect(readStatements(['How the Appeal Was Published'])).toEqual([]);
  });
});
