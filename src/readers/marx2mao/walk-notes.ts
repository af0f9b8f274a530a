/**
 * The walker's handling of the apparatus: the NOTES line and the endnotes, note references and
 * back-references (also when the parser split their wrapper), anchors, links to other pages, and
 * the foot-of-page notes after a short rule. Functions over the Walker, changing its state only
 * through WalkState's methods (walk-state.ts).
 */
import type { Note, NoteRef, NotesSection } from '../../model/types.js';
import { attr, childrenOf, collapse, endOffset, findFirst, isElement, isText, startOffset, tag, textOf, type Element, type Node } from './dom.js';
import { balancedFontEnd, closingFont, notesFromBlocks } from './footnotes.js';
import { firstContent } from './page-parts.js';
import { isPageAnchorName, samePageFragment } from './recognise.js';
import type { Walker, WalkCtx } from './walk.js';

/** The element or text that holds the "NOTES" line found by notesHeadingOffset(). */
export function isNotesHeading(w: Walker, node: Node, text: string): boolean {
  if (w.state.notes || !node.sourceCodeLocation || !/^\s*notes\s*$/i.test(text)) return false;
  const [from, to] = [startOffset(node), endOffset(node)];
  return w.input.notesHeadings.some((at) => from <= at && at < to);
}

export function enterNotes(w: Walker, node?: Node): void {
  const section: NotesSection = { items: [] };
  if (node) {
    section.heading = [{ type: 'text', value: collapse(textOf(node)).trim() }];
    section.pos = w.pos(node);
  }
  w.state.enterNotes(section);
}

export function beginNote(w: Walker, el: Element, name: string, ctx: WalkCtx): void {
  if (!w.state.notes) enterNotes(w);
  const label = collapse(textOf(el)).trim().match(/^\[?\s*([\w*]+)/)?.[1] ?? '';
  const num = name.match(/^en(\d+\w*)$/i)?.[1] ?? label;
  // the notes of the second, third… document restart at 1: their ids say which document (d2-n1)
  // (by the printed number: the transcriber may have named them en1b, en1c…)
  const k = w.state.sections.length;
  const section = w.state.notes!;
  const taken = (id: string) => section.items.some((i) => !('pb' in i) && i.id === id);
  const byLabel = `d${k}-n${label}`;
  const first = k < 2 ? `n${num}` : /^\d+$/.test(label) && !taken(byLabel) ? byLabel : `d${k}-n${num}`;
  const id = uniqueNoteId(w, el, first, taken);
  const note: Note = { id, n: label || num, place: 'end', blocks: [], pos: w.pos(el) };
  // text between the NOTES line and the first note (an editor's line) belongs to the heading
  const orphans = w.state.beginNote(note, name, ctx.ul).flatMap((b) => ('children' in b ? b.children : []));
  if (orphans.length) section.heading = [...(section.heading ?? []), { type: 'lb' }, ...orphans];
}

/**
 * Two notes with one anchor name, or one note printed twice: the later one gets the next free id
 * (`n7-2`) and a warning with its position. References go to the first (by name and label); the
 * later one is then unreferenced, which the TEI declares (`note type="unreferenced"`).
 */
function uniqueNoteId(w: Walker, el: Element, id: string, taken: (id: string) => boolean): string {
  if (!taken(id)) return id;
  let k = 2;
  while (taken(`${id}-${k}`)) k++;
  const pos = w.pos(el);
  w.input.shared.diagnostics.push({
    severity: 'warning', code: 'note-duplicate',
    message: `a second note ${id.replace(/^(d\d+-)?n/, '')} (anchor "${attr(el, 'name') ?? ''}"): kept as ${id}-${k}`,
    file: pos.file, line: pos.line, column: pos.column,
  });
  return `${id}-${k}`;
}

export function link(w: Walker, el: Element, ctx: WalkCtx): void {
  const name = attr(el, 'name');
  // a re-created copy of an unclosed `<A NAME>` is not a second anchor
  if (name !== undefined && !el.sourceCodeLocation) return w.children(el, ctx);
  if (name !== undefined) {
    const startsNote = anchorPoint(w, el, name, ctx);
    // the note's label is data (its number); an anchor left unclosed holds the note's text too
    if (startsNote) w.state.expectLabel(true);
    w.children(el, ctx);
    w.state.expectLabel(false);
    return;
  }
  const href = attr(el, 'href');
  if (href && bracketedLink(w, el, href, ctx)) return;
  const own = href ? ownAnchorLink(w, el, href) : undefined;
  if (own) return w.children(el, { ...ctx, link: { target: own, outer: ctx.styles.length } });
  if (href && !w.input.isLocal(href)) {
    // an image in the link's words (a Greek word set as an image) keeps its place in the link
    if (findFirst(el, (e) => tag(e) === 'img') !== undefined) return w.children(el, { ...ctx, link: { target: href, outer: ctx.styles.length } });
    const value = collapse(textOf(el));
    if (value.trim()) {
      // the href as the page writes it: its own address is unknown, a local folder's name is not one
      w.state.flow.inline({ type: 'link', target: href, children: [{ type: 'text', value }], pos: w.pos(el) }, w.blockCtx(ctx), w.pos(el));
      return;
    }
  }
  w.children(el, ctx);
}

/**
 * `[<A HREF="#en1">1</A>]` and `[p. <A HREF="#p275">275</A>]` whose wrapper the HTML5 parser split
 * (an unclosed `<A NAME>` before them makes it rebuild the `<FONT>`): recognised from the text
 * around the link.
 */
export function bracketedLink(w: Walker, el: Element, href: string, ctx: WalkCtx): boolean {
  if (!w.input.isLocal(href)) return false;
  const target = href.slice(href.indexOf('#') + 1);
  const label = collapse(textOf(el)).trim();
  const before = w.input.texts.before(el);
  const after = w.input.texts.after(el);
  if (!before || !after) return false;
  if (w.state.note && /\[\s*pp?\.\s*$/i.test(before.value) && /^\d+[a-z]?$/.test(label)) {
    const rest = /^\s*\]/.test(after.value) ? { links: [], between: [], close: after } : pageListRest(w, el);
    if (rest) {
      w.state.flow.stripTrailing(/\[\s*pp?\.\s*$/i);
      w.state.addBackRef({ page: label, anchor: `a-${target}` });
      for (const a of rest.links) w.state.addBackRef({ page: collapse(textOf(a)).trim(), anchor: `a-${attr(a, 'href')!.slice(attr(a, 'href')!.indexOf('#') + 1)}` });
      // the links and separators taken are not text
      for (const n of rest.between) w.input.skip.add(n);
      w.state.expectClosingBracket(rest.close);
      return true;
    }
  }
  if (!/^\s*\]/.test(after.value)) return false;
  if (/\[\s*$/.test(before.value) && /^(\*{1,4}|\d{1,3}[a-z]?|[a-z]|†+)$/.test(label) && (/^fnp/i.test(target) || w.input.isNoteName(target))) {
    w.state.flow.stripTrailing(/\[\s*$/);
    w.state.expectClosingBracket(after);
    noteRef(w, el, { target, label }, ctx);
    return true;
  }
  return false;
}

/**
 * `[pp. <A …>124</A>, <A …>201</A>]` without a wrapper: after the first link, the further links to
 * this page with the separators between them (`, `, ` and `), up to the text that closes the
 * bracket. Undefined when the siblings are anything else.
 */
function pageListRest(w: Walker, el: Element): { links: Element[]; between: Node[]; close: Node } | undefined {
  const siblings = el.parentNode ? childrenOf(el.parentNode as Node) : [];
  const links: Element[] = [];
  const between: Node[] = [];
  for (const n of siblings.slice(siblings.indexOf(el) + 1)) {
    if (isText(n)) {
      if (/^\s*\]/.test(n.value)) return links.length ? { links, between, close: n } : undefined;
      if (!/^\s*(?:,|and|&)\s*$/.test(n.value)) return undefined;
    } else if (isElement(n) && tag(n) === 'a' && w.input.isLocal(attr(n, 'href') ?? '') && /^\d+[a-z]?$/.test(collapse(textOf(n)).trim())) {
      links.push(n);
    } else return undefined;
    between.push(n);
  }
  return undefined;
}

/** `<A NAME>`: a note's start (`en1`), the mark before foot notes (`fnp72`) or an anchor. */
export function anchorPoint(w: Walker, el: Element, name: string, ctx: WalkCtx): boolean {
  if (w.input.isNoteName(name) && tag(el) === 'a' && w.input.firstNote !== undefined && startOffset(el) >= w.input.firstNote) {
    beginNote(w, el, name, ctx);
    return true;
  }
  if (/^fnp/i.test(name)) w.state.markFootAnchor(name);
  else if (!/^notes$/i.test(name)) {
    const id = anchorId(name);
    if (w.state.addAnchor(id)) w.state.flow.anchor(id);
  }
  return false;
}

/** The TEI id of the page's anchor `name` (`s2` → `a-s2`). */
export function anchorId(name: string): string {
  return `a-${name.replace(/[^\w.-]/g, '_')}`;
}

/**
 * `#a-s2` for a link to an anchor of this page that stands for neither a note nor a print page:
 * a contents entry's `<A HREF="IC17.html#s2">364</A>`, a cross-reference. Only a link closed in
 * the source: the parser stretches an unclosed `<A>` over what follows it. The reader unwraps the
 * link again when its anchor did not become one (resolve.ts, dropDanglingLinks).
 */
function ownAnchorLink(w: Walker, el: Element, href: string): string | undefined {
  if (!el.sourceCodeLocation?.endTag) return undefined;
  // this page's own (not another page's that sets an anchor of the same name: `AQCM07.html#s11`)
  const linked = samePageFragment(href, w.input.page);
  if (linked === undefined) return undefined;
  const name = w.input.anchorAliases.get(linked) ?? linked;
  if (!w.input.anchorNames.has(name) || w.input.isNoteName(name) || isPageAnchorName(name) || /^notes$/i.test(name)) return undefined;
  return `#${anchorId(name)}`;
}

export function noteRef(w: Walker, el: Element, m: { target?: string; label: string }, ctx: WalkCtx): void {
  const ref: NoteRef = { type: 'noteRef', noteId: '', id: '', n: m.label, pos: w.pos(el) };
  w.state.addRef({ ref, target: m.target, offset: startOffset(el), scope: w.state.sections.length - (w.state.notes ? 1 : 0) });
  w.state.flow.inline(ref, w.blockCtx({ ...ctx, styles: ctx.styles.filter((s) => s !== 'superscript') }), w.pos(el));
}

/**
 * A short left rule opens foot-of-page notes: the `<FONT SIZE=-1>` after it, up to its closing
 * tag in the source. The HTML5 parser may move part of that content out of the FONT element (a
 * `<P>` inside it), so the extent is taken from the source text, and everything the walk meets
 * until there goes to the notes.
 */
export function footnoteBlock(w: Walker, hr: Element, ctx: WalkCtx): void {
  if (w.state.foot || startOffset(hr) < 0) return w.state.flow.boundary();
  const siblings = hr.parentNode ? childrenOf(hr.parentNode as Node) : [];
  const font = firstContent(siblings.slice(siblings.indexOf(hr) + 1), startOffset(hr));
  if (font && startOffset(font) >= 0) {
    const end = footEnd(w, startOffset(font));
    // a FONT that holds the note's mark alone (`<FONT SIZE=-1>&nbsp &nbsp * </FONT>`), its words
    // printed after it: the note runs on as notes without a FONT of their own do
    // (only where a page marker follows: on the last page what follows may be the text's end)
    const runsOn = markOnly(font) && w.input.pageMarkers.some((at) => at > end);
    return openFoot(w, moreFootFonts(w, runsOn ? bareFootEnd(w, end) : end), startOffset(hr), ctx);
  }
  // notes printed after the rule without a FONT of their own (often inside the small type of a
  // quotation): they open with their mark, and end where the FONT around them or the page ends
  if (opensWithMark(w.input.source, endOffset(hr))) return openFoot(w, bareFootEnd(w, endOffset(hr)), startOffset(hr), ctx);
  w.state.flow.boundary();
}

/**
 * Small-type blocks right after a page's foot notes, before the page ends, that open with a star
 * or `[N]` mark (`<P><FONT SIZE=-2>&nbsp &nbsp * I must observe …</FONT>`, a note on a note):
 * more of the page's notes. Where the last of them ends; `end` when none follows, or the page has
 * no marker after them (the last page: what follows may be anything).
 */
function moreFootFonts(w: Walker, end: number): number {
  const source = w.input.source;
  const marker = w.input.pageMarkers.find((at) => at > end);
  if (marker === undefined) return end;
  for (;;) {
    const gap = /^(?:\s|&nbsp;?|<P\b[^>]*>|<BR\b[^>]*>)*(?=<FONT\s+SIZE="?-[12]"?\s*>)/i.exec(source.slice(end, marker));
    if (!gap) return end;
    const at = end + gap[0].length;
    const text = source.slice(at, at + 200).replace(/<[^>]*>|&nbsp;?/gi, ' ').trimStart();
    const closed = balancedFontEnd(source, at);
    if (!/^(?:\[?\*{1,4}|\[\d{1,3}\])/.test(text) || closed > marker) return end;
    end = closed;
  }
}

/** A FONT whose only words are a note's mark: `*`, `**`, `[1]`, `1.`. */
function markOnly(font: Element): boolean {
  return /^\s*(?:\[?\*{1,4}\]?|\[\d{1,3}\]|\d{1,3}\.)\s*$/.test(collapse(textOf(font)).replace(/\u00a0/g, ' '));
}

/** The text after `at` begins with a note's mark: `*`, `[*`, `[1]`, `1.`. */
function opensWithMark(source: string, at: number): boolean {
  const text = source.slice(at, at + 200).replace(/<[^>]*>|&nbsp;?/gi, ' ').trimStart();
  return /^(?:\[?\*{1,4}|\[\d{1,3}\]|\d{1,3}\.[\s\u00a0])/.test(text);
}

/**
 * Where notes without a FONT of their own end: at the `</FONT>` that closes a FONT opened before
 * them, or at the next page marker, whichever comes first.
 */
function bareFootEnd(w: Walker, from: number): number {
  const closed = closingFont(w.input.source, from, 1)?.start ?? w.input.source.length;
  const marker = w.input.pageMarkers.find((at) => at > from);
  return marker !== undefined && marker < closed ? marker : closed;
}

/**
 * Numbered foot notes printed without the rule: a `<FONT SIZE=-1>` that opens with `2.`
 * where a reference `[2]` (linked to the page's note block, or not linked) stands earlier on the
 * same page. Opens the foot-note block at the FONT.
 */
export function numberedFootBlock(w: Walker, font: Element, ctx: WalkCtx): boolean {
  if (w.state.foot || w.state.notes || ctx.inFootnote || attr(font, 'size') !== '-1' || startOffset(font) < 0) return false;
  const label = textOf(font).slice(0, 80).match(/^[\s\u00a0]*(\d{1,3})\.[\s\u00a0]/)?.[1];
  if (!label) return false;
  const at = startOffset(font);
  const pageStart = w.input.pageMarkers.filter((m) => m < at).at(-1) ?? 0;
  const pending = w.state.refs.some((r) => r.offset > pageStart && r.ref.n === label && (!r.target || /^fnp/i.test(r.target)));
  if (!pending) return false;
  openFoot(w, footEnd(w, at), at, ctx);
  return true;
}

function openFoot(w: Walker, end: number, offset: number, ctx: WalkCtx): void {
  w.state.openFoot({ end, blocks: [], ul: ctx.ul, offset });
}

/**
 * Where a foot-note block ends: where its FONT is closed, but never past the next page marker (a
 * FONT left unclosed would otherwise take the next page's text into the note).
 */
function footEnd(w: Walker, fontStart: number): number {
  const closed = balancedFontEnd(w.input.source, fontStart);
  const marker = w.input.pageMarkers.find((at) => at > fontStart);
  return marker !== undefined && marker < closed ? marker : closed;
}

export function finishFoot(w: Walker): void {
  const foot = w.state.closeFoot();
  if (!foot) return;
  const notes = notesFromBlocks(foot.blocks, () => w.state.nextFootId());
  const displaced = w.state.notes !== undefined;
  w.state.addFootnotes({ anchor: foot.anchor, notes, offset: foot.offset, displaced });
  if (!displaced) for (const note of notes) w.state.flow.footBlock({ type: 'noteBlock', note });
}
