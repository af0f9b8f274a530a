/**
 * A book's printed title page, as marx2mao sets it: a table beside the cover image holding the
 * author (`<H2>V. I. LENIN</H2>`), the title (`<H1>`), a subtitle, the publisher, place and year and
 * the edition statements, a line each. Each line is kept as printed (its casing too) and said for
 * what it is; the TEI writer makes it a `titlePage` (`docAuthor`, `docTitle`, `docEdition`,
 * `docImprint`). The title block's facts in the header are read elsewhere (title-block.ts).
 */
import type { Figure, TitlePage, TitlePageLine } from '../../model/types.js';
import { readDate } from './dates.js';
import { attr, childrenOf, collapse, isText, positionOf, startOffset, tag, type Element, type Node } from './dom.js';

const BREAKS = new Set(['br', 'p', 'div', 'center', 'td', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EDITION = /\b(edition|printing|impression|reprint(ed)?)\b/i;
const PUBLISHER = /\b(press|publishers?|publishing|verlag)\b/i;
/** `PEKING 1970`, `Moscow, 1952`: a place and the year. */
const PLACE_YEAR = /^(\p{Lu}[\p{L} .'-]*?),?\s+(\d{4})$/u;

interface RawLine {
  text: string;
  level: number;
  /** Set in large type outside a heading (`<FONT SIZE=+3>`): a title set in type, not in a heading. */
  large: boolean;
  /** The italic element the line starts in: lines broken in one `<I>` are one part (a subtitle with its date). */
  italic?: Node;
}

/**
 * Whether text inside `n` is set large, `inherited` what it is outside: the innermost FONT with a
 * size decides, `+2` and larger (relative, or 5-7 absolute) being the size of a heading.
 */
function largeIn(n: Node, inherited: boolean): boolean {
  const size = tag(n) === 'font' ? attr(n, 'size')?.trim() : undefined;
  if (!size) return inherited;
  return /^\+\s*[2-7]$/.test(size) || /^[5-7]$/.test(size);
}

/**
 * The lines of an element: text split at line breaks and block tags, with the heading level they
 * stand in (0: none), whether they are in large type, and the italic element they start in.
 */
function linesOf(root: Node): RawLine[] {
  interface Context {
    level: number;
    large: boolean;
    italic?: Node;
  }
  const out: RawLine[] = [{ text: '', level: 0, large: false }];
  const open = (ctx: Context) => {
    if (out.at(-1)!.text.trim()) out.push({ text: '', level: ctx.level, large: ctx.large });
    else Object.assign(out.at(-1)!, { level: ctx.level, large: ctx.large });
  };
  const walk = (n: Node, ctx: Context) => {
    if (isText(n)) {
      const line = out.at(-1)!;
      if (n.value.trim() && !line.text.trim()) Object.assign(line, { level: ctx.level, large: ctx.large, italic: ctx.italic });
      line.text += n.value;
      return;
    }
    const t = tag(n);
    if (t === 'img' || t === '#comment') return;
    const h = /^h([1-6])$/.exec(t);
    const inner: Context = {
      level: h ? Number(h[1]) : ctx.level,
      large: largeIn(n, ctx.large),
      italic: ctx.italic ?? (t === 'i' || t === 'em' ? n : undefined),
    };
    if (BREAKS.has(t)) open(inner);
    for (const c of childrenOf(n)) walk(c, inner);
    if (BREAKS.has(t)) open(ctx);
  };
  walk(root, { level: 0, large: false });
  return out
    .map((l) => ({ ...l, text: collapse(l.text).trim() }))
    .filter((l) => l.text);
}

interface Part {
  lines: string[];
  level: number;
  large: boolean;
}

/**
 * Lines in a row set in one heading are one part of the page (a subtitle over three lines), and so
 * are lines in a row in large type (`ECONOMIC PROBLEMS` / `OF` / `SOCIALISM`, sizes mixed) and
 * lines broken inside one italic element (`A Lecture Delivered` / `at the Sverdlov University,` /
 * `July 11, 1919`).
 */
function groups(raw: RawLine[]): Part[] {
  const out: (Part & { italic?: Node })[] = [];
  for (const l of raw) {
    const last = out.at(-1);
    // (the publisher, place and year or edition are a part each, in italics together too)
    const italicRun = l.italic !== undefined && l.italic === last?.italic && ![l.text, last.lines.at(-1)!].some(isImprintLine);
    const joins =
      last && ((l.level > 0 && last.level === l.level) || (l.level === 0 && last.level === 0 && ((l.large && last.large) || italicRun)));
    if (joins) last.lines.push(l.text);
    else out.push({ lines: [l.text], level: l.level, large: l.large, ...(l.italic ? { italic: l.italic } : {}) });
  }
  return out.map(({ lines, level, large }) => ({ lines, level, large }));
}

/** A line of the imprint or an edition statement: the press, its place and year, a printing. */
function isImprintLine(text: string): boolean {
  return EDITION.test(text) || PUBLISHER.test(text) || PLACE_YEAR.test(text);
}

/**
 * Where the title is: the part in the largest heading; but where that heading is the page's first
 * and names the author (in capitals, a few words: `V. I. LENIN`, `J. V.` / `STALIN`), a part in
 * large type after it is the title (TS19, EPS52). Under an author's heading, a title in capitals in
 * a larger heading stays the title, whatever type follows it.
 */
function titleIndex(parts: Part[]): number | undefined {
  const levels = parts.filter((p) => p.level > 0).map((p) => p.level);
  if (levels.length === 0) return undefined;
  const at = parts.findIndex((p) => p.level === Math.min(...levels));
  const next = parts[at + 1];
  const heading = parts[at]!.lines.join(' ');
  const nameLike = !/\p{Ll}/u.test(heading) && heading.split(/\s+/).length <= 5 && !parts.slice(0, at).some((p) => p.level > 0);
  return next && next.level === 0 && next.large && nameLike ? at + 1 : at;
}

/**
 * The title page of the cover's table, if the page has one (a table before `end` holding the
 * cover image and lines of text); `cover` is kept in it.
 */
export function readTitlePage(body: Node, end: number, cover: Figure | undefined, file: string): TitlePage | undefined {
  if (!cover) return undefined;
  const table = findTable(body, end);
  if (!table) return undefined;
  const parts = groups(linesOf(table));
  if (parts.length < 2) return undefined;
  // the title (titleIndex); the author: a heading before it
  const at = titleIndex(parts);
  if (at === undefined) return undefined;
  const lines: TitlePageLine[] = parts.map((p, i) => {
    if (i === at) return { role: 'title', text: p.lines };
    const role = roleOf(p.lines.join(' '), p.level, i < at);
    return { role, text: p.lines, ...(role === 'imprint' ? placeAndYear(p.lines.join(' ')) : {}) };
  });
  return { type: 'titlePage', lines, cover, pos: positionOf(table, file) };
}

function roleOf(text: string, level: number, beforeTitle: boolean): TitlePageLine['role'] {
  if (beforeTitle && level > 0) return 'author';
  if (EDITION.test(text)) return 'edition';
  if (PUBLISHER.test(text)) return 'publisher';
  if (PLACE_YEAR.test(text) || readDate(text)) return 'imprint';
  return beforeTitle ? 'author' : 'subtitle';
}

/** `PEKING 1970` → place and year; a date alone → its year. */
function placeAndYear(text: string): { place?: string; year?: string } {
  const m = PLACE_YEAR.exec(text);
  if (m) return { place: m[1]!, year: m[2]! };
  const d = readDate(text);
  return d?.when ? { year: d.when.slice(0, 4) } : {};
}

function findTable(body: Node, end: number): Element | undefined {
  let found: Element | undefined;
  const walk = (n: Node) => {
    if (found || startOffset(n) >= end) return;
    if (tag(n) === 'table' && hasImage(n)) {
      found = n as Element;
      return;
    }
    for (const c of childrenOf(n)) walk(c);
  };
  walk(body);
  return found;
}

function hasImage(n: Node): boolean {
  return tag(n) === 'img' || childrenOf(n).some(hasImage);
}
