/**
 * A contents table's cells read as lines (the transcriptions set a column per cell, a line per
 * entry), and the source's own links in them (`<A HREF="IC17.html#s1">327</A>`, read as links to
 * the page's anchors, `#a-s1`): the pieces contents.ts reads entries and their targets from.
 */
import type { Block, Inline, TableCell } from '../../model/types.js';
import { plainText, plainLine } from '../../model/plain-text.js';
import { forEachInlineList } from './resolve.js';

/** A label cell's line: `1.`, `IV`, `2)`, `A.`, or empty. */
export const LABEL_LINE = /^(?:(?:\d{1,3}|[IVXLC]{1,7}|[a-z])[.)]?|[A-Z][.)])$/;
/** A page cell's line: `5`, `xii`, or empty. */
export const PAGE_LINE = /^(\d{1,4}|[ivxlc]{1,7})$/i;

export type Line = Inline[];

export function lines(children: readonly Inline[]): Line[] {
  const out: Line[] = [[]];
  for (const c of children) {
    if (c.type === 'lb') out.push([]);
    else out.at(-1)!.push(c);
  }
  return out;
}

export const textOf = (l: Line) => plainLine(l);

/** The cell's lines: its paragraphs (a title printed over several lines), or undefined. */
export function inlinesOf(cell: TableCell): Inline[] | undefined {
  if (cell.blocks.length === 0 || cell.blocks.some((b) => b.type !== 'paragraph')) return undefined;
  return cell.blocks.flatMap((b, i) => (b.type !== 'paragraph' ? [] : i > 0 ? [{ type: 'lb' } as Inline, ...b.children] : b.children));
}

export function allLines(cell: TableCell, test: RegExp): boolean {
  const inl = inlinesOf(cell);
  if (!inl) return false;
  const ls = lines(inl).map(textOf);
  return ls.some(Boolean) && ls.every((t) => !t || test.test(t));
}

export type Link = Extract<Inline, { type: 'link' }>;

/** The first link of `l` to one of the page's anchors (`#a-s2`, the source's own link). */
export function ownLink(l: readonly Inline[]): Link | undefined {
  for (const i of l) {
    if (i.type === 'link' && i.target.startsWith('#a-')) return i;
    const inner = i.type === 'emph' || i.type === 'date' ? ownLink(i.children) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

export const ownTarget = (l: readonly Inline[]): string | undefined => ownLink(l)?.target;

/** `l` without its links to the page's anchors, their words kept (the entry becomes one link), and
 * the emphasis a link had split one again (`<hi>Second</hi><hi> Letter</hi>`). */
export function unlinked(l: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of l.flatMap((x): Inline[] => (x.type === 'link' && x.target.startsWith('#a-') ? unlinked(x.children) : [x]))) {
    const c = i.type === 'emph' || i.type === 'date' ? { ...i, children: unlinked(i.children) } : i;
    const last = out.at(-1);
    if (c.type === 'emph' && last?.type === 'emph' && last.rend === c.rend) last.children = unlinked([...last.children, ...c.children]);
    else if (c.type === 'text' && last?.type === 'text') out[out.length - 1] = { ...last, value: last.value + c.value };
    else out.push(c);
  }
  return out;
}

/** The anchors' ids in `l`, emphasis and links searched. */
export function anchorsIn(l: readonly Inline[], out: string[] = []): string[] {
  for (const i of l) {
    if (i.type === 'anchor') out.push(i.id);
    else if (i.type === 'emph' || i.type === 'link' || i.type === 'date') anchorsIn(i.children, out);
  }
  return out;
}

/** The words of a block, its inline content's and its inner blocks'. */
export function blockText(b: Block): string {
  const parts: string[] = [];
  forEachInlineList([b], (list) => parts.push(plainText(list)));
  return parts.join(' ');
}

/** The anchors at the end of `l`, after its last words. */
export function trailingAnchors(l: readonly Inline[]): string[] {
  const out: string[] = [];
  for (let i = l.length - 1; i >= 0; i--) {
    const c = l[i]!;
    if (c.type === 'anchor') out.unshift(c.id);
    else if (c.type !== 'lb' && !(c.type === 'text' && !c.value.trim())) break;
  }
  return out;
}

/** Inlines that are only words (no page break, note reference or anchor that a label or page
 * column could not keep; a label the transcriber linked to its division keeps its words, and its
 * entry's title is linked). */
export const wordsOnly = (l: readonly Inline[]): boolean => l.every((i) => i.type === 'text' || i.type === 'lb' || ((i.type === 'emph' || i.type === 'link') && wordsOnly(i.children)));

export const hasText = (cell: TableCell) => cell.blocks.length > 0 && cell.blocks.some((b) => b.type !== 'paragraph' || textOf(b.children) !== '');

/** A title cell's lines, and its last paragraph apart when that is a column of page numbers. */
export function splitPages(cell: TableCell): [Inline[], Inline[] | undefined] {
  const all = inlinesOf(cell)!;
  const last = cell.blocks.at(-1);
  if (cell.blocks.length < 2 || last?.type !== 'paragraph' || !allLines({ blocks: [last] }, PAGE_LINE)) return [all, undefined];
  return [inlinesOf({ blocks: cell.blocks.slice(0, -1) })!, last.children];
}

export const joinLines = (ls: Line[]): Line => ls.flatMap((l, i) => (i > 0 ? [{ type: 'lb' } as Inline, ...l] : l));
