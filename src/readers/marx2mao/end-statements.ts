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
import type { Block, DateInline, Dateline, Inline, Paragraph, SourceStatement } from '../../model/types.js';
import { plainText } from '../../model/plain-text.js';
import { collapse } from './dom.js';
import { readDate } from './dates.js';
import { placeAndDate } from './letters.js';
import type { Misprint } from './structure.js';

/** How a statement of the source opens. */
const OPENS =
  /^(?:First (?:published|printed)\b|Published (?:in|on|at|according|for the first time)\b|Publighed\b|Printed (?:from|according|in)\b|Written\b|Witten\b|Dictated\b|Signed\b|Unsigned\b|Translated from\b|Reprinted\b|The present text is printed\b)/i;
/** A statement names a time of the text's history in the middle of a line (`The section … was written on …`). */
const HISTORY = /\b(?:was|were) (?:first )?(?:written|published|printed)\b/i;
/** The edition a text is taken from, by volume and pages (`Works, Eng. ed., Vol. 6, pp. 374-420`). */
const VOLUME_PAGES = /\bVol\.\s*[\dIVXL]+\b.*\bpp?\.\s*[\dIVXL]/i;
/** A periodical's number (`No. 169`, `Nos. 256 and 257`). */
const ISSUE = /\bNos?\.\s*\d/;
const ENDS_IN_YEAR = /\b1[6-9]\d\d\.?\)?$/;

function lineTexts(children: readonly Inline[]): string[] {
  const out: Inline[][] = [[]];
  for (const c of children) {
    if (c.type === 'lb') out.push([]);
    else out.at(-1)!.push(c);
  }
  return out.map((l) => collapse(plainText(l)).trim()).filter(Boolean);
}

/** Does the line open with what a statement of the source says (`First published`, `Signed`, `… was written on`)? */
function opensStatement(p: Paragraph): boolean {
  const text = collapse(plainText(p.children)).trim();
  return OPENS.test(text) || HISTORY.test(text);
}

/** Does the line open a statement of the text's source? */
function isStatement(p: Paragraph): boolean {
  const text = collapse(plainText(p.children)).trim();
  const words = text.split(' ').length;
  if (!text || words > 40) return false;
  if (OPENS.test(text)) return true;
  if (words > 25) return false;
  if (HISTORY.test(text) || VOLUME_PAGES.test(text)) return true;
  // a periodical's issue and its date: `Pravda, No. 169,` / `July 28, 1927`
  if (ISSUE.test(text) && ENDS_IN_YEAR.test(text)) return true;
  // a periodical's name in italics, then the date of its issue: `Pravda, August 2, 1950`
  const first = p.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
  if (first?.type !== 'emph' || first.rend !== 'italic') return false;
  const last = lineTexts(p.children).at(-1) ?? '';
  const comma = text.indexOf(',');
  return readDate(last) !== undefined || (comma > 0 && readDate(text.slice(comma + 1)) !== undefined);
}

/** A cell's paragraphs as statements: each opens one, a paragraph that opens none continues the one before. */
function cellStatements(blocks: readonly Block[]): SourceStatement[] | undefined {
  const out: SourceStatement[] = [];
  for (const b of blocks) {
    if (b.type !== 'paragraph') return undefined;
    if (collapse(plainText(b.children)).trim() === '') continue;
    // after the first, only a line that opens with what a statement says opens another (`No. 3-4, 1924.`
    // under `in the magazine The Communist International` goes on with it)
    const opens = out.length === 0 ? isStatement(b) : opensStatement(b);
    if (opens) out.push({ type: 'statement', children: [...b.children], ...(b.pos ? { pos: b.pos } : {}) });
    else if (out.length > 0) out.at(-1)!.children.push({ type: 'lb' }, ...b.children);
    else return undefined;
  }
  return out;
}

/** The statements a block holds: a statement line, or a table of them (undefined: neither). */
function statementsOf(b: Block): SourceStatement[] | undefined {
  if (b.type === 'paragraph') return isStatement(b) ? [{ type: 'statement', children: b.children, ...(b.pos ? { pos: b.pos } : {}) }] : undefined;
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
  return out.length > 0 ? out.map((s) => (s.pos || !b.pos ? s : { ...s, pos: b.pos })) : undefined;
}

/** Blocks that stand anywhere without ending a text: page breaks, foot notes, the page's notes. */
function isAside(b: Block): boolean {
  return b.type === 'pbBlock' || b.type === 'noteBlock' || (b.type === 'division' && b.kind === 'notes');
}

/** A date alone, or a place and a date (`Zurich, March 22 (9), 1917`), as a dateline. */
function dateLine(p: Paragraph, misprints: Misprint[]): Dateline | undefined {
  const text = collapse(plainText(p.children)).trim();
  const date = readDate(text);
  if (!date) return placeAndDate({ ...p, rend: undefined });
  if (date.misprintedYear && p.pos) misprints.push({ date, text, pos: p.pos });
  const { misprintedYear: _, ...when } = date;
  const anchors = p.children.filter((c) => c.type === 'anchor');
  const date_: DateInline = { type: 'date', ...when, children: p.children.filter((c) => c.type !== 'anchor') };
  return { type: 'dateline', children: [...anchors, date_], ...(p.pos ? { pos: p.pos } : {}) };
}

/**
 * Mark the statements that end each text (every division but the notes and the contents, a
 * page's body, and the part before each heading, which ends a section the TEI writer makes), and
 * the date line right over them. Text must stand before them: lines with no text over them are
 * left as they are.
 */
export function markEndStatements(blocks: Block[], misprints: Misprint[]): void {
  for (const b of blocks) {
    if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') markEndStatements(b.blocks, misprints);
  }
  // from the last end to the first: marking one leaves the places of those before it
  const ends = [...blocks.keys()].filter((k) => blocks[k]!.type === 'heading');
  for (const end of [blocks.length, ...ends.reverse()]) markEnd(blocks, end, misprints);
}

/** The statements (and their date line) that end `blocks` before `end`. */
function markEnd(blocks: Block[], end: number, misprints: Misprint[]): void {
  const found: { at: number; statements: SourceStatement[] }[] = [];
  let i = end - 1;
  for (; i >= 0; i--) {
    const b = blocks[i]!;
    if (isAside(b)) continue;
    const statements = statementsOf(b);
    if (!statements) break;
    found.push({ at: i, statements });
  }
  if (found.length === 0) return;
  // the date line over them, past page breaks and notes
  let d = i;
  while (d >= 0 && isAside(blocks[d]!)) d--;
  const over = blocks[d];
  const line = over?.type === 'paragraph' && over.rend !== 'center' ? dateLine(over, []) : undefined;
  // text of their own over them, since the heading before
  let from = line ? d - 1 : i;
  let text = false;
  for (; from >= 0 && blocks[from]!.type !== 'heading' && !text; from--) text = isText(blocks[from]!);
  if (!text) return;
  for (const { at, statements } of found) blocks.splice(at, 1, ...statements);
  if (line && over?.type === 'paragraph') blocks[d] = dateLine(over, misprints)!;
}

function isText(b: Block): boolean {
  return b.type === 'paragraph' || b.type === 'quote' || b.type === 'list' || b.type === 'division';
}
