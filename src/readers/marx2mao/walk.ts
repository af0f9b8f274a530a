/**
 * The walk over a page's body: every node after the title block and before the navigation table,
 * in document order, dispatched to the flow (running text), the notes section and the foot-of-page
 * notes. The parse tree's nesting is unreliable in marx2mao pages (unclosed tags), so the walker only
 * tracks what a tag says about its content (italic, centred, heading, indentation depth).
 */
import type { EmphasisRend, SourcePosition } from '../../model/types.js';
import { endsNotes } from './sections.js';
import { WalkState } from './walk-state.js';
import { plainLine } from '../../model/plain-text.js';
import { attr, childrenOf, shortText, collapse, elements, endOffset, isElement, isText, positionOf, startOffset, tag, textOf, type Element, type Node } from './dom.js';
import type { BlockContext, FlowShared } from './flow.js';
import type { LinkScope } from './inlines.js';
import type { TextOrder } from './page-parts.js';
import {
  anchorPoint, enterNotes, finishFoot, footnoteBlock, isNotesHeading, link, noteRef, numberedFootBlock,
} from './walk-notes.js';
import { backReference, footnoteRule, noteReference, pageMarker, pageMarkerParts, remarkBeside } from './recognise.js';
import { figureOf } from './title-block.js';
import { isItemList, readList, readTable } from './tables.js';
import { displayBlock, headingTable, largerType } from './display-headings.js';

/** The tallest image (px, its HEIGHT) taken as a word of a line of text, not as a figure. */
const LINE_IMAGE_HEIGHT = 30;

/** Tags that open a block or a line elsewhere and inside `<PRE>` stand for its spacing only. */
const PRE_SPACING = new Set(['p', 'div', 'br', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dd', 'dt', 'li', 'blockquote']);

/** The heading of a printed contents (`CONTENTS`, `C O N T E N T S`, `Table of Contents`). */
const CONTENTS_HEADING = /^(?:table\s+of\s+)?c\s?o\s?n\s?t\s?e\s?n\s?t\s?s\.?$/i;

export interface WalkCtx {
  styles: EmphasisRend[];
  center: boolean;
  heading: number;
  ul: number;
  align?: 'center' | 'right';
  /** Inside a foot-of-page note block: labels there are not references. */
  inFootnote: boolean;
  /** Inside `<PRE>`: preformatted text, its lines and spaces kept; the tags inside it that would
   * open blocks elsewhere (`<P>`, `<CENTER>`, `<UL>`, a heading) are its lines' spacing there. */
  pre?: boolean;
  /** Inside `<FONT SIZE=-…>`: the small type of notes (a body paragraph is not small). */
  small?: boolean;
  /** Inside a link of the page to one of its own anchors (`<A HREF="#s2">`): its target (`#a-s2`),
   * and how many of `styles` stand outside it. */
  link?: LinkScope;
  /** Inside a table's cell read as a cell (tables.ts readTable). */
  inCell?: boolean;
  /** Inside a cell of a table that lays out a heading (display-headings.ts): its paragraphs are
   * one heading's; the number's cell (`label`) keeps no line breaks, which only align it. */
  runIn?: 'label' | 'title';
  /** Inside a centred title a contents entry links to (contentsTarget). */
  target?: boolean;
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
  /** Offsets of the "NOTES" lines that open notes sections (one per document that has notes). */
  notesHeadings: number[];
  /** Offsets of the print page markers: a foot-note block never runs past the next one. */
  pageMarkers: number[];
  /** Offsets of the endnotes' anchors (`<A NAME="en1">`) and of the links to them, in order. */
  noteAnchors: number[];
  noteLinks: number[];
  /** Text nodes in document order, to look at the text around a link. */
  texts: TextOrder;
  /** The decoded source: foot-note extents are measured in it. */
  source: string;
  /** Whether an anchor name opens an endnote (`en1`, or another scheme such as `n7`). */
  isNoteName: (name: string) => boolean;
  /** Whether a link points into this page. */
  isLocal: (href: string) => boolean;
  /** The names of the page's anchors (`<A NAME>`, and `<BR ID>` for those dom.ts read so). */
  anchorNames: ReadonlySet<string>;
  /** Names the page links that it sets without their letters (`s12` → `12`: index.ts, misnamedAnchors). */
  anchorAliases: ReadonlyMap<string, string>;
  /** Navigation tables: never running text. */
  skip: Set<Node>;
  /** Source extents of the anchors a contents table links to (`<A NAME="s2">`): the sections. */
  sectionAnchors: { start: number; end: number }[];
}


export class Walker {
  /** Everything the walk remembers between nodes; changed only through its methods. */
  readonly state: WalkState;
  /** Remarks written outside a marker's tags (`<B>page 2</B>[blank]`): the marker's and the text to cut. */
  private readonly outerRemarks = new Map<Node, string>();
  private readonly remarkTexts = new Map<Node, 'before' | 'after'>();

  constructor(readonly input: WalkInput) {
    this.state = new WalkState(input.shared);
  }

  run(root: Node): void {
    for (const el of elements(root)) {
      // the outermost element of a marker (its FONT, else its B) is the one the walk dispatches
      const parts = pageMarkerParts(el);
      if (!parts || parts.remark || (el.parentNode && pageMarker(el.parentNode as Element) !== undefined)) continue;
      const beside = remarkBeside(el);
      if (!beside) continue;
      this.outerRemarks.set(el, beside.remark);
      this.remarkTexts.set(beside.node, beside.side);
    }
    this.walk(root, { styles: [], center: false, heading: 0, ul: 0, inFootnote: false });
    finishFoot(this);
    this.state.flow.finish();
    // text between the NOTES heading and the first note (an editor's line) belongs to the heading
    const orphans = this.state.flow.orphans.flatMap((b) => ('children' in b ? b.children : []));
    const last = this.state.sections.at(-1);
    if (last && orphans.length) last.heading = [...(last.heading ?? []), { type: 'lb' }, ...orphans];
  }

  walk(node: Node, ctx: WalkCtx): void {
    if (this.input.skip.has(node)) return;
    const foot = this.state.foot;
    if (foot && node.sourceCodeLocation && startOffset(node) >= foot.end) finishFoot(this);
    if (this.state.foot && !ctx.inFootnote) ctx = { ...ctx, inFootnote: true, heading: 0, center: false };
    // an element the parser re-created around the foot notes can hold what follows them: once the
    // notes have ended, their context does not carry over to its later children
    else if (!this.state.foot && ctx.inFootnote) ctx = { ...ctx, inFootnote: false };
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

  pos(node: Node): SourcePosition {
    return positionOf(node, this.input.file);
  }

  blockCtx(ctx: WalkCtx): BlockContext {
    const { foot, note, noteUl } = this.state;
    const base = foot ? foot.ul : note ? noteUl : this.input.baseUl;
    if (ctx.pre) return { kind: 'pre', level: 0, align: ctx.center ? 'center' : undefined, quoteDepth: Math.max(0, ctx.ul - base), styles: ctx.styles, ...(ctx.link ? { link: ctx.link } : {}) };
    return {
      kind: ctx.heading ? 'heading' : 'p',
      level: ctx.heading,
      align: ctx.heading ? undefined : ctx.center ? 'center' : ctx.align,
      quoteDepth: Math.max(0, ctx.ul - base),
      styles: ctx.heading ? ctx.styles.filter((s) => s !== 'bold') : ctx.styles,
      ...(ctx.small ? { small: true } : {}),
      ...(ctx.target && ctx.heading ? { target: true } : {}),
      // a heading's bold is not kept: the styles outside the link counted without it
      ...(ctx.link ? { link: { ...ctx.link, outer: ctx.heading ? ctx.styles.slice(0, ctx.link.outer).filter((s) => s !== 'bold').length : ctx.link.outer } } : {}),
    };
  }

  private text(node: Node & { value: string }, ctx: WalkCtx): void {
    let value = node.value;
    const side = this.remarkTexts.get(node);
    // a page's remark (`[blank]`) is said on its page break, it is not text
    if (side === 'after') value = value.replace(/^\s*\[[^\]]*\]/, ' ');
    if (side === 'before') value = value.replace(/\[[^\]]*\]\s*$/, ' ');
    if (this.state.labelExpected) {
      const label = value.match(/^\s*\[?\s*[\w*]+\s*\]?\.?/);
      if (label) {
        value = value.slice(label[0].length);
        this.state.expectLabel(false);
      }
    }
    // the `]` closing a note reference or back-reference whose `[` was already taken
    if (this.state.takeClosingBracket(node)) value = value.replace(/^\s*\]/, '');
    if (!ctx.inFootnote && isNotesHeading(this, node, value)) return enterNotes(this, node);
    // a title, a centred line or a body paragraph after the notes: the next document begins
    if (!ctx.inFootnote && this.state.notes && endsNotes(this, node, value, ctx)) this.state.leaveNotes();
    if (!ctx.pre && /^\s*\u00a0[ \t\r\n]*\u00a0/.test(value)) {
      // `&nbsp &nbsp` opens a paragraph; in titles and centred lines it is only spacing
      if (!ctx.heading && !ctx.center) this.state.flow.indent();
      value = value.replace(/^[\s\u00a0]+/, '');
      if (!value) return;
    }
    this.state.flow.text(value, this.blockCtx(ctx), this.pos(node));
  }

  children(el: Element, ctx: WalkCtx): void {
    for (const c of childrenOf(el)) this.walk(c, ctx);
  }

  private element(el: Element, ctx: WalkCtx): void {
    const t = tag(el);
    if (t === 'script' || t === 'style' || t === 'head' || t === 'title' || t === 'template') return;
    const marker = pageMarkerParts(el);
    if (marker !== undefined) return this.pageMarker(el, marker.n, marker.remark ?? this.outerRemarks.get(el));
    if (!ctx.inFootnote && isNotesHeading(this, el, shortText(el, 60) ?? '')) return enterNotes(this, el);
    // in foot notes a bare `[1]` is the note's own label; a linked `[1]` is still a reference
    const ref = noteReference(el, this.input.isLocal);
    if (ref && (ref.target || !ctx.inFootnote)) return noteRef(this, el, ref, ctx);
    if (!ctx.inFootnote) {
      if (this.state.note) {
        const back = backReference(el);
        if (back) {
          for (const b of back) this.state.addBackRef({ page: b.page, ...(b.target ? { anchor: `a-${b.target}` } : {}) });
          return;
        }
      }
    }
    if (ctx.pre && PRE_SPACING.has(t)) {
      // a line end of the preformatted text; what it holds is more of its lines
      if (t === 'br') {
        const id = attr(el, 'id');
        if (id !== undefined) anchorPoint(this, el, id, ctx);
        return this.state.flow.text('\n', this.blockCtx(ctx), this.pos(el));
      }
      return this.children(el, ctx);
    }
    switch (t) {
      case 'a':
        return link(this, el, ctx);
      case 'pre':
        // preformatted text (a diagram, a table of figures set with spaces): one block, as it is
        return this.blockish(el, { ...ctx, pre: true, heading: 0 });
      case 'p':
      case 'div': {
        if (!ctx.runIn) this.state.flow.boundary();
        const align = (attr(el, 'align') ?? '').toLowerCase();
        const next = { ...ctx, align: align === 'center' ? ('center' as const) : align === 'right' ? ('right' as const) : undefined };
        this.children(el, next);
        return;
      }
      case 'br': {
        const id = attr(el, 'id');
        if (id !== undefined) {
          anchorPoint(this, el, id, ctx);
          return;
        }
        if (ctx.runIn === 'label') return;
        return this.state.flow.lineBreak();
      }
      case 'hr':
        if (footnoteRule(el) && !ctx.inFootnote) return footnoteBlock(this, el, ctx);
        return this.state.flow.rule();
      case 'center':
        // centred plain type that a contents entry links to is a section's heading
        // (a level below the display type of the titles around it, whose sections it is)
        if (!ctx.heading && !ctx.inFootnote && this.contentsTarget(el)) return this.blockish(el, { ...ctx, center: true, heading: 3, target: true });
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
      case 'img': {
        if (!attr(el, 'src')) return;
        const { type: _, ...image } = figureOf(el, this.input.file);
        // an image of a line's height inside running text is a word of the line (HWR97's Greek
        // words): the paragraph goes on around it; any other image is a figure between blocks
        if (this.state.flow.runsOn() && image.height !== undefined && image.height <= LINE_IMAGE_HEIGHT) {
          this.state.flow.inline({ type: 'graphic', ...image }, this.blockCtx(ctx), this.pos(el));
        } else this.state.flow.block({ type: 'figure', ...image }, this.blockCtx(ctx));
        return;
      }
      case 'i': case 'em': case 'cite': case 'var':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'italic'] });
      case 'u':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'underline'] });
      case 'sup':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'superscript'] });
      case 'sub':
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'subscript'] });
      case 'b': case 'strong':
        if (ctx.center && !ctx.heading && !ctx.pre && this.state.flow.atBoundary() && collapse(textOf(el)).trim()) {
          return this.blockish(el, { ...ctx, heading: 2 });
        }
        return this.children(el, { ...ctx, styles: [...ctx.styles, 'bold'] });
      case 'font': {
        const size = attr(el, 'size') ?? '';
        if (numberedFootBlock(this, el, ctx)) return this.children(el, ctx);
        if (/^\+[1-9]/.test(size) && ctx.center && !ctx.pre && this.state.flow.atBoundary()) return this.blockish(el, { ...ctx, heading: 1 });
        if (ctx.heading === 2 && /^\+[1-9]/.test(size)) return this.children(el, { ...ctx, heading: 1 });
        // a block wholly in larger type outside a centred block (right-aligned, or not aligned) is
        // a heading too, as in a centred block; not in a table's cell, a note or a title
        if (largerType(el) && !ctx.center && !ctx.heading && !ctx.inCell && !ctx.inFootnote && !this.state.note && this.state.flow.atBoundary() && displayBlock(el)) {
          return this.blockish(el, { ...ctx, heading: 1 });
        }
        // small type holding paragraphs sets a quotation off the text; not in a note, all of which
        // is small type (PCW45's note 1: the FONT the parser opens again inside the note's <UL>
        // made its quotation a quotation inside a quotation)
        if (size.startsWith('-') && !ctx.runIn && !ctx.inFootnote && !ctx.pre && !this.state.note && el.childNodes.some((c) => tag(c) === 'p')) {
          return this.blockish(el, { ...ctx, ul: ctx.ul + 1, small: true });
        }
        return this.children(el, size.startsWith('-') ? { ...ctx, small: true } : ctx);
      }
      default:
        return this.children(el, ctx);
    }
  }

  /**
   * Whether a centred block is the heading of a section the page's contents links to: a short
   * block in plain type (three lines at most) right after the anchor the link names, or opening with
   * it (`<A NAME="s2"> <CENTER> FORMAL DEMOCRACY AND THE REVOLUTIONARY<BR> INTEREST </CENTER>`).
   */
  private contentsTarget(el: Element): boolean {
    const anchors = this.input.sectionAnchors;
    if (anchors.length === 0) return false;
    const text = collapse(textOf(el)).trim();
    const inside = elements(el);
    // three lines at most (the source's own line ends inside a line are spacing)
    if (!text || text.length > 160 || inside.filter((e) => /^(br|p)$/.test(tag(e))).length > 3) return false;
    // numbered sections (`1. THE STATE AS …`, `I` / `THE THREAT OF WAR`) are made divisions after
    // the walk, all of a division's together (structure.ts, book.ts): only an unnumbered title here
    // (`A DISCIPLE OF BERNSTEIN` begins with an article, not a letter numbering it)
    if (/^(?:\d{1,3}\.?|[IVXLC]{1,7}\.?|[A-Za-z]\.)(?:\s|$)/.test(text)) return false;
    // display type (bold, larger, a heading element) makes its own headings; a table is no heading
    if (inside.some((e) => /^(table|b|strong|h[1-6])$/.test(tag(e)) || (tag(e) === 'font' && /^\+/.test(attr(e, 'size') ?? '')))) return false;
    const from = startOffset(el);
    const to = endOffset(el);
    const between = (a: number, b: number) => /^(?:\s|&nbsp;?|<\/?(?:P|BR)\b[^>]*>)*$/i.test(this.input.source.slice(a, b));
    return anchors.some((a) => (a.end <= from && between(a.end, from)) || (a.start >= from && a.start < to && between(this.input.source.indexOf('>', from) + 1, a.start)));
  }

  /** An element whose content is block-level: boundaries before and after. */
  private blockish(el: Element, ctx: WalkCtx): void {
    this.state.flow.boundary();
    this.children(el, ctx);
    this.state.flow.boundary();
  }

  private pageMarker(el: Element, n: string, remark: string | undefined): void {
    const pos = this.pos(el);
    if (!n) {
      this.input.shared.diagnostics.push({
        severity: 'warning', code: 'page-marker-empty', message: 'page marker without a page number; no page break made',
        file: pos.file, line: pos.line, column: pos.column,
      });
      return;
    }
    this.state.enterBody();
    this.state.flow.pageBreak(n, pos, remark);
  }

  private list(el: Element, ctx: WalkCtx): void {
    if (elements(el).some((e) => pageMarker(e) !== undefined || this.input.isNoteName(attr(e, 'name') ?? ''))) {
      return this.blockish(el, { ...ctx, ul: ctx.ul + 1 });
    }
    this.state.flow.boundary();
    const list = readList(el, (flow, read) => this.state.withFlow(flow, read), (n, c) => this.walk(n, c), this.input.shared, ctx);
    if (list) this.state.flow.block(list, this.blockCtx(ctx));
  }

  /** The number's cell and the title's cell of a heading laid out in a table, read as one heading. */
  private tableHeading(laid: { label: Element; title: Element; level: number }, ctx: WalkCtx): void {
    const heading = { ...ctx, center: true, heading: laid.level };
    this.state.flow.boundary();
    this.children(laid.label, { ...heading, runIn: 'label' });
    this.state.flow.space([]);
    this.children(laid.title, { ...heading, runIn: 'title' });
    this.state.flow.boundary();
  }

  private table(el: Element, ctx: WalkCtx): void {
    // a table that holds page markers or notes is layout around running text, not a table
    const layout = elements(el).some((e) => pageMarker(e) || this.input.isNoteName(attr(e, 'name') ?? ''));
    if (layout) return this.blockish(el, ctx);
    // a number and its title set side by side in a one-row table: a heading (display-headings.ts)
    const laid = !ctx.inCell && !ctx.heading && !ctx.inFootnote && !this.state.note ? headingTable(el) : undefined;
    if (laid) return this.tableHeading(laid, ctx);
    this.state.flow.boundary();
    const table = readTable(el, (flow, read) => this.state.withFlow(flow, read), (n, c) => this.walk(n, c), this.input.shared, ctx);
    if (!table) return;
    // a table of links into the page itself is its contents list: before the body, or, once the
    // body has begun (SCPUSA29's contents, printed on page 4, after that page's marker), only
    // under a heading that says so
    const inner = elements(el).filter((e) => tag(e) === 'a' && /^[^#]*#/.test(attr(e, 'href') ?? '') && !/^(https?:|\.\.)/i.test(attr(e, 'href') ?? ''));
    if (inner.length < 3) return this.state.flow.block(table, this.blockCtx(ctx));
    const head = this.state.flow.takeHeading((h) => !this.state.inBody || CONTENTS_HEADING.test(plainLine(h.children)));
    if (this.state.inBody && !head) return this.state.flow.block(table, this.blockCtx(ctx));
    this.state.flow.block({ type: 'division', kind: 'contents', blocks: head ? [head, table] : [table] }, this.blockCtx(ctx));
  }
}
