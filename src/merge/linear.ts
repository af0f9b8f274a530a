/**
 * An edition laid out as one running text, for word alignment: every flow of inlines (heading,
 * paragraph, dateline, note paragraph…) in document order, body then notes, with
 * - the word tokens and their offsets,
 * - the text nodes behind each stretch of characters (to insert a page break at any character),
 * - every page break with its offset (inline, or between blocks).
 * Zero-width things (anchors) take no room; a note reference, a line break and a page break between
 * words take a space, so that they separate words; a break inside a word takes none, so the two
 * halves (`over` | `looking`) make one word again.
 */
import { inlineNotes } from '../model/walk.js';
import type { Block, Inline, Note, NotesSection, PageBreak, SourcePosition, Text } from '../model/types.js';

export interface Flow {
  /** The inline list of the block (the place to insert inline page breaks). */
  inlines: Inline[];
  /** The block list holding this block, and the block (to insert a PageBreakBlock before it). */
  container: Block[];
  block: Block;
  /** When the block opens a note: the notes section items and the note (a break goes before the note). */
  note?: { items: NotesSection['items']; note: Note };
  kind: Block['type'];
  section: 'body' | 'notes';
  start: number;
  end: number;
  pos?: SourcePosition;
}

export interface Segment {
  start: number;
  end: number;
  node: Text;
  parent: Inline[];
}

export interface Token {
  word: string;
  start: number;
  end: number;
  flow: number;
}

export interface PlacedBreak {
  pb: PageBreak;
  offset: number;
  /** Stands between blocks (a PageBreakBlock) rather than inside a flow. */
  between: boolean;
  flow: number;
}

export interface Linear {
  text: string;
  flows: Flow[];
  segments: Segment[];
  tokens: Token[];
  breaks: PlacedBreak[];
  /** Every zero-width anchor with its offset (a reprint's split marks, named points). */
  anchors: { id: string; offset: number }[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The comparison form of a word: NFC, typographic apostrophe as straight. */
export function wordKey(w: string): string {
  return w.normalize('NFC').replace(/’/g, "'");
}

export function linearise(body: Block[], notes?: NotesSection): Linear {
  const lin: Linear = { text: '', flows: [], segments: [], tokens: [], breaks: [], anchors: [] };
  let text = '';
  const inlines = (list: Inline[], flow: number) => {
    list.forEach((n) => {
      switch (n.type) {
        case 'text':
          lin.segments.push({ start: text.length, end: text.length + n.value.length, node: n, parent: list });
          text += n.value;
          break;
        case 'norm':
          text += n.orig;
          break;
        case 'emph':
        case 'date':
        case 'link':
          inlines(n.children, flow);
          break;
        case 'pb':
          lin.breaks.push({ pb: n, offset: text.length, between: false, flow });
          if (n.wordBreak === 'none') text += ' ';
          break;
        case 'anchor':
          lin.anchors.push({ id: n.id, offset: text.length });
          break;
        default:
          text += ' ';
      }
    });
  };
  const blocks = (list: Block[], section: Flow['section'], note?: Flow['note']) => {
    list.forEach((b, i) => {
      const opensNote = note && i === 0 ? note : undefined;
      if (b.type === 'pbBlock') lin.breaks.push({ pb: b.pb, offset: text.length, between: true, flow: lin.flows.length });
      else if ('children' in b) {
        const flow: Flow = { inlines: b.children, container: list, block: b, kind: b.type, section, start: text.length, end: 0, ...(b.pos ? { pos: b.pos } : {}), ...(opensNote ? { note: opensNote } : {}) };
        lin.flows.push(flow);
        inlines(b.children, lin.flows.length - 1);
        flow.end = text.length;
        text += '\n';
        // a foot note inside the paragraph (InlineNote): its own flows, after the paragraph's
        for (const n of inlineNotes(b.children)) blocks(n.blocks, section);
      } else if (b.type === 'noteBlock') blocks(b.note.blocks, section);
      else if ('blocks' in b) blocks(b.blocks, section);
      else if (b.type === 'list') b.items.forEach((it) => blocks(it.blocks, section));
      else if (b.type === 'table') b.rows.flat().forEach((c) => blocks(c.blocks, section));
    });
  };
  blocks(body, 'body');
  for (const item of notes?.items ?? []) {
    if ('type' in item) lin.breaks.push({ pb: item.pb, offset: text.length, between: true, flow: lin.flows.length });
    else blocks(item.blocks, 'notes', { items: notes!.items, note: item });
  }
  lin.text = text;
  let flow = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index!;
    while (flow < lin.flows.length - 1 && lin.flows[flow]!.end < start) flow++;
    lin.tokens.push({ word: wordKey(m[0]), start, end: start + m[0].length, flow });
  }
  return lin;
}

/** Index of the token at or after `offset` (tokens.length at the end), and the offset inside it. */
export function tokenAt(lin: Linear, offset: number): { token: number; inside: number } {
  let lo = 0;
  let hi = lin.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lin.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const t = lin.tokens[lo];
  return { token: lo, inside: t && offset > t.start ? offset - t.start : 0 };
}
