/**
 * Note references set in a title block: ER97's subtitle `(SISMONDI AND OUR NATIVE SISMONDISTS)[44]`
 * and its `First published in the` / `magazine Novoye Slovo,[45]` / `issues 7-10, April-July 1897.`
 * The title block goes to the header, whose values are read without them (title-block.ts); so that
 * the TEI still accounts for them, each line that holds one is kept in the text too, where the
 * source has it: before everything else, in `front/titlePage` (the title block is the print's
 * title page as the transcription gives it), said for what it is, with the reference in place
 * (`<titlePart type="sub">(SISMONDI AND OUR NATIVE SISMONDISTS)<ref type="noteref" …>44</ref></titlePart>`,
 * `<docEdition>First published in the<lb/>magazine Novoye Slovo,<ref …>45</ref><lb/>issues …</docEdition>`).
 * The other lines of the title block stay the header's alone. The title block's anchors (`<A
 * NAME="tp">`, ER97's, which notes 44 and 45 point back to: `[p. <A HREF="ER97.html#tp">129</A>]`)
 * are kept in those lines too, so that the back-references reach the title page: each at its place
 * among the lines kept, an anchor on a line not kept at the start of the next line kept (at the end
 * of the last, when none follows). See docs/encoding.md, "Note references in a title block".
 */
import type { Anchor, Inline, NoteRef, TitlePage, TitlePageLine } from '../../model/types.js';
import type { RefRecord } from './walk-state.js';
import { attr, childrenOf, collapse, isText, positionOf, startOffset, tag, textOf, type Element, type Node } from './dom.js';
import { STATEMENT } from './title-facts.js';
import { titleKey } from '../../model/plain-text.js';

/** Tags that begin a line of their own; a `<BR>` only continues the line's statement. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'tr', 'hr', 'center', 'table', 'div', 'ul', 'ol', 'li', 'blockquote']);

type Part = string | NoteRef | Anchor;

interface Line {
  parts: Part[];
  /** It begins a block (a paragraph, heading, cell), or follows an empty line: not a line run on from the one before. */
  apart: boolean;
  /** Inside a heading (`<H2>`): a display line of the title block. */
  heading: boolean;
  /** The source offset of the note reference's link, for each reference. */
  refs: { ref: NoteRef; target: string; offset: number }[];
}

/**
 * The lines of the title block (before `end`, where its credit begins) that hold a note reference,
 * as the lines of a title page, with the references' records for resolveNotes() and the ids of the
 * anchors kept in them; undefined when it holds none. `title`, `author`: what the header reads the
 * title block's title and author to be. `anchorId`: the TEI id of an anchor name, or undefined for
 * one not kept as an anchor (the text's own, or no point of the text).
 */
export function titleBlockRefs(
  body: Node, end: number, isNoteRef: (e: Element) => boolean, file: string, facts: { title?: string; author?: string },
  anchorId: (name: string) => string | undefined,
): { page: TitlePage; refs: RefRecord[]; anchors: string[] } | undefined {
  const lines = linesOf(body, end, isNoteRef, file, anchorId);
  const lineOfRef = lines.flatMap((l, i) => (l.refs.length ? [i] : []));
  if (lineOfRef.length === 0) return undefined;
  const out: TitlePageLine[] = [];
  const taken = new Set<number>();
  // the line after the last one kept: the anchors of the lines not kept since go with the next kept
  let next = 0;
  const anchorsOf = (from: number, to: number) => lines.slice(from, to).flatMap((l) => l.parts.filter((p): p is Anchor => typeof p !== 'string' && p.type === 'anchor'));
  for (const i of lineOfRef) {
    if (taken.has(i)) continue;
    // the statement the line belongs to: the lines run on into it (no block between, none opening
    // a statement of its own) and from it, up to the next statement
    let from = i;
    // (a line under a heading is not its heading's, but every line of one heading is: a note on
    // the last line of a title set on several keeps the whole title)
    while (from > 0 && !lines[from]!.apart && !STATEMENT.test(words(lines[from]!)) && (lines[from]!.heading || !lines[from - 1]!.heading)) from--;
    let to = i + 1;
    while (to < lines.length && !lines[to]!.apart && !STATEMENT.test(words(lines[to]!))) to++;
    const unit = lines.slice(from, to);
    for (let k = from; k < to; k++) taken.add(k);
    const carried = anchorsOf(next, from);
    next = to;
    const text = unit.map(words);
    const inlines: Inline[] = [...carried, ...unit.flatMap((l, k) => [...(k ? [{ type: 'lb' } as const] : []), ...l.parts.map((p): Inline => (typeof p === 'string' ? { type: 'text', value: p } : p))])];
    out.push({ role: roleOf(unit, text.join(' '), facts), text, inlines });
  }
  // the anchors after the last line kept end it
  out.at(-1)!.inlines!.push(...anchorsOf(next, lines.length));
  const anchors = out.flatMap((l) => l.inlines!.flatMap((i) => (i.type === 'anchor' ? [i.id] : [])));
  const refs = lines.flatMap((l) => l.refs).map((r): RefRecord => ({ ref: r.ref, target: r.target, offset: r.offset, scope: 0 }));
  return { page: { type: 'titlePage', lines: out, noteLines: true, ...(refs[0]?.ref.pos ? { pos: refs[0].ref.pos } : {}) }, refs, anchors };
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

/**
 * The lines of the title block, their words, note references and anchors, the references' brackets
 * left out. An anchor waits for the next words or reference, and stands before them in their line
 * (an anchor before a heading belongs to the heading's line); one after all words ends the last line.
 */
function linesOf(body: Node, end: number, isNoteRef: (e: Element) => boolean, file: string, anchorId: (name: string) => string | undefined): Line[] {
  const lines: Line[] = [{ parts: [], apart: true, heading: false, refs: [] }];
  let closeBracket = false;
  let waiting: Anchor[] = [];
  const seen = new Set<string>();
  const place = (line: Line) => {
    line.parts.push(...waiting);
    waiting = [];
  };
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
      if (value.trim()) place(last);
      last.parts.push(value);
      return;
    }
    const t = tag(n);
    // `<A NAME="tp">` is read as `<BR ID="tp">` (dom.ts pointAnchors): a point, no line break
    if (t === 'br' && attr(n, 'id') !== undefined) {
      const id = anchorId(attr(n, 'id')!);
      if (id !== undefined && !seen.has(id)) {
        seen.add(id);
        waiting.push({ type: 'anchor', id });
      }
      return;
    }
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
      // all the link's words, as the reader's test of a note link reads them (index.ts isNoteRefLink):
      // `<A HREF="#en44"><SUP>44</SUP></A>` is labelled 44 too
      const label = collapse(textOf(n)).replace(/[[\]\s]/g, '');
      const href = attr(n, 'href')!;
      const ref: NoteRef = { type: 'noteRef', noteId: '', id: '', n: label, pos: positionOf(n, file) };
      place(last);
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
  const kept = lines
    .map((l) => ({ ...l, parts: trimParts(l.parts) }))
    .filter((l) => l.parts.length > 0);
  kept.at(-1)?.parts.push(...waiting);
  return kept;
}

/** Spaces collapsed, none at the line's ends (its anchors aside); empty words left out. */
function trimParts(parts: Part[]): Part[] {
  // adjacent words joined first, so that a space the transcription left before a closing bracket
  // (`SISMONDISTS </I>)`) goes, as the header's subtitle loses it (title-subtitle.ts)
  const joined: Part[] = [];
  for (const p of parts) {
    const last = joined.at(-1);
    if (typeof p === 'string' && typeof last === 'string') joined[joined.length - 1] = last + p;
    else joined.push(p);
  }
  const out = joined.map((p) => (typeof p === 'string' ? p.replace(/\s+/g, ' ').replace(/ ([)\]])/g, '$1') : p));
  const isAnchor = (p: Part | undefined) => typeof p !== 'string' && p?.type === 'anchor';
  let first = 0;
  while (first < out.length && (isAnchor(out[first]) || (typeof out[first] === 'string' && !(out[first] as string).trim()))) first++;
  if (first === out.length) return out.filter(isAnchor);
  if (typeof out[first] === 'string') out[first] = (out[first] as string).trimStart();
  let last = out.length - 1;
  while (last > first && (isAnchor(out[last]) || (typeof out[last] === 'string' && !(out[last] as string).trim()))) last--;
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd();
  // the anchors before the first words and after the last stay, the spaces around them do not
  return [...out.slice(0, first).filter(isAnchor), ...out.slice(first, last + 1), ...out.slice(last + 1).filter(isAnchor)].filter((p) => p !== '');
}
