/**
 * The walk over a page's body: every node after the title block and before the navigation table,
 * in document order, dispatched to the flow (running text), the notes section and the foot-of-page
 * notes. The parse tree's nesting is unreliable in marx2mao pages (unclosed tags), so the walker only
 * tracks what a tag says about its content (italic, centred, heading, indentation depth).
 */
import type {
  Block, EmphasisRend, Note, NoteRef, NotesSection, PageBreak, SourcePosition,
} from '../../model/types.js';
import { attr, childrenOf, shortText, collapse, elements, endOffset, isElement, isText, positionOf, startOffset, tag, textOf, type Element, type Node } from './dom.js';
import { Flow, type BlockContext, type FlowShared } from './flow.js';
import { balancedFontEnd, notesFromBlocks } from './footnotes.js';
import { backReference, footnoteRule, noteReference, pageMarker } from './recognise.js';
import { figureOf } from './title-block.js';
import { isItemList, readList, readTable } from './tables.js';

export interface WalkCtx {
  styles: EmphasisRend[];
  center: boolean;
  heading: number;
  ul: number;
  align?: 'center' | 'right';
  /** Inside a foot-of-page note block: labels there are not references. */
  inFootnote: boolean;
}

/** A note reference met in the text, resolved to its note after the walk. */
export interface RefRecord {
  ref: NoteRef;
  target?: string;
  offset: number;
}

/** A block of foot-of-page notes, with the anchor name that precedes it (`fnp72`). */
export interface FootnoteRecord {
  anchor?: string;
  notes: Note[];
  offset: number;
  /** Met in the notes section or after it: to be moved to the foot of its reference's page. */
  displaced: boolean;
}

export interface WalkInput {
  file: string;
  page: string;
  shared: FlowShared;
  /** Content before this offset is the title block. */
  start: number;
  /** Content from this offset on is the navigation table. */
  end: number;
  /** `<UL>` depth of the running text (the whole text is usually inside one `<UL>`). */
  baseUl: number;
  /** Offset of the first endnote anchor (`<A NAME="en1">`), if the page has endnotes. */
  firstNote?: number;
  /** Offset of the "NOTES" line that opens the endnotes: the last one before the first note. */
  notesHeading?: number;
  /** Text nodes in document order, to look at the text around a link. */
  texts: TextOrder;
  /** The decoded source: foot-note extents are measured in it. */
  source: string;
  /** Whether a link points into this page. */
  isLocal: (href: string) => boolean;
  /** Navigation tables: never running text. */
  skip: Set<Node>;
}

/** The text nodes of the page in document order, to find the text just before or after a node. */
export class TextOrder {
  private readonly list: (Node & { value: string })[] = [];
  private readonly index = new Map<Node, number>();
  constructor(root: Node) {
    const walk = (n: Node) => {
      if (isText(n)) {
        this.index.set(n, this.list.length);
        this.list.push(n);
      }
      for (const c of childrenOf(n)) walk(c);
    };
    walk(root);
  }
  /** The text node before the first text inside `el`, skipping whitespace-only ones. */
  before(el: Node): (Node & { value: string }) | undefined {
    const first = firstText(el);
    let i = first ? this.index.get(first)! - 1 : -1;
    while (i >= 0 && !this.list[i]!.value.trim()) i--;
    return i >= 0 ? this.list[i] : undefined;
  }
  after(el: Node): (Node & { value: string }) | undefined {
    const last = lastTextIn(el);
    let i = last ? this.index.get(last)! + 1 : this.list.length;
    while (i < this.list.length && !this.list[i]!.value.trim()) i++;
    return this.list[i];
  }
}

function firstText(n: Node): Node | undefined {
  if (isText(n)) return n;
  for (const c of childrenOf(n)) {
    const t = firstText(c);
    if (t) return t;
  }
  return undefined;
}

function lastTextIn(n: Node): Node | undefined {
  if (isText(n)) return n;
  const cs = childrenOf(n);
  for (let i = cs.length - 1; i >= 0; i--) {
    const t = lastTextIn(cs[i]!);
    if (t) return t;
  }
  return undefined;
}

export class Walker {
  readonly front: Block[] = [];
  readonly body: Block[] = [];
  notes: NotesSection | undefined;
  readonly refs: RefRecord[] = [];
  readonly footnotes: FootnoteRecord[] = [];
  readonly anchorIds = new Set<string>();
  /** Index of the first page break in the notes section (all of them if there is none). */
  notesStart = Number.MAX_SAFE_INTEGER;
  private flow: Flow;
  private inBody = false;
  private note: Note | undefined;
  private noteUl = 0;
  private lastFnpAnchor: string | undefined;
  private consumed = new Set<Node>();
  private footCount = 0;
  /** The foot-of-page notes being read, up to `end` in the source. */
  private foot:
    | { end: number; blocks: Block[]; flow: Flow; mainFlow: Flow; note: Note | undefined; ul: number; offset: number; anchor: string | undefined }
    | undefined;
  private stripNext: Node | undefined;

  constructor(private readonly input: WalkInput) {
    this.flow = new Flow(this.front, input.shared);
  }

  run(root: Node): void {
    this.walk(root, { styles: [], center: false, heading: 0, ul: 0, inFootnote: false });
    this.finishFoot();
    this.flow.finish();
    // text between the NOTES heading and the first note (an editor's line) belongs to the heading
    const orphans = this.flow.orphans.flatMap((b) => ('children' in b ? b.children : []));
    if (this.notes && orphans.length) this.notes.heading = [...(this.notes.heading ?? []), { type: 'lb' }, ...orphans];
  }

  walk(node: Node, ctx: WalkCtx): void {
    if (this.consumed.has(node) || this.input.skip.has(node)) return;
    if (this.foot && node.sourceCodeLocation && startOffset(node) >= this.foot.end) this.finishFoot();
    if (this.foot && !ctx.inFootnote) ctx = { ...ctx, inFootnote: true, heading: 0, center: false };
    // elements the parser re-created (an unclosed <A> or <FONT> reopened) have no location: go in
    if (node.sourceCodeLocation) {
      if (startOffset(node) >= this.input.end) return;
      if (endOffset(node) <= this.input.start) return;
    }
    if (isText(node)) return this.text(node, ctx);
    if (!isElement(node)) {
      for (const c of childrenOf(node)) this.walk(c, ctx);
      return;
    }
    this.element(node, ctx);
  }

  private pos(node: Node): SourcePosition {
    return positionOf(node, this.input.file);
  }

  private blockCtx(ctx: WalkCtx): BlockContext {
    const base = this.foot ? this.foot.ul : this.note ? this.noteUl : this.input.baseUl;
    return {
      kind: ctx.heading ? 'heading' : 'p',
      level: ctx.heading,
      align: ctx.heading ? undefined : ctx.center ? 'center' : ctx.align,
      quoteDepth: Math.max(0, ctx.ul - base),
      styles: ctx.heading ? ctx.styles.filter((s) => s !== 'bold') : ctx.styles,
    };
  }

  private text(node: Node & { value: string }, ctx: WalkCtx): void {
    let value = node.value;
    if (this.stripNext === node) {
      // the `]` closing a note reference or back-reference whose `[` was already taken
      value = value.replace(/^\s*\]/, '');
      this.stripNext = undefined;
    }
    if (!ctx.inFootnote && this.isNotesHeading(node, value)) return this.enterNotes(node);
    if (/^\s*\u00a0[ \t\r\n]*\u00a0/.test(value)) {
      // `&nbsp &nbsp` opens a paragraph; in titles and centred lines it is only spacing
      if (!ctx.heading && !ctx.center) this.flow.indent();
      value = value.replace(/^[\s\u00a0]+/, '');
      if (!value) return;
    }
    this.flow.text(value, this.blockCtx(ctx), this.pos(node));
  }

  private children(el: Element, ctx: WalkCtx): void {
    for (const c of childrenOf(el)) this.walk(c, ctx);
  }

  private element(el: Element, ctx: WalkCtx): void {
    const t = tag(el);
    if (t === 'script' || t === 'style' || t === 'head' || t === 'title' || t === 'template') return;
    const marker = pageMarker(el);
    if (marker !== undefined) return this.pageMarker(el, marker);
    if (!ctx.inFootnote && this.isNotesHeading(el, shortText(el, 60) ?? '')) return this.enterNotes(el);
    if (!ctx.inFootnote) {
      const ref = noteReference(el, this.input.isLocal);
      if (ref) return this.noteRef(el, ref, ctx);
      if (this.note) {
        const back = backReference(el);
        if (back) {
          this.note.backRef = { page: back.page, ...(back.target ? { anchor: `a-${back.target}` } : {}) };
          return;
        }
      }
    }
    switch (t) {
      case 'a':
        return this.link(el, ctx);
      case 'p':
      case 'div': {
        this.flow.boundary();
        const align = (attr(el, 'align') ?? '').toLowerCase();
        const next = { ...ctx, align: align === 'center' ? ('center' as const) : align === 'right' ? ('right' as const) : undefined };
        this.children(el, next);
        return;
      }
      case 'br': {
        const id = attr(el, 'id');
        if (id !== undefined) {
          this.anchorPoint(el, id, ctx);
          return;
        }
        return this.flow.lineBreak();
      }
      case 'hr':
        if (footnoteRule(el) && !ctx.inFootnote) return this.footnoteBlock(el, ctx);
        return this.flow.boundary();
      case 'center':
        return this.blockish(el, { ...ctx, center: true });
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        return this.blockish(el, { ...ctx, heading: Math.max(1, Number(t[1]) - 1) });
      case 'ul': case 'ol':
        if (isItemList(el)) return this.list(el, ctx);
        return this.blockish(el, { ...ctx, ul: ctx.ul + 1 });
      case 'dl': case 'blockquote': case 'dd':
        return this.blockish(el, { ...ctx, ul: ctx.ul + 1 });
      case 'li': case 'dt': case 'tr':
        return this.blockish(el, ctx);
      case 'table':
        return this.table(el, ctx);
      case 'img':
        if (attr(el, 'src')) this.flow.block(figureOf(el, this.input.file), this.blockCtx(ctx));
        return;
      case 'i': case 'em': case 'cite': case 'var':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'italic'] });
      case 'u':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'underline'] });
      case 'sup':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'superscript'] });
      case 'sub':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'subscript'] });
      case 'b': case 'strong':
        if (ctx.center && !ctx.heading && this.flow.atBoundary() && collapse(textOf(el)).trim()) {
          return this.blockish(el, { ...ctx, heading: 2 });
        }
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'bold'] });
      case 'font': {
        const size = attr(el, 'size') ?? '';
        if (/^\+[1-9]/.test(size) && ctx.center && this.flow.atBoundary()) return this.blockish(el, { ...ctx, heading: 1 });
        if (ctx.heading === 2 && /^\+[1-9]/.test(size)) return this.children(el, { ...ctx, heading: 1 });
        if (size.startsWith('-') && !ctx.inFootnote && el.childNodes.some((c) => tag(c) === 'p')) {
          return this.blockish(el, { ...ctx, ul: ctx.ul + 1 });
        }
        return this.children(el, ctx);
      }
      default:
        return this.children(el, ctx);
    }
  }

  /** An element whose content is block-level: boundaries before and after. */
  private blockish(el: Element, ctx: WalkCtx): void {
    this.flow.boundary();
    this.children(el, ctx);
    this.flow.boundary();
  }

  private pageMarker(el: Element, n: string): void {
    const pos = this.pos(el);
    if (!n) {
      this.input.shared.diagnostics.push({
        severity: 'warning', code: 'page-marker-empty', message: 'page marker without a page number; no page break made',
        file: pos.file, line: pos.line, column: pos.column,
      });
      return;
    }
    if (!this.inBody && !this.notes) {
      this.inBody = true;
      this.flow.switchRoot(this.body, undefined);
    }
    this.flow.pageBreak(n, pos);
  }

  /** The "NOTES" line that opens the endnotes (only when endnotes follow it). */
  /** The element or text that holds the "NOTES" line found by notesHeadingOffset(). */
  private isNotesHeading(node: Node, text: string): boolean {
    const at = this.input.notesHeading;
    if (this.notes || at === undefined || !node.sourceCodeLocation) return false;
    return startOffset(node) <= at && at < endOffset(node) && /^\s*notes\s*$/i.test(text);
  }

  private enterNotes(node?: Node): void {
    const section: NotesSection = { items: [] };
    if (node) {
      section.heading = [{ type: 'text', value: collapse(textOf(node)).trim() }];
      section.pos = this.pos(node);
    }
    this.notes = section;
    this.inBody = true;
    this.flow.dropRepeatedPending();
    this.notesStart = this.input.shared.pageBreaks.length - this.flow.pendingCount();
    this.flow.switchRoot(undefined, (pb) => section.items.push({ type: 'pbBlock', pb }));
  }

  private beginNote(el: Element, name: string, ctx: WalkCtx): void {
    if (!this.notes) this.enterNotes();
    const label = collapse(textOf(el)).replace(/[[\]\s.]/g, '');
    const num = name.match(/^en(\d+\w*)$/i)?.[1] ?? label;
    const note: Note = { id: `n${num}`, n: label || num, place: 'end', blocks: [], pos: this.pos(el) };
    const section = this.notes!;
    this.flow.switchRoot(note.blocks, (pb) => section.items.push({ type: 'pbBlock', pb }));
    section.items.push(note);
    this.note = note;
    this.noteUl = ctx.ul;
  }

  private link(el: Element, ctx: WalkCtx): void {
    const name = attr(el, 'name');
    // a re-created copy of an unclosed `<A NAME>` is not a second anchor
    if (name !== undefined && !el.sourceCodeLocation) return this.children(el, ctx);
    if (name !== undefined) {
      const startsNote = this.anchorPoint(el, name, ctx);
      if (!startsNote) this.children(el, ctx);
      return;
    }
    const href = attr(el, 'href');
    if (href && !ctx.inFootnote && this.bracketedLink(el, href, ctx)) return;
    if (href && !this.input.isLocal(href)) {
      const value = collapse(textOf(el));
      if (value.trim()) {
        this.flow.inline({ type: 'link', target: absoluteUrl(href, this.input.file), children: [{ type: 'text', value }] }, this.blockCtx(ctx), this.pos(el));
        return;
      }
    }
    this.children(el, ctx);
  }

  /**
   * `[<A HREF="#en1">1</A>]` and `[p. <A HREF="#p275">275</A>]` whose wrapper the HTML5 parser split
   * (an unclosed `<A NAME>` before them makes it rebuild the `<FONT>`): recognised from the text
   * around the link.
   */
  private bracketedLink(el: Element, href: string, ctx: WalkCtx): boolean {
    if (!this.input.isLocal(href)) return false;
    const target = href.slice(href.indexOf('#') + 1);
    const label = collapse(textOf(el)).trim();
    const before = this.input.texts.before(el);
    const after = this.input.texts.after(el);
    if (!before || !after || !/^\s*\]/.test(after.value)) return false;
    if (this.note && /\[\s*pp?\.\s*$/i.test(before.value) && /^\d+[a-z]?$/.test(label)) {
      this.flow.stripTrailing(/\[\s*pp?\.\s*$/i);
      this.note.backRef = { page: label, anchor: `a-${target}` };
      this.stripNext = after;
      return true;
    }
    if (/\[\s*$/.test(before.value) && /^(\*{1,4}|\d{1,3}[a-z]?|[a-z]|†+)$/.test(label) && /^(en|fnp)/i.test(target)) {
      this.flow.stripTrailing(/\[\s*$/);
      this.stripNext = after;
      this.noteRef(el, { target, label }, ctx);
      return true;
    }
    return false;
  }

  /** `<A NAME>`: a note's start (`en1`), the mark before foot notes (`fnp72`) or an anchor. */
  private anchorPoint(el: Element, name: string, ctx: WalkCtx): boolean {
    if (/^en\d*\w*$/i.test(name) && tag(el) === 'a' && this.input.firstNote !== undefined && startOffset(el) >= this.input.firstNote) {
      this.beginNote(el, name, ctx);
      return true;
    }
    if (/^fnp/i.test(name)) this.lastFnpAnchor = name;
    else if (!/^notes$/i.test(name)) {
      const id = `a-${name.replace(/[^\w.-]/g, '_')}`;
      if (!this.anchorIds.has(id)) {
        this.anchorIds.add(id);
        this.flow.anchor(id);
      }
    }
    return false;
  }

  private noteRef(el: Element, m: { target?: string; label: string }, ctx: WalkCtx): void {
    const ref: NoteRef = { type: 'noteRef', noteId: '', id: '', n: m.label, pos: this.pos(el) };
    this.refs.push({ ref, target: m.target, offset: startOffset(el) });
    this.flow.inline(ref, this.blockCtx({ ...ctx, styles: ctx.styles.filter((s) => s !== 'superscript') }), this.pos(el));
  }

  /**
   * A short left rule opens foot-of-page notes: the `<FONT SIZE=-1>` after it, up to its closing
   * tag in the source. The HTML5 parser may move part of that content out of the FONT element (a
   * `<P>` inside it), so the extent is taken from the source text, and everything the walk meets
   * until there goes to the notes.
   */
  private footnoteBlock(hr: Element, ctx: WalkCtx): void {
    const siblings = hr.parentNode ? childrenOf(hr.parentNode as Node) : [];
    const font = firstContent(siblings.slice(siblings.indexOf(hr) + 1), startOffset(hr));
    if (!font || this.foot || startOffset(font) < 0) return this.flow.boundary();
    const blocks: Block[] = [];
    this.foot = {
      end: balancedFontEnd(this.input.source, startOffset(font)),
      blocks,
      flow: new Flow(blocks, this.input.shared),
      mainFlow: this.flow,
      note: this.note,
      ul: ctx.ul,
      offset: startOffset(hr),
      anchor: this.lastFnpAnchor,
    };
    this.lastFnpAnchor = undefined;
    this.flow = this.foot.flow;
    this.note = undefined;
  }

  private finishFoot(): void {
    const foot = this.foot;
    if (!foot) return;
    this.foot = undefined;
    foot.flow.finish();
    this.flow = foot.mainFlow;
    this.note = foot.note;
    const notes = notesFromBlocks(foot.blocks, () => `fn${++this.footCount}`);
    const displaced = this.notes !== undefined;
    this.footnotes.push({ anchor: foot.anchor, notes, offset: foot.offset, displaced });
    if (!displaced) for (const note of notes) this.flow.footBlock({ type: 'noteBlock', note });
  }

  /** Swap the flow while a sub-structure (a table cell, a foot note) is read. */
  withFlow(flow: Flow, read: () => void): void {
    const saved = this.flow;
    const savedNote = this.note;
    this.flow = flow;
    this.note = undefined;
    try {
      read();
      flow.finish();
    } finally {
      this.flow = saved;
      this.note = savedNote;
    }
  }

  private list(el: Element, ctx: WalkCtx): void {
    if (elements(el).some((e) => pageMarker(e) !== undefined || /^en\d/i.test(attr(e, 'name') ?? ''))) {
      return this.blockish(el, { ...ctx, ul: ctx.ul + 1 });
    }
    this.flow.boundary();
    const list = readList(el, (flow, read) => this.withFlow(flow, read), (n, c) => this.walk(n, c), this.input.shared, ctx);
    if (list) this.flow.block(list, this.blockCtx(ctx));
  }

  private table(el: Element, ctx: WalkCtx): void {
    // a table that holds page markers or notes is layout around running text, not a table
    const layout = elements(el).some((e) => pageMarker(e) || (attr(e, 'name') ?? '').match(/^en\d/i));
    if (layout) return this.blockish(el, ctx);
    this.flow.boundary();
    const table = readTable(el, (flow, read) => this.withFlow(flow, read), (n, c) => this.walk(n, c), this.input.shared, ctx);
    if (!table) return;
    // a table of links into the page itself is its contents list
    const inner = elements(el).filter((e) => tag(e) === 'a' && /^[^#]*#/.test(attr(e, 'href') ?? '') && !/^(https?:|\.\.)/i.test(attr(e, 'href') ?? ''));
    const contents = inner.length >= 3 && !this.inBody;
    if (!contents) return this.flow.block(table, this.blockCtx(ctx));
    const head = this.flow.takeHeading();
    this.flow.block({ type: 'division', kind: 'contents', blocks: head ? [head, table] : [table] }, this.blockCtx(ctx));
  }
}

/** Links to other pages of the site, made absolute so that they work outside it. */
function absoluteUrl(href: string, file: string): string {
  if (/^[a-z]+:/i.test(href)) return href;
  const parts = file.split(/[\\/]/);
  const author = parts.length >= 2 ? parts[parts.length - 2]! : '';
  try {
    return new URL(href, `http://www.marx2mao.com/${encodeURIComponent(author)}/`).href;
  } catch {
    return href;
  }
}

export type { PageBreak };

/** The last text "NOTES" (alone on its line, outside tables) before the first endnote. */
export function notesHeadingOffset(root: Node, firstNote: number | undefined): number | undefined {
  if (firstNote === undefined) return undefined;
  let found: number | undefined;
  const walk = (n: Node, inTable: boolean) => {
    if (isText(n)) {
      const s = startOffset(n);
      if (!inTable && s >= 0 && s < firstNote && /^\s*notes\s*$/i.test(n.value)) found = s;
      return;
    }
    for (const c of childrenOf(n)) walk(c, inTable || tag(n) === 'table');
  };
  walk(root, false);
  return found;
}

/**
 * The first node with content among `nodes`, looking inside anchors (`<A NAME="fnp">` left open
 * before the rule is re-created around the notes by the parser). Returns it only if it is a FONT.
 */
function firstContent(nodes: Node[], after: number): Element | undefined {
  for (const n of nodes) {
    if (isText(n)) {
      if (!n.value.trim()) continue;
      return undefined;
    }
    if (tag(n) === 'br' && attr(n, 'id') !== undefined) continue;
    // an anchor, or a FONT the parser re-created around the real one (it carries the location of
    // the FONT it copies, opened before the rule): look inside
    if ((tag(n) === 'a' && attr(n, 'href') === undefined) || (tag(n) === 'font' && startOffset(n) < after)) {
      const inner = firstContent(childrenOf(n), after);
      if (inner) return inner;
      if (collapse(textOf(n)).trim()) return undefined;
      continue;
    }
    return tag(n) === 'font' && isElement(n) ? n : undefined;
  }
  return undefined;
}
