/**
 * Headings the transcription lays out otherwise than in a centred block (walk.ts reads those):
 *
 * - a number and its title set side by side in the two cells of a one-row table
 *   (HCPSU39iii: `<TABLE><TR><TD><B><FONT SIZE=-1>1.</FONT></B></TD><TD><B><FONT SIZE=-1>
 *   DIFFICULTIES IN THE PERIOD OF …</FONT></B></TD></TR></TABLE>`), the number hanging beside the
 *   title's lines as the print sets it;
 * - a block set wholly in larger type outside a centred block, right-aligned or not (ESC76ii:
 *   `<B><FONT SIZE=+2><P ALIGN=right>2.<BR>Elements of<BR>Self-Criticism</FONT></B>`, `Foreword`),
 *   as larger type in a centred block is.
 *
 * See docs/encoding.md, "Divisions of a book".
 */
import { attr, childrenOf, collapse, elements, isElement, isText, tag, textOf, type Element, type Node } from './dom.js';
import { inCapitals } from '../../model/plain-text.js';

/** A section's number alone (`1.`, `II`, `B.`). */
const NUMBER = /^(?:\d{1,3}|[IVXLC]{1,7}|[A-Z])\.?$/;

/** The most words a title in a table's cell, or a block in larger type, is taken to have. */
const TITLE_WORDS = 60;
const DISPLAY_WORDS = 25;

/** Elements that only style their words: a block's content may be wrapped in them. */
const INLINE = /^(?:a|b|strong|i|em|font|u|span|cite|var)$/;

const words = (text: string): number => collapse(text).trim().split(' ').filter(Boolean).length;

/** Larger type (`<FONT SIZE=+1>`). */
export function largerType(el: Node): boolean {
  return tag(el) === 'font' && /^\+[1-9]/.test(attr(el, 'size') ?? '');
}

/** Whether every word under `cell` is in bold or larger type set inside it. */
function displayType(cell: Node): boolean {
  const check = (n: Node, display: boolean): boolean => {
    if (isText(n)) return display || !n.value.replace(/[\s\u00a0]+/g, '');
    const d = display || /^(?:b|strong)$/.test(tag(n)) || largerType(n);
    return childrenOf(n).every((c) => check(c, d));
  };
  return check(cell, false);
}

/** The cells of a table's rows (not those of a table inside it), by row. */
function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (n: Node) => {
    for (const c of childrenOf(n)) {
      const t = tag(c);
      if (t === 'table') continue;
      if (t === 'tr') rows.push([]);
      if (t === 'td' || t === 'th') {
        if (rows.length === 0) rows.push([]);
        rows.at(-1)!.push(c as Element);
      } else visit(c);
    }
  };
  visit(table);
  return rows.filter((r) => r.length > 0);
}

/**
 * A table that lays out a section's heading: one row of two cells, the first holding only a
 * number (`1.`), the second a title of at most 60 words in capitals or wholly in bold or larger
 * type; no link, picture or table inside (a contents entry, a table of figures has them or more
 * rows). Returns its two cells and the level of its heading (2, as a bold centred line's; 3 for a
 * title in plain capitals), or undefined.
 */
export function headingTable(table: Element): { label: Element; title: Element; level: number } | undefined {
  const rows = rowsOf(table);
  if (rows.length !== 1 || rows[0]!.length !== 2) return undefined;
  const [label, title] = rows[0] as [Element, Element];
  if ([label, title].some((c) => attr(c, 'colspan') !== undefined || attr(c, 'rowspan') !== undefined)) return undefined;
  if (elements(table).some((e) => e !== table && (/^(?:table|img|ul|ol|hr)$/.test(tag(e)) || (tag(e) === 'a' && attr(e, 'href') !== undefined)))) return undefined;
  if (!NUMBER.test(collapse(textOf(label)).trim())) return undefined;
  const text = collapse(textOf(title)).trim();
  const n = words(text);
  if (n === 0 || n > TITLE_WORDS || NUMBER.test(text)) return undefined;
  const display = displayType(title);
  if (!display && !inCapitals(text)) return undefined;
  return { label, title, level: display ? 2 : 3 };
}

/**
 * Larger type (`<FONT SIZE=+2>`) that is the whole of its block: nothing but spacing after it up
 * to the block's end (the caller knows that nothing came before it), and a title's words (25 at
 * most). A first word or capital in larger type (`<FONT SIZE=+2>T</FONT>HE present article`,
 * `COMRADES</FONT></B>, according to …`) runs on into its paragraph and is no heading.
 */
export function displayBlock(font: Element): boolean {
  const n = words(textOf(font));
  if (n === 0 || n > DISPLAY_WORDS) return false;
  let node: Node = font;
  for (;;) {
    const parent = (node as Element).parentNode as Node | null;
    if (!parent || !isElement(parent as Node)) return true;
    const siblings = childrenOf(parent);
    const after = siblings.slice(siblings.indexOf(node) + 1);
    if (!after.every(spacing)) return false;
    if (!INLINE.test(tag(parent))) return true;
    node = parent;
  }
}

/** Spacing only: white space, no-break spaces, line breaks, and inline elements holding only those. */
function spacing(n: Node): boolean {
  if (isText(n)) return !n.value.replace(/[\s\u00a0]+/g, '');
  const t = tag(n);
  if (t === 'br') return true;
  if (!isElement(n)) return true; // a comment
  return INLINE.test(t) && childrenOf(n).every(spacing);
}
