/**
 * Structure recognised after the walk: the italic date (or place and date) under a title becomes a
 * dateline, and a page holding several works (each with its own title) is divided into documents; a
 * book into chapters; centred roman numbers, and letters under their addressees, into sections.
 */
import type { Block, Dateline, Division, Heading, Inline, Paragraph, SourcePosition } from '../../model/types.js';
import { placeThenDate, readDate, type ReadDate } from './dates.js';
import { lastLineBreak, plainText, plainLine } from '../../model/plain-text.js';
import { labelKind, splitAt } from './book.js';
import { keyWords } from './contents.js';
import { splitInlines } from './letters.js';
import { enumerationOf, opensNumbering, valueIn } from '../../model/enumeration.js';
import { pageValue } from '../../model/page-sequence.js';
import { deliveredTitles } from './delivered-texts.js';
import { seriesOf } from './section-numbers.js';

/**
 * A title set over several lines can reach us as consecutive headings (a `<P>` inside the title's
 * `<CENTER><B>`): adjacent headings of the same level are one heading with line breaks, except
 * where the second opens a numbering that a later heading continues (the first section's `I`).
 */
export function mergeHeadings(blocks: Block[]): void {
  for (let i = blocks.length - 1; i > 0; i--) {
    const a = blocks[i - 1]!;
    const b = blocks[i]!;
    // a heading numbered first (`I`, `1.`, `A.`) that a later heading continues opens the first
    // section: it stays apart from the title above it (`<B>TITLE</B> … <B>I</B>` in one centred block)
    if (a.type === 'heading' && b.type === 'heading' && a.level === b.level && !opensNumbering(blocks, i)) {
      a.children.push({ type: 'lb' }, ...b.children);
      blocks.splice(i, 1);
    }
  }
  for (const b of blocks) if (b.type === 'quote' || b.type === 'division') mergeHeadings(b.blocks);
}

/**
 * A centred line that is a roman number alone (`<CENTER> II </CENTER>`; or the `I` set in the
 * title's centred block after a `<P>`) is the title of a numbered section in plain type: it becomes
 * a heading, which the numbered sections' rules then make a division of (book.ts, tei/blocks.ts),
 * where the roman number nearest before it in the same list is the one before it, or the nearest
 * after it the one after (`I` before `II`, as a line of its own or a heading: a lone `I` is a word,
 * and a `II` after `IV` begins no numbering), at that neighbour's level where it is a heading (a
 * bold `II` and a plain `III` are one numbering), else a level below the work's title. Only in
 * the running text and its divisions: a number in a table, a quotation or a note is a label or a
 * figure.
 */
export function markNumeralHeadings(blocks: Block[]): void {
  for (const b of blocks) if (b.type === 'division') markNumeralHeadings(b.blocks);
  const lone = (b: Block): number | undefined => {
    if (b.type !== 'paragraph' || b.rend !== 'center' || !b.children.every((c) => c.type === 'text' || c.type === 'anchor')) return undefined;
    const m = /^([IVXLC]{1,7})\.?$/.exec(plainText(b.children).trim());
    return m ? pageValue(m[1]!)?.value : undefined;
  };
  // the roman numbers of the list in order: lines of their own, and headings that open with one
  const numbers: { at: number; value: number; level?: number }[] = [];
  blocks.forEach((b, at) => {
    const e = b.type === 'heading' ? enumerationOf(b.children) : undefined;
    const headed = e ? valueIn(e, 'roman') : undefined;
    const value = headed ?? lone(b);
    if (value !== undefined) numbers.push({ at, value, ...(headed !== undefined && b.type === 'heading' ? { level: b.level } : {}) });
  });
  numbers.forEach((n, k) => {
    const b = blocks[n.at]!;
    if (n.level !== undefined || b.type !== 'paragraph') return;
    const before = numbers[k - 1];
    const after = numbers[k + 1];
    const neighbour = before?.value === n.value - 1 ? before : after?.value === n.value + 1 ? after : undefined;
    if (!neighbour) return;
    // (the level is the next line's neighbour's too: `III` after a plain `II` after a bold `I`)
    n.level = neighbour.level ?? 3;
    blocks[n.at] = { type: 'heading', level: n.level, children: b.children, ...(b.pos ? { pos: b.pos } : {}) };
  });
}

/** The address over a letter of a series of replies: `TO COMRADE SANZHEYEV`, `To Comrades D. Belkin and S. Furer`. */
const ADDRESS = /^to\s+comrades?\s+\S/i;
/** Any address (`TO THE EDITORS OF PRAVDA`), taken among letters two comrades' addresses have shown. */
const ANY_ADDRESS = /^to\s+\S/i;

/** The emphasis a whole line is set in (`italic`, `bold italic`): the style of a series' addresses. */
function lineStyle(children: Inline[]): string {
  const only = children.filter((c) => c.type !== 'anchor');
  return only.length === 1 && only[0]!.type === 'emph' ? `${only[0]!.rend} ${lineStyle(only[0]!.children)}`.trim() : '';
}

/**
 * Letters printed one after the other under one title, each under its addressee in a centred line
 * (ML50's `REPLY TO COMRADES`: `TO COMRADE SANZHEYEV`, `TO COMRADES D. BELKIN AND S. FURER`, `TO
 * COMRADE A. KHOLOPOV`): each address is the title of a section a level below that title, the
 * first too. Two comrades' addresses in one division at least, each followed by the letter's text
 * (its date between them allowed); then another address in their style (`TO THE EDITORS OF
 * PRAVDA`) heads a letter too. A single letter's addressee, under its own title, stays a line of
 * the letter. Runs on the divisions the headings made (book.ts, divide).
 */
export function addressSections(blocks: Block[]): Block[] {
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') b.blocks = addressSections(b.blocks);
  const candidates: { b: Paragraph; comrade: boolean }[] = [];
  blocks.forEach((b, k) => {
    const text = b.type === 'paragraph' && b.rend === 'center' ? plainLine(b.children) : '';
    if (!ANY_ADDRESS.test(text) || text.split(' ').length > 12) return;
    // a letter follows: the next block is running text (after the letter's date, if any)
    const next = blocks.slice(k + 1).find((x) => x.type !== 'pbBlock' && x.type !== 'noteBlock' && x.type !== 'dateline');
    if (next?.type === 'paragraph' && next.rend !== 'center') candidates.push({ b: b as Paragraph, comrade: ADDRESS.test(text) });
  });
  const comrades = candidates.filter((c) => c.comrade);
  const style = comrades[0] ? lineStyle(comrades[0].b.children) : '';
  const at = new Set<Block>(comrades.length < 2 ? [] : candidates.filter((c) => c.comrade || lineStyle(c.b.children) === style).map((c) => c.b));
  if (at.size < 2) return blocks;
  const title = blocks.find((b): b is Heading => b.type === 'heading');
  const level = Math.min(6, (title?.level ?? 2) + 1);
  const lines = blocks.map((b) => {
    if (!at.has(b)) return b;
    const p = b as Paragraph;
    const h: Heading = { type: 'heading', level, children: p.children, ...(p.pos ? { pos: p.pos } : {}) };
    at.add(h);
    return h;
  });
  return splitAt(lines, (b) => at.has(b), 'section');
}

/**
 * A work whose body opens on the first of several titles of one level below a work's title, with
 * none above them: its own title stands only in the title block (IC17: `Famine Is Approaching`,
 * then `COMPLETE GOVERNMENT INACTIVITY` … under `THE IMPENDING CATASTROPHE AND HOW TO COMBAT IT`).
 * Each heads a section of the work, the first too, which the TEI writer would otherwise make the
 * work's title.
 */
export function sectionsUnderTitleBlock(body: Block[], title: string | undefined): Block[] {
  const first = body.find((b) => b.type !== 'pbBlock');
  const heads = body.filter((b): b is Heading => b.type === 'heading');
  if (!title || first?.type !== 'heading' || first.level < 3 || heads.length < 2) return body;
  if (body.some((b) => b.type === 'division') || heads.some((h) => h.level !== first.level)) return body;
  // the first heading is no repeat of the work's title (half the title's words in it or more)
  const own = new Set(keyWords(plainText(first.children)));
  const titleWords = keyWords(title);
  if (titleWords.filter((w) => own.has(w)).length * 2 >= titleWords.length) return body;
  return [{ type: 'division', kind: 'work', blocks: splitAt(body, (b) => b.type === 'heading', 'section') }];
}

/** A date read with a letter l as the digit 1 (`May 24, l927`), to be reported. */
export interface Misprint {
  date: ReadDate;
  text: string;
  pos: SourcePosition;
}

/**
 * A line as a dateline: its anchors first, the place (the text before `at`, an offset of its plain
 * text) kept as printed, the rest the date.
 */
export function datelineOf(p: Paragraph, date: ReadDate, at: number): Dateline {
  const anchors = p.children.filter((c) => c.type === 'anchor');
  const [place, rest] = splitInlines(p.children.filter((c) => c.type !== 'anchor'), at);
  const { misprintedYear: _, ...when } = date;
  return { type: 'dateline', children: [...anchors, ...place, { type: 'date', ...when, children: rest }], ...(p.pos ? { pos: p.pos } : {}) };
}

/**
 * Centred lines that are a date (`September 28, 1939`, `(July 26-August 3, 1917)`) become
 * datelines, and so does a place and a date right under a title (`Yenan, January 20, 1941`: the
 * place's name of one to three capitalised words, then a comma; not in a quotation, where a
 * quoted letter's heading is no date of this text); returns the first. Dates read with a letter l
 * for the digit 1 are added to `misprints`.
 */
export function markDatelines(blocks: Block[], misprints: Misprint[] = [], inQuote = false): Dateline | undefined {
  let first: Dateline | undefined;
  for (let i = 0; i < blocks.length; i++) {
    // a heading that is a date alone (a day or a month of a year), a level below the title right
    // above it (`<H5>May 16, 1928`), is read as a centred line: the title's dateline
    const h = blocks[i]!;
    if (h.type === 'heading' && !inQuote && isDateUnderTitle(blocks, i)) {
      blocks[i] = { type: 'paragraph', rend: 'center', children: h.children, ...(h.pos ? { pos: h.pos } : {}) };
    }
    const b = blocks[i]!;
    // a date set as the last line of a title (inside its <B>) is the dateline under the title
    if (b.type === 'heading') {
      const cut = lastLineBreak(b.children);
      const tail = cut === undefined ? undefined : b.children.slice(cut + 1);
      if (tail && (readDate(plainText(tail).trim()) || (!inQuote && placeThenDate(plainText(tail))))) {
        b.children.splice(cut!);
        // under the title's subtitle, if it has one (past the title's notes and page breaks)
        let at = i + 1;
        while (blocks[at]?.type === 'pbBlock' || blocks[at]?.type === 'noteBlock') at++;
        at = blocks[at]?.type === 'subtitle' ? at + 1 : i + 1;
        blocks.splice(at, 0, { type: 'paragraph', rend: 'center', children: tail, ...(b.pos ? { pos: b.pos } : {}) });
      }
      continue;
    }
    if (b.type === 'quote' || b.type === 'division') {
      first ??= markDatelines(b.blocks, misprints, inQuote || b.type === 'quote');
      continue;
    }
    if (b.type !== 'paragraph' || b.rend !== 'center') continue;
    const text = plainText(b.children).trim();
    const underTitle = () => titleAbove(blocks, i) !== undefined;
    const placed = readDate(text) || inQuote || !underTitle() ? undefined : placeThenDate(plainText(b.children));
    const date = placed?.date ?? readDate(text);
    if (!date) continue;
    if (date.misprintedYear && b.pos) misprints.push({ date, text, pos: b.pos });
    const line = datelineOf(b, date, placed?.at ?? 0);
    blocks[i] = line;
    first ??= line;
  }
  return first;
}

/** What may stand between a title and its date: its notes, page breaks, subtitle and byline. */
export const BESIDE_TITLE: ReadonlySet<Block['type']> = new Set(['pbBlock', 'noteBlock', 'subtitle', 'byline']);

/** The title right above `blocks[i]` (past what stands beside a title), if a heading is there. */
function titleAbove(blocks: Block[], i: number): Heading | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const b = blocks[k]!;
    if (!BESIDE_TITLE.has(b.type)) return b.type === 'heading' ? b : undefined;
  }
  return undefined;
}

/**
 * The heading at `i` is a date alone, of a day or a month (a bare year may be a section's title:
 * `1917`), right under a title of a higher level.
 */
function isDateUnderTitle(blocks: Block[], i: number): boolean {
  const b = blocks[i]!;
  if (b.type !== 'heading') return false;
  const date = readDate(plainLine(b.children));
  const title = titleAbove(blocks, i);
  return /^\d{4}-\d{2}/.test(date?.when ?? date?.from ?? '') && title !== undefined && title.level < b.level;
}

/**
 * Split the body at its top-level headings when there is more than one title: level-1 headings
 * (the large centred titles) are separate documents; in a book (`book`), level-2 headings are
 * chapters. Page breaks just before a heading go into the division it opens.
 */
export function divide(body: Block[], book: boolean): Block[] {
  const level1 = body.filter((b): b is Heading => b.type === 'heading' && b.level === 1);
  const level2 = body.filter((b): b is Heading => b.type === 'heading' && b.level === 2);
  let level: number;
  let kind: Division['kind'];
  // several documents in one page: titles each followed by its own date
  const dated = body.filter((b, i) => b.type === 'heading' && b.level === 2 && nextContent(body, i)?.type === 'dateline');
  if (level1.length >= 2) {
    level = 1;
    kind = book ? 'chapter' : 'document';
  } else if (dated.length >= 2) {
    return splitAt(body, (b) => dated.includes(b as Heading), 'document', { kindOf });
  } else if (book && level1.length === 1 && introduced(body, level1[0]!)) {
    // a book whose title stands after an introduction or preface (Engels's introduction before
    // Marx's text): the introduction is a division of its own, the work from its title on another
    // the page breaks right before the title open the work with it
    let at = body.indexOf(level1[0]!);
    while (at > 0 && body[at - 1]!.type === 'pbBlock') at--;
    const before = splitAt(body.slice(0, at), (b) => b.type === 'heading' && b.level === 2, 'chapter', { kindOf });
    const work: Division = { type: 'division', kind: 'work', blocks: body.slice(at), ...(level1[0]!.pos ? { pos: level1[0]!.pos } : {}) };
    return [...before, work];
  } else if (book && level2.length >= 2 && level1.length === 0) {
    level = 2;
    kind = 'chapter';
  } else {
    // the texts delivered under one title (a meeting's speeches): a document each
    const delivered = deliveredTitles(body);
    return delivered.size >= 2 ? splitAt(body, (b) => delivered.has(b), 'document', { kindOf }) : body;
  }
  // a bare number (`II`, `3.`) heads a section inside a chapter, not a chapter
  const bare = (b: Block) => b.type === 'heading' && /^[IVXLC\d]+\.?$/.test(plainText(b.children).trim());
  // and so do the other numbers of its series (`I` / `LETTER TO THE CONGRESS`, then `II`, `III`:
  // siblings at one level) and the headings between them (LTC22's `GRANTING LEGISLATIVE
  // FUNCTIONS…` inside `IV`)
  const sections = new Set<Block>();
  if (kind === 'chapter') {
    body.forEach((b, i) => {
      if (b.type !== 'heading' || b.level !== level || !bare(b) || sections.has(b)) return;
      const members = seriesOf(body, i);
      if (members.length >= 2) for (let k = members[0]!; k <= members.at(-1)!; k++) sections.add(body[k]!);
    });
  }
  // a series numbered at the chapters' level with unnumbered headings of that level between its
  // numbers (ESC76ii: `2. Elements of Self-Criticism`, `Foreword`, `Elements of Self-Criticism`,
  // `On the Evolution of the Young Marx`, `3. Is it Simple to be a Marxist in Philosophy?`): the
  // numbers are the chapters, the headings between two of them sections of the first
  const within = new Set<Block>();
  if (kind === 'chapter') {
    body.forEach((b, i) => {
      if (b.type !== 'heading' || b.level !== level || bare(b) || sections.has(b) || within.has(b) || !enumerationOf(b.children)) return;
      const members = seriesOf(body, i);
      if (members.length < 2 || members[0] !== i) return;
      for (let k = i + 1; k < members.at(-1)!; k++) {
        const x = body[k]!;
        if (x.type === 'heading' && x.level === level && !members.includes(k) && !enumerationOf(x.children)) within.add(x);
      }
    });
  }
  const chapters = splitAt(body, (b) => b.type === 'heading' && b.level === level && !(kind === 'chapter' && (bare(b) || sections.has(b) || within.has(b))), kind, { kindOf });
  if (within.size === 0) return chapters;
  return chapters.map((d) => (d.type === 'division' && d.blocks.some((x) => within.has(x)) ? { ...d, blocks: splitAt(d.blocks, (x) => within.has(x), 'section', { kindOf }) } : d));
}

/** Headed text (a level-2 heading followed by paragraphs) stands before the book's title. */
function introduced(body: Block[], title: Heading): boolean {
  const at = body.indexOf(title);
  const first = body.findIndex((b) => b.type === 'heading' && b.level === 2);
  return first >= 0 && first < at && body.slice(first, at).some((b) => b.type === 'paragraph');
}

/** What follows a title, past its subtitle, notes and page breaks. */
function nextContent(blocks: Block[], i: number): Block | undefined {
  return blocks.slice(i + 1).find((b) => b.type !== 'pbBlock' && b.type !== 'noteBlock' && b.type !== 'subtitle');
}

function kindOf(h: Heading, fallback: Division['kind']): Division['kind'] {
  const text = plainText(h.children).trim();
  if (/\bpreface\b/i.test(text) || /^introduction\b/i.test(text)) return 'preface';
  if (/^(appendix|supplement)/i.test(text)) return 'appendix';
  return (fallback === 'chapter' && labelKind(h)) || fallback;
}

/**
 * A heading that ends a division or the body with text over it and nothing after it is no title:
 * it is the text's closing line (CM47's `WORKING MEN OF ALL COUNTRIES, UNITE!` under chapter IV,
 * set bold and centred like a title), a centred line in bold, as such slogans are on other pages. One a
 * contents entry leads to (its id set) stays a heading. Run after linkContents.
 */
export function closingLinesNotTitles(blocks: Block[]): void {
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') closingLinesNotTitles(b.blocks);
  let last = blocks.length - 1;
  while (last >= 0 && (blocks[last]!.type === 'pbBlock' || blocks[last]!.type === 'noteBlock')) last--;
  const h = blocks[last];
  if (h?.type !== 'heading' || h.id) return;
  const before = blocks.slice(0, last);
  if (!before.some((b) => b.type === 'paragraph' && b.rend !== 'center')) return;
  // (set as a title is: in bold)
  const children: Inline[] = [{ type: 'emph', rend: 'bold', children: h.children }];
  blocks[last] = { type: 'paragraph', rend: 'center', children, ...(h.pos ? { pos: h.pos } : {}) } satisfies Paragraph;
}
