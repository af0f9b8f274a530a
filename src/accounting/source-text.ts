/**
 * The raw source as text, with positions: bytes decoded, offsets turned into line and column, and
 * the words of an HTML fragment taken with the offset each starts at. Written for the accounting
 * alone (no reader code), so that a reader's bug cannot hide itself here.
 */
import { decodeHTML } from 'entities';
import type { SourcePosition } from '../model/types.js';
import { CONTROL_CHARS, endWords, REGION_CODE, reserveWords, wordList, type Region, type WordList } from './types.js';

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
/** Whether each BMP code unit from 128 up is a letter or digit, learnt on first sight (0 not yet
 * known, 1 yes, 2 no): the Unicode-property test costs a string and a regular expression each. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);

/** Length of the letter or digit (1 or 2 UTF-16 units) at i, 0 when there is none. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  if (c !== c || c === 0x2019) return 0;
  if (c < 0xd800 || c > 0xdfff) {
    let known = BMP_WORD_CHAR[c]!;
    if (known === 0) BMP_WORD_CHAR[c] = known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    return known === 1 ? 1 : 0;
  }
  const cp = s.codePointAt(i)!;
  const len = cp > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(s.slice(i, i + len)) ? len : 0;
}

/** Where the word that starts at `start` (a letter or digit) ends: letters and digits, joined by
 * single inner apostrophes (the same words as WORD, by a scan of char codes: the Unicode-property
 * regular expression is several times slower on long pages). */
function wordEnd(s: string, start: number): number {
  const n = s.length;
  let i = start;
  let k: number;
  for (;;) {
    while (i < n && (k = wordCharAt(s, i)) > 0) i += k;
    const c = s.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && i + 1 < n && wordCharAt(s, i + 1) > 0) i += 1;
    else return i;
  }
}

/** Call `each(start, end)` for every word of `s` (the words of WORD). */
export function scanWords(s: string, each: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (wordCharAt(s, i) === 0) {
      i++;
      continue;
    }
    const end = wordEnd(s, i);
    each(i, end);
    i = end;
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

/** Each BMP code unit's lower case, learnt on first sight (0 not yet known; NO_LOWER when it is not
 * one code unit by itself: a length change as İ's, the final-sigma rule of Σ, a surrogate). */
const LOWER_UNIT = new Uint16Array(0x10000);
const NO_LOWER = 0xffff;

function lowerUnit(c: number): number {
  let l = LOWER_UNIT[c]!;
  if (l === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    const single = lower.length === 1 && c !== 0x3a3 && (c < 0xd800 || c > 0xdfff);
    LOWER_UNIT[c] = l = single ? lower.charCodeAt(0) : NO_LOWER;
  }
  return l;
}

/** 1 for the ASCII letters and digits. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

/**
 * The words of `text` (those of WORD) into h (hashWord of each word of text.toLowerCase()) and
 * offsets (where each starts in `text`) from index `count` on, in one pass that finds and hashes
 * each word, lower-casing unit by unit: the number of words then, or -1 when a unit has no lower
 * case of its own (lowerUnit) and only the whole string's lower case says.
 */
function scanLowerWords(text: string, h: Float64Array, offsets: Int32Array, count: number): number {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 < 128 ? ASCII_WORD[c0] === 0 : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (;;) {
      while (i < n) {
        let c = text.charCodeAt(i);
        if (c < 128) {
          if (ASCII_WORD[c] === 0) break;
          if (c >= 65 && c <= 90) c += 32;
          i++;
        } else {
          if (wordCharAt(text, i) === 0) break;
          if ((c = lowerUnit(c)) === NO_LOWER) return -1; // surrogate pairs too
          i++;
        }
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
      }
      // an inner apostrophe (its own lower case) joins the letters after it
      const c = text.charCodeAt(i);
      if ((c === 39 || c === 0x2019) && i + 1 < n && wordCharAt(text, i + 1) > 0) {
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
        i++;
      } else break;
    }
    h[count] = (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
    offsets[count++] = start;
  }
  return count;
}

/**
 * Append the words of `text` (already NFC) to a list, hashed lower-cased, with region and offset.
 * Words are found and hashed in one pass without lower-casing the text first (slow on text beyond
 * Latin-1), and with no call per word: this is the accounting's innermost loop (every word of the
 * source and of the TEI passes here).
 */
export function addWords(list: WordList, text: string, region: Region | ((i: number) => Region), at: (i: number) => number): void {
  const n = text.length;
  // at most one word in two characters (a word and what ends it)
  const arrays = reserveWords(list, (n + 1) >> 1);
  const { h, region: regions, at: offsets } = arrays;
  const first = list.h.length;
  let count = scanLowerWords(text, h, offsets, first);
  if (count < 0) {
    // hashes of the whole string's lower case (Σ, İ, a surrogate pair)
    let lower = text.toLowerCase();
    if (lower.length !== text.length) lower = text; // rare (e.g. İ): hashes then keep the case
    count = first;
    for (let i = 0; i < n; ) {
      if (wordCharAt(text, i) === 0) {
        i++;
        continue;
      }
      const end = wordEnd(text, i);
      h[count] = hashWord(lower, i, end);
      offsets[count++] = i;
      i = end;
    }
  }
  // regions and source offsets in a second pass, in order (the callers' functions move forward)
  const fixed = typeof region === 'string' ? REGION_CODE[region] : -1;
  for (let k = first; k < count; k++) {
    const start = offsets[k]!;
    regions[k] = fixed >= 0 ? fixed : REGION_CODE[(region as (i: number) => Region)(start)];
    offsets[k] = at(start);
  }
  endWords(list, arrays, count);
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
/** One control character anywhere (CONTROL_CHARS, without the global flag's state). */
const HAS_CONTROL_CHAR = new RegExp(CONTROL_CHARS.source);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\/?([A-Za-z][A-Za-z0-9]*)\b[^>]*>?|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;

/**
 * The words of `html[from, to)` as a browser shows them (entities decoded, tags out, the content
 * of title, script and style skipped), each with the offset of its first character in `html`.
 */
export function htmlWords(html: string, from: number, to: number, region: Region, out: WordList = wordList(html)): WordList {
  // the visible text, and where each of its pieces starts in the source
  // the pieces are joined once at the end (a string grown piece by piece is a rope that every
  // later pass must first flatten), and checked for control characters only when the fragment has some
  const parts: string[] = [];
  let length = 0;
  const pieceText: number[] = [];
  const pieceSource: number[] = [];
  const controls = HAS_CONTROL_CHAR.test(html.slice(from, to));
  const piece = (s: string, at: number) => {
    if (!s) return;
    // a stray control character (DLE in «o\x10krug») is no letter and no space: the TEI drops it
    // and the word stays whole, so the pieces around it join
    // (cp1252's punctuation, ‹ at 0x8b, separates words; its letters, ƒ at 0x83, are letters)
    if (controls && s.search(CONTROL_CHARS) >= 0) {
      let from = 0;
      for (const m of s.matchAll(CONTROL_CHARS)) {
        piece(s.slice(from, m.index), at + from);
        from = m.index + m[0].length;
      }
      piece(s.slice(from), at + from);
      return;
    }
    pieceText.push(length);
    pieceSource.push(at);
    parts.push(s);
    length += s.length;
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
  const normal = parts.join('').normalize('NFC');
  // NFC can shorten the text (rare: decomposed accents); positions are then those of the piece
  const exact = normal.length === length;
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
    if (open) list.region[i] = REGION_CODE.endnotes;
  }
}

