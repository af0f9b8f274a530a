/**
 * What the report counts in an edition: paragraphs, notes, note references, page breaks, and the
 * words of the reading text (regularised readings, words across `break="no"` joined), the same
 * word definition as the tests' every-word comparisons.
 */
import type { Block, Edition, Inline, PageBreak } from '../model/types.js';

export interface Counts {
  /** Paragraphs of front and body (not those inside notes). */
  paragraphs: number;
  notes: number;
  noteRefs: number;
  pageBreaks: number;
  words: number;
}

export interface PageEntry {
  n: string;
  edition: string;
  attestedBy: string[];
  wordBreak: PageBreak['wordBreak'];
  in: 'front' | 'body' | 'notes';
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function countEdition(edition: Edition): { counts: Counts; pages: PageEntry[] } {
  const counts: Counts = { paragraphs: 0, notes: 0, noteRefs: 0, pageBreaks: 0, words: 0 };
  const pages: PageEntry[] = [];
  let where: PageEntry['in'] = 'front';
  let noteDepth = 0;
  const textParts: string[] = [];

  const onPb = (pb: PageBreak): void => {
    counts.pageBreaks++;
    pages.push({ n: pb.n, edition: pb.edition, attestedBy: [...pb.attestedBy], wordBreak: pb.wordBreak, in: where });
  };
  const inlines = (list: Inline[]): string => {
    let s = '';
    for (const node of list) {
      switch (node.type) {
        case 'text': s += node.value; break;
        case 'norm': s += node.reg; break;
        case 'noteRef': counts.noteRefs++; break;
        // A word split across pages is one word; a break between words separates them.
        case 'pb': onPb(node); if (node.wordBreak === 'none') s += ' '; break;
        case 'lb': s += ' '; break;
        case 'anchor': break;
        // an image in a line (Greek words as an image) is no word the count can read
        case 'graphic': s += ' '; break;
        case 'note': counts.notes++; noteDepth++; blocks(node.note.blocks); noteDepth--; break;
        default: s += inlines(node.children);
      }
    }
    return s;
  };
  const blocks = (list: Block[]): void => {
    for (const b of list) {
      switch (b.type) {
        // Paragraphs of the text (front and body); the notes' own paragraphs are counted as notes.
        case 'paragraph': if (noteDepth === 0) counts.paragraphs++; textParts.push(inlines(b.children)); break;
        case 'preformatted': textParts.push(inlines(b.children)); break;
        case 'heading': case 'subtitle': case 'dateline': case 'byline': case 'salute': case 'signed': case 'statement': textParts.push(inlines(b.children)); break;
        case 'pbBlock': onPb(b.pb); break;
        case 'noteBlock': counts.notes++; noteDepth++; blocks(b.note.blocks); noteDepth--; break;
        case 'quote': case 'division': blocks(b.blocks); break;
        case 'list': for (const item of b.items) { if (item.label) textParts.push(item.label); if (item.page) textParts.push(item.page); blocks(item.blocks); } break;
        case 'table': for (const row of b.rows) for (const cell of row) blocks(cell.blocks); break;
        case 'figure': break;
      }
    }
  };
  blocks(edition.front);
  where = 'body';
  blocks(edition.body);
  where = 'notes';
  for (const item of edition.notes?.items ?? []) {
    if ('pb' in item) onPb(item.pb);
    else { counts.notes++; noteDepth++; blocks(item.blocks); noteDepth--; }
  }
  counts.words = textParts.reduce((n, s) => n + (s.match(WORD)?.length ?? 0), 0);
  return { counts, pages };
}
