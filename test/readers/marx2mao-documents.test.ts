/**
 * A page of several documents, each followed by its own NOTES section whose numbering restarts at
 * 1 (test/fixtures/marx2mao-made/Mao/THREE49.html: MADE UP for these tests, in the site's
 * conventions; the second section repeats the anchor names en1, en2, the third names them en1c,
 * en2c). Expectations are read from the HTML with regular expressions and a plain parse5 walk, not
 * from the reader.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Block, Division, Edition, Note, NoteRef } from '../../src/model/types.js';
import { forEachBlock } from '../../src/model/walk.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { markDatelines } from '../../src/readers/marx2mao/structure.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { firstDifference, words } from '../support/words.js';

const path = join(fixtures, 'marx2mao-made/Mao/THREE49.html');
const html = readFileSync(path, 'latin1');
const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };

function read(): Edition {
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

const documents = (ed: Edition) => ed.body.filter((b): b is Division => b.type === 'division');

function refsIn(blocks: Block[]): NoteRef[] {
  const out: NoteRef[] = [];
  const visit = (list: { type: string; children?: unknown[] }[]) => {
    for (const i of list) {
      if (i.type === 'noteRef') out.push(i as NoteRef);
      if (i.children) visit(i.children as never[]);
    }
  };
  forEachBlock(blocks, (b) => {
    if ('children' in b && b.type !== 'division') visit(b.children as never[]);
  });
  return out;
}

function notesIn(blocks: Block[]): Note[] {
  const out: Note[] = [];
  forEachBlock(blocks, (b) => {
    if (b.type === 'noteBlock') out.push(b.note);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The HTML's own words, with the apparatus (markers, labels, back-references) taken out
// ---------------------------------------------------------------------------------------------

function sourceWords(): string[] {
  const start = html.search(/<HR SIZE=2[^>]*>\s*<\/CENTER>/i);
  const end = html.search(/<TABLE BORDER=1/i);
  const region = html
    .slice(start, end)
    .replace(/<B>page\s+\d+<\/B>/gi, ' ')
    .replace(/\[p\.\s*<A\b[^>]*>[^<]*<\/A>\]/gi, ' ')
    .replace(/<A NAME="en[^"]*">[^<]*<\/A>/gi, ' ')
    .replace(/\[<A HREF="[^"]*#en[^"]*">[^<]*<\/A>\]/gi, ' ');
  let out = '';
  const walk = (n: { nodeName: string; value?: string; childNodes?: unknown[]; tagName?: string }) => {
    if (n.nodeName === '#text') out += n.value;
    if (n.tagName && ['p', 'br', 'center', 'ul', 'hr'].includes(n.tagName)) out += ' ';
    for (const c of (n.childNodes ?? []) as (typeof n)[]) walk(c);
    if (n.tagName && ['p', 'center', 'ul'].includes(n.tagName)) out += ' ';
  };
  walk(parseFragment(region) as never);
  return words(out);
}

/** Words of the TEI text: note references and back-references are not words; a removed hyphen is restored. */
function teiWords(xml: string): { words: string[]; pbs: string[] } {
  const parser = new SaxesParser({ xmlns: false });
  const stack: boolean[] = [];
  const pbs: string[] = [];
  let inText = false;
  let out = '';
  parser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'text') inText = true;
    const skip = (stack.at(-1) ?? false) || (t.name === 'ref' && a.type === 'noteref') || (t.name === 'ptr' && a.type === 'pageref') || t.name === 'orig';
    stack.push(skip);
    if (!inText) return;
    if (t.name === 'pb') {
      pbs.push(a.n!);
      out += a.break === 'no' ? (a.rend === 'hyphen' ? '-' : '') : ' ';
    } else out += ' ';
  });
  parser.on('text', (t) => {
    if (inText && !stack.at(-1)) out += t;
  });
  parser.on('closetag', () => {
    stack.pop();
    out += ' ';
  });
  parser.write(xml).close();
  return { words: words(out), pbs };
}

describe('several documents in one page, each with its own notes (made-up THREE49.html)', () => {
  it('has three documents, each ending with its own notes division, numbered from 1 again', () => {
    const ed = read();
    const docs = documents(ed);
    expect(docs.map((d) => d.kind)).toEqual(['document', 'document', 'document']);
    expect(ed.notes).toBeUndefined();
    const sections = docs.map((d) => d.blocks.at(-1)!);
    expect(sections.every((s) => s.type === 'division' && s.kind === 'notes')).toBe(true);
    expect(docs.map((d) => notesIn(d.blocks).map((n) => `${n.id}:${n.n}`))).toEqual([
      ['n1:1', 'n2:2', 'n3:3'],
      ['d2-n1:1', 'd2-n2:2'],
      ['d3-n1:1', 'd3-n2:2'],
    ]);
    // the number of notes of each section, counted in the HTML between its NOTES line and the next title
    const counts = html.split(/NOTES<P>/).slice(1).map((part) => (part.split(/<FONT SIZE=\+1>/)[0]!.match(/<A NAME="en/g) ?? []).length);
    expect(docs.map((d) => notesIn(d.blocks).length)).toEqual(counts);
    // each note keeps its own text (the last words before its back-reference) and back-reference
    const note = (id: string) => notesIn(ed.body).find((n) => n.id === id)!;
    expect(note('n2').backRef).toEqual({ page: '101', anchor: 'a-p101' });
    expect(note('d2-n2').backRef).toEqual({ page: '105', anchor: 'a-p105a' });
    expect(note('d3-n2').backRef).toEqual({ page: '108', anchor: 'a-p108' });
    expect(ed.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('links every reference to the note of its own document, and every note back', () => {
    const ed = read();
    const docs = documents(ed);
    const expected = [
      [['nr1', 'n1'], ['nr2', 'n2'], ['nr3', 'n3']],
      [['d2-nr1', 'd2-n1'], ['d2-nr2', 'd2-n2']],
      [['d3-nr1', 'd3-n1'], ['d3-nr2', 'd3-n2']],
    ];
    docs.forEach((d, k) => {
      const text = d.blocks.filter((b) => !(b.type === 'division' && b.kind === 'notes'));
      const refs = refsIn(text);
      expect(refs.map((r) => [r.id, r.noteId]), `document ${k + 1}`).toEqual(expected[k]);
      const own = new Set(notesIn(d.blocks).map((n) => n.id));
      for (const r of refs) expect(own.has(r.noteId), `${r.id} → ${r.noteId} in document ${k + 1}`).toBe(true);
    });
    // as many references as the HTML has links to notes, and each printed label kept
    expect(refsIn(ed.body).map((r) => r.n)).toEqual([...html.matchAll(/\[<A HREF="[^"]*#en[^"]*">([^<]*)<\/A>\]/g)].map((m) => m[1]));
  });

  it('keeps every word in order and the page breaks in print order, in TEI valid for teikit and tei_all', async () => {
    const tei = writeTei(read(), publication);
    const t = teiWords(tei);
    expect(firstDifference(sourceWords(), t.words)).toBeUndefined();
    const markers = [...html.matchAll(/<B>page\s+(\d+)<\/B>/gi)].map((m) => m[1]!);
    expect(markers).toEqual(['101', '102', '103', '104', '105', '106', '107', '108', '109']);
    expect(t.pbs).toEqual(markers);
    // note ids and references as TEI writes them: each ref points to its note and the note back
    for (const m of tei.matchAll(/<ref type="noteref" xml:id="([^"]+)" n="(\d+)" target="#([^"]+)">/g)) {
      expect(tei, m[1]).toMatch(new RegExp(`<note xml:id="${m[3]}" n="${m[2]}" place="end" target="#${m[1]}">`));
    }
    expect(tei.match(/<div type="notes">/g)).toHaveLength(3);
    expect((await validateTei(tei, 'THREE49.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
    if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-docs-')), 'THREE49.tei.xml');
    writeFileSync(file, tei);
    expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
  });

  it('a page marker before the next title opens the next document, not the last note', () => {
    const docs = documents(read());
    expect(docs[1]!.blocks[0]).toMatchObject({ type: 'pbBlock', pb: { n: '105' } });
    expect(docs[2]!.blocks[0]).toMatchObject({ type: 'pbBlock', pb: { n: '107' } });
    // and the marker of the page the notes begin on stands before their NOTES line
    const notes1 = docs[0]!.blocks.at(-1) as Division;
    expect(notes1.blocks.slice(0, 2).map((b) => b.type)).toEqual(['pbBlock', 'heading']);
  });
});

describe('a centred place and date under a title (OS41, tranche 2: `Yenan, January 20, 1941`)', () => {
  const os41 = join(fixtures, 'marx2mao-tranche2/Mao/OS41.html');
  const ed = (() => {
    const r = readMarx2mao(readFileSync(os41), os41);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return r.edition;
  })();
  const datelines: Block[] = [];
  forEachBlock(ed.body, (b) => {
    if (b.type === 'dateline') datelines.push(b);
  });

  it('is a dateline: the place before the date, the date read from the words after the comma', () => {
    const tei = writeTei(ed, publication);
    const lines = [...tei.matchAll(/<dateline>(.*?)<\/dateline>/g)].map((m) => m[1]);
    expect(lines).toEqual([
      '<date when="1941-01"><hi rend="italic">January 1941</hi></date>',
      '<hi rend="italic">Yenan</hi>, <date when="1941-01-20"><hi rend="italic">January 20</hi>, <hi rend="italic">1941</hi></date>',
      '<hi rend="italic">Yenan</hi>, <date when="1941-01-22"><hi rend="italic">January 22</hi>, <hi rend="italic">1941</hi></date>',
    ]);
    expect(datelines).toHaveLength(3);
    // no centred line of the page that is a place and a date is left a paragraph
    expect(tei).not.toMatch(/<p rend="center">[^<]*(?:<hi[^>]*>)?Yenan/);
  });

  it('reads no place where the words before the comma are a label, a day, a person or an address, nor in a quotation', () => {
    const html = readFileSync(os41, 'latin1');
    const first = '<I>\n                                           Yenan</I>, <I>January 20</I>, <I>1941</I>';
    expect(html).toContain(first);
    for (const line of ['Part I, 1920', 'J. V. Stalin, 1924', 'Comrades, 1917', 'CHAPTER II, 1848', 'I, 1920', 'Postscript, 1894', 'Pravda, August 2, 1950']) {
      const r = readMarx2mao(html.replace(first, line), os41);
      if (!r.ok) throw new Error('refused');
      const tei = writeTei(r.edition, publication);
      expect(tei, line).toContain(`<p rend="center">${line}</p>`);
    }
    // a quoted letter's place and date, in a quotation after the text has begun, dates nothing
    const quoted = html.replace('<P>&nbsp &nbsp\n   The New Fourth Army', '<BLOCKQUOTE><CENTER>Moscow, March 1, 1913</CENTER><P>Dear comrades,</BLOCKQUOTE><P>&nbsp &nbsp\n   The New Fourth Army');
    const r = readMarx2mao(quoted, os41);
    if (!r.ok) throw new Error('refused');
    const tei = writeTei(r.edition, publication);
    expect(tei).toContain('<p rend="center">Moscow, March 1, 1913</p>');
    expect(tei).not.toContain('1913-03-01');
  });

  it('reads a day of the week before a date as no place (`Saturday, May 5, 1928`)', () => {
    const html = readFileSync(os41, 'latin1').replace('<I>\n                                           Yenan</I>, <I>January 20</I>, <I>1941</I>', 'Saturday, May 5, 1928');
    const r = readMarx2mao(html, os41);
    if (!r.ok) throw new Error('refused');
    expect(writeTei(r.edition, publication)).toContain('<dateline><date when="1928-05-05">Saturday, May 5, 1928</date></dateline>');
  });

  it('reads a place and date only right under a title, and not in a quotation (markDatelines)', () => {
    const centred = (value: string): Block => ({ type: 'paragraph', rend: 'center', children: [{ type: 'text', value }] });
    const title: Block = { type: 'heading', level: 2, children: [{ type: 'text', value: 'A LETTER' }] };
    const text: Block = { type: 'paragraph', children: [{ type: 'text', value: 'Words of the text.' }] };
    const under = [title, centred('Moscow, March 1, 1913'), text];
    markDatelines(under);
    expect(under[1]!.type).toBe('dateline');
    const afterText = [title, text, centred('Moscow, March 1, 1913')];
    markDatelines(afterText);
    expect(afterText[2]!.type).toBe('paragraph');
    const quoted: Block[] = [{ type: 'quote', blocks: [title, centred('Moscow, March 1, 1913'), text] }];
    markDatelines(quoted);
    expect((quoted[0] as { blocks: Block[] }).blocks[1]!.type).toBe('paragraph');
    // a date alone is a dateline wherever it stands
    const bare = [title, text, centred('March 1, 1913')];
    markDatelines(bare);
    expect(bare[2]!.type).toBe('dateline');
  });

  it('reads a place and date set as the last line of a title, inside its bold type', () => {
    const html = readFileSync(os41, 'latin1').replace(
      'THE HSINHUA NEWS AGENCY</B><P>\n<FONT SIZE=-2><I>\n                                           Yenan</I>, <I>January 22</I>, <I>1941</I>',
      'THE HSINHUA NEWS AGENCY<BR>Yenan, January 22, 1941</B><P>\n<FONT SIZE=-2>',
    );
    const r = readMarx2mao(html, os41);
    if (!r.ok) throw new Error('refused');
    const tei = writeTei(r.edition, publication);
    expect(tei).toContain('<dateline>Yenan, <date when="1941-01-22">January 22, 1941</date></dateline>');
    expect(documents(r.edition).map((d) => d.kind)).toEqual(['document', 'document']);
  });

  it('makes the order and the statement, each titled and dated, two documents of the work', async () => {
    // the work's title and date, then its two documents (the TEI writer makes them the work's division)
    expect(ed.body.filter((b) => b.type !== 'pbBlock').slice(0, 2).map((b) => b.type)).toEqual(['heading', 'dateline']);
    const docs = documents(ed);
    expect(docs.map((d) => d.kind)).toEqual(['document', 'document']);
    const opening = (d: Division) => d.blocks.filter((b) => b.type !== 'pbBlock').slice(0, 2).map((b) => b.type);
    expect(docs.map(opening)).toEqual([['heading', 'dateline'], ['heading', 'dateline']]);
    const tei = writeTei(ed, publication);
    expect((await validateTei(tei, 'OS41.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
