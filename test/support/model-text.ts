/**
 * Test helper (not a test): the running text of a model Edition, for every-word-in-order checks and
 * for finding page breaks among words. Written independently of the readers' own text functions.
 */
import type { Block, Edition, Inline, Note, PageBreak } from '../../src/model/types.js';

/**
 * Text of inlines. A page break with `hyphen` puts the printed hyphen back (`over-` `looking`), as
 * the source prints it; `pbMark` makes every page break visible as ` ⟦pb N⟧ ` for order checks;
 * `reading` instead joins the halves of a word split across pages (`overlooking`).
 */
export function inlineText(list: readonly Inline[], pbMark = false, reading = false): string {
  return list
    .map((n): string => {
      switch (n.type) {
        case 'text':
          return n.value;
        case 'norm':
          return n.orig;
        case 'emph':
        case 'date':
        case 'link':
          return inlineText(n.children, pbMark, reading);
        case 'lb':
          return ' ';
        case 'pb':
          if (reading && !pbMark) return n.wordBreak === 'none' ? ' ' : '';
          return (n.wordBreak === 'hyphen' ? '-' : '') + (pbMark ? ` ⟦pb ${n.n}⟧ ` : n.wordBreak === 'word' ? '' : ' ');
        default:
          return ' ';
      }
    })
    .join('');
}

export function blockText(list: readonly Block[], pbMark = false, reading = false): string {
  return list
    .map((b): string => {
      if (b.type === 'pbBlock') return pbMark ? ` ⟦pb ${b.pb.n}⟧ ` : ' ';
      if (b.type === 'noteBlock') return blockText(b.note.blocks, pbMark, reading);
      if ('children' in b) return inlineText(b.children, pbMark, reading);
      if ('blocks' in b) return blockText(b.blocks, pbMark, reading);
      if (b.type === 'list') return b.items.map((i) => blockText(i.blocks, pbMark, reading)).join(' ');
      if (b.type === 'table') return b.rows.flat().map((c) => blockText(c.blocks, pbMark, reading)).join(' ');
      return ' ';
    })
    .join('\n');
}

export function noteText(note: Note, pbMark = false, reading = false): string {
  return blockText(note.blocks, pbMark, reading);
}

/** Body and notes (without the notes heading, the note labels and back-references). */
export function editionText(e: Edition, pbMark = false, reading = false): string {
  const notes = (e.notes?.items ?? []).map((it) => ('type' in it ? (pbMark ? ` ⟦pb ${it.pb.n}⟧ ` : ' ') : noteText(it, pbMark, reading)));
  return `${blockText(e.body, pbMark, reading)}\n${notes.join('\n')}`;
}

/** Every page break of an edition in document order. */
export function allPageBreaks(e: Edition): PageBreak[] {
  const out: PageBreak[] = [];
  const inl = (list: readonly Inline[]) => list.forEach((n) => (n.type === 'pb' ? out.push(n) : 'children' in n ? inl(n.children) : undefined));
  const blk = (list: readonly Block[]) =>
    list.forEach((b) => {
      if (b.type === 'pbBlock') out.push(b.pb);
      else if (b.type === 'noteBlock') blk(b.note.blocks);
      else if ('children' in b) inl(b.children);
      else if ('blocks' in b) blk(b.blocks);
      else if (b.type === 'list') b.items.forEach((i) => blk(i.blocks));
    });
  blk(e.body);
  for (const it of e.notes?.items ?? []) 'type' in it ? out.push(it.pb) : blk(it.blocks);
  return out;
}

export function notesOf(e: Edition): Note[] {
  return (e.notes?.items ?? []).filter((it): it is Note => !('type' in it));
}
