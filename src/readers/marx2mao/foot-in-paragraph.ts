/**
 * A foot note printed at the foot of a page that a paragraph runs over, not its first page
 * (DCRii: a paragraph of pages 74–75, its note at the foot of 75). The walk places a page's foot
 * notes before the paragraph they interrupt, which is right when the paragraph begins on the
 * note's page, but otherwise puts the note on an earlier page than its own, before its reference.
 * Such a note goes inside the paragraph (InlineNote), before the page break that ends its page,
 * at the last word boundary before it (a word the break splits stays whole after the note), as
 * the source positions of the note and the paragraph's page breaks say. Run after the notes are
 * linked to their marks (unlinked.ts), which looks for them as blocks.
 */
import type { Block, Inline, Note } from '../../model/types.js';
import { isBefore } from './unlinked.js';

export function placeFootNotesInParagraphs(blocks: Block[], referenced: ReadonlySet<string>): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'quote' || b.type === 'division') placeFootNotesInParagraphs(b.blocks, referenced);
    if (b.type !== 'noteBlock') continue;
    // the foot notes of a page stand together before the paragraph
    let j = i;
    while (blocks[j]?.type === 'noteBlock') j++;
    const next = blocks[j];
    if (next?.type !== 'paragraph') {
      i = j - 1;
      continue;
    }
    // a note nothing refers to stays a block: inside a paragraph, the renditions would take it for
    // a note written in the text and print a mark for it
    const kept = blocks.slice(i, j).filter((nb) => nb.type !== 'noteBlock' || !referenced.has(nb.note.id) || !moveInto(next.children, nb.note));
    blocks.splice(i, j - i, ...kept);
    i += kept.length;
  }
}

/** Put `note` inside the paragraph `children` where its page ends; false when it stays before it. */
function moveInto(children: Inline[], note: Note): boolean {
  if (!note.pos) return false;
  const pbs = children.flatMap((x, k) => (x.type === 'pb' ? [k] : []));
  const posOf = (k: number) => (children[k] as Extract<Inline, { type: 'pb' }>).pos;
  // the paragraph began on the note's page (no break of it before the note): the note stays before it
  if (!pbs.some((k) => isBefore(posOf(k), note.pos))) return false;
  const end = pbs.find((k) => isBefore(note.pos, posOf(k)));
  if (end === undefined) return false;
  const pb = children[end] as Extract<Inline, { type: 'pb' }>;
  const inline: Inline = { type: 'note', note };
  if (pb.wordBreak === 'none') {
    children.splice(end, 0, inline);
    return true;
  }
  // a word split by the break: the note before the word's first half
  const prev = children[end - 1];
  if (prev?.type === 'text') {
    const cut = prev.value.search(/\s\S*$/);
    if (cut >= 0) {
      children.splice(end - 1, 1, { type: 'text', value: prev.value.slice(0, cut + 1) }, inline, { type: 'text', value: prev.value.slice(cut + 1) });
      return true;
    }
    children.splice(end - 1, 0, inline);
    return true;
  }
  children.splice(Math.max(0, end - 1), 0, inline);
  return true;
}
