/**
 * After the walk: every note reference is tied to its note (ids `nr1`, `nr1-2`…; `fnr1`… for foot
 * notes), and foot-of-page notes that the transcription put after the text are moved to the foot of
 * the page where they are referenced (where the print has them).
 */
import type { Block, Diagnostic, Inline, Note } from '../../model/types.js';
import type { FootnoteRecord, RefRecord } from './walk-state.js';

export function resolveNotes(
  refs: readonly RefRecord[],
  footnotes: readonly FootnoteRecord[],
  endNote: (r: RefRecord) => Note | undefined,
  isNoteName: (name: string) => boolean,
  diagnostics: Diagnostic[],
  pageMarkers: readonly number[] = [],
): void {
  const seen = new Map<string, number>();
  const usedFoot = new Set<Note>();

  for (const r of refs) {
    let note: Note | undefined;
    if (r.target && isNoteName(r.target)) {
      note = endNote(r);
    } else {
      note = ownPageNote(r, footnotes, usedFoot, pageMarkers, diagnostics) ?? footnoteFor(r, footnotes, usedFoot);
      // an unlinked small-type `[3]` with no foot note of that label: the endnote it numbers
      if (!note && !r.target && /^\d+[a-z]?$/.test(r.ref.n)) note = endNote(r);
      if (!note && !r.target) {
        // an unlinked `[1]` with no note to point to: keep it as the text it is
        r.ref.noteId = '';
        continue;
      }
    }
    if (!note) {
      const p = r.ref.pos!;
      diagnostics.push({
        severity: 'warning', code: 'note-missing',
        message: `note ${r.ref.n} is referenced (#${r.target ?? ''}) but not found on the page`,
        file: p.file, line: p.line, column: p.column,
      });
      r.ref.noteId = '';
      continue;
    }
    usedFoot.add(note);
    // n1 → nr1, d2-n1 → d2-nr1 (the notes of a later document on the page), fn1 → fnr1
    const base = note.id.startsWith('fn') ? `fnr${note.id.slice(2)}` : note.id.replace(/^(d\d+-)?n/, '$1nr');
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    r.ref.noteId = note.id;
    r.ref.id = k === 1 ? base : `${base}-${k}`;
  }
}

/**
 * A linked mark whose link names another page's foot notes (`*` on page 234 linked to `#fnp235`;
 * `[1]` linked to an anchor `fnp` that the page reuses for every page's notes): the note of that
 * label at the foot of the mark's own page, where the print has it, when it is not taken yet. A
 * warning names the link the source has. Undefined when the link names the page's own notes, or
 * the page has no foot note of the label free.
 */
function ownPageNote(r: RefRecord, blocks: readonly FootnoteRecord[], used: Set<Note>, markers: readonly number[], diagnostics: Diagnostic[]): Note | undefined {
  if (!r.target || markers.length === 0) return undefined;
  const own = blocks.find((b) => !b.displaced && b.offset > r.offset);
  // the block must be on the mark's page: no page marker between the mark and the block
  if (!own || own.anchor === r.target || markers.some((m) => m > r.offset && m < own.offset)) return undefined;
  if (!blocks.some((b) => b.anchor === r.target)) return undefined;
  const note = own.notes.find((n) => n.n === r.ref.n && !used.has(n));
  if (!note) return undefined;
  const p = r.ref.pos;
  if (p) {
    diagnostics.push({
      severity: 'warning', code: 'noteref-relinked',
      message: `note ${r.ref.n}: the mark links to #${r.target}, the notes of another page; linked to the note ${r.ref.n} at the foot of its own page`,
      file: p.file, line: p.line, column: p.column,
    });
  }
  return note;
}

/** The foot note a reference points to: by the block's anchor and label, else the next unused one. */
function footnoteFor(r: RefRecord, blocks: readonly FootnoteRecord[], used: Set<Note>): Note | undefined {
  const byAnchor = r.target ? blocks.filter((b) => b.anchor === r.target) : [];
  const candidates = byAnchor.length ? byAnchor : blocks.filter((b) => b.offset > r.offset);
  for (const b of candidates) {
    const same = b.notes.find((n) => n.n === r.ref.n && !used.has(n)) ?? b.notes.find((n) => n.n === r.ref.n);
    if (same) return same;
  }
  if (byAnchor.length) return byAnchor.flatMap((b) => b.notes).find((n) => !used.has(n));
  return undefined;
}

/** Unresolved references become their printed label again (`[1]`), so no pointer dangles. */
export function dropUnresolved(blocks: Block[]): void {
  forEachInlineList(blocks, (list) => {
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (c.type === 'noteRef' && !c.noteId) list[i] = { type: 'text', value: `[${c.n}]` };
    }
  });
}

/** The ids of the anchors in `blocks`. */
export function anchorIds(blocks: Block[]): Set<string> {
  const ids = new Set<string>();
  forEachInlineList(blocks, (list) => {
    for (const i of list) if (i.type === 'anchor') ids.add(i.id);
  });
  return ids;
}

/**
 * A link to an anchor of the page (`#a-s2`, walk-notes.ts) that no anchor answers (the transcriber
 * linked a name the page never sets, or set it where nothing is kept) loses its link and keeps its
 * words, so no pointer dangles.
 */
export function dropDanglingLinks(lists: readonly Block[][]): void {
  const anchors = anchorIds(lists.flat());
  for (const blocks of lists) forEachInlineList(blocks, (list) => {
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (c.type === 'link' && c.target.startsWith('#a-') && !anchors.has(c.target.slice(1))) list.splice(i--, 1, ...c.children);
    }
  });
}

/**
 * Place displaced foot notes at the foot of the page of their first reference: before the block
 * holding the next page break, or after the reference's own block when the break is inside it.
 */
export function placeFootnotes(body: Block[], footnotes: readonly FootnoteRecord[], refs: readonly RefRecord[]): void {
  for (const rec of footnotes.filter((f) => f.displaced)) {
    for (const note of rec.notes) {
      const ref = refs.find((r) => r.ref.noteId === note.id);
      const block: Block = { type: 'noteBlock', note };
      if (!ref || !insertAtFoot(body, ref.ref.id, block)) body.push(block);
    }
  }
}

function insertAtFoot(blocks: Block[], refId: string, noteBlock: Block): boolean {
  const at = blocks.findIndex((b) => containsRef(b, refId));
  if (at < 0) return false;
  const host = blocks[at]!;
  if ((host.type === 'division' || host.type === 'quote') && insertAtFoot(host.blocks, refId, noteBlock)) return true;
  if (host.type === 'division' || host.type === 'quote') {
    host.blocks.push(noteBlock);
    return true;
  }
  if (pbAfterRef(host, refId)) {
    blocks.splice(at + 1, 0, noteBlock);
    return true;
  }
  for (let j = at + 1; j < blocks.length; j++) {
    if (containsPb(blocks[j]!)) {
      blocks.splice(j, 0, noteBlock);
      return true;
    }
  }
  blocks.push(noteBlock);
  return true;
}

function inlineLists(block: Block): Inline[][] {
  switch (block.type) {
    case 'heading': case 'subtitle': case 'paragraph': case 'dateline': case 'byline': case 'salute': case 'signed': case 'statement':
      return [block.children];
    case 'titlePage':
      // a title block's lines that hold note references (title-refs.ts)
      return block.lines.flatMap((l) => (l.inlines ? [l.inlines] : []));
    default:
      return [];
  }
}

function containsRef(block: Block, refId: string): boolean {
  let found = false;
  forEachInlineList([block], (list) => {
    if (list.some((i) => i.type === 'noteRef' && i.id === refId)) found = true;
  });
  return found;
}

function containsPb(block: Block): boolean {
  if (block.type === 'pbBlock') return true;
  let found = false;
  forEachInlineList([block], (list) => {
    if (list.some((i) => i.type === 'pb')) found = true;
  });
  if (block.type === 'division' || block.type === 'quote') return block.blocks.some(containsPb);
  return found;
}

function pbAfterRef(block: Block, refId: string): boolean {
  let seenRef = false;
  let after = false;
  const visit = (list: Inline[]) => {
    for (const i of list) {
      if (i.type === 'noteRef' && i.id === refId) seenRef = true;
      else if (i.type === 'pb' && seenRef) after = true;
      else if (i.type === 'emph' || i.type === 'link' || i.type === 'date') visit(i.children);
    }
  };
  for (const list of inlineLists(block)) visit(list);
  return after;
}

/** Visit every inline list (and nested emphasis lists) in blocks, notes included. */
export function forEachInlineList(blocks: Block[], fn: (list: Inline[]) => void): void {
  const visitInlines = (list: Inline[]) => {
    fn(list);
    for (const i of list) if (i.type === 'emph' || i.type === 'link' || i.type === 'date') visitInlines(i.children);
  };
  for (const b of blocks) {
    for (const list of inlineLists(b)) visitInlines(list);
    if (b.type === 'quote' || b.type === 'division') forEachInlineList(b.blocks, fn);
    if (b.type === 'noteBlock') forEachInlineList(b.note.blocks, fn);
    if (b.type === 'list') for (const it of b.items) forEachInlineList(it.blocks, fn);
    if (b.type === 'table') for (const row of b.rows) for (const cell of row) forEachInlineList(cell.blocks, fn);
  }
}
