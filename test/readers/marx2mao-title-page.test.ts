/**
 * A book's printed title page where the title is set in large type under the author's name in a
 * heading (TS19, EPS52: `<H2>V. I. LENIN</H2>` over `<FONT SIZE=+3>THE STATE</FONT>`), and a
 * subtitle broken over lines in one italic element (`A Lecture Delivered` / `at the Sverdlov
 * University,` / `July 11, 1919`), whose date is the date the work was delivered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Edition, TitlePage } from '../../src/model/types.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };

function read(html: string | Buffer, path: string): Edition {
  const r = readMarx2mao(typeof html === 'string' ? Buffer.from(html, 'latin1') : html, path);
  if (!r.ok) throw new Error(`${path}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.edition;
}
const titlePage = (ed: Edition) => ed.front.find((b: Block): b is TitlePage => b.type === 'titlePage');
const lines = (tp: TitlePage | undefined, role: string) => tp?.lines.filter((l) => l.role === role).map((l) => l.text) ?? [];
const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleUpperCase('en');

const ts19Path = join(fixtures, 'marx2mao-tranche2/Lenin/TS19.html');
const ts19 = readFileSync(ts19Path, 'latin1');

describe('a title in large type under the author in a heading', () => {
  it('TS19: the author is the docAuthor, THE STATE the title, the italic lines one subtitle', () => {
    const ed = read(ts19, ts19Path);
    const tp = titlePage(ed);
    // read from the HTML: the heading, the large type, the italic element's lines
    const author = ts19.match(/<H2>([^<]+)<\/H2>/)![1]!;
    const title = ts19.match(/<FONT SIZE=\+3><B>([^<]+)<\/B><\/FONT>/)![1]!.replace(/&nbsp;/g, ' ').trim();
    const italic = ts19.match(/<I>(A Lecture[^]*?)<\/I>/)![1]!.split(/<BR>/).map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines(tp, 'author')).toEqual([[author]]);
    expect(lines(tp, 'title')).toEqual([[title]]);
    expect(lines(tp, 'subtitle')).toEqual([italic]);
    // the date of the lecture is not an imprint's: the imprint is the press's year alone
    expect(tp!.lines.filter((l) => l.role === 'imprint').map((l) => l.year)).toEqual(['1970']);
    const tei = writeTei(ed, publication);
    expect(tei).toContain(`<docAuthor>${author}</docAuthor>`);
    expect(tei).toContain(`<titlePart type="main">${title}</titlePart>`);
    expect(tei).toContain(`<titlePart type="sub">${italic.join('<lb/>')}</titlePart>`);
    // and the header's title statement has it as the work's subtitle
    expect(ed.work.subtitle).toBe(italic.join(' '));
    expect(tei).toContain(`<title type="sub">${italic.join(' ')}</title>`);
  });

  it('ESC76ii: the title page\'s part line (`[ Part 2 ]`) is the header\'s part title, not a subtitle beside it', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Other/ESC76ii.html');
    const ed = read(readFileSync(path), path);
    expect(lines(titlePage(ed), 'subtitle').map((l) => l.join(' '))).toEqual(['[ Part 2 ]']);
    expect(ed.work.part).toBe('Part 2');
    expect(ed.work.subtitle).toBeUndefined();
    expect(writeTei(ed, publication).match(/<title type="sub">/g)).toHaveLength(1);
  });

  it('EPS52: a title in large type of two sizes is one title, the name over it the author', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Stalin/EPS52.html');
    const html = readFileSync(path, 'latin1');
    const tp = titlePage(read(html, path));
    const big = [...html.matchAll(/<FONT SIZE=\+[23]>([^<]+)<\/FONT>/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
    expect(big.length).toBeGreaterThanOrEqual(5);
    expect(lines(tp, 'title')).toEqual([big]);
    expect(lines(tp, 'author')).toEqual([['J. V.', 'STALIN']]);
    expect(lines(tp, 'subtitle')).toEqual([]);
  });

  it('keeps a heading that is no name (lower case, or more than a few words) as the title over large type', () => {
    for (const heading of ['Lectures on the State', 'LECTURES ON THE STATE AND ITS ORIGIN']) {
      const html = ts19.replace('<H2>V. I. LENIN</H2>', `<H2>${heading}</H2>`);
      expect(html).not.toBe(ts19);
      const tp = titlePage(read(html, ts19Path));
      expect(lines(tp, 'title'), heading).toEqual([[heading]]);
      expect(lines(tp, 'author'), heading).toEqual([]);
    }
  });

  it('keeps a title in a larger heading under the author\'s heading, though large type follows it (SR17 with its subtitle set in type)', () => {
    const path = join(fixtures, 'marx2mao/Lenin/SR17.html');
    const html = readFileSync(path, 'latin1').replace(/<H4>([^]*?)<\/H4>/, '<FONT SIZE=+2>$1</FONT>');
    expect(html).toContain('<FONT SIZE=+2>The Marxist Teaching');
    const tp = titlePage(read(html, path));
    expect(lines(tp, 'author')).toEqual([['V. I. LENIN']]);
    expect(lines(tp, 'title')).toEqual([['THE STATE', 'AND', 'REVOLUTION']]);
  });

  it('reads the size of the innermost type: small type inside the large is no part of the title; +5 is large', () => {
    const small = ts19.replace('THE STATE&nbsp; &nbsp;</B>', 'THE STATE&nbsp; &nbsp;</B><BR><FONT SIZE=-2>A Popular Outline</FONT>');
    expect(small).not.toBe(ts19);
    const tp = titlePage(read(small, ts19Path));
    expect(lines(tp, 'title')).toEqual([['THE STATE']]);
    expect(lines(tp, 'subtitle')[0]).toEqual(['A Popular Outline']);
    const larger = titlePage(read(ts19.replace('<FONT SIZE=+3>', '<FONT SIZE=+5>'), ts19Path));
    expect(lines(larger, 'title')).toEqual([['THE STATE']]);
  });

  it('keeps the press and its place and year apart, though set in one italic element', () => {
    const italic = ts19.replace('FOREIGN LANGUAGES PRESS<BR>\nPEKING 1970', '<I>FOREIGN LANGUAGES PRESS<BR>\nPEKING 1970</I>');
    expect(italic).not.toBe(ts19);
    const tp = titlePage(read(italic, ts19Path))!;
    expect(lines(tp, 'publisher')).toEqual([['FOREIGN LANGUAGES PRESS']]);
    expect(tp.lines.filter((l) => l.role === 'imprint').map((l) => [l.place, l.year])).toEqual([['PEKING', '1970']]);
  });

  it('ESC76ii: with no heading, the title is the part in the largest type, the name in type over it the author, the translator a byline', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Other/ESC76ii.html');
    const html = readFileSync(path, 'latin1');
    const ed = read(html, path);
    const tp = titlePage(ed);
    // read from the HTML: the text in each FONT SIZE of the cover's table, and its italic line
    const sized = (n: number) => html.match(new RegExp(`<FONT SIZE=${n}\\s*>([^]*?)</FONT>`))![1]!.split(/<BR>/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    expect(lines(tp, 'author')).toEqual([sized(5)]);
    expect(lines(tp, 'title')).toEqual([sized(6)]);
    expect(lines(tp, 'subtitle')).toEqual([sized(3)]);
    const translator = html.match(/<I>(Translated by [^<]+)<\/I>/)![1]!;
    expect(lines(tp, 'byline')).toEqual([[translator]]);
    expect(writeTei(ed, publication)).toContain(`<byline>${translator}</byline>`);
    // a title's first line in smaller type (`Essays in` as large as the name) is still the title's
    const mixed = html.replace(/<FONT SIZE=6 >\s*Essays in<BR>/, '<FONT SIZE=5>Essays in</FONT><BR><FONT SIZE=6>');
    expect(mixed).not.toBe(html);
    const tp2 = titlePage(read(mixed, path));
    expect(lines(tp2, 'title')).toEqual([['Essays in', 'Self-Criticism']]);
    expect(lines(tp2, 'author')).toEqual([['Louis Althusser']]);
  });

  it('ESC76ii variants: the part that is the work\'s title wins over a larger name; a small line over the name is no author; a byline says who translated', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Other/ESC76ii.html');
    const html = readFileSync(path, 'latin1');
    const larger = html.replace('<B><FONT SIZE=5>', '<B><FONT SIZE=7>');
    expect(larger).not.toBe(html);
    expect(lines(titlePage(read(larger, path)), 'title')).toEqual([['Essays in', 'Self-Criticism']]);
    const series = html.replace('<B><FONT SIZE=5>', '<FONT SIZE=2>Little Marx Library</FONT><P><B><FONT SIZE=5>');
    const tp = titlePage(read(series, path));
    expect(lines(tp, 'author')).toEqual([['Louis Althusser']]);
    expect(lines(tp, 'subtitle')[0]).toEqual(['Little Marx Library']);
    for (const [line, role] of [['Selected Essays by Louis Althusser', 'subtitle'], ['Translated from the French by Grahame Lock', 'byline'], ['Edited and introduced by Grahame Lock', 'byline']] as const) {
      const variant = titlePage(read(html.replace('Translated by Grahame Lock', line), path))!;
      expect(variant.lines.find((l) => l.text.join(' ') === line)?.role, line).toBe(role);
    }
  });

  it('every sample title page names the work the header names, and no author as its title', () => {
    const rows: string[] = [];
    for (const dir of ['marx2mao', 'marx2mao-tranche2']) {
      for (const rel of readdirSync(join(fixtures, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.html'))) {
        const path = join(fixtures, dir, rel);
        const bytes = readFileSync(path);
        // a title page is a table beside the cover image, before the transcriber's line: read only such pages
        const head = bytes.toString('latin1').split(/for the\s+Internet/i)[0]!;
        if (!/<TABLE/i.test(head) || !/<IMG/i.test(head)) continue;
        const r = readMarx2mao(bytes, path);
        if (!r.ok) continue;
        const tp = titlePage(r.edition);
        if (!tp) continue;
        rows.push(rel);
        expect(fold(lines(tp, 'title')[0]!.join(' ')), rel).toBe(fold(r.edition.work.title));
        for (const a of lines(tp, 'author')) expect(fold(r.edition.work.title), rel).not.toContain(fold(a.join(' ')));
      }
    }
    expect(rows.length).toBeGreaterThanOrEqual(14);
  });
});

describe('the date under a subtitle saying where the work was delivered', () => {
  it('dates the work (TS19: July 11, 1919), its first printing stays 1929', () => {
    const ed = read(ts19, ts19Path);
    expect(ed.work.date).toMatchObject({ text: 'July 11, 1919', when: '1919-07-11' });
    expect(ed.work.published?.when).toBe('1929-01-18');
    expect(writeTei(ed, publication)).toContain('<creation><date when="1919-07-11">July 11, 1919</date>');
  });

  it('does not date the work by a date running on from a statement of its printing', () => {
    const printed = ts19.replace(/A Lecture Delivered<BR>\s*at the Sverdlov University,/, 'A Lecture Delivered in 1919,<BR>first published in Pravda, No. 15,');
    expect(printed).not.toBe(ts19);
    expect(read(printed, ts19Path).work.date).toBeUndefined();
    // nor by the date under a periodical's issues, or a printing, set under a delivery's subtitle
    for (const line of ['in Pravda, Nos. 14 and 15,', 'printed in the magazine Kommunist,']) {
      const issue = ts19.replace('at the Sverdlov University,', line);
      expect(issue).toContain(line);
      expect(read(issue, ts19Path).work.date, line).toBeUndefined();
    }
    // nor by the end of a sentence that says nothing of a delivery
    const other = ts19.replace('A Lecture Delivered<BR>', 'A Study Made<BR>');
    expect(read(other, ts19Path).work.date).toBeUndefined();
  });
});
