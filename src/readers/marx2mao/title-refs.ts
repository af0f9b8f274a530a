/**
 * Note references set in a title block: ER97's subtitle `(SISMONDI AND OUR NATIVE SISMONDISTS)[44]`
 * and its `First published in the` / `magazine Novoye Slovo,[45]` / `issues 7-10, April-July 1897.`
 * The title block goes to the header, whose values are read without them (title-block.ts); so that
 * the TEI still accounts for them, each line that holds one is kept in the text too, where the
 * source has it: before everything else, in `front/titlePage` (the title block is the print's
 * title page as the transcription gives it), said for what it is, with the reference in place
 * (`<titlePart type="sub">(SISMONDI AND OUR NATIVE SISMONDISTS)<ref type="noteref" …>44</ref></titlePart>`,
 * `<docEdition>First published in the<lb/>magazine Novoye Slovo,<ref …>45</ref><lb/>issues …</docEdition>`).
 * The other lines of the title block stay the header's alone. See docs/encoding.md, "Note references
 * in a title block".
 */
import type { Inline, NoteRef, TitlePage, TitlePageLine } from '../../model/types.js';
import type { RefRecord } from './walk-state.js';
import { attr, childrenOf, collapse, isText, positionOf, startOffset, tag, type Element, type Node } from './dom.js';
import { STATEMENT } from './title-facts.js';
import { titleKey } from '../../model/plain-text.js';

/** Tags that begin a line of their own; a `<BR>` only continues the line's statement. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'tr', 'hr', 'center', 'table', 'div', 'ul', 'ol', 'li', 'blockquote']);

interface Line {
  parts: (string | NoteRef)[];
  /** It begins a block (a paragraph, heading, cell), or follows an empty line: not a line run on from the one before. */
  apart: boolean;
  /** Inside a heading (`<H2>`): a display line of the title block. */
  heading: boolean;
  /** The source offset of the note reference's link, for each reference. */
  refs: { ref: NoteRef; target: string; offset: number }[];
}

/**
 * The lines of the title block (before `end`, where its credit begins) that hold a note reference,
 * as the lines of a title page, with the references' records for resolveNotes(); undefined when it
 * holds none. `title`, `author`: what the header reads the title block's title and author to be.
 */
export function titleBlockRefs(
  body: Node, end: number, isNoteRef: (e: Element) => boolean, file: string, facts: { title?: string; author?: string },
): { page: TitlePage; refs: RefRecord[] } | undefined {
  const lines = linesOf(body, end, isNoteRef, file);
  const lineOfRef = lines.flatMap((l, i) => (l.refs.length ? [i] : []));
  if (lineOfRef.length === 0) return undefined;
  const out: TitlePageLine[] = [];
  const taken = new Set<number>();
  for (const i of lineOfRef) {
    if (taken.has(i)) continue;
    // the statement the line belongs to: the lines run on into it (no block between, none opening
    // a statement of its own) and from it, up to the next statement
    let from = i;
    while (from > 0 && !lines[from]!.apart && !STATEMENT.test(words(lines[from]!)) && !lines[from - 1]!.heading) from--;
    let to = i + 1;
    while (to < lines.length && !lines[to]!.apart && !STATEMENT.test(words(lines[to]!))) to++;
    const unit = lines.slice(from, to);
    for (let k = from; k < to; k++) taken.add(k);
    const text = unit.map(words);
    const inlines: Inline[] = unit.flatMap((l, k) => [...(k ? [{ type: 'lb' } as const] : []), ...l.parts.map((p): Inline => (typeof p === 'string' ? { type: 'text', value: p } : p))]);
    out.push({ role: roleOf(unit, text.join(' '), facts), text, inlines });
  }
  const refs = lines.flatMap((l) => l.refs).map((r): RefRecord => ({ ref: r.ref, target: r.target, offset: r.offset, scope: 0 }));
  return { page: { type: 'titlePage', lines: out, noteLines: true, ...(refs[0]?.ref.pos ? { pos: refs[0].ref.pos } : {}) }, refs };
}

/** What a line of the title block is: a line of its title or author (in its display type), a statement, else a subtitle. */
function roleOf(unit: Line[], text: string, facts: { title?: string; author?: string }): TitlePageLine['role'] {
  const key = titleKey(text);
  if (unit.some((l) => l.heading) && facts.title && key && titleKey(facts.title).includes(key)) return 'title';
  if (unit.some((l) => l.heading) && facts.author && key && titleKey(facts.author).includes(key)) return 'author';
  // `First published in …`, `Written …`, `Vol. 2, pp. 129-265.`: a statement of the edition's
  if (STATEMENT.test(text)) return 'edition';
  return 'subtitle';
}

function words(l: Line): string {
  return collapse(l.parts.filter((p): p is string => typeof p === 'string').join('')).trim();
}

/** The lines of the title block, their words and note references, their brackets left out. */
function linesOf(body: Node, end: number, isNoteRef: (e: Element) => boolean, file: string): Line[] {
  const lines: Line[] = [{ parts: [], apart: true, heading: false, refs: [] }];
  let closeBracket = false;
  const open = (apart: boolean, heading: boolean) => {
    const last = lines.at(-1)!;
    if (last.parts.length) lines.push({ parts: [], apart, heading, refs: [] });
    else Object.assign(last, { apart: last.apart || apart, heading });
  };
  const walk = (n: Node, heading: boolean) => {
    if (startOffset(n) >= end) return;
    if (isText(n)) {
      const value = closeBracket ? n.value.replace(/^\s*\]/, '') : n.value;
      closeBracket = false;
      const last = lines.at(-1)!;
      // an empty line (`&nbsp;<BR>`) sets what follows apart
      if (!value.trim() && !last.parts.length) return;
      last.parts.push(value);
      return;
    }
    const t = tag(n);
    // `<A NAME="tp">` is read as `<BR ID="tp">` (dom.ts pointAnchors): a point, no line break
    if (t === 'br' && attr(n, 'id') !== undefined) return;
    if (t === 'br') {
      const last = lines.at(-1)!;
      if (!collapse(words(last))) last.apart = true;
      else lines.push({ parts: [], apart: false, heading, refs: [] });
      return;
    }
    if (isNoteRef(n as Element)) {
      const last = lines.at(-1)!;
      const before = last.parts.at(-1);
      if (typeof before === 'string') last.parts[last.parts.length - 1] = before.replace(/\[\s*$/, '');
      const label = collapse(childrenOf(n).map((c) => (isText(c) ? c.value : '')).join('')).replace(/[[\]\s]/g, '');
      const href = attr(n, 'href')!;
      const ref: NoteRef = { type: 'noteRef', noteId: '', id: '', n: label, pos: positionOf(n, file) };
      last.parts.push(ref);
      last.refs.push({ ref, target: href.slice(href.indexOf('#') + 1), offset: startOffset(n) });
      closeBracket = true;
      return;
    }
    const inHeading = heading || /^h[1-6]$/.test(t);
    if (BLOCKS.has(t)) open(true, inHeading);
    for (const c of childrenOf(n)) walk(c, inHeading);
    if (BLOCKS.has(t)) open(true, heading);
  };
  walk(body, false);
  return lines
    .map((l) => ({ ...l, parts: trimParts(l.parts) }))
    .filter((l) => l.parts.length > 0);
}

/** Spaces collapsed, none at the line's ends; empty words left out. */
function trimParts(parts: (string | NoteRef)[]): (string | NoteRef)[] {
  const out = parts.map((p) => (typeof p === 'string' ? p.replace(/\s+/g, ' ') : p));
  const first = out.findIndex((p) => typeof p !== 'string' || p.trim());
  if (first < 0) return [];
  if (typeof out[first] === 'string') out[first] = (out[first] as string).trimStart();
  let last = out.length - 1;
  while (last >= 0 && typeof out[last] === 'string' && !(out[last] as string).trim()) last--;
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd();
  return out.slice(first, last + 1).filter((p) => typeof p !== 'string' || p !== '');
}
