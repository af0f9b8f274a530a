/**
 * The raw source as text, with positions: bytes decoded, offsets turned into line and column, and
 * the words of an HTML fragment taken with the offset each starts at. Written for the accounting
 * alone (no reader code), so that a reader's bug cannot hide itself here.
 */
import { decodeHTML } from 'entities';
import type { SourcePosition } from '../model/types.js';
import { CONTROL_CHARS, wordList, type Region, type WordList } from './types.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('windows-1252');
/** What windows-1252 has at 0x80–0x9F, as browsers show it (ƒ, Š, Œ, ‹, —…; the five unassigned
 * bytes stay as they are): Node's decoder without full ICU gives C1 control characters there. */
const CP1252_HIGH = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** UTF-8 when the bytes are valid UTF-8 (ASCII is), else windows-1252 (marx2mao's Latin-1). */
export function decodeSource(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return LATIN1.decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
}

/** offset → 1-based line and column, by a binary search over the line starts. */
export function positioner(text: string, file: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Replace the matches with spaces (newlines kept), so that every offset stays where it was. */
export function blank(text: string, pattern: RegExp): string {
  const parts: string[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(at, m.index), blanked(m[0]));
    at = m.index + m[0].length;
  }
  if (at === 0) return text;
  parts.push(text.slice(at));
  return parts.join('');
}

/** Spaces for the characters of `s`, its newlines kept. */
export function blanked(s: string): string {
  return s.includes('\n') ? s.replace(/[^\n]/g, ' ') : ' '.repeat(s.length);
}

/** A word: letters and digits with inner apostrophes; punctuation, quotes and dashes are not words. */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Length of the letter or digit (1 or 2 UTF-16 units) at i, 0 when there is none. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  if (c !== c || c === 0x2019) return 0;
  const cp = s.codePointAt(i)!;
  const len = cp > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(s.slice(i, i + len)) ? len : 0;
}

/**
 * Call `each(start, end)` for every word of `s` (the same words as WORD, found by a scan of char
 * codes: the Unicode-property regular expression is several times slower on long pages).
 */
export function scanWords(s: string, each: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let k = wordCharAt(s, i);
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    i += k;
    for (;;) {
      while (i < n && (k = wordCharAt(s, i)) > 0) i += k;
      const c = s.charCodeAt(i);
      if ((c === 39 || c === 0x2019) && i + 1 < n && wordCharAt(s, i + 1) > 0) i += 1;
      else break;
    }
    each(start, i);
  }
}

/** A 53-bit hash of s[start, end) (two 32-bit FNV-1a-style hashes): equal words, equal hashes;
 * two different words of a page colliding is as likely as a stray cosmic ray. */
export function hashWord(s: string, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Append the words of `text` (already NFC) to a list, hashed lower-cased, with region and offset. */
export function addWords(list: WordList, text: string, region: Region | ((i: number) => Region), at: (i: number) => number): void {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text; // rare (e.g. İ): hashes then keep the case
  const { h, region: regions, at: offsets } = list;
  if (typeof region === 'string') {
    scanWords(text, (i, e) => {
      h.push(hashWord(lower, i, e));
      regions.push(region);
      offsets.push(at(i));
    });
  } else {
    scanWords(text, (i, e) => {
      h.push(hashWord(lower, i, e));
      regions.push(region(i));
      offsets.push(at(i));
    });
  }
}

/** Lower-cased words of plain text (for titles and TEI text). */
export function words(text: string): string[] {
  const out: string[] = [];
  const s = text.normalize('NFC');
  scanWords(s, (a, b) => out.push(s.slice(a, b).toLowerCase()));
  return out;
}


/** Inline elements do not separate words (`<B>T</B>HE` is one word); every other tag does. */
const INLINE = new Set(['a', 'b', 'i', 'u', 'em', 'strong', 'font', 'sup', 'sub', 'span', 'small', 'big', 'tt', 's', 'strike', 'cite', 'abbr', 'acronym', 'code', 'var', 'kbd', 'q']);
const SKIPPED = new Set(['title', 'script', 'style']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\/?([A-Za-z][A-Za-z0-9]*)\b[^>]*>?|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;

/**
 * The words of `html[from, to)` as a browser shows them (entities decoded, tags out, the content
 * of title, script and style skipped), each with the offset of its first character in `html`.
 */
export function htmlWords(html: string, from: number, to: number, region: Region, out: WordList = wordList(html)): WordList {
  // the visible text, and where each of its pieces starts in the source
  let text = '';
  const pieceText: number[] = [];
  const pieceSource: number[] = [];
  const piece = (s: string, at: number) => {
    if (!s) return;
    // a stray control character (DLE in «o\x10krug») is no letter and no space: the TEI drops it
    // and the word stays whole, so the pieces around it join
    // (cp1252's punctuation, ‹ at 0x8b, separates words; its letters, ƒ at 0x83, are letters)
    if (s.search(CONTROL_CHARS) >= 0) {
      let from = 0;
      for (const m of s.matchAll(CONTROL_CHARS)) {
        piece(s.slice(from, m.index), at + from);
        from = m.index + m[0].length;
      }
      piece(s.slice(from), at + from);
      return;
    }
    pieceText.push(text.length);
    pieceSource.push(at);
    text += s;
  };
  let at = from;
  let skipUntil: string | undefined;
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(html); m && m.index < to; m = TOKEN.exec(html)) {
    if (!skipUntil) piece(html.slice(at, m.index), at);
    at = m.index + m[0].length;
    const tag = m[1]?.toLowerCase();
    if (m[0][0] === '&') {
      if (!skipUntil) piece(decodeHTML(m[0]), m.index);
    } else if (tag) {
      const closing = m[0][1] === '/';
      if (skipUntil) {
        if (closing && tag === skipUntil) skipUntil = undefined;
      } else if (!closing && SKIPPED.has(tag)) skipUntil = tag;
      else if (!INLINE.has(tag)) piece(' ', m.index);
    } else if (!skipUntil) piece(' ', m.index);
  }
  if (!skipUntil && at < to) piece(html.slice(at, to), at);
  const normal = text.normalize('NFC');
  // NFC can shorten the text (rare: decomposed accents); positions are then those of the piece
  const exact = normal.length === text.length;
  let p = 0;
  addWords(out, normal, region, (i) => {
    while (p + 1 < pieceText.length && pieceText[p + 1]! <= i) p++;
    return exact ? pieceSource[p]! + (i - pieceText[p]!) : pieceSource[p]!;
  });
  return out;
}

/** A word is an endnote's when the last thing before it is a note's anchor, not a note's end. */
export function classifyEndnoteWords(list: WordList, starts: number[], ends: number[]): void {
  const events = [...starts.map((at) => ({ at, open: true })), ...ends.map((at) => ({ at, open: false }))].sort((a, b) => a.at - b.at);
  let e = 0;
  let open = false;
  for (let i = 0; i < list.at.length; i++) {
    while (e < events.length && events[e]!.at <= list.at[i]!) open = events[e++]!.open;
    if (open) list.region[i] = 'endnotes';
  }
}

