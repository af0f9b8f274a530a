/**
 * The statements of a text's source that the print editions set at its end, and the date over
 * them (src/readers/marx2mao/end-statements.ts): `seg type="statement"` and `dateline` in the
 * text's closer, on real pages and on variants of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Edition } from '../../src/model/types.js';
import { markEndStatements } from '../../src/readers/marx2mao/end-statements.js';
import { closingDateline, closingFacts } from '../../src/readers/marx2mao/closing-facts.js';
import { closingLinesNotTitles } from '../../src/readers/marx2mao/structure.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };

function source(rel: string): string {
  return readFileSync(join(fixtures, rel), 'latin1');
}

function read(html: string, file: string): Edition {
  const r = readMarx2mao(Buffer.from(html, 'latin1'), file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

async function tei(html: string, file: string): Promise<string> {
  const out = writeTei(read(html, file), publication);
  expect((await validateTei(out, file)).filter((d) => d.severity === 'error')).toEqual([]);
  return out;
}

/** The statements' own words: the dates tagged in them (tested apart, below) untagged. */
const untagged = (xml: string): string => xml.replace(/<seg type="statement">.*?<\/seg>/gs, (seg) => seg.replace(/<\/?date\b[^>]*>/g, ''));

/** The closers of a TEI, whitespace between elements dropped, the statements' dates untagged. */
function closers(xml: string): string[] {
  return [...untagged(xml).matchAll(/<closer>(.*?)<\/closer>/gs)].map((m) => m[1]!.replace(/>\s+</g, '><').trim());
}

describe('statements of the source at the end of a text', () => {
  it('NCT27: the periodical, its number and date, and "Signed:" are statements in the closer, not paragraphs of the text', async () => {
    const xml = await tei(source('marx2mao-tranche2/Stalin/NCT27.html'), 'NCT27.html');
    expect(closers(xml)).toEqual([
      '<seg type="statement"><hi rend="italic">Pravda,</hi> No. 169,<lb/>July 28, 1927</seg><seg type="statement">Signed: <hi rend="italic">J. Stalin</hi></seg>',
    ]);
    expect(xml).not.toContain('<p>Signed:');
  });

  it('OR24: the date over them is the closer\'s dateline, the edition it is taken from (volume and pages) a statement', async () => {
    const xml = await tei(source('marx2mao-tranche2/Stalin/OR24.html'), 'OR24.html');
    expect(closers(xml)).toEqual([
      '<dateline><date when="1924-12-17">December 17, 1924</date></dateline><seg type="statement">J. V. Stalin, <hi rend="italic">Works</hi>,<lb/>Eng. ed., Vol. 6, pp. 374-420</seg>',
    ]);
  });

  it('ML50: a year typed with the letter I (`July 28, I950`) is read as 1950, kept as printed and reported', async () => {
    const html = source('marx2mao-tranche2/Stalin/ML50.html');
    const xml = await tei(html, 'ML50.html');
    expect(xml).toContain('<dateline><date when="1950-07-28">July 28, I950</date></dateline>');
    const misprints = read(html, 'ML50.html').diagnostics.filter((d) => d.code === 'date-misprint');
    expect(misprints.map((d) => d.message)).toContain('"July 28, I950": the year "I950" is read as 1950 (a letter I typed for the digit 1); the text keeps it as transcribed');
  });

  it('LFA17: a table of statements under a letter\'s signature is the closer\'s, each cell a statement, lines that open none going on with the one before', async () => {
    const html = source('marx2mao-tranche2/Lenin/LFA17.html');
    const xml = await tei(html, 'LFA17.html');
    const all = closers(xml);
    expect(all[0]).toBe(
      '<signed><hi rend="italic">N</hi>. <hi rend="italic">Lenin</hi></signed><seg type="statement">Written on March 1 (20), 1917</seg>' +
        '<seg type="statement">Published in <hi rend="italic">Pravda</hi><lb/>Nos. 14 and 15,<lb/>March 21 and 22, 1917</seg>' +
        '<seg type="statement">Published according to<lb/>a typewritten copy verified<lb/>with the <hi rend="italic">Pravda</hi> text</seg>',
    );
    // (under the second and third letters' signatures and datelines)
    expect(all.join('')).toContain(
      '<seg type="statement">First published<lb/>in the magazine<lb/><hi rend="italic">The Communist International</hi><lb/>No. 3-4, 1924.</seg><seg type="statement">Published according to<lb/>the manuscript</seg>',
    );
    const body = (x: string) => x.slice(x.indexOf('<body>'));
    expect(body(xml).split('<table>').length - 1).toBe(0);
    // a cell that states nothing of the source keeps its table a table
    const other = html.replace('Published according to<BR>\nthe manuscript<BR><BR>&nbsp;<BR>', 'A remark of the editors<BR><BR>&nbsp;<BR>');
    expect(other).not.toBe(html);
    expect(body(await tei(other, 'LFA17.html')).split('<table>').length - 1).toBe(1);
  });

  it('LFC10: statements before the next section\'s heading end the section they stand in', async () => {
    const xml = await tei(source('marx2mao-tranche2/Stalin/LFC10.html'), 'LFC10.html');
    expect(xml).toMatch(/<seg type="statement">Reprinted from the newspaper\. <lb\/>The section "Legal Possibilities"<lb\/>reprinted from the manuscript\.<\/seg>\s*<\/closer>\s*<\/div>\s*<div type="section"[^>]*>\s*<pb n="193"[^>]*\/>\s*<head><anchor xml:id="a-s2"\/>II<lb\/>TIFLIS/);
  });

  it('is none where text follows them', async () => {
    const html = source('marx2mao-tranche2/Stalin/NCT27.html');
    const cut = html.indexOf('&nbsp; <I>Pravda,</I> No. 169,<BR>');
    expect(cut).toBeGreaterThan(0);
    // a paragraph of text after them: they are lines of the text
    const end = html.indexOf('<HR', cut);
    const followed = html.slice(0, end) + '<P>And the text goes on after them.<P>' + html.slice(end);
    const xml = await tei(followed, 'NCT27.html');
    expect(xml).not.toContain('type="statement"');
    expect(xml).toContain('Signed: <hi rend="italic">J. Stalin</hi></p>');
  });

  it('is none where no text of their own stands over them (since the heading before)', () => {
    const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    const h = (value: string): Block => ({ type: 'heading', level: 3, children: [{ type: 'text', value }] });
    const kinds = (blocks: Block[]) => {
      markEndStatements(blocks, []);
      return blocks.map((b) => b.type);
    };
    expect(kinds([h('I'), p('Some text of the section.'), p('Signed: J. Stalin')])).toEqual(['heading', 'paragraph', 'statement']);
    expect(kinds([h('I'), p('Signed: J. Stalin')])).toEqual(['heading', 'paragraph']);
    expect(kinds([p('Text.'), h('II'), p('Signed: J. Stalin'), h('III'), p('More text.')])).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
  });

  describe('variants of NCT27\'s ending (what stands after its last paragraph)', () => {
    const html = source('marx2mao-tranche2/Stalin/NCT27.html');
    const ending = '&nbsp; <I>Pravda,</I> No. 169,<BR>\nJuly 28, 1927<P>\nSigned:&nbsp;<I>J. Stalin</I>';
    const ended = async (lines: string) => {
      expect(html).toContain(ending);
      const xml = await tei(html.replace(ending, lines), 'NCT27.html');
      return { xml, closers: closers(xml), statements: [...xml.matchAll(/<seg type="statement">(.*?)<\/seg>/g)].map((m) => m[1]) };
    };

    it('a signature in italics over a date, set right, is the signature, no statement', async () => {
      const { xml, statements } = await ended('<P ALIGN=right><I>J. Stalin</I><BR>\nJuly 28, 1927');
      expect(statements).toEqual([]);
      expect(xml).toContain('<signed><hi rend="italic">J. Stalin</hi>');
      // under a date line too
      expect((await ended('July 28, 1927<P ALIGN=right><I>J. Stalin</I>, July 28, 1927')).statements).toEqual([]);
    });

    it('a name in italics and a date is a statement only under a date line (ML50), else a place and date', async () => {
      expect((await ended('<I>London</I>, April 30, 1891')).statements).toEqual([]);
      expect((await ended('July 28, 1927<P>\n<I>Pravda</I>, August 2, 1927')).closers).toEqual([
        '<dateline><date when="1927-07-28">July 28, 1927</date></dateline><seg type="statement"><hi rend="italic">Pravda</hi>, August 2, 1927</seg>',
      ]);
    });

    it('a line over them that is not a date alone or a place and date is no dateline (a signature, a leaflet\'s statement)', async () => {
      const signed = await ended('N. Lenin<BR>\nMarch 1917<P>\nPublished according to the manuscript');
      expect(signed.closers).toEqual(['<seg type="statement">Published according to the manuscript</seg>']);
      const leaflet = await ended('Leaflet issued by the Tiflis Committee of the R.S.D.L.P., January 1905<P>\nTranslated from the Georgian');
      expect(leaflet.closers).toEqual([
        '<seg type="statement">Leaflet issued by the Tiflis Committee of the R.S.D.L.P., January 1905</seg><seg type="statement">Translated from the Georgian</seg>',
      ]);
    });

    it('a sentence of the text is none: a history told in a sentence, a reference in a quotation', async () => {
      expect((await ended('That is what was written in our programme.')).statements).toEqual([]);
      expect((await ended('"Either the dictatorship of the working class." (See Vol. XXIV, p. 436.)')).statements).toEqual([]);
      expect((await ended('"Our programme," as <I>Pravda</I> No. 169 wrote in 1927')).statements).toEqual([]);
      // a periodical's number and year are a statement where the periodical's name opens the line
      expect((await ended('As <I>Pravda</I> No. 169 wrote in 1927')).statements).toEqual([]);
      expect((await ended('J. V. Stalin, <I>Works</I>,<BR>\nEng. ed., Vol. 6, pp. 374-420')).statements).toEqual(['J. V. Stalin, <hi rend="italic">Works</hi>,<lb/>Eng. ed., Vol. 6, pp. 374-420']);
    });

    it('statements ending a text\'s last section are the text\'s, after its sections', async () => {
      const { xml } = await ended(ending);
      expect(untagged(xml)).toMatch(/<\/div>\s*<closer>\s*<seg type="statement"><hi rend="italic">Pravda,<\/hi> No. 169,<lb\/>July 28, 1927<\/seg>\s*<seg type="statement">Signed: <hi rend="italic">J. Stalin<\/hi><\/seg>\s*<\/closer>\s*<\/div>\s*<\/body>/);
    });
  });

  it('FCS18: statements a cell prints apart (a blank line) are two; a cell\'s first line is read with the rest of it; each of several documents keeps its own', async () => {
    const xml = await tei(source('marx2mao-tranche2/Lenin/FCS18.html'), 'FCS18.html');
    const all = closers(xml);
    expect(all[0]).toBe(
      '<seg type="statement">Written on March 13 or 16, 1918</seg><seg type="statement">Published on March 15, 1818<lb/>in <hi rend="italic">Pravda</hi> No. 49</seg><seg type="statement">Published according to<lb/>the manuscript</seg>',
    );
    expect(all.some((c) => c.startsWith('<seg type="statement"><hi rend="italic">Pravda</hi> (<hi rend="italic">Sotsial-Demokrat </hi>)<lb/>Nos. 47 and 48, March 16<lb/>and 17, 1918</seg>'))).toBe(true);
    // four documents, four closers, each in its own division
    expect(all.length).toBe(4);
    expect(xml).not.toContain('<div type="work">');
  });

  it('the date line closing the page\'s one text dates the work where nothing above it does (OR24, YGC29); a closer of one of several documents does not (EPS52)', () => {
    expect(read(source('marx2mao-tranche2/Stalin/OR24.html'), 'OR24.html').work.date).toEqual({ text: 'December 17, 1924', when: '1924-12-17' });
    const ygc = read(source('marx2mao-tranche2/Stalin/YGC29.html'), 'YGC29.html').work;
    expect(ygc.date).toEqual({ text: 'November 3, 1929', when: '1929-11-03' });
    expect(ygc.published?.when).toBe('1929-11-07');
    // EPS52's last closer (`September 28, 1952`) is its last document's
    expect(read(source('marx2mao-tranche2/Stalin/EPS52.html'), 'EPS52.html').work.date).toBeUndefined();
  });

  it('closingDateline: the last of the text past its signature and statements, in the page\'s one work; none where the page ends with one of several texts or with text', () => {
    const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    const date = (value: string): Block => ({ type: 'dateline', children: [{ type: 'date', when: value, children: [{ type: 'text', value }] }] });
    const signed: Block = { type: 'signed', children: [{ type: 'text', value: 'J. Stalin' }] };
    const statement: Block = { type: 'statement', children: [{ type: 'text', value: 'Pravda, No. 1, 1927' }] };
    const when = (body: Block[]) => (closingDateline(body)?.children[0] as { when?: string } | undefined)?.when;
    expect(when([p('Text.'), signed, date('1927-05-01'), statement])).toBe('1927-05-01');
    expect(when([{ type: 'division', kind: 'work', blocks: [p('Text.'), date('1927-05-01')] }])).toBe('1927-05-01');
    expect(when([p('Text.'), date('1927-05-01'), p('More text.')])).toBeUndefined();
    const doc = (d: string): Block => ({ type: 'division', kind: 'document', blocks: [p('Text.'), date(d)] });
    expect(when([doc('1927-05-01'), doc('1927-06-01')])).toBeUndefined();
    expect(when([{ type: 'division', kind: 'work', blocks: [p('Text.'), { type: 'division', kind: 'section', blocks: [p('Text.'), date('1927-05-01')] }] }])).toBeUndefined();
  });

  it('statements closing the page\'s one text say when it was written and first printed where the title block does not (TS19, PC47); not where other texts of the page have statements of their own (LFC10)', () => {
    const ts = read(source('marx2mao-tranche2/Lenin/TS19.html'), 'TS19.html').work;
    expect(ts.published).toEqual({ text: 'First published on January 18, 1929, in Pravda, No. 15.', when: '1929-01-18' });
    const pc = read(source('marx2mao-tranche2/M&E/PC47.html'), 'PC47.html').work;
    expect(pc.date).toEqual({ text: 'Written in October 1847', when: '1847-10' });
    expect(pc.published).toMatchObject({ text: 'First published as a separate edition in 1914', when: '1914' });
    // LFC10's closing statements are its second letter's: the work's first printing stays unstated
    expect(read(source('marx2mao-tranche2/Stalin/LFC10.html'), 'LFC10.html').work.published).toBeUndefined();
  });

  it('closingFacts: none where the end may be another text\'s (a closer before it, an appendix\'s heading over it); a first printing only with its date', () => {
    const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    const h = (value: string): Block => ({ type: 'heading', level: 3, children: [{ type: 'text', value }] });
    const date = (value: string): Block => ({ type: 'dateline', children: [{ type: 'date', when: value, children: [{ type: 'text', value }] }] });
    const st = (value: string): Block => ({ type: 'statement', children: [{ type: 'text', value }] });
    const signed: Block = { type: 'signed', children: [{ type: 'text', value: 'J. Stalin' }] };
    const when = (body: Block[]) => closingFacts(body).date?.when;
    expect(when([h('TITLE'), date('1927-01-01'), p('Text.'), date('1927-05-01')])).toBe('1927-05-01');
    // the first letter's closer before the second's
    expect(when([h('TITLE'), p('Text.'), signed, date('1927-04-01'), h('II'), p('Text.'), date('1927-05-01')])).toBeUndefined();
    expect(when([h('TITLE'), p('Text.'), h('APPENDIX'), p('Text.'), date('1927-05-01')])).toBeUndefined();
    expect(closingFacts([h('TITLE'), p('Text.'), st('Published in English for the first time')]).published).toBeUndefined();
    expect(closingFacts([h('TITLE'), p('Text.'), st('First published in 1924')]).published).toMatchObject({ when: '1924' });
  });
});

describe("a book's statements of its source, after its last chapter", () => {
  /** The body's own closer (after its last division), whitespace between elements dropped. */
  const bodyCloser = (xml: string) => untagged(xml).match(/<\/div>\s*<closer>(.*?)<\/closer>\s*<\/body>/s)?.[1]!.replace(/>\s+</g, '><').trim();
  /** The statement lines of the page's end, read from the HTML: the small type after the text's last line. */
  const endLines = (html: string, from: string) =>
    html.slice(html.indexOf(from)).split(/<HR/i)[0]!.replace(/<FONT[^>]*>|<\/FONT>/gi, '').split(/<P>|<BR>\s*<BR>/i).slice(1)
      .map((l) => l.split(/<BR>/i).map((x) => x.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean)).filter((l) => l.length > 0);

  it('IMP16: the statement set inside the last paragraph after a blank line is cut from it; both close the book, not chapter X', async () => {
    const html = source('marx2mao-tranche2/Lenin/IMP16.html');
    const xml = await tei(html, 'IMP16.html');
    const lines = endLines(html, 'guesswork all the same.');
    expect(lines).toEqual([['Written January-June 1916'], ['Published in pamphlet form', 'in Petrograd, April 1917']]);
    expect(bodyCloser(xml)).toBe(lines.map((l) => `<seg type="statement">${l.join('<lb/>')}</seg>`).join(''));
    expect(xml).toContain('but guesswork all the same.</p>');
    // chapter X keeps its foot note, referenced from its text
    const chapter = xml.slice(xml.lastIndexOf('<div type="chapter"'), xml.lastIndexOf('<closer>'));
    expect(chapter).toContain('<note xml:id="fn120" n="*" place="foot" target="#fnr120">');
    expect(chapter).not.toContain('<closer>');
    expect(xml).toContain('xml:id="fnr120"');
  });

  it('SR17: the postscript keeps its signature and date; the statements under them close the book', async () => {
    const xml = await tei(source('marx2mao/Lenin/SR17.html'), 'SR17.html');
    const all = closers(xml);
    expect(all.at(-2)).toBe('<signed><hi rend="italic">The Author</hi></signed><dateline>Petrograd<lb/><date when="1917-11-30">November 30, 1917</date></dateline>');
    expect(bodyCloser(xml)).toMatch(/^<seg type="statement">Written in August-September 1917<\/seg>(<seg type="statement">[^]*?<\/seg>){3}$/);
    // read as a date line over the statements (a comma after the place), it stays under the signature still
    const comma = source('marx2mao/Lenin/SR17.html').replace('Petrograd<BR>\nNovember 30, 1917', 'Petrograd,<BR>\nNovember 30, 1917');
    expect(comma).toContain('Petrograd,<BR>');
    const xml2 = await tei(comma, 'SR17.html');
    expect(closers(xml2).at(-2)).toBe('<signed><hi rend="italic">The Author</hi></signed><dateline>Petrograd,<lb/><date when="1917-11-30">November 30, 1917</date></dateline>');
    expect(bodyCloser(xml2)).toMatch(/^<seg type="statement">Written in August-September 1917<\/seg>/);
  });

  it('a statement after a single line break stays in the paragraph (a blank line sets it apart)', async () => {
    const html = source('marx2mao-tranche2/Lenin/IMP16.html').replace(/all the same\. \n<BR><BR>/, 'all the same. \n<BR>');
    expect(html).not.toBe(source('marx2mao-tranche2/Lenin/IMP16.html'));
    const xml = await tei(html, 'IMP16.html');
    expect(xml).toContain('but guesswork all the same. <lb/>Written January-June 1916</p>');
  });

  it('a blank line before a line that states nothing of the source stays in the paragraph', async () => {
    const html = source('marx2mao-tranche2/Lenin/IMP16.html').replace('Written January-June 1916', 'In the spring of that year');
    const xml = await tei(html, 'IMP16.html');
    expect(xml).toContain('but guesswork all the same. <lb/><lb/>In the spring of that year</p>');
    expect(bodyCloser(xml)).toBe('<seg type="statement">Published in pamphlet form<lb/>in Petrograd, April 1917</seg>');
  });

  it("a page of one chapter keeps its statements in it (the book's closer needs chapters beside it)", () => {
    const blocks: Block[] = [
      { type: 'division', kind: 'chapter', blocks: [
        { type: 'heading', level: 2, children: [{ type: 'text', value: 'CHAPTER I' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'The text of the chapter, and its end.' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'Written in March 1921' }] },
      ] },
    ];
    markEndStatements(blocks, []);
    expect(blocks).toHaveLength(1);
    expect((blocks[0] as { blocks: Block[] }).blocks.at(-1)!.type).toBe('statement');
  });
});

describe('a periodical the works are dated by, named in italics over a date', () => {
  it('ML50: `Pravda, June 20, 1950` closing the first article is a statement with no date line over it; an unknown name is not', async () => {
    const html = source('marx2mao-tranche2/Stalin/ML50.html');
    const xml = await tei(html, 'ML50.html');
    expect(closers(xml)[0]).toBe('<seg type="statement"><hi rend="italic">Pravda</hi>, June 20, 1950</seg>');
    // the same line with a name the works are not dated by: a signature or a place and date, maybe
    const other = html.replace('<I>Pravda</I>, June 20, 1950', '<I>Zarnitsa</I>, June 20, 1950');
    expect(other).not.toBe(html);
    const xml2 = await tei(other, 'ML50.html');
    expect(xml2).toContain('<p><hi rend="italic">Zarnitsa</hi>, June 20, 1950</p>');
  });
});

describe('a heading closing a division', () => {
  const para = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
  const heading = (value: string, id?: string): Block => ({ type: 'heading', level: 3, children: [{ type: 'text', value }], ...(id ? { id } : {}) });

  it('is the closing line after text, a title where a contents entry leads to it or no text is over it', () => {
    const closing = [para('The text.'), heading('LONG LIVE THE REVOLUTION!')];
    closingLinesNotTitles(closing);
    expect(closing[1]).toMatchObject({ type: 'paragraph', rend: 'center' });
    const linked = [para('The text.'), heading('APPENDIX', 'div9')];
    closingLinesNotTitles(linked);
    expect(linked[1]!.type).toBe('heading');
    const alone = [heading('A TITLE')];
    closingLinesNotTitles(alone);
    expect(alone[0]!.type).toBe('heading');
  });
});

describe('the dates of statements of the source', () => {
  /** Each statement's tagged dates: [when or from/to, the words tagged]. */
  const dates = (xml: string) =>
    [...xml.matchAll(/<seg type="statement">(.*?)<\/seg>/gs)].flatMap((m) =>
      [...m[1]!.matchAll(/<date (?:when="([^"]+)"|from="([^"]+)" to="([^"]+)")>(.*?)<\/date>/g)].map((d) => [d[1] ?? `${d[2]}/${d[3]}`, d[4]]),
    );

  it('tag the date a line ends with: an issue\'s day, a month, a span, a year', async () => {
    const nct = await tei(source('marx2mao-tranche2/Stalin/NCT27.html'), 'NCT27.html');
    expect(dates(nct)).toEqual([['1927-07-28', 'July 28, 1927']]);
    const ts = await tei(source('marx2mao-tranche2/Lenin/TS19.html'), 'TS19.html');
    // `First published on January 18, 1929,` / `in Pravda, No. 15.`: the comma stays out of the date
    expect(ts).toContain('<seg type="statement">First published on <date when="1929-01-18">January 18, 1929</date>, <lb/>in <hi rend="italic">Pravda</hi>, No. 15.</seg>');
    const imp = await tei(source('marx2mao-tranche2/Lenin/IMP16.html'), 'IMP16.html');
    expect(dates(imp)).toEqual([['1916-01/1916-06', 'January-June 1916'], ['1917-04', 'April 1917']]);
    // a year alone (SR17: `Published in pamphlet form in 1918` / `by the Zhizn i Znaniye Publishers`)
    const sr = await tei(source('marx2mao/Lenin/SR17.html'), 'SR17.html');
    expect(dates(sr).slice(0, 2)).toEqual([['1917-08/1917-09', 'August-September 1917'], ['1918', '1918']]);
  });

  it('leave untagged a date broken over two lines, and one whose day in brackets is no other style\'s', async () => {
    // FCS18: `Nos. 47 and 48, March 16` / `and 17, 1918`
    const fcs = await tei(source('marx2mao-tranche2/Lenin/FCS18.html'), 'FCS18.html');
    expect(fcs).toMatch(/Nos\. 47 and 48, March 16<lb\/>and 17, 1918<\/seg>/);
    const wrong = source('marx2mao-tranche2/Stalin/NCT27.html').replace('July 28, 1927<P>', 'July 28 (20), 1927<P>');
    expect(wrong).toContain('July 28 (20), 1927');
    expect(dates(await tei(wrong, 'NCT27.html'))).toEqual([]);
  });

  it('tag a day printed in both styles by the New (LFC10: `May 25 (June 7), 1910`)', async () => {
    const lfc = await tei(source('marx2mao-tranche2/Stalin/LFC10.html'), 'LFC10.html');
    expect(dates(lfc)).toContainEqual(['1910-06-07', 'May 25 (June 7), 1910']);
    expect(dates(lfc)).toContainEqual(['1910-02-26', 'February 13 (26), 1910']);
  });

  it('read a year typed with a letter, and report it', () => {
    const html = source('marx2mao-tranche2/Stalin/NCT27.html').replace('July 28, 1927<P>', 'July 28, l927<P>');
    expect(html).toContain('July 28, l927');
    const ed = read(html, 'NCT27.html');
    expect(writeTei(ed, publication)).toContain('<date when="1927-07-28">July 28, l927</date></seg>');
    expect(ed.diagnostics.filter((d) => d.code === 'date-misprint').map((d) => d.message).join(' ')).toContain('l927');
  });
});

describe('what is no statement of the book (review variants of real pages)', () => {
  it('a sentence after a blank line at a section\'s end is the text\'s (NCT27\'s section I), and the article\'s statements still close it', async () => {
    const html = source('marx2mao-tranche2/Stalin/NCT27.html');
    const variant = html.replace(
      /(in face of the threat of a new w[^<]*)(\s*<P><BR>\s*<A NAME="s2">)/,
      '$1<BR><BR>Written on the banners of the opposition in 1927 are the words "Down with the Party!"$2',
    );
    expect(variant).not.toBe(html);
    const xml = await tei(variant, 'NCT27.html');
    expect(xml).toContain('<lb/><lb/>Written on the banners of the opposition in 1927');
    expect(closers(xml)).toEqual([
      '<seg type="statement"><hi rend="italic">Pravda,</hi> No. 169,<lb/>July 28, 1927</seg><seg type="statement">Signed: <hi rend="italic">J. Stalin</hi></seg>',
    ]);
  });

  it('a line after a blank line that is not marked after all is put back in its paragraph (IMP16, its next line a name and date)', async () => {
    const html = source('marx2mao-tranche2/Lenin/IMP16.html').replace(/Published in pamphlet form<BR>\s*in Petrograd, April 1917/, '<I>Nashe Slovo</I>, April 5, 1917');
    expect(html).toContain('<I>Nashe Slovo</I>, April 5, 1917');
    const xml = await tei(html, 'IMP16.html');
    expect(xml).toContain('but guesswork all the same. <lb/><lb/>Written January-June 1916</p>');
  });

  it('the last reply\'s statement stays the reply\'s where the other replies close with a signature and date (EPS52)', async () => {
    const html = source('marx2mao-tranche2/Stalin/EPS52.html').replace('September 28, 1952\n', 'September 28, 1952\n<P>First published in <I>Bolshevik</I>, No. 18, 1952\n');
    expect(html).toContain('First published in <I>Bolshevik</I>, No. 18, 1952');
    const xml = await tei(html, 'EPS52.html');
    // the reply's closer, after its last section (that section holds its signature and date), not the work's
    expect(xml).toMatch(/<\/closer>\s*<\/div>\s*<closer>\s*<seg type="statement">First published in <hi rend="italic">Bolshevik<\/hi>, No\. 18, <date when="1952">1952<\/date><\/seg>\s*<\/closer>\s*<\/div>\s*<\/div>\s*<\/body>/);
    expect(xml).not.toMatch(/First published in[^]*?<\/seg>\s*<\/closer>\s*<\/div>\s*<\/body>/);
  });

  it('a paragraph that is a statement after blank lines alone is one statement, no empty paragraph left', () => {
    const blocks: Block[] = [
      { type: 'paragraph', children: [{ type: 'text', value: 'The text of the work.' }] },
      { type: 'paragraph', children: [{ type: 'lb' }, { type: 'lb' }, { type: 'text', value: 'Written in March 1921' }] },
    ];
    markEndStatements(blocks, []);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'statement']);
  });
});

describe('a heading closing a division, more', () => {
  const para = (value: string, rend?: 'center'): Block => ({ type: 'paragraph', children: [{ type: 'text', value }], ...(rend ? { rend } : {}) });
  it('stays a heading under centred lines only (no text of its own over it), and is read past page breaks after it', () => {
    const centred: Block[] = [para('A LINE', 'center'), { type: 'heading', level: 3, children: [{ type: 'text', value: 'A TITLE' }] }];
    closingLinesNotTitles(centred);
    expect(centred[1]!.type).toBe('heading');
    const paged: Block[] = [para('The text.'), { type: 'heading', level: 3, children: [{ type: 'text', value: 'UNITE!' }] }, { type: 'pbBlock', pb: { type: 'pb', n: '9', edition: 'flp', attestedBy: ['m2m'], wordBreak: 'none' } } as Block];
    closingLinesNotTitles(paged);
    expect(paged[1]).toMatchObject({ type: 'paragraph', rend: 'center', children: [{ type: 'emph', rend: 'bold' }] });
  });
});

describe('cutting and hoisting, on blocks made up', () => {
  const t = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
  const h = (value: string, level = 2): Block => ({ type: 'heading', level, children: [{ type: 'text', value }] });
  const tailed = (words: string, tail: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value: words }, { type: 'lb' }, { type: 'lb' }, { type: 'text', value: tail }] });

  it('cuts no statement from a paragraph before a heading, nor a short sentence ending in an exclamation', () => {
    const mid = [h('THE TITLE', 1), t('Text.'), tailed('The end of part one.', 'Written in March 1916'), h('II'), t('More text.')];
    markEndStatements(mid, []);
    expect(mid.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    const cry = [t('Text.'), tailed('The last words.', 'Written on our banners in 1927: "Down with the Party!"')];
    markEndStatements(cry, []);
    expect(cry.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it("hoists a book's statements from its last chapter, but leaves the chapter its date line", () => {
    const chapter = (blocks: Block[]): Block => ({ type: 'division', kind: 'chapter', blocks });
    const book = [chapter([h('CHAPTER I'), t('Text of one.')]), chapter([h('CHAPTER II'), t('Text of two.'), t('June 2, 1916'), t('Published in Petrograd in 1917')])];
    markEndStatements(book, []);
    expect(book.map((b) => b.type)).toEqual(['division', 'division', 'statement']);
    expect((book[1] as { blocks: Block[] }).blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'dateline']);
  });
});
