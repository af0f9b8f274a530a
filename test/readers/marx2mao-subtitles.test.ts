/**
 * A title's subtitle (src/readers/marx2mao/subtitles.ts): the italic line the Peking editions set
 * under a title to say what the text is (`Report Delivered at …`, `A Popular Outline`) is TEI
 * `head type="sub"`, the work's own in the header as `title type="sub"`, and shown as a subtitle
 * by the renditions. On real sample pages and variants of them; expectations read from the TEI
 * with a DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderText } from '../../src/render/text.js';
import { expectValidTei } from '../support/jing.js';
import { fixtures } from '../support/tools.js';
import { convertAccounted, elementLine } from '../support/convert-page.js';
import { childElements, descendants, type XElement } from '../support/xml-tree.js';

const convert = convertAccounted;
const line = elementLine;
const all = (root: XElement, name: string) => descendants(root, name);
const body = (doc: XElement) => all(doc, 'body')[0]!;
const subtitles = (doc: XElement) => all(body(doc), 'head').filter((h) => h.attrs.type === 'sub');
const headerSubtitles = (doc: XElement) => childElements(all(doc, 'titleStmt')[0]!, 'title').filter((t) => t.attrs.type === 'sub').map(line);

const valid = (tei: string): Promise<void> => expectValidTei(tei, 'subtitle.xml');

describe("a title's subtitle (real: Stalin/SC36.html, `Report Delivered at the Extraordinary …`, its date as the last line)", () => {
  const path = join(fixtures, 'marx2mao-tranche2/Stalin/SC36.html');
  const c = convert(path);

  it('is head type="sub" right after the title, the date under it a dateline, valid, every word accounted for', async () => {
    await valid(c.tei);
    expect(c.unaccounted).toBe(0);
    const work = all(body(c.doc), 'div').find((d) => d.attrs.type === 'work')!;
    const top = childElements(work).slice(0, 3);
    expect(top.map((e) => [e.name, e.attrs.type ?? ''])).toEqual([['head', ''], ['head', 'sub'], ['dateline', '']]);
    expect(line(top[1])).toBe('Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.');
    expect(all(top[2]!, 'date')[0]!.attrs.when).toBe('1936-11-25');
  });

  it("is the work's subtitle in the header", () => {
    expect(headerSubtitles(c.doc)).toEqual(['Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.']);
  });

  it('is a subtitle line in the HTML, not a heading; the text rendition names it under the title in its header', async () => {
    const text = await renderText(c.tei);
    const header = text.slice(0, text.indexOf('====='));
    expect(header.split('\n').slice(0, 2)).toEqual(['On the Draft Constitution of the U.S.S.R', 'Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.']);
    const html = await renderHtml(c.tei);
    expect(html).toMatch(/<p class="subtitle"><i>Report Delivered at the Extraordinary<\/i><br><i>Eighth Congress/);
    expect(html).not.toMatch(/<h[1-6][^>]*>\s*<i>Report Delivered/);
  });
});

describe('subtitles on the other sample pages', () => {
  it('Stalin/SDD26.html: the date after the subtitle is the dateline under the title (it was a paragraph)', () => {
    const c = convert(join(fixtures, 'marx2mao-tranche2/Stalin/SDD26.html'));
    expect(subtitles(c.doc).map(line)).toEqual(['Report Delivered at the Fifteenth All-Union Conference of the C.P.S.V.(B.)87']);
    const work = all(body(c.doc), 'div').find((d) => d.attrs.type === 'work')!;
    expect(childElements(work).slice(0, 3).map((e) => e.name)).toEqual(['head', 'head', 'dateline']);
    expect(all(body(c.doc), 'p').filter((p) => p.attrs.rend === 'dateline')).toEqual([]);
  });

  it('Stalin/RFFYP33.html: the date as the last line, partly in roman, is split off before the italics are judged', () => {
    const c = convert(join(fixtures, 'marx2mao-tranche2/Stalin/RFFYP33.html'));
    expect(subtitles(c.doc).map(line)).toEqual(['Report Delivered at the Joint Plenum of the Central Committee and the Central Control Commission of the C.P.S.V.(B.) 99']);
    expect(all(all(body(c.doc), 'dateline')[0]!, 'date')[0]!.attrs.when).toBe('1933-01-07');
  });

  it('Stalin/BSEP26.html, PTC24.html: a subtitle set as a smaller heading in italics (`<H5><I>`) is one too, and names the kind of text', () => {
    const bsep = convert(join(fixtures, 'marx2mao-tranche2/Stalin/BSEP26.html'));
    expect(subtitles(bsep.doc).map(line)).toEqual(['Report Delivered at a Meeting of Workers of the Chief Railway Workshops in Tiflis']);
    expect(headerSubtitles(bsep.doc)).toEqual(['Report Delivered at a Meeting of Workers of the Chief Railway Workshops in Tiflis']);
    expect(all(bsep.doc, 'catRef')[0]!.attrs.target).toBe('#kind-report');
    const ptc = convert(join(fixtures, 'marx2mao-tranche2/Stalin/PTC24.html'));
    expect(headerSubtitles(ptc.doc)).toEqual(['Speech Delivered at the Plenum of the Central Committee of the R.C.P.(B.)']);
    // no heading in italics throughout is left a plain head right under its title
    expect(all(body(bsep.doc), 'head').filter((h) => h.attrs.type !== 'sub').map(line)).not.toContain('Report Delivered at a Meeting of Workers of the Chief Railway Workshops in Tiflis');
  });

  it('Stalin/ORFR18.html: two words in italics are a subtitle where they name the kind of text (`Pravda Interview`)', () => {
    const c = convert(join(fixtures, 'marx2mao-tranche2/Stalin/ORFR18.html'));
    expect(headerSubtitles(c.doc)).toEqual(['Pravda Interview']);
    expect(all(c.doc, 'catRef')[0]!.attrs.target).toBe('#kind-interview');
  });

  it('Stalin/LYCL28.html (and a variant): a date set as a smaller heading under the title is its dateline, and the date of the work; a year alone is not', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Stalin/LYCL28.html');
    const source = readFileSync(path, 'latin1');
    const year = convert(path, source.replace(/<I> ?May 16<\/I>, <I>1928<\/I>/, '<I>1928</I>'));
    expect(all(body(year.doc), 'dateline')).toEqual([]);
    const c = convert(join(fixtures, 'marx2mao-tranche2/Stalin/LYCL28.html'));
    const work = all(body(c.doc), 'div').find((d) => d.attrs.type === 'work')!;
    expect(childElements(work).slice(0, 2).map((e) => e.name)).toEqual(['head', 'dateline']);
    expect(all(childElements(work, 'dateline')[0]!, 'date')[0]!.attrs.when).toBe('1928-05-16');
    expect(all(all(c.doc, 'creation')[0]!, 'date')[0]!.attrs.when).toBe('1928-05-16');
  });

  it("M&E/CWF71.html: an addressee in italics under a title (`To the Members of …`) is no subtitle", () => {
    const c = convert(join(fixtures, 'marx2mao/M&E/CWF71.html'));
    expect(subtitles(c.doc)).toEqual([]);
    expect(all(body(c.doc), 'p').filter((p) => p.attrs.rend === 'center').map(line)).toContain("To the Members of the International Working Men's Association in Europe and the United States");
  });

  it('Stalin/SC36.html, RD28.html, PRC26.html: the kind of text the subtitle names is its class (report, speech)', () => {
    const kind = (rel: string) => all(convert(join(fixtures, rel)).doc, 'catRef')[0]?.attrs.target;
    expect(kind('marx2mao-tranche2/Stalin/SC36.html')).toBe('#kind-report');
    expect(kind('marx2mao/Stalin/RD28.html')).toBe('#kind-speech');
    expect(kind('marx2mao/Stalin/PRC26.html')).toBe('#kind-speech');
  });

  it("Mao/OS41.html: an italic place and date under a title stays the title's dateline", () => {
    const c = convert(join(fixtures, 'marx2mao-tranche2/Mao/OS41.html'));
    expect(subtitles(c.doc)).toEqual([]);
    expect(all(body(c.doc), 'dateline').map(line).filter((l) => l.startsWith('Yenan'))).toEqual(['Yenan, January 20, 1941', 'Yenan, January 22, 1941']);
  });

  it('Stalin/ML50.html: the first of several letters\' addresses, right under their title, still heads its letter', () => {
    const c = convert(join(fixtures, 'marx2mao-tranche2/Stalin/ML50.html'));
    expect(subtitles(c.doc).map(line)).toEqual(['Reply to Comrade E. Krasheninnikova']);
    const chapter = all(body(c.doc), 'div').find((d) => line(childElements(d, 'head')[0]) === 'REPLY TO COMRADES')!;
    expect(childElements(chapter, 'div').map((d) => line(childElements(d, 'head')[0]))[0]).toBe('TO COMRADE SANZHEYEV');
  });
});

describe('a subtitle in capitals that names the kind of text (real: Lenin/MI17.html, `A LETTER TO THE CENTRAL COMMITTEE …`)', () => {
  const path = join(fixtures, 'marx2mao/Lenin/MI17.html');
  const source = readFileSync(path, 'latin1');
  const real = 'A LETTER TO THE CENTRAL COMMITTEE<BR>';

  it('is head type="sub" under the title, the work\'s subtitle in the header, and classes the text a letter; valid, every word accounted for', async () => {
    const c = convert(path);
    await valid(c.tei);
    expect(c.unaccounted).toBe(0);
    expect(subtitles(c.doc).map(line)).toEqual(['A LETTER TO THE CENTRAL COMMITTEE OF THE R.S.D.L.P. (B.)']);
    expect(headerSubtitles(c.doc)).toEqual(['A LETTER TO THE CENTRAL COMMITTEE OF THE R.S.D.L.P. (B.)']);
    expect(all(c.doc, 'catRef')[0]?.attrs.target).toBe('#kind-letter');
  });

  it('is no subtitle in capitals that name no kind of text or name it without `A` (a title), nor in small letters, nor where a second such line follows (a run of documents\' titles)', () => {
    expect(source).toContain(real);
    for (const variant of ['THE CENTRAL COMMITTEE<BR>', 'REPORT ON THE CURRENT SITUATION<BR>', 'PREFACE TO THE SECOND EDITION<BR>', 'A letter to the Central Committee<BR>']) {
      const c = convert(path, source.replace(real, variant));
      expect(subtitles(c.doc), variant).toEqual([]);
    }
    // a second centred line in capitals naming a kind, further down the same division
    const second = source.replace('<P>&nbsp &nbsp', '<P><CENTER>A REPORT TO THE CONFERENCE</CENTER>\n<P>&nbsp &nbsp');
    expect(second).not.toBe(source);
    expect(subtitles(convert(path, second).doc)).toEqual([]);
  });

  it('is no subtitle set as a heading: a heading in capitals under a title is a section\'s', () => {
    const html = source.replace('</B><P><FONT SIZE=-2>', '</B></CENTER><P><CENTER><H5>').replace('(B.)\n</FONT></CENTER>', '(B.)</H5></CENTER>');
    expect(html).not.toBe(source);
    const c = convert(path, html);
    expect(subtitles(c.doc)).toEqual([]);
    expect(all(body(c.doc), 'head').map(line).slice(0, 2)).toEqual(['MARXISM AND INSURRECTION', 'A LETTER TO THE CENTRAL COMMITTEE OF THE R.S.D.L.P. (B.)']);
  });
});

describe('what is no subtitle (variants of Lenin/IMP16.html, `A Popular Outline` under the title)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Lenin/IMP16.html');
  const source = readFileSync(path, 'latin1');

  it('takes the real line as the subtitle, and the header says it', () => {
    const c = convert(path);
    expect(subtitles(c.doc).map(line)).toEqual(['A Popular Outline']);
    expect(headerSubtitles(c.doc)).toEqual(['A Popular Outline']);
  });

  it('leaves a centred line a line where words stand outside the italics, or it is a date, a place and date, an epigraph, a stage direction, an address or too short', () => {
    // each of three words or more but the last three, which are too short (a place alone among them)
    for (const variant of ['A <I>Popular</I> Outline', 'A Popular Outline', '<I>March 16, 1916</I>', '<I>Zurich, March 16, 1916</I>',
      '<I>"Workers of all countries, unite!"</I>', '<I>(Stormy prolonged applause)</I>', '<I>To the Editors of Pravda</I>',
      '<I>Moscow</I>', '<I>New York</I>', '<I>A Popular</I>']) {
      const html = source.replace('<I>A Popular Outline</I>', variant);
      expect(html).not.toBe(source);
      const c = convert(path, html);
      expect(subtitles(c.doc), variant).toEqual([]);
      // the header's subtitle is then the one the book's title page prints under the title
      expect(headerSubtitles(c.doc), variant).toEqual(['A POPULAR OUTLINE']);
    }
    expect(source).toMatch(/IMPERIALISM,[\s\S]{0,400}?A POPULAR OUTLINE/);
  });
});

describe('a subtitle among other lines under a title (variants of Stalin/SC36.html)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Stalin/SC36.html');
  const source = readFileSync(path, 'latin1');
  const variant = (from: string | RegExp, to: string) => {
    const html = source.replace(from, to);
    expect(html).not.toBe(source);
    return convert(path, html);
  };
  const top = (c: { doc: XElement }) => childElements(all(body(c.doc), 'div').find((d) => d.attrs.type === 'work')!).slice(0, 3).map((e) => [e.name, line(e)]);

  it('splits off a place and date as the last line: the dateline, the place before the date', () => {
    const c = variant(/(Eighth Congress of Soviets of the U\.S\.S\.R\.<BR>\s*)November 25, 1936/, '$1Moscow, November 25, 1936');
    expect(top(c)).toEqual([['head', 'ON THE DRAFT CONSTITUTION OF THE U.S.S.R.'], ['head', 'Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.'], ['dateline', 'Moscow, November 25, 1936']]);
    expect(headerSubtitles(c.doc)).toEqual(['Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.']);
  });

  it("puts a date set as the title's last line after the subtitle, which stays the work's", () => {
    const c = variant(/(OF THE U\.S\.S\.R\.)(\s*<\/FONT><\/B><P><I>\s*Report Delivered at the Extraordinary<BR>\s*Eighth Congress of Soviets of the U\.S\.S\.R\.)<BR>\s*November 25, 1936/, '$1<BR>November 25, 1936$2');
    expect(top(c).map(([name]) => name)).toEqual(['head', 'head', 'dateline']);
    expect(headerSubtitles(c.doc)).toEqual(['Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.']);
  });

  it("keeps a subtitle under a title that is not the work's out of the header", () => {
    const c = variant(/ON THE DRAFT CONSTITUTION<BR>\s*OF THE U\.S\.S\.R\./, 'A SPEECH ON ANOTHER MATTER');
    expect(subtitles(c.doc).map(line)).toEqual(['Report Delivered at the Extraordinary Eighth Congress of Soviets of the U.S.S.R.']);
    // the header's is the one the title block sets under the work's title, as it transcribes it
    // (`Eigth Congress of the Soviets`), not the text's under the other title
    expect(headerSubtitles(c.doc)).toEqual(['Report Delivered at the Extraordinary Eigth Congress of the Soviets of the U.S.S.R.']);
    // without it in the title block, none
    const bare = source.replace(/ON THE DRAFT CONSTITUTION<BR>\s*OF THE U\.S\.S\.R\./, 'A SPEECH ON ANOTHER MATTER').replace(/<I>\s*Report Delivered at the Extraordinary<BR>\s*Eigth Congress of the Soviets of the U\.S\.S\.R\.<BR>/, '<I>');
    expect(bare).not.toContain('Eigth Congress');
    expect(headerSubtitles(convert(path, bare).doc)).toEqual([]);
  });
});

describe('documents each under a title, a subtitle and a date (variant of Mao/OS41.html)', () => {
  it('are documents of the page, as without the subtitles', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Mao/OS41.html');
    const source = readFileSync(path, 'latin1');
    let k = 0;
    const html = source.replace(/<FONT SIZE=-2><I>\s*Yenan<\/I>/g, (m) => `<I>A Statement Issued by the Commission ${++k}</I><P>${m}`);
    expect(k).toBe(2);
    const c = convert(path, html);
    const documents = all(body(c.doc), 'div').filter((d) => d.attrs.type === 'document');
    expect(documents.map((d) => childElements(d).slice(0, 3).map((e) => e.attrs.type === 'sub' ? 'subtitle' : e.name))).toEqual([
      ['head', 'subtitle', 'dateline'],
      ['head', 'subtitle', 'dateline'],
    ]);
  });
});
