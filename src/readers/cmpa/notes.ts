/**
 * The CMPA notes section (after `## NOTES`): notes written `[1] text … [p. 275]`, page markers
 * between them (`page 283`). A note split by a marker or a blank line in mid-sentence is joined
 * again, like a body paragraph; a marker between two notes stays between them in the section.
 */
import type { Block, Note, NotesSection, PageBreak, Paragraph } from '../../model/types.js';
import { diagnostic } from '../../model/diagnostics.js';
import { continues, isRepeated, join, markerOnly, type JoinContext } from './paragraphs.js';

/** `[1] ` at the start of a note paragraph (or `[*]` for a foot-of-page note). */
const NOTE_LABEL = /^\s*\[(\d+|\*+)\]\s*/;
/** `[p. 275]` (also `[p.275]`, or empty `[p. ]`) at the end of a note: the page of its reference. */
const BACK_REF = /\s*\[p\.\s*(\d+|[ivxlcdm]+)?\s*\]\s*$/i;

export function readNotes(blocks: readonly Block[], ctx: JoinContext): NotesSection['items'] {
  const items: NotesSection['items'] = [];
  let note: Note | undefined;
  let pending: PageBreak[] = [];
  const flushInto = (target: Block[] | typeof items) => {
    for (const pb of pending) target.push({ type: 'pbBlock', pb });
    pending = [];
  };
  let unnumbered = 0;
  for (const block of blocks) {
    const para = block.type === 'paragraph' ? block : undefined;
    const markers = para && markerOnly(para);
    if (markers) {
      pending.push(...markers.filter((pb) => !isRepeated(pb, ctx)));
      continue;
    }
    const label = para && startLabel(para);
    if (para && label) {
      flushInto(items);
      note = newNote(label, para);
      items.push(note);
      continue;
    }
    const last = note?.blocks[note.blocks.length - 1];
    if (note && para && last?.type === 'paragraph' && continues(last, para)) {
      join(last, pending, para, ctx);
      pending = [];
      continue;
    }
    if (!note) {
      // Text before the first numbered note: keep it (every word counts), but say so.
      unnumbered++;
      const pos = 'pos' in block && block.pos ? block.pos : { file: ctx.file };
      ctx.diagnostics.push(diagnostic('warning', 'note-unnumbered', 'text in the notes section before the first numbered note', pos));
      note = { id: `nx${unnumbered}`, n: '', place: 'end', blocks: [], ...(para?.pos ? { pos: para.pos } : {}) };
      flushInto(items);
      items.push(note);
    }
    flushInto(note.blocks);
    note.blocks.push(block);
  }
  flushInto(items);
  for (const item of items) if (!('type' in item)) takeBackReference(item);
  return items;
}

function startLabel(p: Paragraph): string | undefined {
  const first = p.children[0];
  if (first?.type === 'noteRef') return first.n; // `<sup>[1]</sup> text` style
  if (first?.type !== 'text') return undefined;
  return NOTE_LABEL.exec(first.value)?.[1];
}

function newNote(label: string, p: Paragraph): Note {
  const first = p.children[0]!;
  if (first.type === 'noteRef') p.children.shift();
  else if (first.type === 'text') first.value = first.value.replace(NOTE_LABEL, '');
  const foot = label.startsWith('*');
  return {
    id: foot ? `fn${label.length}` : `n${label}`,
    n: label,
    place: foot ? 'foot' : 'end',
    blocks: [p],
    ...(p.pos ? { pos: p.pos } : {}),
  };
}

/** Move a trailing `[p. 275]` out of the running text into `backRef`. */
function takeBackReference(note: Note): void {
  const last = [...note.blocks].reverse().find((b): b is Paragraph => b.type === 'paragraph');
  const tail = last?.children[last.children.length - 1];
  if (tail?.type !== 'text') return;
  const m = BACK_REF.exec(tail.value);
  if (!m) return;
  tail.value = tail.value.slice(0, m.index);
  if (tail.value === '') last!.children.pop();
  if (m[1]) note.backRef = { page: m[1] };
}
