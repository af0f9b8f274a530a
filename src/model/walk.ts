import type { Block, Edition, Inline, Note } from './types.js';

/**
 * Visit every block, depth first in document order: nested blocks of quotes, divisions, list items,
 * table cells and foot-of-page notes included. The one traversal of the block tree that writers and
 * tools share, so a new kind of container is handled in one place.
 */
export function forEachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    switch (b.type) {
      case 'quote':
      case 'division':
        forEachBlock(b.blocks, visit);
        break;
      case 'list':
        for (const item of b.items) forEachBlock(item.blocks, visit);
        break;
      case 'table':
        for (const row of b.rows) for (const cell of row) forEachBlock(cell.blocks, visit);
        break;
      case 'noteBlock':
        forEachBlock(b.note.blocks, visit);
        break;
      case 'titlePage':
        if (b.cover) visit(b.cover);
        break;
      default:
        // a foot note inside a paragraph (InlineNote) is visited as the note block it would be
        if ('children' in b) for (const note of inlineNotes(b.children)) forEachBlock([{ type: 'noteBlock', note }], visit);
        break;
    }
  }
}

/** The notes standing inside inlines (InlineNote), emphasis and links included, in order. */
export function inlineNotes(list: readonly Inline[]): Note[] {
  const out: Note[] = [];
  for (const i of list) {
    if (i.type === 'note') out.push(i.note);
    else if ('children' in i) out.push(...inlineNotes(i.children));
  }
  return out;
}

/**
 * Every block of an edition: front, body, and the notes section's heading and notes. The heading
 * is visited as a heading block around the section's own inlines (the same array: a visitor that
 * changes inlines in place changes the section's), since a page break may stand in it.
 */
export function forEachEditionBlock(edition: Edition, visit: (block: Block) => void): void {
  forEachBlock(edition.front, visit);
  forEachBlock(edition.body, visit);
  const notes = edition.notes;
  if (notes?.heading) visit({ type: 'heading', level: 2, children: notes.heading, ...(notes.pos ? { pos: notes.pos } : {}) });
  for (const item of edition.notes?.items ?? []) {
    if ('pb' in item) visit(item);
    else forEachBlock(item.blocks, visit);
  }
}

/**
 * Takes the page breaks standing at the end of `blocks` off it, in order: the page breaks right
 * before a heading go with the division the heading opens (its page begins with it).
 */
export function takePageBreaksAtEnd(blocks: Block[]): Block[] {
  let k = blocks.length;
  while (k > 0 && blocks[k - 1]!.type === 'pbBlock') k--;
  return blocks.splice(k);
}

/** A letter's or a preface's P.S. (a division of kind postscript: TEI `postscript`, not a `div`). */
export function isPostscript(b: Block): boolean {
  return b.type === 'division' && b.kind === 'postscript';
}
