/**
 * The accounting (src/accounting/): an inventory of the raw source, taken without the readers'
 * code, compared with the TEI. Made-up sources only (test/fixtures/accounting/ and inline pages),
 * one per source pattern the inventory must know, and a conversion that loses a note, a page break
 * and a paragraph before its TEI is written, which the accounting must report at their positions.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountConversion, fidelityDiagnostics, inventoryOfCmpa, inventoryOfMarx2mao, regionOf, wordTexts } from '../src/accounting/index.js';
import { hashWord, htmlWords } from '../src/accounting/source-text.js';
import { wordList } from '../src/accounting/types.js';
import type { Block, Edition } from '../src/model/types.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-04' };
const enc = (s: string) => new TextEncoder().encode(s);
const file = 'test/fixtures/accounting/WP12.html';
const source = readFileSync(join(fixtures, 'accounting/WP12.html'), 'utf8');

/** Line and column of the first occurrence of `needle` (after `after`) in `text`, found by search. */
function where(text: string, needle: string, after = ''): string {
  const at = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (at < 0) throw new Error(`not in the fixture: ${needle}`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** Remove the first block that `test` picks, at any depth (a paragraph, a page break). */
function removeBlock(blocks: Block[], test: (b: Block) => boolean): boolean {
  const i = blocks.findIndex(test);
  if (i >= 0) {
    blocks.splice(i, 1);
    return true;
  }
  return blocks.some((b) => 'blocks' in b && removeBlock(b.blocks, test));
}

const text = (b: Block) => ('children' in b ? b.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : '');

describe('the accounting can fail', () => {
  it('reports a note, a page break and a paragraph removed from the model, each at its source position', () => {
    const read = readMarx2mao(enc(source), file);
    expect(read.ok).toBe(true);
    const edition = (read as { edition: Edition }).edition;
    // the faithful conversion first: nothing unaccounted
    const faithful = accountConversion([{ file, format: 'marx2mao', bytes: enc(source), role: 'base' }], writeTei(edition, publication), edition);
    expect(faithful.unaccounted).toBe(0);
    expect(faithful.sources[0]!.recall).toEqual({ body: 1, endnotes: 1, foot: 1 });

    edition.notes!.items = edition.notes!.items.filter((it) => 'type' in it || it.n !== '2');
    expect(removeBlock(edition.body, (b) => b.type === 'pbBlock' && b.pb.n === '12')).toBe(true);
    expect(removeBlock(edition.body, (b) => b.type === 'paragraph' && text(b).includes('second paragraph'))).toBe(true);
    const fidelity = accountConversion([{ file, format: 'marx2mao', bytes: enc(source), role: 'base' }], writeTei(edition, publication), edition);
    const lines = fidelityDiagnostics(fidelity).map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}`);
    expect(lines).toEqual([
      `${file}:${where(source, 'The second')}: warning unaccounted-words`,
      `${file}:${where(source, '<B>page 12')}: warning unaccounted-page`,
      // the reference whose note is gone is kept as text «[2]»: a word the source's body has not
      `${file}:${where(source, 'kings.')}: warning unaccounted-added-words`,
      `${file}:${where(source, '[<A HREF="WP12.html#en2')}: warning unaccounted-noteref`,
      `${file}:${where(source, '<A NAME="en2"')}: warning unaccounted-note`,
      `${file}:${where(source, 'Kings')}: warning unaccounted-words`,
      // the note held the break of page 14: it is lost with the note
      `${file}:${where(source, '<B>page 14')}: warning unaccounted-page`,
    ]);
    const s = fidelity.sources[0]!;
    expect(s.source.pages - s.tei.pages).toBe(2);
    expect(s.source.notes - s.tei.notes).toBe(1);
    // the paragraph's 9 words of 38 in the body, the note's 4 of 8 in the endnotes
    expect(s.recall).toEqual({ body: Math.round((29 / 38) * 10000) / 10000, endnotes: 0.5, foot: 1 });
    // «2», the reference kept as text, is the one body word of 30 the source's body has not
    expect(s.precision).toEqual({ body: Math.round((29 / 30) * 10000) / 10000, endnotes: 1, foot: 1 });
    expect(fidelityDiagnostics(fidelity, true).every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports words the TEI has and the source has not', () => {
    const read = readMarx2mao(enc(source), file);
    const edition = (read as { edition: Edition }).edition;
    const tei = writeTei(edition, publication).replace('The fourth paragraph', 'The fourth invented paragraph');
    const fidelity = accountConversion([{ file, format: 'marx2mao', bytes: enc(source), role: 'base' }], tei, edition);
    expect(fidelity.sources[0]!.unaccounted.map((u) => [u.kind, `${u.pos.line}:${u.pos.column}`])).toEqual([['added-words', where(source, 'fourth paragraph')]]);
  });
});

/** A made-up marx2mao page: a title block, the given text, a navigation table. */
function page(text: string, title = '<B>Vol. I, pp. 5-9.</B>'): string {
  return `<HTML><BODY>\n<CENTER>\n<H2>An Author</H2>\n<H2>A TITLE</H2>\n${title}<P>\n<HR>\n<I>Prepared &copy; for the Internet by Someone (June 2000)</I>\n<HR>\n</CENTER>\n${text}\n<TABLE><TR><TD><A HREF="../index.html">From Marx to Mao</A></TD><TD>stray navigation words</TD></TR></TABLE>\n</BODY></HTML>\n`;
}
const inv = (html: string) => inventoryOfMarx2mao(enc(html), 'x.html');
const pos = (html: string, needle: string) => where(html, needle);

describe('inventory of a marx2mao page: the patterns of the site', () => {
  it('page markers: with and without a space, with remarks before and after; a blank page has no text', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page57</B></FONT><P>',
      'Words of page fifty-seven.',
      '<P><FONT SIZE=-2><B>page 58</B>[blank]</FONT><P>',
      '<P ALIGN=right><FONT SIZE=-2>[facsimile] <B>page 59</B></FONT><BR>',
      '<P><FONT SIZE=-2><B>page 60</B> [blank]</FONT><P>',
      '<P><FONT SIZE=-2><B>page 61 [blank]</B></FONT><P>',
      '<P ALIGN=right><FONT SIZE=-2><B>page 62</B></FONT>[blank]<P>',
      '<P ALIGN=right><FONT SIZE=-2><B>page </B></FONT><P>',
      'Last words.',
    ].join('\n'));
    const i = inv(html);
    expect(i.markers.map((m) => [m.n, m.remark ?? ''])).toEqual([['57', ''], ['58', 'blank'], ['59', 'facsimile'], ['60', 'blank'], ['61', 'blank'], ['62', 'blank']]);
    expect(i.markers.map((m) => `${m.pos.line}:${m.pos.column}`)).toEqual([pos(html, '<B>page57'), pos(html, '<B>page 58'), pos(html, '<B>page 59'), pos(html, '<B>page 60'), pos(html, '<B>page 61'), pos(html, '<B>page 62')]);
    // neither the markers, their remarks nor the number-less marker are words of the text
    expect(wordTexts(i.mainWords)).toEqual(['words', 'of', 'page', 'fifty', 'seven', 'last', 'words']);
  });

  it('a stray control character inside a word (DLE in «o\\x10krug») joins it, as the TEI does; tab and cp1252 punctuation still separate', () => {
    const html = page('<P>the bureaux of o\x10krug committees,\tmeetings clear\x8bonly then\x7f.');
    const i = inv(html);
    expect(wordTexts(i.mainWords)).toEqual(['the', 'bureaux', 'of', 'okrug', 'committees', 'meetings', 'clear', 'only', 'then']);
    // the joined word is placed at its first letter
    expect(i.position(i.mainWords.at[3]!)).toMatchObject({ line: Number(pos(html, 'o\x10krug').split(':')[0]), column: Number(pos(html, 'o\x10krug').split(':')[1]) });
  });

  it('endnotes: anchors en<N> and n<N> mixed in one page, letter-suffixed notes, linked and unlinked references', () => {
    const html = page([
      'One<FONT SIZE=-2>[<A HREF="x.html#en1">1</A>]</FONT> two<FONT SIZE=-2>[<A HREF="x.html#n7">7</A>]</FONT>',
      'three<FONT SIZE=-2>[<A HREF="x.html#en111a">111a</A>]</FONT> four<FONT SIZE=-2>[7]</FONT> five.',
      '<P><B>NOTES</B>',
      '<P><SUP><FONT SIZE=-2><A NAME="en1">[1]</A></FONT></SUP> First note. <FONT SIZE=-2>[p. <A HREF="x.html#p5">5</A>]</FONT>',
      '<P><A NAME="n7">[7]</A> Seventh note. [pp. <A HREF="x.html#p5">5</A>, <A HREF="x.html#p9">9</A>]',
      '<P><A NAME="en111a">[111a]</A> A suffixed note. [<A HREF="x.html#toc">table of contents</A>]',
      '<P><A NAME="en112">[112]</A> A publisher\'s note. [pub. note]',
      '<P><A NAME="en"113>[113]</A> A note whose anchor has its quote misplaced.',
    ].join('\n'));
    const i = inv(html);
    expect(i.notes.map((n) => [n.label, n.key, n.place, `${n.pos.line}:${n.pos.column}`])).toEqual([
      ['1', 'en1', 'end', pos(html, '<A NAME="en1"')],
      ['7', 'n7', 'end', pos(html, '<A NAME="n7"')],
      ['111a', 'en111a', 'end', pos(html, '<A NAME="en111a"')],
      ['112', 'en112', 'end', pos(html, '<A NAME="en112"')],
      ['113', 'en113', 'end', pos(html, '<A NAME="en"113')],
    ]);
    expect(i.refs.map((r) => [r.label, r.key ?? '(unlinked)', `${r.pos.line}:${r.pos.column}`])).toEqual([
      ['1', 'en1', pos(html, '[<A HREF="x.html#en1"')],
      ['7', 'n7', pos(html, '[<A HREF="x.html#n7"')],
      ['111a', 'en111a', pos(html, '[<A HREF="x.html#en111a"')],
      ['7', '(unlinked)', pos(html, '<FONT SIZE=-2>[7]')],
    ]);
    // labels, references and back-references are apparatus; the navigation table ends the text
    const regions = wordTexts(i.mainWords).map((w, k) => `${w}/${regionOf(i.mainWords, k)}`);
    expect(regions).toEqual([
      'one/body', 'two/body', 'three/body', 'four/body', 'five/body', 'notes/body',
      'first/endnotes', 'note/endnotes', 'seventh/endnotes', 'note/endnotes', 'a/endnotes', 'suffixed/endnotes', 'note/endnotes',
      'a/endnotes', 'publisher\'s/endnotes', 'note/endnotes',
      'a/endnotes', 'note/endnotes', 'whose/endnotes', 'anchor/endnotes', 'has/endnotes', 'its/endnotes', 'quote/endnotes', 'misplaced/endnotes',
    ]);
  });

  it('page-foot notes after a short left rule: in a small FONT, without one, numbered 1. 2.', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>',
      'Text with a star<FONT SIZE=-2>[<A HREF="x.html#fnp5">*</A>]</FONT> here.',
      '<HR ALIGN=left WIDTH=20%>',
      '<FONT SIZE=-1><A NAME="fnp5">[*]</A> A star note in small type.</FONT>',
      '<P><FONT SIZE=-2><B>page 6</B></FONT><P>',
      'More text<FONT SIZE=-2>[<A HREF="x.html#fnp6">*</A>]</FONT> again.',
      '<HR ALIGN=left WIDTH=15%>',
      '* A foot note without small type.',
      '<P ALIGN=right><FONT SIZE=-2><B>page 7</B></FONT><P>',
      'Numbered<FONT SIZE=-2>[<A HREF="x.html#fnp7">1</A>]</FONT> and<FONT SIZE=-2>[<A HREF="x.html#fnp7">2</A>]</FONT> too.',
      '<HR ALIGN=left WIDTH=20%>',
      '<FONT SIZE=-1>1. The first numbered note.<BR>2. The second numbered note.</FONT>',
      '<P><FONT SIZE=-2><B>page 8</B></FONT><P>',
      'Quoted (p. 9.)[3] and a year [1917] in brackets.',
      '<HR ALIGN=left WIDTH=20%>',
      '<SUP><FONT SIZE=-2>[3]</FONT></SUP> A third numbered note.',
      '<P><FONT SIZE=-2><B>page 9</B></FONT><P>',
      'The end.',
    ].join('\n'));
    const i = inv(html);
    expect(i.notes.map((n) => [n.label, n.place, `${n.pos.line}:${n.pos.column}`])).toEqual([
      ['*', 'foot', pos(html, '<A NAME="fnp5">')],
      ['*', 'foot', pos(html, '* A foot note')],
      ['1', 'foot', pos(html, '1. The first')],
      ['2', 'foot', pos(html, '2. The second')],
      ['3', 'foot', pos(html, '[3]</FONT>')],
    ]);
    // a bare [3] whose small type was forgotten refers to the foot note 3 below it; [1917] is text
    expect(i.refs.filter((r) => r.place === 'foot').map((r) => `${r.label}@${r.pos.line}:${r.pos.column}`)).toEqual([
      `*@${pos(html, '<A HREF="x.html#fnp5"')}`, `*@${pos(html, '<A HREF="x.html#fnp6"')}`,
      `1@${pos(html, '<A HREF="x.html#fnp7">1')}`, `2@${pos(html, '<A HREF="x.html#fnp7">2')}`, `3@${pos(html, '[3] and')}`,
    ]);
    // the numbers of numbered foot notes are their labels, not words of their text
    expect(wordTexts(i.footWords).join(' ')).toBe('a star note in small type a foot note without small type the first numbered note the second numbered note a third numbered note');
    expect(wordTexts(i.mainWords).join(' ')).toBe('text with a star here more text again numbered and too quoted p 9 and a year 1917 in brackets the end');
  });

  it('numbered foot notes in small type without a rule, after their references on the page; points 1. 2. inside a note are its text', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>',
      'A claim<FONT SIZE=-2>[2]</FONT> and another<FONT SIZE=-2>[<A HREF="x.html#fnp5">3</A>]</FONT> here.',
      '<P>&nbsp;<BR>',
      '<FONT SIZE=-1>',
      '&nbsp; &nbsp;',
      '2.&nbsp;The second note.',
      '&nbsp; &nbsp;',
      '3. The third note in two points:',
      '<BR>&nbsp; &nbsp; 1.&nbsp;the first point;',
      '<BR>&nbsp; &nbsp; 2.&nbsp;the second point.',
      '</FONT>',
      '<P>&nbsp;<BR><FONT SIZE=-2><B>page 6</B></FONT><P>',
      'A list of the text:',
      '<P><FONT SIZE=-1>1.&nbsp;a quotation in small type numbers its items, no reference on its page</FONT>',
    ].join('\n'));
    const i = inv(html);
    expect(i.notes.map((n) => [n.label, n.place, `${n.pos.line}:${n.pos.column}`])).toEqual([
      ['2', 'foot', pos(html, '2.&nbsp;The')],
      ['3', 'foot', pos(html, '3. The')],
    ]);
    expect(wordTexts(i.footWords).join(' ')).toBe('the second note the third note in two points 1 the first point 2 the second point');
    expect(wordTexts(i.mainWords).join(' ')).toBe('a claim and another here a list of the text 1 a quotation in small type numbers its items no reference on its page');
  });

  it('foot notes after the rule without a FONT of their own end where the FONT around them is closed; the marker after "&nbsp;<BR>" ends a block', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>',
      '<FONT SIZE=-1>"A quotation in small type.<FONT SIZE=-2>[<A HREF="x.html#fnp5">*</A>]</FONT>"',
      '<HR SIZE=1 WIDTH=12% ALIGN=left NOSHADE>',
      '&nbsp; &nbsp;',
      '* The first note.<BR>',
      '&nbsp; &nbsp;',
      '** The second.',
      '</FONT>',
      'Running text after the quotation.',
      '<P>&nbsp;<BR><FONT SIZE=-2><B>page 6</B></FONT><P>',
      'The next page.[*]',
      '<HR SIZE=1 WIDTH=12% ALIGN=left NOSHADE>',
      '[* A note in brackets.]',
      '<P>&nbsp;<BR><FONT SIZE=-2><B>page 7</B></FONT><P>',
      'The last page.',
    ].join('\n'));
    const i = inv(html);
    expect(i.notes.map((n) => [n.label, n.place, `${n.pos.line}:${n.pos.column}`])).toEqual([
      ['*', 'foot', pos(html, '* The first')],
      ['**', 'foot', pos(html, '** The second')],
      ['*', 'foot', pos(html, '[* A note')],
    ]);
    expect(wordTexts(i.footWords).join(' ')).toBe('the first note the second a note in brackets');
    expect(wordTexts(i.mainWords).join(' ')).toBe('a quotation in small type running text after the quotation the next page the last page');
  });

  it('[p. 63] in the running text is the author\'s citation (words); in a note it is the back-reference', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>',
      'As he said at the congress [p. 63] before.<FONT SIZE=-2>[<A HREF="x.html#en1">1</A>]</FONT>',
      '<P><B>NOTES</B>',
      '<P><A NAME="en1">[1]</A> The note. <FONT SIZE=-2>[p. <A HREF="x.html#p5">5</A>]</FONT>',
    ].join('\n'));
    const i = inv(html);
    expect(wordTexts(i.mainWords).join(' ')).toBe('as he said at the congress p 63 before notes the note');
  });

  it('windows-1252: the letters at 0x80-0x9F are letters of their word (0\\x83 is «0ƒ», as a browser shows it)', () => {
    const html = page('<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>\nA gas at 0\x83 C and \x8cuvres\x8bcomplete.');
    const i = inventoryOfMarx2mao(Uint8Array.from(html, (c) => c.charCodeAt(0)), 'x.html');
    expect(wordTexts(i.mainWords).join(' ')).toBe('a gas at 0ƒ c and œuvres complete');
  });

  it('an anchor whose number is typed after the quote (NAME="en"7) is note 7; a link to a missing anchor keeps its number as text', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>',
      'Text<FONT SIZE=-2>[<A HREF="x.html#en7">7</A>]</FONT> and<FONT SIZE=-2>[<A HREF="x.html#en9">9</A>]</FONT> more',
      'and<FONT SIZE=-2>[<A HREF="x.html#en8">8</A>]</FONT> end.',
      '<P><B>NOTES</B>',
      '<P><SUP><FONT SIZE=-2><A NAME="en"7>[7]</A></FONT></SUP> Seventh note.',
      '<P><SUP><FONT SIZE=-2><A NAME="en88">[8]</A></FONT></SUP> Eighth note.',
    ].join('\n'));
    const i = inv(html);
    expect(i.notes.map((n) => [n.label, n.key, `${n.pos.line}:${n.pos.column}`])).toEqual([
      ['7', 'en7', pos(html, '<A NAME="en"7')],
      ['8', 'en88', pos(html, '<A NAME="en88"')],
    ]);
    // [9] leads nowhere: its number is a word of the text; [8] is found by its printed label
    expect(wordTexts(i.mainWords).join(' ')).toBe('text and 9 more and end notes seventh note eighth note');
  });

  it('a plain [N] glued to the text is a reference when the next foot block has a note N', () => {
    const html = page([
      '<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>',
      'A quotation (p. 441.)[2] and a list of things.',
      '<HR ALIGN=left WIDTH=12%>',
      '<FONT SIZE=-1><SUP><FONT SIZE=-2>[1]</FONT></SUP> One source.<BR><SUP><FONT SIZE=-2>[2]</FONT></SUP> Two source.</FONT>',
      '<P ALIGN=right><FONT SIZE=-2><B>page 6</B></FONT><P>',
      'Then x[3] here.',
    ].join('\n'));
    const i = inv(html);
    expect(i.refs.map((r) => [r.label, r.place, `${r.pos.line}:${r.pos.column}`])).toEqual([['2', 'foot', pos(html, '[2] and')]]);
    // `[3]` with no foot note 3 in a following block: text
    expect(wordTexts(i.mainWords).join(' ')).toBe('a quotation p 441 and a list of things then x 3 here');
  });

  it('the title block: volume and page range with the position of the statement', () => {
    const html = page('<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>Text.', '<B>Vol. IV, pp. 5-9.</B>');
    const t = inv(html).title;
    expect([t.volume, t.pageFrom, t.pageTo, `${t.pos.line}:${t.pos.column}`]).toEqual(['IV', '5', '9', pos(html, 'Vol. IV')]);
    expect(t.words).toEqual(expect.arrayContaining(['an', 'author', 'a', 'title']));
  });

  it('the title block words are the decoded words as shown (D&uuml;hring is one word)', () => {
    const html = page('<P ALIGN=right><FONT SIZE=-2><B>page 5</B></FONT><P>Text.').replace('A TITLE', 'Anti-D&uuml;<B>hring</B>');
    expect(inv(html).title.words).toEqual(expect.arrayContaining(['anti', 'dühring']));
  });
});

describe('inventory of a CMPA reprint', () => {
  it('markers, references, notes with back-references, the title block', () => {
    const md = [
      '**An Author**', '', '**A TITLE**', '', '**Vol. II, pp. 7-9.**', '', '---', '', '**Republish by:**', '', '**<https://example.org>**', '',
      '## A TITLE', '', '*May 1, 1950*', '', 'Text with a note.<sup>[1]</sup> Split', '', 'page 8', '', 'here -- and on.', '', 'page 9 [blank]', '',
      '## NOTES', '', '[1] The note text. [p. 7]', '', '---', '',
    ].join('\n');
    const i = inventoryOfCmpa(enc(md), 'x.md');
    expect(i.markers.map((m) => [m.n, m.remark ?? '', `${m.pos.line}:${m.pos.column}`])).toEqual([['8', '', where(md, 'page 8')], ['9', 'blank', where(md, 'page 9')]]);
    expect(i.refs.map((r) => [r.label, `${r.pos.line}:${r.pos.column}`])).toEqual([['1', where(md, '<sup>')]]);
    expect(i.notes.map((n) => [n.label, `${n.pos.line}:${n.pos.column}`])).toEqual([['1', where(md, '[1] The')]]);
    expect(wordTexts(i.mainWords).map((w, k) => `${w}/${regionOf(i.mainWords, k)}`).join(' ')).toBe(
      'a/body title/body may/body 1/body 1950/body text/body with/body a/body note/body split/body here/body and/body on/body notes/body the/endnotes note/endnotes text/endnotes',
    );
    expect([i.title.volume, i.title.pageFrom]).toEqual(['II', '7']);
  });

  it('a note labelled <sup>[1]</sup> in the notes is a note, not a second reference: the conversion accounts for all', async () => {
    const md = [
      '**An Author**', '', '**A TITLE**', '', '**Vol. II, pp. 7-8.**', '', '---', '', '**Republish by:**', '', '**<https://example.org>**', '',
      '## A TITLE', '', 'Text with a note.<sup>[1]</sup> And on.', '', 'page 8', '', 'More text.', '',
      '## Notes', '', '<sup>[1]</sup> The note text.', '',
    ].join('\n');
    const i = inventoryOfCmpa(enc(md), 'x.md');
    expect(i.refs.map((r) => [r.label, `${r.pos.line}:${r.pos.column}`])).toEqual([['1', where(md, '<sup>')]]);
    expect(i.notes.map((n) => [n.label, `${n.pos.line}:${n.pos.column}`])).toEqual([['1', where(md, '<sup>[1]</sup> The')]]);
    const { convertFiles } = await import('../src/convert.js');
    const dir = mkdtempSync(join(tmpdir(), 'teikit-acc-cmpa-'));
    writeFileSync(join(dir, 'x.md'), md);
    const r = await convertFiles([join(dir, 'x.md')], { id: 'x', cwd: dir });
    expect(r.tei).toMatch(/<ref type="noteref" xml:id="nr1" n="1" target="#n1">/);
    // a <sup>[2]</sup> opening a wrapped line inside a note is a reference, not a label; a note [*]
    const wrapped = md.replace('<sup>[1]</sup> The note text.', '<sup>[1]</sup> The note text, see\n<sup>[2]</sup> here.\n\n[2] Second note.\n\n[*] A starred note.')
      .replace('And on.', 'And on.<sup>[2]</sup> And<sup>[*]</sup>');
    const w = inventoryOfCmpa(enc(wrapped), 'w.md');
    expect(w.notes.map((n) => n.label)).toEqual(['1', '2', '*']);
    expect(w.refs.map((r) => r.label)).toEqual(['1', '2', '*', '2']);
    // (this made-up title block names no print book, so its volume and pages are the only items)
    expect(r.report.fidelity.sources.flatMap((f) => f.unaccounted.map((u) => u.message)).filter((m) => /note|reference/.test(m))).toEqual([]);
  });
});

describe('the accounting\'s word lists', () => {
  const hashes = (text: string) => htmlWords(text, 0, text.length, 'body').h;

  it('hash a word as its lower case, whatever script and however long the list grows', () => {
    // case differences beyond ASCII compare equal, as String.prototype.toLowerCase has them
    expect([...hashes('Éire ÉIRE éire')]).toEqual(Array(3).fill(hashes('éire')[0]));
    expect(hashes('ДУМА')[0]).toBe(hashes('дума')[0]);
    // Σ takes its final form at a word's end only when the whole text is lower-cased
    expect(hashes('ΟΔΟΣ')[0]).toBe(hashes('οδος')[0]);
    expect(hashes('ΟΔΟΣ')[0]).not.toBe(hashes('οδοσ')[0]);
    // İ lengthens the text when lower-cased: its text's words then keep their case, before and after it
    expect(hashes('Word İstanbul Word')[0]).not.toBe(hashes('word')[0]);
    expect([...hashes('Word İstanbul Word')]).toEqual(['Word', 'İstanbul', 'Word'].map((w) => hashWord(w, 0, w.length)));
    // appended fragment by fragment past the first buffer, every word keeps its hash, region and offset
    const text = Array.from({ length: 3000 }, (_, k) => `w${k}`).join(' ');
    const list = wordList(text);
    for (let from = 0; from < text.length; from = text.indexOf(' ', from + 400) + 1 || text.length) {
      const to = text.indexOf(' ', from + 400);
      htmlWords(text, from, to < 0 ? text.length : to, from < text.length / 2 ? 'body' : 'foot', list);
    }
    expect(list.h.length).toBe(3000);
    expect(wordTexts(list, 2997)).toEqual(['w2997', 'w2998', 'w2999']);
    expect([...list.h]).toEqual([...hashes(text)]);
    expect(regionOf(list, 0)).toBe('body');
    expect(regionOf(list, 2999)).toBe('foot');
    expect(list.at[2999]).toBe(text.lastIndexOf('w2999'));
  });
});

describe("the TEI's facts read in the validation gate's parse", () => {
  it('are those of a parse of their own, word for word, and account for the page the same way', async () => {
    const { collectTeiFacts, teiFacts } = await import('../src/accounting/index.js');
    const { gateTei } = await import('../src/convert-gate.js');
    for (const page of ['Mao/SU39.html', 'Lenin/SCHEMES17.html']) {
      const path = join(fixtures, page.startsWith('Lenin/SCHEMES') ? 'marx2mao-made' : 'marx2mao', page);
      const bytes = readFileSync(path);
      const read = readMarx2mao(bytes, path);
      if (!read.ok) throw new Error(page);
      const tei = writeTei(read.edition);
      const shared = collectTeiFacts();
      await gateTei(tei, { file: path }, shared);
      const own = teiFacts(tei);
      const facts = shared.finish();
      expect(facts.mainWords.h.length, page).toBeGreaterThan(100);
      expect({ ...facts, mainWords: [...facts.mainWords.h], footWords: [...facts.footWords.h] }).toEqual({ ...own, mainWords: [...own.mainWords.h], footWords: [...own.footWords.h] });
      const src = [{ file: path, format: 'marx2mao', bytes, role: 'base' as const }];
      expect(accountConversion(src, facts, read.edition)).toEqual(accountConversion(src, tei, read.edition));
    }
  });
});
