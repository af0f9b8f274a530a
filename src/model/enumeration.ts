/**
 * The number a heading opens with, as printed: `I`, `II.`, `3.`, `B)`, `CHAPTER IV`, alone on the
 * heading's first line, or a number and a period before its title (`I. THE TALK OF JANUARY 18`).
 * The reader and the TEI writer use it to find the first heading of a numbering whose later
 * members follow (`I` … `II`), which opens a section even where the source sets it under the
 * work's title, and where a numbered section ends.
 */
import type { Block, Heading, Inline } from './types.js';
import { pageValue } from './page-sequence.js';
import { plainText } from './plain-text.js';

export interface Enumeration {
  kind: 'roman' | 'arabic' | 'letter';
  value: number;
  /** A single capital that is also a roman number (C., D., I., V. …) is a letter too: its place. */
  letter?: number;
}

/** The number `e` counts in numberings of `kind` (C. is 100 among roman numbers, 3 among letters). */
export function valueIn(e: Enumeration, kind: Enumeration['kind']): number | undefined {
  if (e.kind === kind) return e.value;
  return kind === 'letter' ? e.letter : undefined;
}

/** A label word before the number (`CHAPTER IV`, `Part 2`), in capitals or with a capital. */
const LABEL = String.raw`(?:(?:CHAPTER|PART|BOOK|SECTION|LECTURE|LETTER|Chapter|Part|Book|Section|Lecture|Letter)\s+)?`;
/** The number alone on its line, a period or bracket allowed (roman numbers and letters in
 * capitals: a lower-case `x` or `civ` alone on a line is no number). */
const ALONE = new RegExp(String.raw`^${LABEL}([IVXLC]{1,7}|\d{1,3}|[A-Z])\s*[.)]?$`);
/** The number, a period or bracket, then the title on the same line. */
const BEFORE_TITLE = /^([IVXLC]{1,7}|\d{1,3}|[A-Z])[.)]\s+\S/;

/**
 * Whether text that opens like a numbered title opens with a name's initials instead (`V. I.
 * LENIN`). One initial before a name (`A. BOGDANOV`) cannot be told from a lettered title of one
 * word (`A. INTRODUCTION`) by its shape, and is read as the letter.
 */
export function opensWithInitials(text: string): boolean {
  return /^[A-Z]\.\s*[A-Z]\./.test(text);
}

/** Whether `after` is the number next to `before` (`2.` after `1.`, `C.` after `B.`, `D.` after `C.`). */
export function follows(after: Enumeration, before: Enumeration): boolean {
  return valueIn(after, before.kind) === before.value + 1 || (before.letter !== undefined && after.letter === before.letter + 1);
}

/** The number the heading's first line opens with, if it opens with one. */
export function enumerationOf(inlines: readonly Inline[]): Enumeration | undefined {
  const first = plainText(inlines, '\n').replace(/[ \t\u00a0]+/g, ' ').trim().split(/\s*\n\s*/)[0] ?? '';
  if (opensWithInitials(first)) return undefined;
  const m = ALONE.exec(first) ?? BEFORE_TITLE.exec(first);
  if (!m) return undefined;
  const token = m[1]!;
  // one capital is a letter (case kept as printed: a lower-case `a` alone is a word)
  const letter = /^[A-Z]$/.test(token) ? token.charCodeAt(0) - 64 : undefined;
  const page = pageValue(token);
  if (page) return letter === undefined ? page : { ...page, letter };
  return letter === undefined ? undefined : { kind: 'letter', value: letter };
}

/** Whether heading `b` opens with the number `value` of the kind `kind`. */
function numberedAs(b: Heading, kind: Enumeration['kind'], value: number): boolean {
  const e = enumerationOf(b.children);
  return e !== undefined && valueIn(e, kind) === value;
}

/** The headings of `blocks[from]` to `blocks[to - 1]`: the list's own and each division's first. */
function headingsIn(blocks: readonly Block[], from: number, to: number): Heading[] {
  const out: Heading[] = [];
  for (let k = from; k < to; k++) {
    const b = blocks[k]!;
    const h = b.type === 'heading' ? b : b.type === 'division' ? b.blocks.find((x): x is Heading => x.type === 'heading') : undefined;
    if (h) out.push(h);
  }
  return out;
}

/** The headings that follow `blocks[from]` in its list: its own and each division's first. */
export function laterHeadings(blocks: readonly Block[], from: number): Heading[] {
  return headingsIn(blocks, from + 1, blocks.length);
}

/**
 * Whether the heading at `blocks[i]` is the first of a numbering (`I`, `1.`, `A.`) that a later
 * heading of the same list continues with the second (`II`, `2.`, `B.`).
 */
export function opensNumbering(blocks: readonly Block[], i: number): boolean {
  const h = blocks[i];
  if (h?.type !== 'heading') return false;
  const e = enumerationOf(h.children);
  if (!e || e.value !== 1) return false;
  return laterHeadings(blocks, i).some((l) => numberedAs(l, e.kind, 2));
}

/**
 * Whether the heading at `blocks[i]` continues a numbering that a heading before `blocks[before]`
 * began: `II` with an `I` before it (SDD26's `II` after `I` and I's own sections `1.`–`7.`).
 */
export function continuesNumbering(blocks: readonly Block[], i: number, before = i): boolean {
  const h = blocks[i];
  if (h?.type !== 'heading') return false;
  const e = enumerationOf(h.children);
  if (!e) return false;
  return headingsIn(blocks, 0, before).some((l) => {
    const p = enumerationOf(l.children);
    return p !== undefined && follows(e, p);
  });
}
