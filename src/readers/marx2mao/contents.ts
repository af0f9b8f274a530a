/**
 * A printed contents table links its titles to the divisions they name. The table keeps the
 * print's columns (labels, titles, pages: the transcription sets several entries in one cell, a
 * line each, so that reading it as rows would reorder the words); each title, or group of lines
 * of one title, becomes a link to its division, which gets an id. See docs/encoding.md,
 * "Contents".
 */
import type { Block, Division, Inline, Table, TableCell } from '../../model/types.js';
import { forEachBlock } from '../../model/walk.js';
import { plainText } from '../../model/plain-text.js';

/** A label cell's line: `1.`, `IV`, `2)`, or empty. */
const LABEL_LINE = /^(\d{1,3}|[IVXLC]{1,7}|[a-z])[.)]?$/;
/** A page cell's line: `5`, `xii`, or empty. */
const PAGE_LINE = /^(\d{1,4}|[ivxlc]{1,7})$/i;

type Line = Inline[];

function lines(children: readonly Inline[]): Line[] {
  const out: Line[] = [[]];
  for (const c of children) {
    if (c.type === 'lb') out.push([]);
    else out.at(-1)!.push(c);
  }
  return out;
}

const textOf = (l: Line) => plainText(l).replace(/\s+/g, ' ').trim();

/** The cell's lines: its paragraphs (a title printed over several lines), or undefined. */
function inlinesOf(cell: TableCell): Inline[] | undefined {
  if (cell.blocks.length === 0 || cell.blocks.some((b) => b.type !== 'paragraph')) return undefined;
  return cell.blocks.flatMap((b, i) => (b.type !== 'paragraph' ? [] : i > 0 ? [{ type: 'lb' } as Inline, ...b.children] : b.children));
}

function allLines(cell: TableCell, test: RegExp): boolean {
  const inl = inlinesOf(cell);
  if (!inl) return false;
  const ls = lines(inl).map(textOf);
  return ls.some(Boolean) && ls.every((t) => !t || test.test(t));
}

/** Words that name a title: three letters or more, lower case. */
function keyWords(s: string): string[] {
  return s.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter((w) => w.length >= 3 && !['the', 'and', 'chapter', 'part'].includes(w));
}

interface Target {
  division: Division;
  words: Set<string>;
}

/** Does the contents entry name this division (most of its words are in the heading)? */
function names(entry: string[], t: Target): boolean {
  if (entry.length === 0) return false;
  const has = (w: string) => t.words.has(w) || t.words.has(w.replace(/s$/, ''));
  const hit = entry.filter(has).length;
  // the entry's words are in the heading, or the heading's in the entry (`INTRODUCTION by …`)
  return hit / entry.length >= 0.6 || (t.words.size > 0 && [...t.words].every((w) => entry.includes(w)));
}

/**
 * Link the titles of every contents table in `front` to the divisions of `body` (searched in
 * order, each entry after the one before), giving the divisions ids `d1`, `d2`…
 */
export function linkContents(front: Block[], body: Block[]): void {
  const targets: Target[] = [];
  forEachBlock(body, (b) => {
    if (b.type !== 'division' || b.kind === 'notes') return;
    const head = b.blocks.find((x) => x.type === 'heading');
    if (head?.type === 'heading') targets.push({ division: b, words: new Set(keyWords(plainText(head.children))) });
  });
  let next = 0;
  let ids = 0;
  const link = (title: Line): Line => {
    const entry = keyWords(textOf(title));
    const k = targets.findIndex((t, i) => i >= next && names(entry, t));
    if (k < 0) return title;
    next = k + 1;
    const d = targets[k]!.division;
    d.id ??= `div${++ids}`;
    return [{ type: 'link', target: `#${d.id}`, children: title }];
  };
  forEachBlock(front, (b) => {
    if (b.type === 'division' && b.kind === 'contents') for (const t of b.blocks) if (t.type === 'table') linkTable(t, link);
  });
}

/** In each row: the title cell's entries (one per label line, else one per line when there are as
 * many page lines, else the whole cell) become links. */
function linkTable(table: Table, link: (title: Line) => Line): void {
  for (const row of table.rows) {
    const labelCol = row.length >= 3 && allLines(row[0]!, LABEL_LINE) ? 0 : -1;
    const pageCol = row.length >= 2 && allLines(row.at(-1)!, PAGE_LINE) ? row.length - 1 : -1;
    const labels = labelCol < 0 ? undefined : lines(inlinesOf(row[labelCol]!)!).map(textOf);
    const pages = pageCol < 0 ? [] : lines(inlinesOf(row[pageCol]!)!).map(textOf).filter(Boolean);
    row.forEach((cell, c) => {
      if (c === labelCol || c === pageCol) return;
      const inl = inlinesOf(cell);
      if (!inl) return;
      const ls = lines(inl);
      const starts = labels
        ? ls.map((_, i) => i === 0 || !!labels[i])
        : ls.map((_, i) => i === 0 || (pages.length === ls.filter((l) => textOf(l)).length && !!textOf(ls[i]!)));
      const groups: Line[][] = [];
      ls.forEach((l, i) => (starts[i] ? groups.push([l]) : groups.at(-1)!.push(l)));
      const out: Inline[] = [];
      groups.forEach((g, k) => {
        if (k > 0) out.push({ type: 'lb' });
        const joined: Line = g.flatMap((l, i) => (i > 0 ? [{ type: 'lb' } as Inline, ...l] : l));
        out.push(...(textOf(joined) ? link(joined) : joined));
      });
      if (!out.some((i) => i.type === 'link')) return;
      const first = cell.blocks[0]!;
      cell.blocks = [{ ...first, children: out } as Block];
    });
  }
}
