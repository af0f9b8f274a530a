/**
 * Dates as the marx2mao pages print them (src/readers/marx2mao/dates.ts), and a contents entry's
 * date against the text's dateline (contents-dates.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/readers/marx2mao/dates.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { fixtures } from '../support/tools.js';

describe('readDate', () => {
  it('reads a day printed as an ordinal (SCPUSA29: `(May 14th, 1929.)`; CM47: `30th January 1888`)', () => {
    expect(readDate('(May 14th, 1929.)')).toEqual({ when: '1929-05-14' });
    expect(readDate('30th January 1888')).toEqual({ when: '1888-01-30' });
    expect(readDate('1st May 1919')).toEqual({ when: '1919-05-01' });
    expect(readDate('March 2nd-3rd, 1918')).toEqual({ from: '1918-03-02', to: '1918-03-03' });
  });

  it('reads months joined by "and" as the span of the work (CO48, TD47, SUC55: two documents, or written between them)', () => {
    expect(readDate('September and October 1948')).toEqual({ from: '1948-09', to: '1948-10' });
    expect(readDate('November 1946 and April 1947')).toEqual({ from: '1946-11', to: '1947-04' });
    expect(readDate('Written between December 1847 and January 1848')).toEqual({ from: '1847-12', to: '1848-01' });
    // a span must run forwards
    expect(readDate('October and September 1948')).toBeUndefined();
    expect(readDate('May 6 and 5, 1948')).toBeUndefined();
  });

  it('reads a day printed in both styles as the New Style\'s, whichever comes first (12 or 13 days apart)', () => {
    expect(readDate('October 8 (21), 1917')).toEqual({ when: '1917-10-21' });
    expect(readDate('March 26 (April 8), 1917')).toEqual({ when: '1917-04-08' });
    expect(readDate('Written on October 8 (21), 1917')).toEqual({ when: '1917-10-21' });
    // the New first (Lenin in Zurich), the Old in brackets
    expect(readDate('March 22 (9), 1917')).toEqual({ when: '1917-03-22' });
    // into the next year; the 19th century's 12 days; no comma; days
    expect(readDate('December 30 (January 12), 1917')).toEqual({ when: '1918-01-12' });
    expect(readDate('March 17 (29), 1899')).toEqual({ when: '1899-03-29' });
    expect(readDate('October 17 (30) 1905')).toEqual({ when: '1905-10-30' });
    expect(readDate('September 13-14 (26-27), 1917')).toEqual({ from: '1917-09-26', to: '1917-09-27' });
    expect(readDate('September 17-19 (30-2), 1917')).toEqual({ from: '1917-09-30', to: '1917-10-02' });
    // the New first, the Old in the month before, not named
    expect(readDate('April 2 (20), 1917')).toEqual({ when: '1917-04-02' });
    // days in one style, a day in the other: no date
    expect(readDate('September 13-14 (26), 1917')).toBeUndefined();
    // neither reading 12 or 13 days apart: a misprint, no date; no such day
    expect(readDate('March 1 (20), 1917')).toBeUndefined();
    expect(readDate('February 17 (30), 1917')).toBeUndefined();
  });

  it('reads days joined by "and" as the span of two days (RWFC25: `Pravda, Nos. 106 and 107,` / `May 12 and 13, 1925`)', () => {
    expect(readDate('November 5 and 6, 1926')).toEqual({ from: '1926-11-05', to: '1926-11-06' });
    expect(readDate('April 3 and 4, 1918')).toEqual({ from: '1918-04-03', to: '1918-04-04' });
  });

  it('reads a date with a space typed before its comma (FSAT37: `November 12 , 1937`)', () => {
    expect(readDate('November 12 , 1937')).toEqual({ when: '1937-11-12' });
    expect(readDate('(July 26 -August 3 , 1917)')).toEqual({ from: '1917-07-26', to: '1917-08-03' });
    expect(readDate('November , 1937')).toEqual({ when: '1937-11' });
    expect(readDate('12 , 1937')).toBeUndefined();
  });

  it('reads a date after a day of the week (`Saturday, May 5, 1928`)', () => {
    expect(readDate('Saturday, May 5, 1928')).toEqual({ when: '1928-05-05' });
    expect(readDate('(Monday May 6, 1929)')).toEqual({ when: '1929-05-06' });
    expect(readDate('Saturday')).toBeUndefined();
  });

  it('takes no text with an ordinal for a date unless the whole of it is one', () => {
    expect(readDate('14th Congress, 1929')).toBeUndefined();
    expect(readDate('The 5th')).toBeUndefined();
  });
});

describe('a title block or contents entry dating the text otherwise than its dateline (real: Stalin/LYCL28.html, `May 16, 1927` in both, `May 16, 1928` under the title in the text)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Stalin/LYCL28.html');
  const source = readFileSync(path, 'latin1');
  const read = (html: string, file = path) => {
    const r = readMarx2mao(Buffer.from(html, 'latin1'), file);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return { conflicts: r.edition.diagnostics.filter((d) => d.code === 'date-conflict'), work: r.edition.work };
  };
  const said = (conflicts: { message: string }[]) => conflicts.map((d) => (d.message.startsWith('the title block ') ? 'title block' : d.message.startsWith('the contents entry ') ? 'contents' : d.message));
  const entry = '<I>May 16</I>, <I>1927</I>';
  const block = 'May 16</I>, <I>1927</I></H5>';

  it('is a warning at each (the title block\'s date, the entry\'s row), both dates kept and the dateline dating the work', () => {
    const { conflicts, work } = read(source);
    expect(conflicts.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 13, 'the title block dates this text May 16, 1927, its dateline May 16, 1928: both kept as transcribed, the dateline dating the work'],
      ['warning', 36, 'the contents entry "SPEECH DELIVERED AT THE EIGHTH CONGRESS OF THE …" dates this text May 16, 1927, its dateline May 16, 1928: both kept as transcribed, the dateline dating the work'],
    ]);
    expect(work.date).toMatchObject({ when: '1928-05-16' });
  });

  it('is nothing where the years agree or meet (a range), the entry gives no year, or its date is part of its title', () => {
    expect(source.indexOf(entry)).toBeGreaterThan(source.indexOf(block));
    expect(said(read(source.replace(entry, '<I>May 16</I>, <I>1928</I>')).conflicts)).toEqual(['title block']);
    expect(said(read(source.replace(entry, '<I>May 30</I>, <I>1928</I>')).conflicts)).toEqual(['title block']);
    expect(said(read(source.replace(entry, '<I>May 16</I>')).conflicts)).toEqual(['title block']);
    expect(said(read(source.replace(block, 'December</I> <I>1927-January 1928</I></H5>')).conflicts)).toEqual(['contents']);
    expect(said(read(source.replace('LEAGUE</A>, ' + entry, 'LEAGUE OF ' + entry + '</A>')).conflicts)).toEqual(['title block']);
    // PTC24: the title block's October 22, the dateline's October 26, 1924: one year, nothing said
    expect(read(readFileSync(join(fixtures, 'marx2mao-tranche2/Stalin/PTC24.html'), 'latin1'), 'PTC24.html').conflicts).toEqual([]);
  });

  it('is read from a date in brackets, and for a text whose division opens with a page break (Mao/PWU67.html)', () => {
    expect(said(read(source.replace(entry, '(<I>May 16, 1927</I>)')).conflicts)).toEqual(['title block', 'contents']);
    const pwu = join(fixtures, 'marx2mao/Mao/PWU67.html');
    const html = readFileSync(pwu, 'latin1');
    expect(read(html, pwu).conflicts).toEqual([]);
    const printed = '(<I>May 12, 1965 </I>)';
    expect(html).toContain(printed);
    expect(read(html.replace(printed, '(<I>May 12, 1964 </I>)'), pwu).conflicts.map((d) => d.message.replace(/^.* dates this text /, ''))).toEqual([
      'May 12, 1964, its dateline May 12, 1965: both kept as transcribed, the dateline dating the work',
    ]);
  });
});
