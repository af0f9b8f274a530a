/**
 * The flow: turns the reader's stream of content (text runs, note references, anchors, page markers,
 * block boundaries) into blocks. Boundaries are lazy: a `<P>` only means "the next content starts a
 * new block". That is what lets a paragraph run on across a print page marker: the `<P>`s around a
 * marker are not paragraph starts, so text after a marker continues the paragraph unless it opens a
 * new one (`&nbsp &nbsp` indentation, a heading, a quotation, a centred line).
 */
import { splitLetterSpaced } from '../shared/letter-spacing.js';
import { preformattedText, tidyPreformatted } from '../shared/preformatted.js';
import type {
  Block, Diagnostic, EmphasisRend, Heading, Inline, Paragraph, PageBreak, Preformatted, Repair, SourcePosition,
} from '../../model/types.js';
import { decideHyphen } from '../shared/word-break.js';
import { appendStyled, endsInSpace, lastText, normaliseDashes, trimEnd, type LinkScope } from './inlines.js';

/** State shared by every flow of one page (body, notes, table cells). */
export interface FlowShared {
  file: string;
  /** The whole source text: the evidence decideHyphen() searches. */
  sourceText: string;
  repairs: Repair[];
  diagnostics: Diagnostic[];
  /** Every page break kept, in document order. */
  pageBreaks: PageBreak[];
  /** Whether any text came since the last page break (a repeated marker has none between). */
  textSinceBreak?: boolean;
  /** The blocks all of whose text is set in small type (`<FONT SIZE=-1>`): a heading's smaller lines. */
  smallType?: WeakSet<Block>;
  /** The headings made of centred titles a contents entry links to (walk.ts contentsTarget). */
  contentsTargets?: WeakSet<Block>;
}

/** What kind of block the next content belongs to (`pre`: preformatted text, `<PRE>`). */
export interface BlockContext {
  kind: 'p' | 'heading' | 'pre';
  level: number;
  align?: 'center' | 'right';
  quoteDepth: number;
  styles: EmphasisRend[];
  /** Inside a link of the page to one of its own anchors (`#a-s2`). */
  link?: LinkScope;
  /** In small type (`<FONT SIZE=-…>`). */
  small?: boolean;
  /** In a centred title a contents entry links to, read as a heading. */
  target?: boolean;
}

type OpenBlock = Paragraph | Heading | Preformatted;

export class Flow {
  private stack: Block[][];
  private open: OpenBlock | undefined;
  private openKey = '';
  private sawBoundary = true;
  private indentNext = false;
  private pendingPbs: PageBreak[] = [];
  private pendingInlines: Inline[] = [];
  private pendingBlocks: Block[] = [];
  /** White space of preformatted text met where no words of its block have come yet (its first
   * line's indentation, the line ends after a page marker): it goes in before the next words. */
  private preSpace = '';
  /** The root container left last (a note's blocks), for a block found after it with none open. */
  private lastRoot: Block[] | undefined;
  /** Where page breaks go when no block container is active (between notes). */
  private sink: ((pb: PageBreak) => void) | undefined;

  /** Content met where no container is open (in the notes section before its first note). */
  readonly orphans: Block[] = [];

  constructor(root: Block[], private readonly shared: FlowShared) {
    this.stack = [root];
  }

  /** The next content starts a new block (unless it continues a paragraph across a page break). */
  boundary(): void {
    this.sawBoundary = true;
    this.preSpace = '';
  }

  /**
   * A rule across the page (`<HR>`): the block before it is closed, so that no text after it, even
   * after a page marker, runs on in it (CM47: the preface's `London, February 1, 1893`, a rule, the
   * marker of page 29, then the Manifesto's first words).
   */
  rule(): void {
    this.closeOpen();
  }

  /** `&nbsp &nbsp` opening: the next content starts an indented paragraph. */
  indent(): void {
    this.indentNext = true;
    this.sawBoundary = true;
  }

  atBoundary(): boolean {
    return this.sawBoundary || !this.open;
  }

  /**
   * Whether content met now runs on in the open block (a paragraph, a heading): no boundary since
   * its last words, or only page breaks, after which a paragraph goes on (prepare). An image met
   * then is a word of it.
   */
  runsOn(): boolean {
    if (!this.open || this.indentNext) return false;
    return this.pendingPbs.length > 0 ? this.open.type === 'paragraph' : !this.sawBoundary;
  }

  lineBreak(): void {
    if (this.open && !this.sawBoundary && this.pendingPbs.length === 0 && this.open.children.length) {
      this.open.children.push({ type: 'lb' });
    }
  }

  /** Collapsible whitespace between runs. */
  space(styles: EmphasisRend[], link?: LinkScope): void {
    if (!this.open || this.sawBoundary || this.pendingPbs.length) return;
    if (!endsInSpace(this.open.children)) appendStyled(this.open.children, { type: 'text', value: ' ' }, styles, link);
  }

  /** An anchor is content-neutral: it waits for the next content so it lands next to it. */
  anchor(id: string): void {
    if (this.open && !this.sawBoundary && this.pendingPbs.length === 0) this.open.children.push({ type: 'anchor', id });
    else this.pendingInlines.push({ type: 'anchor', id });
  }

  /** Remove text just emitted (the `[` of a note reference recognised only at its link). */
  stripTrailing(re: RegExp): void {
    if (!this.open) return;
    const t = lastText(this.open.children);
    if (t) t.value = t.value.replace(re, '');
    trimEmptyEnd(this.open.children);
  }

  /**
   * Take back the heading just made (`C O N T E N T S` goes into the contents division), where
   * `test`, if given, accepts it; a heading it refuses stays where it is.
   */
  takeHeading(test: (h: Heading) => boolean = () => true): Heading | undefined {
    if (this.pendingPbs.length || this.pendingBlocks.length || this.stack.length === 0) return undefined;
    this.closeOpen();
    const c = this.container();
    const last = c.at(-1);
    if (last?.type !== 'heading' || !test(last)) return undefined;
    c.pop();
    return last;
  }

  /** How many page breaks wait for their place. */
  pendingCount(): number {
    return this.pendingPbs.length;
  }

  /**
   * The marker of the page on which the notes begin, repeated before the NOTES heading although the
   * page already began above: dropped and recorded.
   */
  dropRepeatedPending(): void {
    const all = this.shared.pageBreaks;
    this.pendingPbs = this.pendingPbs.filter((pb) => {
      const i = all.indexOf(pb);
      const before = i > 0 ? all[i - 1] : undefined;
      if (!before || before.n !== pb.n) return true;
      all.splice(i, 1);
      this.shared.repairs.push({
        kind: 'drop-duplicate-page-break',
        witness: 'm2m',
        message: `page marker ${pb.n} repeated at the start of the notes; the repetition was dropped`,
        pos: pb.pos!,
      });
      return false;
    });
  }

  /** A print page marker. A repeated marker of the same page is dropped and recorded. */
  pageBreak(n: string, pos: SourcePosition, remark?: string): void {
    const last = this.shared.pageBreaks.at(-1);
    if (last && last.n === n && !this.shared.textSinceBreak) {
      this.shared.repairs.push({
        kind: 'drop-duplicate-page-break',
        witness: 'm2m',
        message: `page marker ${n} repeated; the repetition was dropped`,
        pos,
      });
      return;
    }
    this.keepAnchorsOnTheirPage(n);
    const pb: PageBreak = { type: 'pb', n, edition: 'flp', attestedBy: ['m2m'], wordBreak: 'none', ...(remark ? { remark } : {}), pos };
    this.shared.pageBreaks.push(pb);
    this.shared.textSinceBreak = false;
    this.pendingPbs.push(pb);
    this.takeTrailingAnchors(n);
  }

  /**
   * Anchors waiting for content since a paragraph ended, named for another page than the one
   * this marker begins (HWR97's `<A NAME="p524">` after a paragraph's end, over page 524's foot
   * notes and the marker of page 525): they end the block before, on the page they name, instead
   * of landing after the marker with the next words.
   */
  private keepAnchorsOnTheirPage(page: string): void {
    if (!this.open || this.pendingPbs.length > 0) return;
    const staying = this.pendingInlines.filter((i) => i.type === 'anchor' && namesOtherPage(i.id, page));
    if (staying.length === 0) return;
    this.open.children.push(...staying);
    this.pendingInlines = this.pendingInlines.filter((i) => !staying.includes(i));
  }

  /**
   * Anchors that end the open block, with no word after them before this page marker, mark a point
   * of the page it begins (`…work. <A NAME="p2"> <P><B>page 2</B>`: a cross-reference's target on
   * page 2): they wait with the page break and land after it, with the next content. Not an anchor
   * named for another page: ER97's `<A NAME="p149">` before page 149's foot notes and the marker of
   * page 150 is the place a back-reference `[p. 149]` points to, and stays on page 149.
   */
  private takeTrailingAnchors(page: string): void {
    const children = this.open?.children;
    if (!children) return;
    const moved: Inline[] = [];
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i]!;
      if (c.type === 'anchor' && !namesOtherPage(c.id, page)) moved.unshift(...children.splice(i, 1));
      else if (!(c.type === 'anchor' || (c.type === 'text' && !c.value.trim()))) break;
    }
    if (moved.length === 0) return;
    trimEmptyEnd(children);
    this.pendingInlines = [...moved, ...this.pendingInlines];
  }

  /** A block that stands on its own (figure, table, note block); placed before pending page breaks resolve. */
  block(block: Block, ctx: { quoteDepth: number }): void {
    this.closeOpen();
    this.setDepth(ctx.quoteDepth);
    this.flushPending();
    // Between two endnotes there is no container (an image before a note's anchor): the block
    // waits and opens the next note, as a foot block waits for its place.
    if (this.stack.length === 0) this.pendingBlocks.push(block);
    else this.container().push(block);
    this.sawBoundary = true;
  }

  /**
   * A foot-of-page note found where the transcription has it. If the paragraph it interrupts
   * continues across the next page break, it goes before that paragraph (it belongs to the page
   * that paragraph ends); otherwise after it.
   */
  footBlock(block: Block): void {
    this.pendingBlocks.push(block);
  }

  /** Text of the running content. */
  text(raw: string, ctx: BlockContext, pos: SourcePosition): void {
    if (ctx.kind === 'pre') return this.preText(raw, ctx, pos);
    const pieces = splitLetterSpaced(raw);
    if (pieces.some((p) => p.spaced)) {
      for (const p of pieces) this.text(p.text, p.spaced ? { ...ctx, styles: [...ctx.styles, 'letter-spaced'] } : ctx, pos);
      return;
    }
    let value = raw.replace(/[\s\u00a0]+/g, ' ');
    if (!value.trim()) {
      this.space(ctx.styles, ctx.link);
      return;
    }
    const target = this.prepare(ctx, pos, value);
    // a block is in small type while all its words are
    if (!ctx.small) this.shared.smallType?.delete(target);
    if (endsInSpace(target.children)) value = value.replace(/^ /, '');
    for (const inline of normaliseDashes(value)) appendStyled(target.children, inline, ctx.styles, ctx.link);
  }

  /**
   * Text of a preformatted block, as it is: its line ends and spaces kept (a no-break space is a
   * space), no dash regularised (`------\/------` draws a line), no letter-spacing read (figures in
   * columns). White space alone opens no block: a `<PRE>` of spaces makes none.
   */
  private preText(raw: string, ctx: BlockContext, pos: SourcePosition): void {
    const value = preformattedText(raw);
    if (!value) return;
    if (!value.trim()) {
      const open = this.open;
      if (open?.type === 'preformatted' && !this.sawBoundary && this.pendingPbs.length === 0 && blockKey(ctx) === this.openKey) {
        appendStyled(open.children, { type: 'text', value }, ctx.styles, ctx.link);
      } else this.preSpace += value;
      return;
    }
    const target = this.prepare(ctx, pos, value);
    this.takePreSpace(target);
    appendStyled(target.children, { type: 'text', value }, ctx.styles, ctx.link);
  }

  /** The white space waiting in a preformatted block goes in before what comes next. */
  private takePreSpace(target: OpenBlock): void {
    if (target.type !== 'preformatted' || !this.preSpace) return;
    appendStyled(target.children, { type: 'text', value: this.preSpace }, []);
    this.preSpace = '';
  }

  /** Non-text content (note reference, link) that behaves like text for block building. */
  inline(inline: Inline, ctx: BlockContext, pos: SourcePosition): void {
    // a note mark printed just after a title (`TITLE</B>[*]`) belongs to the title
    if (inline.type === 'noteRef' && this.open?.type === 'heading' && this.sawBoundary && !this.pendingPbs.length && !this.indentNext) {
      this.open.children.push(inline);
      return;
    }
    const target = this.prepare(ctx, pos, '');
    this.takePreSpace(target);
    appendStyled(target.children, inline, ctx.styles, ctx.link);
  }

  /** Switch to a new root container (a note's blocks); page breaks pending go to `sink` first. */
  switchRoot(root: Block[] | undefined, sink: ((pb: PageBreak) => void) | undefined): void {
    this.closeOpen();
    // anchors still waiting for words when their container ends (ER97's `<A NAME="p265a">` after
    // the text's last words, over its last foot notes) end it: the next words are a note's. Page
    // breaks pending go between the notes (sink), or with the next words, where the anchors wait.
    if (this.pendingInlines.length && (this.pendingPbs.length === 0 || sink)) {
      const host = this.lastInlineBlock();
      if (host) {
        host.children.push(...this.pendingInlines);
        this.pendingInlines = [];
      }
    }
    if (this.stack.length && this.pendingBlocks.length) {
      this.container().push(...this.pendingBlocks);
      this.pendingBlocks = [];
    }
    this.sink = sink;
    if (sink) {
      // page breaks met just before a new note or the notes section stand between notes
      for (const pb of this.pendingPbs) sink(pb);
      this.pendingPbs = [];
    }
    if (this.stack[0]) this.lastRoot = this.stack[0];
    this.stack = root ? [root] : [];
  }

  /** End of input: close everything, page breaks still pending go where they stand. */
  finish(): void {
    this.closeOpen();
    this.flushPending();
    // a block after the last note, with no container left: it ends the last note, never lost
    if (this.pendingBlocks.length && this.lastRoot) this.lastRoot.push(...this.pendingBlocks);
    this.pendingBlocks = [];
    if (this.pendingInlines.length) {
      const host = this.lastInlineBlock();
      if (host) host.children.push(...this.pendingInlines);
      this.pendingInlines = [];
    }
  }

  // -------------------------------------------------------------------------------------------

  private container(): Block[] {
    const top = this.stack.at(-1);
    if (!top) throw new Error('flow has no container');
    return top;
  }

  /** Find or make the block the next content goes into. */
  private prepare(ctx: BlockContext, pos: SourcePosition, text: string): OpenBlock {
    this.shared.textSinceBreak = true;
    if (this.stack.length === 0) this.stack = [this.orphans];
    const key = blockKey(ctx);
    const indent = this.indentNext;
    this.indentNext = false;
    // a paragraph runs on across a page marker, and so does preformatted text across a marker set
    // inside it (not into the next <PRE>)
    const runsOn = this.open?.type === 'paragraph' ? !indent : this.open?.type === 'preformatted' && !this.sawBoundary;
    if (this.open && this.pendingPbs.length && runsOn && key === this.openKey) {
      this.continueAcross(this.open, text);
      return this.open;
    }
    if (this.open && !this.sawBoundary && key === this.openKey && this.pendingPbs.length === 0) return this.open;
    this.closeOpen();
    this.setDepth(ctx.quoteDepth);
    this.flushPending();
    const block: OpenBlock =
      ctx.kind === 'heading'
        ? { type: 'heading', level: ctx.level, children: [], pos }
        : ctx.kind === 'pre'
          ? { type: 'preformatted', children: [], pos, ...(ctx.align === 'center' ? { rend: 'center' as const } : {}) }
          : { type: 'paragraph', children: [], pos, ...(indent ? { rend: 'indent' as const } : ctx.align ? { rend: ctx.align } : {}) };
    this.container().push(block);
    if (ctx.small) this.shared.smallType?.add(block);
    if (ctx.target && block.type === 'heading') this.shared.contentsTargets?.add(block);
    this.open = block;
    this.openKey = key;
    this.sawBoundary = false;
    block.children.push(...this.pendingInlines);
    this.pendingInlines = [];
    return block;
  }

  /** The paragraph runs on across page break(s): decide how the word at the break is split. */
  private continueAcross(para: OpenBlock, nextText: string): void {
    const pbs = this.pendingPbs;
    this.pendingPbs = [];
    if (this.pendingBlocks.length) {
      const c = this.container();
      const at = c.lastIndexOf(para);
      c.splice(at < 0 ? c.length : at, 0, ...this.pendingBlocks);
      this.pendingBlocks = [];
    }
    if (para.type === 'preformatted') {
      // its lines are as printed: no word is joined across the marker
      para.children.push(...pbs, ...this.pendingInlines);
      this.pendingInlines = [];
      this.sawBoundary = false;
      return;
    }
    let before = lastText(para.children);
    // `<I>con-</I>` and a line's end before the marker: the word's half is in the emphasis
    if (before && !before.value.trim() && para.children.at(-1) === before) {
      para.children.pop();
      const word = lastText(para.children);
      if (word && /-\s*$/.test(word.value)) before = word;
      else para.children.push(before);
    }
    const head = before?.value.match(/([\p{L}\p{N}]+)-\s*$/u);
    // the word after the break with the parts hyphenated to it (`of-communism`): evidence too
    const tail = nextText.match(/^\s*([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)/u);
    const first = pbs[0]!;
    if (before && head && tail) {
      const decision = decideHyphen(`${head[1]}-`, tail[1]!, this.shared.sourceText);
      first.wordBreak = decision.wordBreak;
      // a decision the page's own words did not settle is the editor's to check: said where it is
      if (decision.basis !== 'page') {
        const word = decision.wordBreak === 'hyphen' ? 'one word' : 'a hyphenated compound';
        this.shared.diagnostics.push({ severity: 'info', code: 'word-break', message: `"${head[1]}-" + "${tail[1]}" at page ${first.n} read as ${word}: ${decision.evidence}`, file: this.shared.file, line: first.pos?.line ?? 1, column: first.pos?.column ?? 1 });
      }
      before.value = before.value.replace(/-\s*$/, decision.wordBreak === 'hyphen' ? '' : '-');
    } else if (before && !endsInSpace(para.children)) {
      before.value += ' ';
    }
    trimEmptyEnd(para.children);
    para.children.push(...pbs, ...this.pendingInlines);
    this.pendingInlines = [];
    this.sawBoundary = false;
  }

  private closeOpen(): void {
    if (!this.open) return;
    if (this.open.type === 'preformatted') tidyPreformatted(this.open.children);
    trimEnd(this.open.children);
    if (this.open.children.length === 0) {
      const c = this.stack.at(-1);
      const at = c?.lastIndexOf(this.open) ?? -1;
      if (c && at >= 0) c.splice(at, 1);
    }
    this.open = undefined;
    this.openKey = '';
    this.sawBoundary = true;
  }

  /** Nested quotations for `<UL>` indentation: open or close Quote blocks to reach `depth`. */
  private setDepth(depth: number): void {
    if (this.stack.length === 0) return;
    while (this.stack.length - 1 > depth) this.stack.pop();
    if (this.stack.length - 1 < depth) this.flushPending();
    while (this.stack.length - 1 < depth) {
      const quote: Block = { type: 'quote', blocks: [] };
      this.container().push(quote);
      this.stack.push(quote.blocks);
    }
  }

  /** Foot notes and page breaks waiting for the next block are placed before it. */
  private flushPending(): void {
    if (this.stack.length === 0) {
      for (const pb of this.pendingPbs) this.sink?.(pb);
      this.pendingPbs = [];
      return;
    }
    const c = this.container();
    c.push(...this.pendingBlocks);
    this.pendingBlocks = [];
    for (const pb of this.pendingPbs) c.push({ type: 'pbBlock', pb });
    this.pendingPbs = [];
  }

  private lastInlineBlock(): OpenBlock | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const blocks = this.stack[i]!;
      for (let j = blocks.length - 1; j >= 0; j--) {
        const b = blocks[j]!;
        if (b.type === 'paragraph' || b.type === 'heading') return b;
      }
    }
    return undefined;
  }
}

/** The key of the block `ctx` asks for: content of another key opens a block of its own. */
function blockKey(ctx: BlockContext): string {
  return `${ctx.kind}|${ctx.level}|${ctx.align ?? ''}|${ctx.quoteDepth}`;
}

/** Drop a trailing empty text left after removing a hyphen. */
function trimEmptyEnd(children: Inline[]): void {
  const last = children.at(-1);
  if (last?.type === 'text' && last.value === '') children.pop();
}

/** An anchor named for a print page (`p149`, `a-p149`) other than `page`. */
function namesOtherPage(id: string, page: string): boolean {
  // a second anchor of a page has a letter after its number (`p156a`)
  const m = /^(?:a-)?p(\d+)[a-z]?$|^(?:a-)?p([ivxlc]+)$/i.exec(id);
  if (!m) return false;
  return (m[1] ?? m[2])!.toLowerCase() !== page.toLowerCase();
}
