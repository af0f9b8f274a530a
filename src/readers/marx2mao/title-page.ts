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

/** The type size of running text (HTML's size 3): larger by `+n`, smaller by `-n`, or set as 1-7. */
const NORMAL_SIZE = 3;
/** From size 5 (`+2`) on, type is set as large as a heading. */
const LARGE_SIZE = 5;

interface RawLine {
  text: string;
  level: number;
  /** The type size (1-7) the line starts in: a title set in large type, not in a heading (`<FONT SIZE=+3>`). */
  size: number;
  /** The line begins after a paragraph or block (not a single line break): a part of its own. */
  apart: boolean;
  /** The italic element the line starts in: lines broken in one `<I>` are one part (a subtitle with its date). */
  italic?: Node;
}

/** The type size inside `n`, `inherited` outside it: the innermost FONT with a size decides. */
function sizeIn(n: Node, inherited: number): number {
  const size = tag(n) === 'font' ? attr(n, 'size')?.replace(/\s+/g, '') : undefined;
  const m = size ? /^([+-]?)(\d)$/.exec(size) : null;
  if (!m) return inherited;
  const value = m[1] === '+' ? NORMAL_SIZE + Number(m[2]) : m[1] === '-' ? NORMAL_SIZE - Number(m[2]) : Number(m[2]);
  return Math.min(7, Math.max(1, value));
}

/**
 * The lines of an element: text split at line breaks and block tags, with the heading level they
 * stand in (0: none), their type size, whether a block or paragraph sets them apart, and the
 * italic element they start in.
 */
function linesOf(root: Node): RawLine[] {
  interface Context {
    level: number;
    size: number;
    italic?: Node;
  }
  const out: RawLine[] = [{ text: '', level: 0, size: NORMAL_SIZE, apart: true }];
  const open = (ctx: Context, hard: boolean) => {
    const line = out.at(-1)!;
    if (line.text.trim()) out.push({ text: '', level: ctx.level, size: ctx.size, apart: hard });
    else Object.assign(line, { level: ctx.level, size: ctx.size, apart: line.apart || hard });
  };
  const walk = (n: Node, ctx: Context) => {
    if (isText(n)) {
      const line = out.at(-1)!;
      if (n.value.trim() && !line.text.trim()) Object.assign(line, { level: ctx.level, size: ctx.size, italic: ctx.italic });
      line.text += n.value;
      return;
    }
    const t = tag(n);
    if (t === 'img' || t === '#comment') return;
    const h = /^h([1-6])$/.exec(t);
    const inner: Context = {
      level: h ? Number(h[1]) : ctx.level,
      size: sizeIn(n, ctx.size),
      italic: ctx.italic ?? (t === 'i' || t === 'em' ? n : undefined),
    };
    if (BREAKS.has(t)) open(inner, t !== 'br');
    for (const c of childrenOf(n)) walk(c, inner);
    if (BREAKS.has(t)) open(ctx, t !== 'br');
  };
  walk(root, { level: 0, size: NORMAL_SIZE });
  return out
    .map((l) => ({ ...l, text: collapse(l.text).trim() }))
    .filter((l) => l.text);
}

interface Part {
  lines: string[];
  level: number;
  /** The largest type size of its lines. */
  size: number;
}

const isLarge = (x: { level: number; size: number }): boolean => x.level === 0 && x.size >= LARGE_SIZE;

/**
 * Lines in a row set in one heading are one part of the page (a subtitle over three lines), and so
 * are lines in large type broken by line breaks only (`ECONOMIC PROBLEMS` / `OF` / `SOCIALISM`,
 * sizes mixed; a paragraph sets the author's name apart from the title) and lines broken inside
 * one italic element (`A Lecture Delivered` / `at the Sverdlov University,` / `July 11, 1919`).
 */
function groups(raw: RawLine[]): Part[] {
  const out: (Part & { italic?: Node })[] = [];
  for (const l of raw) {
    const last = out.at(-1);
    // (the publisher, place and year or edition are a part each, in italics together too)
    const italicRun = l.italic !== undefined && l.italic === last?.italic && ![l.text, last.lines.at(-1)!].some(isImprintLine);
    const joins =
      last && ((l.level > 0 && last.level === l.level) || (l.level === 0 && last.level === 0 && ((isLarge(l) && isLarge(last) && !l.apart) || italicRun)));
    if (joins) {
      last.lines.push(l.text);
      last.size = Math.max(last.size, l.size);
    } else out.push({ lines: [l.text], level: l.level, size: l.size, ...(l.italic ? { italic: l.italic } : {}) });
  }
  return out.map(({ lines, level, size }) => ({ lines, level, size }));
}

/** A line of the imprint or an edition statement: the press, its place and year, a printing. */
function isImprintLine(text: string): boolean {
  return EDITION.test(text) || PUBLISHER.test(text) || PLACE_YEAR.test(text);
}

/**
 * Where the title is: the part in the largest heading; but where that heading is the page's first
 * and names the author (in capitals, a few words: `V. I. LENIN`, `J. V.` / `STALIN`), a part in
 * large type after it is the title (TS19, EPS52). Under an author's heading, a title in capitals in
 * a larger heading stays the title, whatever type follows it. With no heading, the title is the
 * part in large type that is the work's title, else the part in the largest type (ESC76ii:
 * `Louis Althusser` in size 5, then `Essays in` / `Self-Criticism` in 6).
 */
function titleIndex(parts: Part[], workTitle?: string): number | undefined {
  const levels = parts.filter((p) => p.level > 0).map((p) => p.level);
  if (levels.length === 0) {
    // the part that is the work's title as the title block gives it; else the largest, the
    // later of two as large (the author's name is set over the title)
    const letters = (t: string) => t.toLowerCase().replace(/[^\p{L}]+/gu, '');
    const named = workTitle ? parts.findIndex((p) => isLarge(p) && letters(p.lines.join(' ')) === letters(workTitle)) : -1;
    if (named >= 0) return named;
    const largest = Math.max(...parts.filter(isLarge).map((p) => p.size));
    for (let k = parts.length - 1; k >= 0; k--) if (isLarge(parts[k]!) && parts[k]!.size === largest) return k;
    return undefined;
  }
  const at = parts.findIndex((p) => p.level === Math.min(...levels));
  const next = parts[at + 1];
  const heading = parts[at]!.lines.join(' ');
  const nameLike = !/\p{Ll}/u.test(heading) && heading.split(/\s+/).length <= 5 && !parts.slice(0, at).some((p) => p.level > 0);
  return next && isLarge(next) && nameLike ? at + 1 : at;
}

/**
 * The title page of the cover's table, if the page has one (a table before `end` holding the
 * cover image and lines of text); `cover` is kept in it.
 */
export function readTitlePage(body: Node, end: number, cover: Figure | undefined, file: string, workTitle?: string): TitlePage | undefined {
  if (!cover) return undefined;
  const table = findTable(body, end);
  if (!table) return undefined;
  const parts = groups(linesOf(table));
  if (parts.length < 2) return undefined;
  // the title (titleIndex); the author: a heading before it, or on a page set in type only, a
  // part in large type before it (a smaller line there is a series' or a subtitle's)
  const at = titleIndex(parts, workTitle);
  if (at === undefined) return undefined;
  const typeOnly = !parts.some((p) => p.level > 0);
  const lines: TitlePageLine[] = parts.map((p, i) => {
    if (i === at) return { role: 'title', text: p.lines };
    let role = roleOf(p.lines.join(' '), p.level, i < at);
    if (role === 'author' && typeOnly && !isLarge(p)) role = 'subtitle';
    return { role, text: p.lines, ...(role === 'imprint' ? placeAndYear(p.lines.join(' ')) : {}) };
  });
  return { type: 'titlePage', lines, cover, pos: positionOf(table, file) };
}

/** A statement of who else had a hand in the book (`Translated by Grahame Lock`, `Edited by …`). */
const BYLINE = /^(?:(?:translated|edited|compiled|selected|introduced)(?: (?:and|with) \w+)*(?: from the \w+)?|with an? (?:introduction|preface|foreword)) by\s+\S/i;

function roleOf(text: string, level: number, beforeTitle: boolean): TitlePageLine['role'] {
  if (beforeTitle && level > 0) return 'author';
  if (BYLINE.test(text)) return 'byline';
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
