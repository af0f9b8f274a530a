/**
 * A printed contents table becomes a contents list: an item per entry (its printed label, its
 * title as a link to the division it names, its page), the entries printed indented under an
 * entry as its sub-list. The transcriptions set a column per cell (all labels, then all
 * titles, then all pages, a line each); the entries are read back by lining the columns up. Where
 * they do not line up (more page lines than entries, a summary under an entry), the table keeps
 * the print's columns and only its titles become links. Either way the division named gets an id.
 * An entry goes where the source's own link on it leads (its title's, label's or page number's),
 * else where its words name. See docs/encoding.md, "Contents".
 */
import type { Block, Division, Heading, Inline, List, ListItem, SourcePosition, Table, TableCell } from '../../model/types.js';
import { forEachBlock } from '../../model/walk.js';
import { plainText } from '../../model/plain-text.js';
import { enumerationOf, type Enumeration } from '../../model/enumeration.js';
import { anchorIds } from './resolve.js';
import {
  allLines, anchorsIn, blockText, hasText, inlinesOf, joinLines, LABEL_LINE, lines, ownLink, ownTarget, PAGE_LINE, splitPages, textOf,
  trailingAnchors, unlinked, wordsOnly, type Line,
} from './contents-table.js';

/** Words that name a title: three letters or more, lower case. */
export function keyWords(s: string): string[] {
  return s.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter((w) => w.length >= 3 && !['the', 'and', 'chapter', 'part'].includes(w));
}

interface Target {
  /** A division with a heading, or a heading that opens a section when the TEI is written. */
  division: Division | Heading;
  words: Set<string>;
  /** The number its heading opens with (`I`, `2.`). */
  number?: Enumeration;
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

/** A contents entry linked: its title's inlines, and where it leads (`#div3`, `#a-s2`) if anywhere. */
interface Linked {
  title: Line;
  target?: string;
}

/** Links an entry's title, given the anchor its label or page number links to in the source, and its label. */
type LinkEntry = (title: Line, hint?: string, label?: string) => Linked;

interface Linker {
  entry: LinkEntry;
  /** The divisions the entries so far lead to. */
  taken(): ReadonlySet<number>;
  /** Where a label or page number the source links to an anchor leads by that link alone: the
   * division whose heading holds the anchor, unless one of `before`'s. */
  anchored(target: string, before: ReadonlySet<number>): string | undefined;
}

/**
 * Link the titles of every contents table in `front` to the divisions of `body`, giving the
 * divisions ids `div1`, `div2`… Entries are searched in order, each after the one before. An
 * entry the transcriber linked to an anchor of the page (on its title, label or page number) goes
 * to the division whose heading holds that anchor or follows it, unless the entry's words name
 * another; to the anchor where it stands in the running text on a line of the entry's words; an
 * entry without a link, or whose anchor an earlier entry's division holds or stands on other
 * words, to the division its words name, or its number alone; failing all, to its anchor.
 */
export function linkContents(front: Block[], body: Block[]): void {
  const targets: Target[] = [];
  // the headings' anchors, and those ending the block just before a heading (`<A NAME="C1">` set
  // before the `<P>` that opens the title): where the source's own links lead
  const byAnchor = new Map<string, number>();
  let before: string[] = [];
  // the anchors of the running text, and the words of the block each stands in
  const inText = new Map<string, Set<string>>();
  const target = (division: Division | Heading, head: Heading, subtitle?: Block): void => {
    for (const id of [...before, ...anchorsIn(head.children)]) if (!byAnchor.has(id)) byAnchor.set(id, targets.length);
    const number = enumerationOf(head.children);
    // a contents entry names a text by its title and often its subtitle too (JPCC27's `The
    // International Situation … Speech Delivered on August 1`, beside `Speech Delivered on August 5`)
    const words = keyWords(plainText(subtitle?.type === 'subtitle' ? [...head.children, ...subtitle.children] : head.children));
    targets.push({ division, words: new Set(words), ...(number ? { number } : {}) });
  };
  // in the order of the text: each division with its heading, and the headings of the body and of
  // divisions that are no division's first (the TEI writer makes sections of them)
  const collect = (blocks: Block[]): void => {
    let first = true;
    for (const b of blocks) {
      if (b.type === 'division') {
        if (b.kind === 'notes') continue;
        const at = b.blocks.findIndex((x) => x.type === 'heading');
        const head = b.blocks[at];
        if (head?.type === 'heading') target(b, head, b.blocks[at + 1]);
        collect(b.blocks);
      } else if (b.type === 'heading' && !(first && blocks !== body)) {
        target(b, b);
      }
      if (b.type !== 'pbBlock') first = false;
      if (b.type !== 'division' && b.type !== 'heading') {
        const ids = anchorIds([b]);
        const words = ids.size > 0 ? new Set(keyWords(blockText(b))) : undefined;
        for (const id of ids) inText.set(id, words!);
      }
      if (b.type === 'paragraph') before = trailingAnchors(b.children);
      else if (b.type !== 'pbBlock' && b.type !== 'division') before = [];
    }
  };
  collect(body);
  const anchors = anchorIds([...front, ...body]);
  let next = 0;
  let ids = 0;
  const taken = new Set<number>();
  const idOf = (k: number): string => {
    taken.add(k);
    const d = targets[k]!.division;
    d.id ??= `div${++ids}`;
    return `#${d.id}`;
  };
  const toDivision = (k: number, title: Line): Linked => {
    next = k + 1;
    const target = idOf(k);
    return { title: [{ type: 'link', target, children: unlinked(title) }], target };
  };
  const link: LinkEntry = (title, hint, label) => {
    const own = [ownTarget(title), hint].find((t) => t !== undefined && anchors.has(t.slice(1)));
    const entry = keyWords(textOf(title));
    const named = targets.findIndex((t, i) => i >= next && names(entry, t));
    const k = own ? byAnchor.get(own.slice(1)) : undefined;
    // the source's link, unless an earlier entry's division holds its anchor (`<A NAME="s1">` set
    // before the work's title, which the title and its first section both link to) or the
    // entry's words name another division (a link the transcriber mistyped)
    if (k !== undefined && k >= next && (named < 0 || entry.length === 0 || names(entry, targets[k]!))) return toDivision(k, title);
    // an anchor in the running text on a line of the entry's own words is where its text begins
    // (CM47's centred `b. Petty-Bourgeois Socialism`, not the `2. CONSERVATIVE, OR BOURGEOIS,
    // SOCIALISM` after it that two of its words name); one on other words (EPS52's `1.`, its
    // anchor on the letter's salutation above) leaves the entry to its words
    const toAnchor = (at: string): Linked => ({ title: ownTarget(title) === at ? title : [{ type: 'link', target: at, children: unlinked(title) }], target: at });
    const line = own && k === undefined ? inText.get(own.slice(1)) : undefined;
    const said = (w: string) => line!.has(w) || line!.has(w.replace(/s$/, ''));
    if (own && line && entry.length > 0 && entry.filter(said).length / entry.length >= 0.6) return toAnchor(own);
    if (named >= 0) return toDivision(named, title);
    // an entry of a number alone (`I . . . .`; its label `I`, its title only the dots) names the
    // next heading numbered so
    const number = entry.length === 0 && label ? enumerationOf([{ type: 'text', value: label }]) : undefined;
    const numbered = number ? targets.findIndex((t, i) => i >= next && t.number?.kind === number.kind && t.number.value === number.value) : -1;
    if (numbered >= 0) return toDivision(numbered, title);
    // the anchor stands in the running text (where the heading is missing): the entry leads there
    return own ? toAnchor(own) : { title };
  };
  const anchored = (target: string, before: ReadonlySet<number>): string | undefined => {
    const k = byAnchor.get(target.slice(1));
    return k === undefined || before.has(k) ? undefined : idOf(k);
  };
  forEachBlock(front, (b) => {
    if (b.type !== 'division' || b.kind !== 'contents') return;
    b.blocks = b.blocks.map((t) => {
      if (t.type !== 'table') return t;
      const entries = readEntries(t);
      if (!entries) {
        linkTable(t, { entry: link, anchored, taken: () => new Set(taken) });
        return t;
      }
      return contentsList(entries, link, t.pos);
    });
  });
}

/**
 * In each row: the title cell's entries become links: one per label line where the labels line
 * up with the titles, else one per line or per run of lines where that gives a page each, else the
 * whole cell where it has one page (several titles beside several pages that none of these tells
 * apart are left unlinked); a line the source links elsewhere than the lines above it starts an
 * entry too. A label or page number the source links leads where its own anchor does, unless a row
 * above leads there, else where its entry does; one beside no title is an entry of its own.
 */
function linkTable(table: Table, { entry: link, anchored, taken }: Linker): void {
  for (const row of table.rows) {
    // the divisions the rows above lead to (the work's title, before its first section's row)
    const above = taken();
    const pageCol = row.length >= 2 && allLines(row.at(-1)!, PAGE_LINE) ? row.length - 1 : -1;
    // the label column: the first with text (empty cells before it indent the row: JPCC27's
    // sections under their speech)
    const first = row.findIndex(hasText);
    const labelCol = first >= 0 && first !== pageCol && row.length >= 3 && allLines(row[first]!, LABEL_LINE) ? first : -1;
    const labelLines = labelCol < 0 ? undefined : lines(inlinesOf(row[labelCol]!)!);
    const labels = labelLines?.map(textOf);
    const pageLines = pageCol < 0 ? [] : lines(inlinesOf(row[pageCol]!)!).filter((l) => textOf(l));
    // where the entry of each label and page line leads (the line's index: its entry's target)
    const labelTo = new Map<number, string | undefined>();
    const pageTo = new Map<number, string | undefined>();
    // a line of its own after empty cells is a summary of the entry above, which names no division
    if (labelCol < 0 && pageCol < 0 && row.findIndex(hasText) > 0) continue;
    row.forEach((cell, c) => {
      if (c === labelCol || c === pageCol || !inlinesOf(cell)) return;
      // the page column may stand in the title's cell, as its last paragraph (kept as it is)
      const [inl, inCell] = splitPages(cell);
      const ls = lines(inl);
      const cellPages = inCell ? lines(inCell).filter((l) => textOf(l)) : pageLines;
      // the labels group the title's lines where they line up with them: not where the label
      // column runs longer (RFFYP33's, whose blank lines the title column lacks)
      const lined = labels && labels.length <= ls.length ? labels : undefined;
      // else an entry per line with a page for each; or per run of lines, a line that opens in
      // small letters or follows a hyphen or a dash running on from the one above (`The
      // Fundamental Task of the Five-Year Plan and the Way` / `to Its Fulfilment`), where that
      // gives a page each
      const opens = (l: Line, i: number) => !!textOf(l) && (i === 0 || !(/^\p{Ll}/u.test(textOf(l)) || /[-\u2014]$/.test(textOf(ls[i - 1]!))));
      const filled = ls.filter((l) => textOf(l)).length;
      const perLine = cellPages.length === filled || cellPages.length === ls.filter(opens).length;
      const byLine = (l: Line, i: number) => (cellPages.length === filled ? !!textOf(l) : opens(l, i));
      const starts = lined ? ls.map((_, i) => i === 0 || !!lined[i]) : ls.map((l, i) => i === 0 || (perLine && byLine(l, i)));
      // a line linked elsewhere than the entry's lines above it is an entry of its own (XI's title, then `Postscript`)
      ls.forEach((l, i) => {
        const own = ownTarget(l);
        if (i > 0 && own && !starts[i] && own !== ls.slice(starts.lastIndexOf(true, i - 1), i).map(ownTarget).find(Boolean)) starts[i] = true;
      });
      const groups: { at: number; lines: Line[] }[] = [];
      ls.forEach((l, i) => (starts[i] ? groups.push({ at: i, lines: [l] }) : groups.at(-1)!.lines.push(l)));
      // several titles beside several pages that could not be told apart: read as one entry they
      // would name whichever heading's words they hold, so they are left as they are
      if (groups.length === 1 && cellPages.length > 1 && filled > 1 && !ls.some(ownTarget)) return;
      // labels not lined up with the titles, one for each entry: the k-th label is the k-th entry's
      const printed = labels?.flatMap((l, i) => (l ? [i] : [])) ?? [];
      const inOrder = !lined && printed.length === groups.filter((g) => g.lines.some((l) => textOf(l))).length;
      let entries = 0;
      const out: Inline[] = [];
      groups.forEach((g, k) => {
        if (k > 0) out.push({ type: 'lb' });
        const joined: Line = g.lines.flatMap((l, i) => (i > 0 ? [{ type: 'lb' } as Inline, ...l] : l));
        if (!textOf(joined)) return out.push(...joined);
        const page = perLine && !lined ? k : undefined;
        const hint = lined ? ownTarget(labelLines![g.at] ?? []) : page !== undefined ? ownTarget(cellPages[page]!) : undefined;
        const linked = link(joined, hint, lined?.[g.at]);
        out.push(...linked.title);
        if (inOrder) labelTo.set(printed[entries]!, linked.target);
        entries++;
        if (lined) labelTo.set(g.at, linked.target);
        else if (page !== undefined && !inCell) pageTo.set(page, linked.target);
      });
      if (!out.some((i) => i.type === 'link')) return;
      const first = cell.blocks[0]!;
      cell.blocks = [{ ...first, children: out } as Block, ...(inCell ? [cell.blocks.at(-1)!] : [])];
    });
    // the source's links of the label and page columns: where their entries lead, or, beside no
    // title, entries of their own
    const follow = (ls: Line[], to: Map<number, string | undefined>) =>
      ls.forEach((line, i) => {
        const own = ownLink(line);
        if (!own) return;
        const words = plainText(own.children);
        // its own link first: the title column may not line up with it (RFFYP33's blank label lines)
        const target = anchored(own.target, above) ?? (to.has(i) ? to.get(i) : link([{ type: 'text', value: words }], own.target, words).target);
        if (target) own.target = target;
      });
    follow(labelLines ?? [], labelTo);
    follow(pageLines, pageTo);
  }
}

/** One entry of a printed contents table, read across its columns. */
interface Entry {
  label?: string;
  title: Line;
  page?: string;
  /** The anchor its label or page number links to (`#a-s2`), where the source links them. */
  target?: string;
  entries: Entry[];
  /** Where its row's title cell begins (a diagnostic about the entry points there). */
  pos?: SourcePosition;
}

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
    const pageLines = pageInl ? lines(pageInl).filter((l) => textOf(l)) : [];
    const pages = pageLines.map(textOf);
    const labelLines = labelCell ? lines(inlinesOf(labelCell)!) : undefined;
    const labels = labelLines?.map(textOf);
    let groups = labels ? byLabel(titleLines, labels) : byPage(titleLines, pages.length);
    // sub-entries printed under one label (`1. Reactionary Socialism`, `a. Feudal Socialism`…),
    // each with its page: an entry per line
    if (labels && pages.length > 1 && pages.length !== groups?.length) groups = perLine(titleLines, labels, pages.length);
    // an entry of several lines (a title and its byline) printed as a paragraph of its own, a
    // page for each paragraph
    if (!labels && pages.length > 1 && pages.length !== groups?.length) groups = perParagraph(titles[0]!, pageInl !== undefined && !pageCell, pages.length);
    if (!groups || (pages.length > 0 && pages.length !== groups.length)) return undefined;
    // the source's link on the entry's label, else on its page number
    const sourceLink = (g: Group, k: number) => (g.line !== undefined ? ownTarget(labelLines![g.line]!) : undefined) ?? (pageLines[k] ? ownTarget(pageLines[k]) : undefined);
    const first = titles[0]!.blocks.find((b) => b.type === 'paragraph' && b.pos);
    const pos = first?.type === 'paragraph' ? first.pos : undefined;
    const entries = groups.map((g, k): Entry => {
      const target = sourceLink(g, k);
      return { ...(g.label ? { label: g.label } : {}), title: g.title, ...(pages[k] ? { page: pages[k] } : {}), ...(target ? { target } : {}), entries: [], ...(pos ? { pos } : {}) };
    });
    // the column the row's text starts in: a row indented past the one before is its sub-entries
    const column = row.slice(0, row.indexOf(cells[0]!)).reduce((n, c) => n + (c.cols ?? 1), 0);
    while (open.length > 0 && open.at(-1)!.column >= column) open.pop();
    (open.at(-1)?.entry.entries ?? top).push(...entries);
    open.push({ column, entry: entries.at(-1)! });
  }
  return top.length > 0 ? top : undefined;
}

interface Group {
  label?: string;
  /** The label's line in its cell. */
  line?: number;
  title: Line;
}

/** Title lines grouped by the label lines beside them (a label starts an entry); where the
 * columns do not line up but there are as many labels as title lines, one entry per line (a title
 * the transcriber ran onto one line, while the label column kept the print's blank line). */
function byLabel(titleLines: Line[], labels: string[]): Group[] | undefined {
  const full = titleLines.filter((l) => textOf(l));
  const printed = labels.filter(Boolean);
  if (labels.slice(titleLines.length).some(Boolean)) {
    const at = labels.flatMap((l, i) => (l ? [i] : []));
    return at.length === full.length ? full.map((title, k) => ({ label: labels[at[k]!]!, line: at[k]!, title })) : undefined;
  }
  const groups: { label?: string; line?: number; lines: Line[] }[] = [];
  titleLines.forEach((l, i) => {
    if (i === 0 || labels[i]) groups.push({ ...(labels[i] ? { label: labels[i], line: i } : {}), lines: [l] });
    else groups.at(-1)!.lines.push(l);
  });
  const out = groups.map((g) => ({ ...(g.label ? { label: g.label, line: g.line } : {}), title: joinLines(g.lines) }));
  return out.every((g) => textOf(g.title)) ? out : undefined;
}

/** An entry per title line, with the label beside it, when there is a page for each line. */
function perLine(titleLines: Line[], labels: string[], pages: number): Group[] | undefined {
  if (titleLines.some((l) => !textOf(l)) || titleLines.length !== pages || labels.length > titleLines.length) return undefined;
  return titleLines.map((title, i) => ({ ...(labels[i] ? { label: labels[i], line: i } : {}), title }));
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

/** Leader dots at a title line's end (`Famine Is Approaching . . . .`): its entry ends there. */
const LEADERS = /\.\s+\.\s*$/;

/**
 * Without labels: a line per entry when the pages say so; else, where the lines end in leader
 * dots, an entry per run of lines up to the dots (`Government Disruption of the Work of the
 * Democratic` / `Organisations . . .`) when that gives an entry per page; else the row is one entry.
 */
function byPage(titleLines: Line[], pages: number): Group[] | undefined {
  const full = titleLines.filter((l) => textOf(l));
  if (full.length === 0) return undefined;
  if (pages > 1 && pages === full.length) return full.map((title) => ({ title }));
  if (pages > 1 && LEADERS.test(textOf(full.at(-1)!))) {
    const runs: Line[][] = [];
    let ended = true;
    const capitals = (l: Line) => !/\p{Ll}/u.test(textOf(l));
    for (const l of full) {
      // a line in capitals over one in small letters (`PART ONE` over `The Famine . . .`) is a
      // heading of its own, not a title run over two lines: no entry per page then
      if (!ended && capitals(runs.at(-1)!.at(-1)!) !== capitals(l)) return undefined;
      if (ended) runs.push([l]);
      else runs.at(-1)!.push(l);
      ended = LEADERS.test(textOf(l));
    }
    if (runs.length === pages) return runs.map((run) => ({ title: joinLines(run) }));
  }
  return pages <= 1 ? [{ title: joinLines(titleLines) }] : undefined;
}

/** The entries as a contents list, each title linked to its division where one is found. */
function contentsList(entries: Entry[], link: LinkEntry, pos: Table['pos']): List {
  const item = (e: Entry): ListItem => {
    const blocks: Block[] = [{ type: 'paragraph', children: link(e.title, e.target, e.label).title, ...(e.pos ? { pos: e.pos } : {}) }];
    if (e.entries.length > 0) blocks.push(contentsList(e.entries, link, undefined));
    return { ...(e.label ? { label: e.label } : {}), ...(e.page ? { page: e.page } : {}), blocks };
  };
  return { type: 'list', kind: 'contents', items: entries.map(item), ...(pos ? { pos } : {}) };
}
