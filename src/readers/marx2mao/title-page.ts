/**
 * A book's printed title page, as marx2mao sets it: a table beside the cover image holding the
 * author (`<H2>V. I. LENIN</H2>`), the title (`<H1>`), a subtitle, the publisher, place and year and
 * the edition statements, a line each. Each line is kept as printed (its casing too) and said for
 * what it is; the TEI writer makes it a `titlePage` (`docAuthor`, `docTitle`, `docEdition`,
 * `docImprint`). The title block's facts in the header are read elsewhere (title-block.ts).
 */
import type { Figure, TitlePage, TitlePageLine } from '../../model/types.js';
import { readDate } from './dates.js';
import { childrenOf, collapse, isText, positionOf, startOffset, tag, type Element, type Node } from './dom.js';

const BREAKS = new Set(['br', 'p', 'div', 'center', 'td', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EDITION = /\b(edition|printing|impression|reprint(ed)?)\b/i;
const PUBLISHER = /\b(press|publishers?|publishing|verlag)\b/i;
/** `PEKING 1970`, `Moscow, 1952`: a place and the year. */
const PLACE_YEAR = /^(\p{Lu}[\p{L} .'-]*?),?\s+(\d{4})$/u;

interface RawLine {
  text: string;
  level: number;
}

/** The lines of an element: text split at line breaks and block tags, with the heading level they stand in (0: none). */
function linesOf(root: Node): RawLine[] {
  const out: RawLine[] = [{ text: '', level: 0 }];
  const open = (level: number) => {
    if (out.at(-1)!.text.trim()) out.push({ text: '', level });
    else out.at(-1)!.level = level;
  };
  const walk = (n: Node, level: number) => {
    if (isText(n)) {
      const line = out.at(-1)!;
      if (n.value.trim() && !line.text.trim()) line.level = level;
      line.text += n.value;
      return;
    }
    const t = tag(n);
    if (t === 'img' || t === '#comment') return;
    const h = /^h([1-6])$/.exec(t);
    const inner = h ? Number(h[1]) : level;
    if (BREAKS.has(t)) open(inner);
    for (const c of childrenOf(n)) walk(c, inner);
    if (BREAKS.has(t)) open(level);
  };
  walk(root, 0);
  return out.map((l) => ({ text: collapse(l.text).trim(), level: l.level })).filter((l) => l.text);
}

/** Lines in a row set in one heading are one part of the page (a subtitle over three lines). */
function groups(raw: RawLine[]): { lines: string[]; level: number }[] {
  const out: { lines: string[]; level: number }[] = [];
  for (const l of raw) {
    const last = out.at(-1);
    if (last && l.level > 0 && last.level === l.level) last.lines.push(l.text);
    else out.push({ lines: [l.text], level: l.level });
  }
  return out;
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
  // the title: the part in the largest heading; the author: a heading before it
  const levels = parts.filter((p) => p.level > 0).map((p) => p.level);
  if (levels.length === 0) return undefined;
  const at = parts.findIndex((p) => p.level === Math.min(...levels));
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
