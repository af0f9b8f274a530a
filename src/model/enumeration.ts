/**
 * The number a heading opens with, as printed: `I`, `II.`, `3.`, `B)`, `CHAPTER IV`, alone on the
 * heading's first line or followed by its title (`I. THE TALK OF JANUARY 18`). The reader and the
 * TEI writer use it to find the first heading of a numbering whose later members follow (`I` …
 * `II`), which opens a section even where the source sets it under the work's title.
 */
import type { Block, Heading, Inline } from './types.js';
import { pageValue } from './page-sequence.js';

export interface Enumeration {
  kind: 'roman' | 'arabic' | 'letter';
  value: number;
}

/** The plain text of inlines with each line break kept as a newline. */
function linesOf(inlines: readonly Inline[]): string {
  let out = '';
  for (const n of inlines) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'norm') out += n.reg;
    else if (n.type === 'lb') out += '\n';
    else if (n.type === 'emph' || n.type === 'link' || n.type === 'date') out += linesOf(n.children);
  }
  return out;
}

/** A label word before the number (`CHAPTER IV`, `Part 2`). */
const LABEL = String.raw`(?:(?:chapter|part|book|section|lecture|letter)\s+)?`;
/** The number alone on its line, a period or bracket allowed. */
const ALONE = new RegExp(String.raw`^${LABEL}([IVXLC]{1,7}|\d{1,3}|[A-Z])\s*[.)]?$`, 'i');
/** The number, a period or bracket, then the title on the same line. */
const BEFORE_TITLE = /^([IVXLC]{1,7}|\d{1,3}|[A-Z])[.)]\s+\S/;
/** Initials open a name (`V. I. LENIN`), not a numbered title. */
const INITIALS = /^[A-Z]\.\s*[A-Z]\./;

/** The number the heading's first line opens with, if it opens with one. */
export function enumerationOf(inlines: readonly Inline[]): Enumeration | undefined {
  const first = linesOf(inlines).replace(/[ \t\u00a0]+/g, ' ').trim().split(/\s*\n\s*/)[0] ?? '';
  if (INITIALS.test(first)) return undefined;
  const m = ALONE.exec(first) ?? BEFORE_TITLE.exec(first);
  if (!m) return undefined;
  const token = m[1]!;
  const page = pageValue(token);
  if (page) return page;
  // one letter that is not a roman numeral: A., B) (case kept as printed: a lower-case `a` alone is a word)
  if (/^[A-Z]$/.test(token)) return { kind: 'letter', value: token.charCodeAt(0) - 64 };
  return undefined;
}

/** Whether heading `b` opens with the number `value` of the kind `kind`. */
function numbered(b: Heading, kind: Enumeration['kind'], value: number): boolean {
  const e = enumerationOf(b.children);
  return e !== undefined && e.kind === kind && e.value === value;
}

/** The headings that follow `from` in one block list: its own and each division's first. */
export function laterHeadings(blocks: readonly Block[], from: number): Heading[] {
  const out: Heading[] = [];
  for (let k = from + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.type === 'heading') out.push(b);
    else if (b.type === 'division') {
      const h = b.blocks.find((x): x is Heading => x.type === 'heading');
      if (h) out.push(h);
    }
  }
  return out;
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
  return laterHeadings(blocks, i).some((l) => numbered(l, e.kind, 2));
}
