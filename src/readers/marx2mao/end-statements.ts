/**
 * The end of a text as the print editions set it under the text: the date it was written or given
 * (`December 17, 1924`), then the editors' statements of its source, a line each. Where it was
 * first printed (`Pravda, No. 169,` / `July 28, 1927`; `First published in 1924 …`), how it was
 * signed (`Signed: J. Stalin`, `Unsigned`), what it is printed or translated from, the edition it is
 * taken from (`J. V. Stalin, Works, Eng. ed., Vol. 6, pp. 374-420`): as lines of their own (Stalin's
 * Works) or in a table (Lenin's Collected Works, under each of several documents of a page).
 * They become SourceStatement blocks and the date over them a dateline, which the TEI writer puts
 * in the text's closer (`seg type="statement"`). A table with a cell that is not such a statement
 * stays a table. See docs/encoding.md, "Letters".
 */
import type { Block, Dateline, Division, Inline, Paragraph, SourceStatement } from '../../model/types.js';
import { plainLine, plainText } from '../../model/plain-text.js';
import { MONTHS, PERIODICAL_NAMES, placeThenDate, readDate } from './dates.js';
import { isContent, splitInlines } from './letters.js';
import { datelineOf, type Misprint } from './structure.js';

/** How a statement of the source opens. */
const OPENS = new RegExp(
  String.raw`^(?:First (?:published|printed)\b|Published (?:in|on|at|by|as|according|for the first time)\b|Publighed\b|` +
    String.raw`Printed (?:from|according|in)\b|Written\b|Witten\b|Dictated\b|Signed\b|Unsigned\b|Translated from\b|Reprinted\b|` +
    String.raw`The present text is printed\b|The original(?: text)? is in\b|Disseminated\b|Text conforms\b|` +
    String.raw`(?:Leaflet|Pamphlet|Hectographed leaflet|Brief report) (?:issued|published)\b)`,
  'i',
);
/** In a table of statements, a line naming a time of the text's history (`The section … was written on …`). */
const HISTORY = /\b(?:was|were) (?:first )?(?:written|published|printed)\b/i;
/** The edition a text is taken from, by its author, volume and pages (`J. V. Stalin, Works, Eng. ed., Vol. 6, pp. 374-420`). */
const EDITION = /^(?:\p{Lu}\.\s*){1,3}\p{Lu}\p{Ll}+,.*\bVol\.\s*[\dIVXL]+\b.*\bpp?\.\s*[\dIVXL]/u;
/** A periodical's number (`No. 169`, `Nos. 256 and 257`). */
const ISSUE = /\bNos?\.\s*\d/;
/** A periodical named by its kind (`The magazine Kommunistichesky Internatsional, No. 13 (71)`). */
const PERIODICAL = /^The (?:magazine|newspaper|journal)\b/i;
/** The name of a periodical the works are dated by, alone (`Pravda,`). */
const KNOWN_PERIODICAL = new RegExp(String.raw`^(?:${PERIODICAL_NAMES})[,.]?$`, 'i');
/** A year at the end, typed with the letter l or I for the digit 1 too (`May 31, l927`). */
const ENDS_IN_YEAR = /\b[1lI][6-9lI]\d\d\.?\)?$/;

const text = plainLine;

/** The lines of statements, as printed (a line break ends one). */
export function statementLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'statement' ? lineTexts(b.children) : []));
}

function lineTexts(children: readonly Inline[]): string[] {
  return splitLines(children).map(text).filter(Boolean);
}

function splitLines(children: readonly Inline[]): Inline[][] {
  const out: Inline[][] = [[]];
  for (const c of children) {
    if (c.type === 'lb') out.push([]);
    else out.at(-1)!.push(c);
  }
  return out;
}

/**
 * What a line states of the text's source: `strong` what only a statement says (`First published`,
 * `Signed:`, a periodical's number and year, the edition's volume and pages); `weak` a name in
 * italics and a date (`Pravda, August 2, 1950`), which a signature or a place and date may be too;
 * undefined nothing. At most `max` words.
 */
function statementKind(children: readonly Inline[], max: number): 'strong' | 'weak' | undefined {
  const t = text(children);
  const words = t.split(' ').length;
  if (!t || words > max) return undefined;
  if (OPENS.test(t)) return 'strong';
  if (EDITION.test(t)) return 'strong';
  // the periodical's name opens the line, in italics or named so (`The magazine Bolshevik`)
  const first = children.find((c) => c.type !== 'text' || c.value.trim() !== '');
  const named = first?.type === 'emph' && first.rend === 'italic';
  if ((named || PERIODICAL.test(t)) && ISSUE.test(t) && ENDS_IN_YEAR.test(t)) return 'strong';
  if (!named) return undefined;
  const last = lineTexts(children).at(-1) ?? '';
  const comma = t.indexOf(',');
  if (!(readDate(last) !== undefined || (comma > 0 && readDate(t.slice(comma + 1)) !== undefined))) return undefined;
  // a periodical the works are dated by, named so (`Pravda, June 20, 1950`), is no signature nor place
  return KNOWN_PERIODICAL.test(text([first])) ? 'strong' : 'weak';
}

/** Does a line of a table's cell open another statement (`First published`, `Signed`, `… was written on`)? */
function opensStatement(children: readonly Inline[]): boolean {
  const t = text(children);
  return OPENS.test(t) || HISTORY.test(t);
}

/** A paragraph's lines cut at a blank line (`Written on March 13, 1918<BR><BR>Published on …`): the parts a cell prints apart. */
function parts(p: Paragraph): Inline[][] {
  const out: Inline[][] = [[]];
  let lbs = 0;
  for (const c of p.children) {
    if (c.type === 'lb') lbs++;
    else if (c.type === 'text' && c.value.trim() === '' && lbs > 0) continue;
    else {
      if (lbs >= 2 && out.at(-1)!.length > 0) out.push([]);
      else if (lbs === 1) out.at(-1)!.push({ type: 'lb' });
      lbs = 0;
      out.at(-1)!.push(c);
    }
  }
  return out.filter((l) => l.length > 0);
}

/**
 * A cell's statements: each part that opens a statement opens one, a part that opens none goes on
 * with the one before (`No. 3-4, 1924.` under `in the magazine The Communist International`); the
 * first is read with the rest of the cell (`Pravda (Sotsial-Demokrat) Nos. 47 and 48, March 16` /
 * `and 17, 1918`). Undefined where the cell states nothing of the source.
 */
function cellStatements(blocks: readonly Block[]): SourceStatement[] | undefined {
  const out: SourceStatement[] = [];
  if (blocks.some((b) => b.type !== 'paragraph')) return undefined;
  const all = blocks.flatMap((b) => (b.type === 'paragraph' ? parts(b).map((children) => ({ children, pos: b.pos })) : []));
  for (let k = 0; k < all.length; k++) {
    const { children, pos } = all[k]!;
    const rest = all.slice(k).flatMap((x, n) => (n === 0 ? x.children : [{ type: 'lb' } as Inline, ...x.children]));
    const opens = out.length === 0 ? statementKind(children, 40) === 'strong' || statementKind(rest, 40) === 'strong' : opensStatement(children);
    if (opens) out.push({ type: 'statement', children: [...children], ...(pos ? { pos } : {}) });
    else if (out.length > 0) out.at(-1)!.children.push({ type: 'lb' }, ...children);
    else return undefined;
  }
  return out;
}

/** The statements a block holds, and how surely: a statement line, or a table of them (undefined: neither). */
function statementsOf(b: Block): { statements: SourceStatement[]; weak: boolean } | undefined {
  if (b.type === 'paragraph') {
    const kind = statementKind(b.children, 25);
    // a name in italics and a date set right is a signature and its date
    if (kind === 'weak' && b.rend === 'right') return undefined;
    return kind ? { statements: [{ type: 'statement', children: b.children, ...(b.pos ? { pos: b.pos } : {}) }], weak: kind === 'weak' } : undefined;
  }
  if (b.type !== 'table') return undefined;
  const out: SourceStatement[] = [];
  for (const row of b.rows) {
    for (const cell of row) {
      const found = cellStatements(cell.blocks);
      if (!found) return undefined;
      out.push(...found);
    }
  }
  // a cell's statements keep the table's position where a paragraph has none
  return out.length > 0 ? { statements: out.map((s) => (s.pos || !b.pos ? s : { ...s, pos: b.pos })), weak: false } : undefined;
}

/** Where a date may begin in a statement's line: a month's name, or a year of the works' centuries. */
const DATE_START = new RegExp(String.raw`\b(?:${MONTHS.join('|')})\b|\b1[6-9]\d\d\b`, 'i');

/** A month, a month and day, or `and` a day ending what stands before a year: the year ends that date. */
const BROKEN_DATE = new RegExp(String.raw`(?:\b(?:${MONTHS.join('|')})(?:\s+\d{1,2})?|\band\s+\d{1,2}|^\s*\d{1,2})[,.]?\s*$`, 'i');

/**
 * A statement with the date each line ends with tagged (`Pravda, No. 169,` / `<date
 * when="1927-07-28">July 28, 1927</date>`; `First published on <date …>January 18, 1929</date>,`):
 * the line from its first month or year on, its closing punctuation left out, where that is a date
 * and nothing else (a day in both styles, `May 25 (June 7), 1910`, is the New Style's; not a
 * misprinted one). A year typed with a letter is read and reported, as in a dateline.
 */
function withDates(statement: SourceStatement, misprints: Misprint[]): SourceStatement {
  const lines = splitLines(statement.children).map((line) => {
    const t = plainText(line);
    const start = DATE_START.exec(t)?.index;
    if (start === undefined) return line;
    const end = t.replace(/[\s.,;:]+$/, '').length;
    const date = readDate(t.slice(start, end));
    if (!date || !(date.when ?? date.from)) return line;
    // a year alone after a day or a month is the end of a date broken over lines (`Nos. 47 and 48,
    // March 16` / `and 17, 1918`): no date of its own
    if (/^\d{4}$/.test(date.when ?? '') && BROKEN_DATE.test(t.slice(0, start))) return line;
    if (date.misprintedYear && statement.pos) misprints.push({ date, text: t.trim(), pos: statement.pos });
    const [before, rest] = splitInlines(line, start);
    const [inside, after] = splitInlines(rest, end - start);
    const { misprintedYear: _, ...when } = date;
    return [...before, { type: 'date', ...when, children: inside } as Inline, ...after];
  });
  return { ...statement, children: lines.flatMap((l, k) => (k === 0 ? l : [{ type: 'lb' } as Inline, ...l])) };
}

/** Is the block a statement of the source, surely (a line or a table of them)? */
export function isStatementBlock(b: Block): boolean {
  const found = statementsOf(b);
  return found !== undefined && !found.weak;
}

/** Blocks that stand anywhere without ending a text: page breaks, foot notes, the page's notes. */
const isAside = (b: Block): boolean => !isContent(b);

/** The last block before `i` (at or before `i - 1`) that is no aside; -1 where there is none. */
function contentBefore(blocks: readonly Block[], i: number): number {
  let k = i - 1;
  while (k >= 0 && isAside(blocks[k]!)) k--;
  return k;
}

/** A date alone, or a place and a date (`Zurich, March 22 (9), 1917`), as a dateline; not a name over a date. */
function dateLine(p: Paragraph, misprints: Misprint[]): Dateline | undefined {
  const t = text(p.children);
  const placed = readDate(t) ? undefined : placeThenDate(plainText(p.children));
  const date = placed?.date ?? readDate(t);
  if (!date) return undefined;
  if (date.misprintedYear && p.pos) misprints.push({ date, text: t, pos: p.pos });
  return datelineOf(p, date, placed?.at ?? 0);
}

/** Is the block a line that is a date alone, or a place and a date? */
export function isDateLine(b: Block): boolean {
  return b.type === 'paragraph' && dateLine(b, []) !== undefined;
}

/**
 * Mark the statements that end each text (every division but the notes and the contents, a
 * page's body, and a section the TEI writer makes of the part from one heading to the next), and
 * the date line right over them. Text must stand over them: lines with no text over them are left
 * as they are. Those that end a division's last section end the division: they are its text's
 * (NCT27's `Pravda, No. 169` is the whole article's, not its section II's).
 */
export function markEndStatements(blocks: Block[], misprints: Misprint[]): void {
  for (const b of blocks) {
    if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') markEndStatements(b.blocks, misprints);
  }
  // from the last end to the first: marking one leaves the places of those before it; the part
  // before the list's second heading is no section (the first is the division's title)
  const heads = [...blocks.keys()].filter((k) => blocks[k]!.type === 'heading');
  for (const end of [blocks.length, ...heads.slice(2).reverse()]) markEnd(blocks, end, misprints, heads[0] ?? -1);
  hoistFromLastPart(blocks);
}

/**
 * Statements of the source set in a table right under a work's title, before its text (WLC47's
 * `Written by Marx in December 1847` / `First published in the first Neue Rheinische Zeitung,
 * April 5-8 and 11, 1849` beside `Text conforms to the 1891 pamphlet edition`; OSF04, CWF71): the
 * same statements as at a text's end, standing at its top (the writer puts them in its opener).
 * Only a table all of whose cells are surely statements, under a heading, with text after it.
 */
export function markOpeningStatements(blocks: Block[], misprints: Misprint[]): void {
  for (const b of blocks) {
    if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') markOpeningStatements(b.blocks, misprints);
  }
  const at = blocks.findIndex((b) => !isAside(b) && !['heading', 'subtitle', 'byline', 'dateline'].includes(b.type));
  const table = blocks[at];
  if (at < 0 || table?.type !== 'table' || !blocks.slice(0, at).some((b) => b.type === 'heading')) return;
  const found = statementsOf(table);
  if (!found || found.weak || !blocks.slice(at + 1).some(isText)) return;
  blocks.splice(at, 1, ...found.statements.map((st) => withDates(st, misprints)));
}

/** A paragraph cut in two at a blank line: what stood there before, and the two parts now standing. */
interface Cut {
  original: Paragraph;
  head: Paragraph;
  tail: Paragraph;
}

/**
 * A statement set under the text's last paragraph after a blank line, inside it (IMP16: `… but
 * guesswork all the same.<BR><BR><FONT SIZE=-1>Written January-June 1916<P>` over `Published in
 * pamphlet form`): the paragraph over the statements ending `blocks` (or ending it itself) is cut
 * there, the statement a paragraph of its own, if it names a year and is no sentence (at most 12
 * words, no closing `!`, `?` or quotation mark: `Written on the banners … are the words "Down with
 * the Party!"` is the text's). Only at the end of the blocks: a section's end within them is no
 * text's end.
 */
function cutTrailingStatement(blocks: Block[]): Cut | undefined {
  let i = blocks.length - 1;
  while (i >= 0 && (isAside(blocks[i]!) || statementsOf(blocks[i]!) !== undefined)) i--;
  const p = blocks[i];
  if (p?.type !== 'paragraph') return undefined;
  const kids = p.children;
  const blank = (c: Inline) => c.type === 'lb' || (c.type === 'text' && c.value.trim() === '');
  let last = kids.length;
  while (last > 0 && blank(kids[last - 1]!)) last--;
  // the last run of blanks holding two line breaks or more: a blank line
  for (let k = last - 1; k > 0; k--) {
    if (!blank(kids[k]!)) continue;
    let from = k;
    while (from > 0 && blank(kids[from - 1]!)) from--;
    if (kids.slice(from, k + 1).filter((c) => c.type === 'lb').length >= 2) {
      const words = kids.slice(0, from);
      const lastWords = words.at(-1);
      if (lastWords?.type === 'text') words[words.length - 1] = { ...lastWords, value: lastWords.value.trimEnd() };
      const tail = kids.slice(k + 1, last);
      if (statementKind(tail, 12) !== 'strong' || !/\b1[6-9]\d\d\b/.test(text(tail)) || /[!?"”]$/.test(text(tail)) || !text(words)) return undefined;
      const cut: Cut = { original: p, head: { ...p, children: words }, tail: { type: 'paragraph', children: tail, ...(p.pos ? { pos: p.pos } : {}) } };
      blocks.splice(i, 1, cut.head, cut.tail);
      return cut;
    }
    k = from;
  }
  return undefined;
}

/**
 * The statements (and their date line) that end `blocks` before `end`, with text over them after
 * `title`. At the end of the blocks, a statement inside the last paragraph is cut from it first
 * (cutTrailingStatement), and put back where it is not marked.
 */
function markEnd(blocks: Block[], end: number, misprints: Misprint[], title: number): void {
  const cut = end === blocks.length ? cutTrailingStatement(blocks) : undefined;
  const marked = markRun(blocks, cut ? end + 1 : end, misprints, title);
  if (cut && !marked.has(cut.tail)) blocks.splice(blocks.indexOf(cut.head), 2, cut.original);
}

/** markEnd's run of statements before `end`: the blocks it replaced. */
function markRun(blocks: Block[], end: number, misprints: Misprint[], title: number): Set<Block> {
  const found: { at: number; statements: SourceStatement[]; weak: boolean }[] = [];
  for (let i = end - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (isAside(b)) continue;
    const statements = statementsOf(b);
    if (!statements) break;
    found.push({ at: i, ...statements });
  }
  let over = lineOver(blocks, found);
  // a name in italics and a date is a statement only under the text's date (ML50: `July 28, I950` /
  // `Pravda, August 2, 1950`); else it is a signature or a place and date
  if (!over) {
    const weak = found.findIndex((f) => f.weak);
    if (weak >= 0) found.length = weak;
    over = lineOver(blocks, found);
  }
  if (found.length === 0) return new Set();
  // text of their own over them, since the heading before (not the division's title above all)
  let from = (over ? over.at : found.at(-1)!.at) - 1;
  let text = false;
  for (; from > title && blocks[from]!.type !== 'heading' && !text; from--) text = isText(blocks[from]!);
  if (!text) return new Set();
  const replaced = new Set(found.map(({ at }) => blocks[at]!));
  for (const { at, statements } of found) blocks.splice(at, 1, ...statements.map((st) => withDates(st, misprints)));
  if (over) blocks[over.at] = dateLine(blocks[over.at] as Paragraph, misprints)!;
  return replaced;
}

/** The date line right over the statements found (past page breaks and notes). */
function lineOver(blocks: Block[], found: readonly { at: number }[]): { at: number } | undefined {
  if (found.length === 0) return undefined;
  const d = contentBefore(blocks, found.at(-1)!.at);
  const b = blocks[d];
  return b?.type === 'paragraph' && b.rend !== 'center' && isDateLine(b) ? { at: d } : undefined;
}

function isText(b: Block): boolean {
  return b.type === 'paragraph' || b.type === 'quote' || b.type === 'list' || b.type === 'division';
}

/**
 * The statements ending the last section of `blocks` (and the date over them) moved to end
 * `blocks`, unless another of its sections ends with statements of its own: then each section is
 * a text of its own (FCS18's four documents, numbered as sections). Likewise those ending a book's
 * last chapter: they are the book's (IMP16's `Written January-June 1916` / `Published in pamphlet
 * form`, after chapter X; SR17's after its postscript's signature and date, which stay the
 * postscript's). Neither where another section or chapter closes as a text of its own (a
 * signature or a date line at its end: they are a collection's texts, EPS52's letters, ML50's
 * articles). A chapter's date line stays in it.
 */
function hoistFromLastPart(blocks: Block[]): void {
  const last = contentBefore(blocks, blocks.length);
  const part = blocks[last];
  if (part?.type !== 'division' || (part.kind !== 'section' && part.kind !== 'chapter')) return;
  const others = blocks.slice(0, last).filter((b): b is Division => b.type === 'division' && b.kind === part.kind);
  if ((part.kind === 'chapter' && others.length === 0) || others.some(closesAsText)) return;
  if (others.some((d) => d.blocks.some((b) => b.type === 'statement'))) return;
  const inner = part.blocks;
  let from = inner.length;
  while (from > 0 && (isAside(inner[from - 1]!) || inner[from - 1]!.type === 'statement')) from--;
  if (!inner.slice(from).some((b) => b.type === 'statement')) return;
  // the page breaks and notes before the first statement stay in the section
  while (from < inner.length && isAside(inner[from]!)) from++;
  const d = contentBefore(inner, from);
  const s = contentBefore(inner, d);
  // (a signature is still a line set right here: markLetterFrames makes it one later)
  const signature = inner[s]?.type === 'signed' || (inner[s]?.type === 'paragraph' && (inner[s] as Paragraph).rend === 'right');
  if (inner[d]?.type === 'dateline' && !signature && part.kind === 'section') from = d;
  // the foot notes and page breaks after the last statement stay where they are, at the section's
  // end (a foot note is resolved on its page, within its division)
  let to = inner.length;
  while (to > from && isAside(inner[to - 1]!)) to--;
  const moved = inner.splice(from, to - from);
  blocks.splice(last + 1, 0, ...moved);
}

/**
 * Does the division close as a text of its own: statements, a signature (a line set right), or a
 * date line (a date alone, or a place and date) at its end?
 */
function closesAsText(d: Division): boolean {
  const b = d.blocks[contentBefore(d.blocks, d.blocks.length)];
  if (!b) return false;
  if (b.type === 'division') return closesAsText(b);
  return b.type === 'statement' || b.type === 'signed' || b.type === 'dateline' || (b.type === 'paragraph' && (b.rend === 'right' || isDateLine(b)));
}
