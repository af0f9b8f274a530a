/**
 * Notes of a Lenin Internet Archive page: a reference is a link labelled like a note (`[1]`, `1`,
 * `*`) to an anchor further down the page (`<sup class="anote"><a href="#fw1" name="bk1">[1]</a></sup>`);
 * the anchor it points to opens the note (`<a href="#bk1" name="fw1">[1]</a>`), whose own link back
 * to the reference is its label, not text. The notes section begins at a `Notes` heading or at the
 * first note, whichever comes first.
 */
import type { Block, Diagnostic, Inline, Note, NotesSection } from '../../model/types.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attr, collapse, elements, positionOf, startOffset, tag, textOf, type Element, type Node } from '../marx2mao/dom.js';
import { inlines, itemNodes, toBlocks, type BlockContext, type Item } from './blocks.js';

const LABEL = /^\[?\s*(\d{1,4}[a-z]?|\*{1,3}|[a-z])\s*\]?$/i;
const NOTES_HEADING = /^(?:end\s*|foot\s*)?notes?:?$/i;

/** A heading, or a short paragraph that is one (`<p><b>Notes</b></p>`), saying "Notes". */
function isNotesHeading(item: Item): boolean {
  return 'el' in item && /^(?:h[2-6]|p)$/.test(tag(item.el)) && NOTES_HEADING.test(collapse(textOf(item.el)).trim());
}

/** Where a link points inside the page, and every element that can be pointed at. */
function targets(body: Node): Map<string, Element> {
  const names = new Map<string, Element>();
  for (const e of elements(body)) {
    for (const key of [attr(e, 'id'), tag(e) === 'a' ? attr(e, 'name') : undefined]) if (key && !names.has(key)) names.set(key, e);
  }
  return names;
}

export interface NoteStructure {
  ctx: BlockContext;
  /** Index in `items` where the notes section begins (items.length: no notes). */
  start: number;
  section?: NotesSection;
}

/**
 * Find the notes among `items` (the page's blocks after its info list), register every reference
 * to them in a fresh BlockContext, and read the notes section. Body blocks are converted after
 * this, with the context it returns.
 */
export function readNotes(body: Node, items: Item[], file: string, diagnostics: Diagnostic[]): NoteStructure {
  const names = targets(body);
  const links = elements(body).filter((e) => tag(e) === 'a' && (attr(e, 'href') ?? '').startsWith('#'));
  // a reference points forward to the note; the note's label points back to the reference
  const forward = new Map<Element, Element>();
  for (const l of links) {
    const target = names.get(decodeURIComponent(attr(l, 'href')!.slice(1)));
    if (target && target !== l && startOffset(target) > startOffset(l) && LABEL.test(collapse(textOf(l)).trim())) forward.set(l, target);
  }
  const anchors = new Set(forward.values());
  const contains = (item: Item, set: Set<Element>) => itemNodes(item).some((n) => elements(n).some((e) => set.has(e)));
  const headingAt = items.findIndex(isNotesHeading);
  const firstNote = items.findIndex((it) => contains(it, anchors));
  const starts = [headingAt, firstNote].filter((i) => i >= 0);
  const start = starts.length ? Math.min(...starts) : items.length;

  const ctx: BlockContext = { file, refs: new Map(), skip: new Set() };
  if (start === items.length) return { ctx, start };

  // the notes, in print order: each runs from the block holding its anchor to the next one
  const groups: { anchor: Element; label: string; items: Item[] }[] = [];
  let heading: Inline[] | undefined;
  const loose: Item[] = [];
  for (const item of items.slice(start)) {
    const anchor = itemNodes(item).flatMap((n) => elements(n)).find((e) => anchors.has(e));
    if (anchor) groups.push({ anchor, label: collapse(textOf(anchor)).trim().replace(/^\[\s*|\s*\]$/g, ''), items: [item] });
    else if (groups.length) groups.at(-1)!.items.push(item);
    else if (!heading && isNotesHeading(item)) heading = inlines(itemNodes(item), ctx);
    else loose.push(item);
  }
  for (const item of loose) diagnostics.push(diagnostic('warning', 'note-text-unplaced', 'text after the Notes heading and before the first note is left out of the notes', positionOf(itemNodes(item)[0]!, file)));

  const noteIds = new Map<Element, { id: string; label: string }>();
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  for (const g of groups) {
    const label = g.label || collapse(textOf([...forward].find(([, t]) => t === g.anchor)![0])).trim().replace(/^\[\s*|\s*\]$/g, '');
    noteIds.set(g.anchor, { id: unique(`n${label.replace(/\W/g, '') || groups.indexOf(g) + 1}`), label });
    ctx.skip.add(g.anchor);
  }
  for (const [link, target] of forward) {
    const note = noteIds.get(target);
    if (!note) continue;
    const n = collapse(textOf(link)).trim().replace(/^\[\s*|\s*\]$/g, '');
    ctx.refs.set(link, { noteId: note.id, id: unique(`nr${note.id.slice(1)}`), n });
  }
  // a note's own link back to its reference (when it is not the anchor itself) is its label
  const refEls = new Set(ctx.refs.keys());
  for (const l of links) {
    const target = names.get(decodeURIComponent(attr(l, 'href')!.slice(1)));
    if (target && (refEls.has(target) || elements(target).some((e) => refEls.has(e)))) ctx.skip.add(l);
  }

  const referenced = new Set([...ctx.refs.values()].map((r) => r.noteId));
  const notes: Note[] = groups.map((g) => {
    const { id, label } = noteIds.get(g.anchor)!;
    const pos = positionOf(g.anchor, file);
    if (!referenced.has(id)) diagnostics.push(diagnostic('warning', 'note-unreferenced', `note [${label}] is not referenced in the text`, pos));
    const blocks: Block[] = toBlocks(g.items, ctx);
    return { id, n: label, place: 'end', blocks, pos };
  });
  const section: NotesSection = { items: notes, ...(heading?.length ? { heading } : {}), pos: positionOf(itemNodes(items[start]!)[0]!, file) };
  return { ctx, start, section };
}
