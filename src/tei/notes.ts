/**
 * The notes section: `back/div[@type="notes"]` with its head, the endnotes in print order and the
 * page breaks that fall between them (encoding.md: "283 inside the notes between notes 1 and 2").
 */
import type { NotesSection } from '../model/types.js';
import type { WriteContext } from './context.js';
import { writeCommonBlock, writeNote } from './blocks.js';
import { isLabelled } from './repair.js';
import { writeInlines, writePageBreak } from './inlines.js';
import { att, child, indent, type El } from './xml.js';

export function writeNotesSection(back: El, notes: NotesSection, ctx: WriteContext, depth: number): void {
  const div = att(child(back, 'div', depth), 'type', 'notes');
  // A page whose marker stands before the NOTES line begins before the heading: its break goes
  // first (a pb may open a div), so the heading is on that page, not on the last page of the text.
  const before = notes.heading?.length ? leadingBreaksBefore(notes, ctx) : 0;
  for (const item of notes.items.slice(0, before)) {
    indent(div, depth + 1);
    if ('pb' in item) writePageBreak(div, item.pb, ctx);
  }
  // The head is the source's own (NOTES); where the source has none, none is invented: the
  // renditions label the section themselves, and the TEI text stays the source's words only.
  if (notes.heading && notes.heading.length > 0) writeInlines(child(div, 'head', depth + 1), notes.heading, ctx);
  for (const item of notes.items.slice(before)) {
    indent(div, depth + 1);
    if ('pb' in item) writePageBreak(div, item.pb, ctx);
    else if (isLabelled(item)) writeNote(div, item, ctx, depth + 1);
    // Text without a label (before the first numbered note) is the section's text, not a note.
    else item.blocks.forEach((block, k) => writeCommonBlock(div, block, ctx, depth + 1, k === 0));
  }
  indent(div, depth);
}

/**
 * How many of the section's first items are page breaks whose markers come before its heading in
 * the source. A repetition of the text's last page (declared `repeated`, which needs words between
 * the two) stays after the heading.
 */
function leadingBreaksBefore(notes: NotesSection, ctx: WriteContext): number {
  const at = notes.pos;
  if (!at) return 0;
  let n = 0;
  for (const item of notes.items) {
    if (!('pb' in item) || !item.pb.pos || item.pb.pos.file !== at.file || ctx.irregular.get(item.pb) === 'repeated') break;
    const { line, column } = item.pb.pos;
    if (line > at.line || (line === at.line && column >= at.column)) break;
    n++;
  }
  return n;
}
