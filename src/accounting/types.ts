/**
 * The accounting's data: an inventory of one raw source (taken without the readers' code), the
 * facts of the TEI produced, and their comparison (the report's `fidelity` section).
 */
import type { SourcePosition } from '../model/types.js';

/** Where the words of a text are: the running text, the notes after it, the notes at the page foot. */
export type Region = 'body' | 'endnotes' | 'foot';
export const REGIONS: readonly Region[] = ['body', 'endnotes', 'foot'];

/** A region's code in a WordList (its index in REGIONS). */
export const REGION_CODE: Readonly<Record<Region, number>> = { body: 0, endnotes: 1, foot: 2 };

/**
 * Words in order, as parallel typed arrays of numbers: a string, an object or even a slot of a
 * plain array per word would cost more (in growth and garbage collection) than the whole
 * comparison. `h` is a 53-bit hash of the lower-cased word (what the alignment compares), `region`
 * the code of its region (REGION_CODE; regionOf names it), `at` where it starts in `text` (for
 * source words: the decoded source, whose offsets give line and column). Each array is a view of
 * exactly the list's length over a larger buffer that appendWords grows. The word itself is taken
 * out only to be shown (wordText).
 */
export interface WordList {
  h: Float64Array;
  region: Uint8Array;
  at: Int32Array;
  text: string;
}

export const wordList = (text = ''): WordList => ({ h: new Float64Array(0), region: new Uint8Array(0), at: new Int32Array(0), text });

/** The region of word k of a list. */
export const regionOf = (list: WordList, k: number): Region => REGIONS[list.region[k]!]!;

/**
 * Make room for `more` words after the list's current ones: returns the arrays to write words
 * length…length+more-1 into (views over the same buffers, longer than the list), to be cut to
 * the list's new length by endWords. Buffers grow by doubling, so appends cost no copying per word.
 */
export function reserveWords(list: WordList, more: number): { h: Float64Array; region: Uint8Array; at: Int32Array } {
  const need = list.h.length + more;
  const capacity = list.h.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT;
  if (need <= capacity) {
    return { h: new Float64Array(list.h.buffer, 0, need), region: new Uint8Array(list.region.buffer, 0, need), at: new Int32Array(list.at.buffer, 0, need) };
  }
  const size = Math.max(need, 2 * capacity, 256);
  const h = new Float64Array(size);
  const region = new Uint8Array(size);
  const at = new Int32Array(size);
  h.set(list.h);
  region.set(list.region);
  at.set(list.at);
  return { h, region, at };
}

/** The list cut to its `length` words, over the arrays reserveWords gave. */
export function endWords(list: WordList, arrays: { h: Float64Array; region: Uint8Array; at: Int32Array }, length: number): void {
  list.h = new Float64Array(arrays.h.buffer, 0, length);
  list.region = new Uint8Array(arrays.region.buffer, 0, length);
  list.at = new Int32Array(arrays.at.buffer, 0, length);
}

// a stray control character inside a word does not end it (the inventory joins the word around it)
const WORD_AT = /[\p{L}\p{N}]+(?:(?:['’]|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]+)[\p{L}\p{N}]+)*/uy;
/** C0 control characters (and DEL) other than tab, line feed and carriage return: no letter and no
 * space (a stray DLE in «o\x10krug»), so a word runs on through them. */
export const CONTROL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]+/g;
/** The lower-cased word k of a list (as the text has it at that offset, entities and all). */
export const wordText = (list: WordList, k: number): string => {
  WORD_AT.lastIndex = list.at[k]!;
  return (WORD_AT.exec(list.text)?.[0] ?? '').replace(CONTROL_CHARS, '').toLowerCase();
};

/** Every word of a list as text (for messages and tests). */
export const wordTexts = (list: WordList, from = 0, to = list.h.length): string[] => {
  const out: string[] = [];
  for (let k = from; k < to; k++) out.push(wordText(list, k));
  return out;
};

export interface SourceMarker {
  /** The page number as printed (`277`, `57`, `xii`). */
  n: string;
  /** A remark printed with the marker (`blank`, `facsimile`). */
  remark?: string;
  pos: SourcePosition;
}

export interface SourceNote {
  /** The label as printed (`7`, `111a`, `*`). */
  label: string;
  /** The note's anchor name in the source (`en7`, `n7`), when it has one. */
  key?: string;
  place: 'end' | 'foot';
  pos: SourcePosition;
}

export interface SourceNoteRef {
  /** The label as printed at the reference (`7`, `*`). */
  label: string;
  /** The anchor name it links to (`en7`, `n7`), when it is linked. */
  key?: string;
  place: 'end' | 'foot';
  pos: SourcePosition;
}

/** What the title block states. */
export interface TitleFacts {
  /** Words of the whole title block (the title and author are among them). */
  words: string[];
  volume?: string;
  pageFrom?: string;
  pageTo?: string;
  pos: SourcePosition;
}

/** A stretch of a text: [start, end) offsets. */
export type Span = readonly [number, number];

/** Everything one raw source gives, by the accounting's own reading. */
export interface Inventory {
  file: string;
  format: string;
  markers: SourceMarker[];
  notes: SourceNote[];
  refs: SourceNoteRef[];
  /** Body and endnote words in document order (one stream: notes can sit between documents). */
  mainWords: WordList;
  /** Where the source's tables are, as [start, end) offsets of mainWords' text: within a table the
   * words are compared as a multiset (see tables.ts). */
  tables?: Span[];
  /** Page-foot note words in source order. */
  footWords: WordList;
  title: TitleFacts;
  /** Offset → line/column in this source. */
  position(offset: number): SourcePosition;
}

export type RegionCounts = Record<Region, number>;

export interface FidelityCounts {
  pages: number;
  notes: number;
  noteRefs: number;
  words: RegionCounts;
}

export type UnaccountedKind = 'page' | 'note' | 'noteref' | 'words' | 'added-words' | 'title' | 'author' | 'volume' | 'page-range';

export interface Unaccounted {
  kind: UnaccountedKind;
  message: string;
  pos: SourcePosition;
}

/** The accounting of one source against the TEI. */
export interface SourceFidelity {
  file: string;
  format: string;
  role: 'base' | 'witness';
  source: FidelityCounts;
  tei: FidelityCounts;
  /** Share of the source's words found, in order, in the TEI (1 = all). */
  recall: RegionCounts;
  /** Share of the TEI's words found, in order, in the source (1 = all). */
  precision: RegionCounts;
  /** Repairs the conversion declared at this source (a repeated marker dropped, a paragraph
   * rejoined, a page break supplied): they account for what they say, and are not unaccounted. */
  repaired: number;
  unaccounted: Unaccounted[];
}

export interface Fidelity {
  sources: SourceFidelity[];
  /** Sources whose format has no inventory yet (they are not accounted for). */
  notAccounted: string[];
  unaccounted: number;
}
