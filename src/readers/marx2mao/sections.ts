/**
 * Pages of several documents, each followed by its own NOTES section (numbering restarting at 1),
 * as the Selected Works print short pieces. The walker reads notes until something shows that the
 * next document has begun; the notes of each document then stand at the end of its division
 * (`div type="notes"` inside `div type="document"`), so that the page breaks stay in print order.
 * A page with one notes section keeps it as the edition's notes section (TEI back).
 */
import type { Block, Division, Heading, Note, NotesSection } from '../../model/types.js';
import { isoDate } from './dates.js';
import { collapse, startOffset, type Node } from './dom.js';
import type { Walker, WalkCtx } from './walk.js';
import type { RefRecord, WalkState } from './walk-state.js';

/** The first offset in the sorted list after `at`. */
function nextAfter(list: readonly number[], at: number): number | undefined {
  return list.find((o) => o > at);
}

/**
 * Does this text, met in the notes, begin the next document? It must look like the start of one
 * (a title or other centred line, or a body paragraph: `&nbsp &nbsp` in normal type), and the page
 * must go on with running text: a reference to a note comes before the next note, or no note
 * follows at all and the line is a title or a date under a note that has ended (`[p. N]`).
 */
export function endsNotes(w: Walker, node: Node, value: string, ctx: WalkCtx): boolean {
  const text = collapse(value).trim();
  if (!text || !w.state.note || !node.sourceCodeLocation) return false;
  const centred = ctx.heading > 0 || ctx.center || ctx.align === 'center';
  const bodyParagraph = /^\s*\u00a0[ \t\r\n]*\u00a0/.test(value) && !ctx.small;
  if (!centred && !bodyParagraph) return false;
  const at = startOffset(node);
  const anchor = nextAfter(w.input.noteAnchors, at);
  const link = nextAfter(w.input.noteLinks, at);
  if (link !== undefined && (anchor === undefined || link < anchor)) return true;
  return anchor === undefined && !!w.state.note.backRef && (ctx.heading > 0 || (centred && isoDate(text) !== undefined));
}

/**
 * The endnote a reference points to: in the notes of its own document first (by anchor name, then
 * by printed label), then anywhere on the page (a transcriber's link across documents).
 */
export function endNoteFinder(w: WalkState): (r: RefRecord) => Note | undefined {
  const notesOf = (s: NotesSection | undefined) => (s?.items ?? []).filter((i): i is Note => !('pb' in i));
  return (r) => {
    const name = (r.target ?? '').toLowerCase();
    const own = notesOf(w.sections[r.scope]);
    const all = w.sections.flatMap((s) => notesOf(s));
    return (
      own.find((n) => w.noteName(n) === name) ??
      own.find((n) => n.n === r.ref.n) ??
      all.find((n) => w.noteName(n) === name) ??
      all.find((n) => n.n === r.ref.n)
    );
  };
}

/**
 * Place the notes sections. One section: its holder leaves the body and the section is the
 * edition's. Several: the body is cut after each section into documents (each cut divided by
 * `divide` as before when it holds several titles, else one `document` division), and each holder
 * becomes the notes division at the end of its document.
 */
export function placeSections(
  body: Block[],
  w: WalkState,
  divide: (blocks: Block[]) => Block[],
  kind: Division['kind'],
): { body: Block[]; notes?: NotesSection } {
  const holders = new Set<Block>(w.holders);
  if (w.sections.length < 2) {
    const rest = divide(body.filter((b) => !holders.has(b)));
    return w.sections[0] ? { body: rest, notes: w.sections[0] } : { body: rest };
  }
  const out: Block[] = [];
  let cut: Block[] = [];
  for (const b of body) {
    cut.push(b);
    if (!holders.has(b)) continue;
    out.push(...asDocuments(cut, divide, kind));
    cut = [];
  }
  // after the last notes: a document without notes, or only page breaks
  if (cut.some((b) => b.type !== 'pbBlock')) out.push(...asDocuments(cut, divide, kind));
  else out.push(...cut);
  w.holders.forEach((holder, i) => {
    const section = w.sections[i]!;
    const head: Heading[] = section.heading?.length ? [{ type: 'heading', level: 2, children: section.heading, ...(section.pos ? { pos: section.pos } : {}) }] : [];
    const items = section.items.map((it): Block => ('pb' in it ? it : { type: 'noteBlock', note: it }));
    // the page breaks before the first note were met before the NOTES line (the page it stands on)
    const lead = items.findIndex((b) => b.type !== 'pbBlock');
    const at = lead < 0 ? items.length : lead;
    holder.blocks = [...items.slice(0, at), ...head, ...items.slice(at)];
  });
  return { body: out };
}

function asDocuments(cut: Block[], divide: (blocks: Block[]) => Block[], kind: Division['kind']): Block[] {
  const parts = divide(cut);
  if (parts.some((b) => b.type === 'division' && b.kind !== 'notes')) return parts;
  const first = cut.find((b) => b.type !== 'pbBlock');
  return [{ type: 'division', kind, blocks: cut, ...(first && 'pos' in first && first.pos ? { pos: first.pos } : {}) }];
}
