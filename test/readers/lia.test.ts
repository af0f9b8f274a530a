/**
 * The Lenin Internet Archive reader on the made-up pages of test/fixtures/lia (see its README):
 * the header facts of the info list, the notes linked both ways, every word in order, no page
 * breaks; the dates with notBefore/notAfter; the TEI valid for teikit and tei_all.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLia } from '../../src/readers/lia/index.js';
import { dateStatement } from '../../src/readers/lia/dates.js';
import { readSource, siglum } from '../../src/readers/lia/info.js';
import { liaReader } from '../../src/readers/lia/format.js';
import { marx2maoReader } from '../../src/readers/marx2mao/format.js';
import type { Edition, Heading, NoteRef, PrintWitness, TranscriptionWitness } from '../../src/model/types.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { allPageBreaks, blockText, noteText, notesOf } from '../support/model-text.js';
import { firstDifference, words } from '../support/words.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';

const MW18 = join(fixtures, 'lia/Lenin/MW18.html');
const LT02 = join(fixtures, 'lia/Lenin/LT02.html');

function read(file: string): Edition {
  const r = readLia(readFileSync(file), file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

/** Every note reference of the edition, wherever it stands (title, body, notes). */
function refsOf(e: Edition): NoteRef[] {
  const out: NoteRef[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ((v as NoteRef).type === 'noteRef') out.push(v as NoteRef);
      else Object.values(v).forEach(walk);
    }
  };
  walk([e.body, e.notes]);
  return out;
}

/** The page's text by a simple independent method: a region of the source, tags and references dropped. */
function sourceWords(file: string, from: RegExp, to: RegExp): string[] {
  const html = readFileSync(file, 'latin1');
  const start = html.search(from);
  const end = html.slice(start).search(to) + start;
  const region = html
    .slice(start, end)
    .replace(/<sup class="anote">.*?<\/sup>/g, ' ')
    .replace(/<sup class="enote">.*?<\/sup>/g, ' ')
    .replace(/<h3>Notes<\/h3>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[lr]dquo;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ');
  return words(region);
}

describe('readLia on MW18.html (notes, a known day, a translator)', () => {
  const e = read(MW18);

  it('reads the title without its note reference, the author and the dates', () => {
    expect(e.id).toBe('MW18');
    expect(e.work.title).toBe("On the Mill Workers' Delegates");
    expect(e.work.author).toBe('V. I. Lenin');
    expect(e.work.date).toEqual({ text: 'March 13, 1918', when: '1918-03-13' });
    expect(e.work.published).toEqual({ text: 'March 15, 1918 in Izvestia No. 49', when: '1918-03-15' });
    expect(e.baseWitness).toBe('lia');
  });

  it('reads the print edition of the Source: line, with its siglum, volume, pages and translator', () => {
    const print = e.witnesses.find((w) => w.kind === 'print') as PrintWitness;
    expect(print).toEqual({
      kind: 'print', id: 'pp', collection: "Lenin's Collected Works", publisher: 'Progress Publishers', place: 'Moscow',
      date: '1972', printings: ['4th English Edition'], volume: '27', pages: { from: '360', to: '364', text: 'pages 360-364' },
      translator: 'A. N. Example',
    });
  });

  it('reads the transcription: its transcribers, what they did, the site and year, and no made-up address', () => {
    const lia = e.witnesses.find((w) => w.kind === 'transcription') as TranscriptionWitness;
    expect(lia).toEqual({
      kind: 'transcription', id: 'lia', transcriber: 'Jane Doe & R. Roe', resp: 'Transcription/HTML Markup',
      publisher: 'Lenin Internet Archive (marxists.org)', date: { text: '2002', when: '2002' }, file: MW18,
    });
  });

  it('has no page breaks: the page has no print page markers', () => {
    expect(allPageBreaks(e)).toEqual([]);
  });

  it('links every reference to its note, the title\'s too, and a note referenced twice has both', () => {
    const refs = refsOf(e);
    const title = e.body[0] as Heading;
    expect(title.type).toBe('heading');
    expect(title.children.filter((c) => c.type === 'noteRef').map((c) => (c as NoteRef).noteId)).toEqual(['n1']);
    expect(refs.map((r) => [r.id, r.n, r.noteId])).toEqual([
      ['nr1', '1', 'n1'], ['nr2', '2', 'n2'], ['nr3', '3', 'n3'], ['nr2-2', '2', 'n2'],
    ]);
    const notes = notesOf(e);
    expect(notes.map((n) => [n.id, n.n, n.place])).toEqual([['n1', '1', 'end'], ['n2', '2', 'end'], ['n3', '3', 'end']]);
    // note 2 runs on in a second paragraph without an anchor of its own
    expect(notes[1]!.blocks).toHaveLength(2);
    expect(noteText(notes[1]!)).toContain('It met every Thursday');
    expect(e.notes?.heading).toEqual([{ type: 'text', value: 'Notes' }]);
    expect(e.diagnostics).toEqual([]);
  });

  it('keeps every word of the text and of the notes in order, and nothing of the navigation', () => {
    const body = sourceWords(MW18, /<p>Comrades/, /<hr class="end">/);
    expect(firstDifference(body, words(blockText(e.body.slice(1))))).toBeUndefined();
    const notes = sourceWords(MW18, /<h3>Notes<\/h3>/, /<hr class="end">\s*<p class="footer">/);
    expect(firstDifference(notes, words(notesOf(e).map((n) => noteText(n)).join(' ')))).toBeUndefined();
    const all = words(JSON.stringify([e.body, e.notes]));
    for (const nav of ['backward', 'forward', 'index']) expect(all).not.toContain(nav);
  });

  it('keeps the section heading and the block quotation as such', () => {
    expect(e.body.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'paragraph', 'quote', 'paragraph']);
    expect((e.body[3] as Heading).level).toBe(2);
  });
});

describe('readLia on LT02.html (an uncertain date, no translator, a note with its brackets outside its links)', () => {
  const e = read(LT02);

  it('gives the writing date as notBefore/notAfter, the text as printed', () => {
    expect(e.work.date).toEqual({ text: 'Late March 1918', notBefore: '1918-03-01', notAfter: '1918-03-31' });
    expect(e.work.published).toEqual({ text: '1933 in Lenin Miscellany XXI', notBefore: '1933-01-01', notAfter: '1933-12-31' });
  });

  it('reads the Source: line whatever the order of its parts, and an empty Translated: is no translator', () => {
    const print = e.witnesses.find((w) => w.kind === 'print') as PrintWitness;
    expect(print).toEqual({
      kind: 'print', id: 'pp', collection: 'Lenin Collected Works', publisher: 'Progress Publishers', place: 'Moscow',
      date: '1965', printings: [], volume: '36', pages: { from: '12', to: '14', text: 'pages 12-14' },
    });
    expect((e.witnesses.find((w) => w.kind === 'transcription') as TranscriptionWitness).publisher).toBe('Lenin Internet Archive');
  });

  it('keeps the letter\'s words and leaves the navigation table out', () => {
    const body = sourceWords(LT02, /<P>Dear comrades/, /<HR>/).filter((w) => w !== '1');
    expect(firstDifference(body, words(blockText(e.body.slice(1))))).toBeUndefined();
    expect(words(blockText(e.body))).not.toContain('marx');
  });

  it('links the note both ways, its label without the brackets, and the bold Notes line as its heading', () => {
    const [ref] = refsOf(e);
    expect(ref).toMatchObject({ id: 'nr1', n: '1', noteId: 'n1' });
    const para = blockText(e.body.slice(2, 3)).replace(/\s+/g, ' ');
    expect(para).toContain('paper learns what the weavers');
    expect(para).not.toMatch(/\[|\]/);
    const notes = notesOf(e);
    expect(notes.map((n) => [n.id, n.n, noteText(n)])).toEqual([['n1', '1', 'The paper of the weaving towns, printed in a cellar and carried from shed to shed.']]);
    expect(e.notes?.heading).toEqual([{ type: 'emph', rend: 'bold', children: [{ type: 'text', value: 'Notes' }] }]);
    expect(e.diagnostics).toEqual([]);
  });
});

describe('readLia refuses what is not a page of a work', () => {
  it('refuses a page without an info list, naming the file', () => {
    const r = readLia('<html><body><h1>Index of works</h1><p><a href="a.htm">A</a></p></body></html>', 'idx.html');
    expect(!r.ok && r.diagnostics.map((d) => [d.file, d.severity, d.code])).toEqual([['idx.html', 'error', 'not-a-work']]);
  });
});

describe('dates of the info list', () => {
  it.each([
    ['March 13, 1918', { when: '1918-03-13' }],
    ['13 March 1918', { when: '1918-03-13' }],
    ['Late March 1918', { notBefore: '1918-03-01', notAfter: '1918-03-31' }],
    ['February 1916', { notBefore: '1916-02-01', notAfter: '1916-02-29' }],
    ['1902', { notBefore: '1902-01-01', notAfter: '1902-12-31' }],
    ['Written between 13 and 26 April, 1918', { notBefore: '1918-04-13', notAfter: '1918-04-26' }],
    ['March 23-28, 1918', { notBefore: '1918-03-23', notAfter: '1918-03-28' }],
    ['March 23-April 2, 1918', { notBefore: '1918-03-23', notAfter: '1918-04-02' }],
    ['December 1917 - January 1918', { notBefore: '1917-12-01', notAfter: '1918-01-31' }],
    ['not later than the spring', {}],
  ])('%s', (text, expected) => {
    expect(dateStatement(text)).toEqual({ text, ...expected });
  });
});

describe('the Source: line', () => {
  it('reads roman volumes and pp. ranges, and makes the siglum of the publisher\'s initials', () => {
    expect(readSource('Collected Works, Foreign Languages Publishing House, Moscow 1960, Vol. IV, pp. 15-19.')).toEqual({
      collection: 'Collected Works', printings: [], publisher: 'Foreign Languages Publishing House', place: 'Moscow', date: '1960',
      volume: 'IV', pages: { from: '15', to: '19', text: 'pp. 15-19' },
    });
    expect(siglum('Progress Publishers', ['lia'])).toBe('pp');
    expect(siglum('Foreign Languages Press', [])).toBe('flp');
    expect(siglum('', [])).toBe('print');
  });
});

describe('the TEI of an LIA page', () => {
  const tei = (file: string) => writeTei(read(file), { publisher: 'teikit tests', licence: { text: 'CC0' }, date: '2026-12-04' });

  it('states the print edition, translator, transcription and dates in the header', () => {
    const xml = tei(MW18);
    expect(xml).toContain('<biblStruct xml:id="pp" type="print">');
    expect(xml).toContain('<respStmt><resp>Translated by</resp><persName>A. N. Example</persName></respStmt>');
    expect(xml).toContain('<publisher>Progress Publishers</publisher>');
    expect(xml).toContain('<biblScope unit="volume" n="27">27</biblScope>');
    expect(xml).toContain('<biblScope unit="page" from="360" to="364">360-364</biblScope>');
    expect(xml).toMatch(/<witness xml:id="lia">\s*<bibl type="transcription">/);
    expect(xml).toContain('<respStmt xml:id="lia-resp"><resp>Transcription/HTML Markup</resp><persName>Jane Doe &amp; R. Roe</persName></respStmt>');
    expect(xml).toContain('<publisher>Lenin Internet Archive (marxists.org)</publisher>');
    expect(xml).toContain('<relatedItem type="original" target="#pp"/>');
    expect(xml).not.toMatch(/<ptr target=/);
    expect(xml).not.toContain('flp');
    expect(xml).not.toContain('<pb');
    expect(xml).toContain('<note xml:id="n2" n="2" place="end" target="#nr2 #nr2-2">');
    expect(tei(LT02)).toContain('<creation><date notBefore="1918-03-01" notAfter="1918-03-31">Late March 1918</date><date type="published" notBefore="1933-01-01" notAfter="1933-12-31">1933 in Lenin Miscellany XXI</date></creation>');
  });

  it('is valid for teikit (schema and rules)', async () => {
    for (const file of [MW18, LT02]) {
      const diagnostics = await validateTei(tei(file), 'x.tei.xml');
      expect(diagnostics, file).toEqual([]);
    }
  });

  const rng = teiAllRng();
  it.runIf(requireTool('jing', which('jing')) && requireTool('tei_all.rng', rng))('is valid against tei_all (jing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-lia-'));
    const files = [MW18, LT02].map((f, i) => {
      const p = join(dir, `${i}.xml`);
      writeFileSync(p, tei(f));
      return p;
    });
    expect(await jingValidate(rng!, files)).toEqual([]);
  });
});

describe('readLia on a list that says less', () => {
  const page = (items: string) =>
    `<html><head><title>T</title></head><body><p class="title">V. I. Lenin</p><h1>A Short Note</h1><ul>${items}</ul>` +
    '<p>The text of a short note, which has no notes of its own and no print page markers at all.</p></body></html>';

  it('invents no transcriber, site or translator that the list does not name, and reports labels it does not read', () => {
    const r = readLia(page('<li>Written: 1902<li>Source: Collected Works, Progress Publishers, Moscow, 1964, Volume 5, pages 1-2<li>Public Domain: Lenin Internet Archive (2003)'), 'note.html');
    if (!r.ok) throw new Error('refused');
    const e = r.edition;
    expect(e.witnesses.find((w) => w.kind === 'transcription')).toEqual({ kind: 'transcription', id: 'lia', transcriber: '', file: 'note.html' });
    expect(e.witnesses.find((w) => w.kind === 'print')).not.toHaveProperty('translator');
    expect(e.work.date).toEqual({ text: '1902', notBefore: '1902-01-01', notAfter: '1902-12-31' });
    expect(e.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['info', 'info-unread', 1]]);
    const xml = writeTei(e, { publisher: 'p', licence: { text: 'CC0' }, date: '2026-12-04' });
    expect(xml).toMatch(/<witness xml:id="lia">\s*<bibl type="transcription">\s*<title>A Short Note<\/title>\s*<relatedItem type="original" target="#pp"\/>\s*<\/bibl>/);
    expect(xml).not.toMatch(/From Marx to Mao|Prepared for the Internet|Translated by/);
  });
});

describe('an info list written as <br> lines of one paragraph, a title on two lines', () => {
  const html = '<html><body><p class="title">V. I. Lenin</p><h1>Lines Instead<br>of Items</h1>' +
    '<p class="information"><span class="info">Written:</span> Between 13 and 26 April, 1918<br>\n' +
    '<span class="info">Source:</span> Collected Works, Progress Publishers, Moscow, 1972, Volume 27, pages 235-77<br>\n' +
    '<span class="info">Transcription\\Markup:</span> A. Person<br></p>' +
    '<p>The running text of a page whose facts stand in one paragraph, line by line, as some pages have them.</p></body></html>';

  it('is recognised and read line by line', () => {
    expect(liaReader.sniff(html)).toBeGreaterThan(marx2maoReader.sniff(html));
    const r = readLia(html, 'lines.html');
    if (!r.ok) throw new Error('refused');
    expect(r.edition.work.title).toBe('Lines Instead of Items');
    expect(r.edition.work.date).toEqual({ text: 'Between 13 and 26 April, 1918', notBefore: '1918-04-13', notAfter: '1918-04-26' });
    expect(r.edition.witnesses.map((w) => [w.id, w.kind === 'transcription' ? w.transcriber : w.kind === 'print' ? w.pages?.text : ''])).toEqual([
      ['pp', 'pages 235-77'], ['lia', 'A. Person'],
    ]);
    expect(blockText(r.edition.body.slice(1))).toMatch(/^The running text/);
  });
});
