/**
 * A printed contents table becomes a contents list: an item per entry (its printed label, its
 * title as a link to the division it names, its page), the entries printed indented under an
 * entry as its sub-list. The transcriptions set a column per cell (all labels, then all
 * titles, then all pages, a line each); the entries are read back by lining the columns up. Where
 * they do not line up (more page lines than entries, a summary under an entry), the table keeps
 * the print's columns and only its titles become links. Either way the division named gets an id.
 * See docs/encoding.md, "Contents".
 */
import type { Block, Division, Heading, Inline, List, ListItem, Table, TableCell } from '../../model/types.js';
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
  /** A division with a heading, or a heading that opens a section when the TEI is written. */
  division: Division | Heading;
  words: Set<string>;
}

/** Does the contents entry name this division (most of its words are in the heading)? */
function names(entry: string[], t: Target): boolean {
  if (entry.length === 0) return false;
  const has = (w: string) => t.words.has(w) || t.words.has(w.replace(/s$/, ''));
  const hit = entry.filter(has).length;
  // the entry's words are in the heading, or the heading's in the entry (`INTRODUCTION by …`)
  if (hit / entry.length >= 0.6) return true;
  if (t.words.size === 0 || ![...t.words].every((w) => entry.includes(w))) return false;
  // a section's heading in plain type is named so only by an entry it opens, not by a cell of
  // several titles read as one entry (IC17's twelve)
  const section = t.division.type === 'heading' && t.division.level >= 3;
  return !section || (has(entry[0]!) && entry.length <= 3 * t.words.size);
}

/**
 * Link the titles of every contents table in `front` to the divisions of `body` (searched in
 * order, each entry after the one before), giving the divisions ids `d1`, `d2`…
 */
export function linkContents(front: Block[], body: Block[]): void {
  const targets: Target[] = [];
  // in the order of the text: each division with its heading, and the headings of the body and of
  // divisions that are no division's first (the TEI writer makes sections of them)
  const collect = (blocks: Block[]): void => {
    let first = true;
    for (const b of blocks) {
      if (b.type === 'division') {
        if (b.kind === 'notes') continue;
        const head = b.blocks.find((x) => x.type === 'heading');
        if (head?.type === 'heading') targets.push({ division: b, words: new Set(keyWords(plainText(head.children))) });
        collect(b.blocks);
      } else if (b.type === 'heading' && !(first && blocks !== body)) {
        targets.push({ division: b, words: new Set(keyWords(plainText(b.children))) });
      }
      if (b.type !== 'pbBlock') first = false;
    }
  };
  collect(body);
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
    if (b.type !== 'division' || b.kind !== 'contents') return;
    b.blocks = b.blocks.map((t) => {
      if (t.type !== 'table') return t;
      const entries = readEntries(t);
      if (!entries) {
        linkTable(t, link);
        return t;
      }
      return contentsList(entries, link, t.pos);
    });
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
    // a line of its own after empty cells is a summary of the entry above, which names no division
    if (labelCol < 0 && pageCol < 0 && row.findIndex(hasText) > 0) continue;
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

/** One entry of a printed contents table, read across its columns. */
interface Entry {
  label?: string;
  title: Line;
  page?: string;
  entries: Entry[];
}

/** Inlines that are only words (no page break, note reference or anchor that a label or page
 * column could not keep; a label the transcriber linked to its division keeps its words, and its
 * entry's title is linked). */
const wordsOnly = (l: readonly Inline[]): boolean => l.every((i) => i.type === 'text' || i.type === 'lb' || ((i.type === 'emph' || i.type === 'link') && wordsOnly(i.children)));

const hasText = (cell: TableCell) => cell.blocks.length > 0 && cell.blocks.some((b) => b.type !== 'paragraph' || textOf(b.children) !== '');

/**
 * The entries of a contents table, or undefined where its columns do not line up. A row is
 * [label] title [page] (empty cells aside); its label lines start the title's entries and its page
 * lines, one per entry, end them; without labels, each title line is an entry when there are as
 * many page lines, else the row is one entry. A row whose text starts in a later column than the
 * row before (its first cells empty: printed indented) lists that row's last entry's sub-entries.
 */
function readEntries(table: Table): Entry[] | undefined {
  const top: Entry[] = [];
  // the last entry of each indentation still open, outermost first
  const open: { column: number; entry: Entry }[] = [];
  for (const row of table.rows) {
    const cells = row.filter(hasText);
    // a cell or line without words may still hold an anchor or a page break: the list would lose it
    if (row.some((c) => !hasText(c) && c.blocks.some((b) => b.type !== 'paragraph' || !wordsOnly(b.children)))) return undefined;
    if (cells.length === 0) continue;
    if (cells.some((c) => !inlinesOf(c))) return undefined;
    const labelCell = cells.length >= 2 && allLines(cells[0]!, LABEL_LINE) ? cells[0] : undefined;
    const pageCell = cells.length >= 2 && allLines(cells.at(-1)!, PAGE_LINE) ? cells.at(-1) : undefined;
    const titles = cells.filter((c) => c !== labelCell && c !== pageCell);
    // a line of its own after empty cells is a summary of the entry above, not an entry
    if (titles.length !== 1 || (!pageCell && !labelCell && row[0] !== titles[0])) return undefined;
    // the page column may stand in the title's cell, as its last paragraph
    const [titleInl, pageInl] = pageCell ? [inlinesOf(titles[0]!)!, inlinesOf(pageCell)!] : splitPages(titles[0]!);
    const side = [labelCell ? inlinesOf(labelCell)! : [], pageInl ?? []];
    if (!side.every(wordsOnly)) return undefined;
    const titleLines = lines(titleInl);
    if (titleLines.some((l) => !textOf(l) && !wordsOnly(l))) return undefined;
    const pages = pageInl ? lines(pageInl).map(textOf).filter(Boolean) : [];
    const labels = labelCell ? lines(inlinesOf(labelCell)!).map(textOf) : undefined;
    let groups = labels ? byLabel(titleLines, labels) : byPage(titleLines, pages.length);
    // sub-entries printed under one label (`1. Reactionary Socialism`, `a. Feudal Socialism`…),
    // each with its page: an entry per line
    if (labels && pages.length > 1 && pages.length !== groups?.length) groups = perLine(titleLines, labels, pages.length);
    // an entry of several lines (a title and its byline) printed as a paragraph of its own, a
    // page for each paragraph
    if (!labels && pages.length > 1 && pages.length !== groups?.length) groups = perParagraph(titles[0]!, pageInl !== undefined && !pageCell, pages.length);
    if (!groups || (pages.length > 0 && pages.length !== groups.length)) return undefined;
    const entries = groups.map((g, k): Entry => ({ ...(g.label ? { label: g.label } : {}), title: g.title, ...(pages[k] ? { page: pages[k] } : {}), entries: [] }));
    // the column the row's text starts in: a row indented past the one before is its sub-entries
    const column = row.slice(0, row.indexOf(cells[0]!)).reduce((n, c) => n + (c.cols ?? 1), 0);
    while (open.length > 0 && open.at(-1)!.column >= column) open.pop();
    (open.at(-1)?.entry.entries ?? top).push(...entries);
    open.push({ column, entry: entries.at(-1)! });
  }
  return top.length > 0 ? top : undefined;
}

/** A title cell's lines, and its last paragraph apart when that is a column of page numbers. */
function splitPages(cell: TableCell): [Inline[], Inline[] | undefined] {
  const all = inlinesOf(cell)!;
  const last = cell.blocks.at(-1);
  if (cell.blocks.length < 2 || last?.type !== 'paragraph' || !allLines({ blocks: [last] }, PAGE_LINE)) return [all, undefined];
  return [inlinesOf({ blocks: cell.blocks.slice(0, -1) })!, last.children];
}

interface Group {
  label?: string;
  title: Line;
}

const joinLines = (ls: Line[]): Line => ls.flatMap((l, i) => (i > 0 ? [{ type: 'lb' } as Inline, ...l] : l));

/** Title lines grouped by the label lines beside them (a label starts an entry); where the
 * columns do not line up but there are as many labels as title lines, one entry per line (a title
 * the transcriber ran onto one line, while the label column kept the print's blank line). */
function byLabel(titleLines: Line[], labels: string[]): Group[] | undefined {
  const full = titleLines.filter((l) => textOf(l));
  const printed = labels.filter(Boolean);
  if (labels.slice(titleLines.length).some(Boolean)) return printed.length === full.length ? full.map((title, k) => ({ label: printed[k]!, title })) : undefined;
  const groups: { label?: string; lines: Line[] }[] = [];
  titleLines.forEach((l, i) => {
    if (i === 0 || labels[i]) groups.push({ ...(labels[i] ? { label: labels[i] } : {}), lines: [l] });
    else groups.at(-1)!.lines.push(l);
  });
  const out = groups.map((g) => ({ ...(g.label ? { label: g.label } : {}), title: joinLines(g.lines) }));
  return out.every((g) => textOf(g.title)) ? out : undefined;
}

/** An entry per title line, with the label beside it, when there is a page for each line. */
function perLine(titleLines: Line[], labels: string[], pages: number): Group[] | undefined {
  if (titleLines.some((l) => !textOf(l)) || titleLines.length !== pages || labels.length > titleLines.length) return undefined;
  return titleLines.map((title, i) => ({ ...(labels[i] ? { label: labels[i] } : {}), title }));
}

/** An entry per paragraph of the title's cell (its last left out when it held the pages), an
 * indented paragraph (a byline, a title's run-over line) going with the one above, when there is
 * a page for each. */
function perParagraph(cell: TableCell, pagesInCell: boolean, pages: number): Group[] | undefined {
  // empty paragraphs (a <P> before the first line) hold nothing to keep
  const paras = (pagesInCell ? cell.blocks.slice(0, -1) : cell.blocks).filter((b) => b.type !== 'paragraph' || textOf(b.children) || !wordsOnly(b.children));
  const groups: Line[][] = [];
  for (const b of paras) {
    if (b.type !== 'paragraph' || !textOf(b.children)) return undefined;
    if (b.rend === 'indent' && groups.length > 0) groups.at(-1)!.push(b.children);
    else groups.push([b.children]);
  }
  return groups.length === pages ? groups.map((g) => ({ title: joinLines(g) })) : undefined;
}

/** Without labels: a line per entry when the pages say so, else the row is one entry. */
function byPage(titleLines: Line[], pages: number): Group[] | undefined {
  const full = titleLines.filter((l) => textOf(l));
  if (full.length === 0) return undefined;
  if (pages > 1 && pages === full.length) return full.map((title) => ({ title }));
  return pages <= 1 ? [{ title: joinLines(titleLines) }] : undefined;
}

/** The entries as a contents list, each title linked to its division where one is found. */
function contentsList(entries: Entry[], link: (title: Line) => Line, pos: Table['pos']): List {
  const item = (e: Entry): ListItem => {
    const blocks: Block[] = [{ type: 'paragraph', children: link(e.title) }];
    if (e.entries.length > 0) blocks.push(contentsList(e.entries, link, undefined));
    return { ...(e.label ? { label: e.label } : {}), ...(e.page ? { page: e.page } : {}), blocks };
  };
  return { type: 'list', kind: 'contents', items: entries.map(item), ...(pos ? { pos } : {}) };
}
