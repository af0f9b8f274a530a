/**
 * Small helpers over the parse5 tree. marx2mao pages are HTML 3.2 with unclosed tags; parse5 applies
 * the HTML5 tree-building rules, so the tree may nest oddly (an unclosed `<A NAME>` can swallow the
 * rest of a paragraph), but document order is always the order of the source, which is what the
 * reader relies on.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parseHtmlWithPositions } from '../shared/parse-html.js';
import type { SourcePosition } from '../../model/types.js';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type TextNode = DefaultTreeAdapterMap['textNode'];

export function parseHtml(html: string): DefaultTreeAdapterMap['document'] {
  const doc = parseHtmlWithPositions(blankColumns(pointAnchors(html)));
  endLeakedFormatting(doc);
  return doc;
}

/** HTML5's formatting elements, which the parser re-opens after a block that closed them. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** Blocks the transcriber closes with an end tag of their own (a paragraph's end is implied). */
const CLOSED_BLOCKS = new Set(['pre', 'ul', 'ol', 'dl', 'center', 'blockquote', 'div']);

/**
 * A formatting element left open inside a block the source closes (`<UL><UL><PRE>… <FONT
 * SIZE=-1> …</UL></UL></PRE>`: the small type of a table set as preformatted text) is re-opened by
 * the HTML5 parser around everything after that block, to the page's end: five chapters of IMP16
 * read as a quotation in small type. Such a copy (the parser gives it the start tag of the element
 * it copies) is taken away, its content kept, where it stands outside the block the element was
 * opened in. Copies after an implied paragraph end stay (`<P><I>… <P>…</I>`: italics the
 * transcriber ran on over paragraphs).
 */
function endLeakedFormatting(doc: Node): void {
  const opened = new Map<number, Element>();
  const container = (el: Element): Node | undefined => {
    for (let p = el.parentNode as Node | null; p && isElement(p); p = p.parentNode as Node | null) if (CLOSED_BLOCKS.has(tag(p))) return p;
    return undefined;
  };
  const inside = (node: Node, block: Node): boolean => {
    for (let p: Node | null = node; p; p = (isElement(p) ? p.parentNode : null) as Node | null) if (p === block) return true;
    return false;
  };
  const visit = (node: Node): void => {
    const kids = childrenOf(node);
    for (let k = 0; k < kids.length; k++) {
      const child = kids[k]!;
      if (!isElement(child)) continue;
      const at = child.sourceCodeLocation?.startOffset;
      if (at !== undefined && FORMATTING.has(tag(child))) {
        const first = opened.get(at);
        const block = first && container(first);
        if (!first) opened.set(at, child);
        else if (block && !inside(child, block)) {
          // the copy goes; its children take its place (and are visited in turn)
          for (const c of child.childNodes) c.parentNode = node as Element;
          kids.splice(k, 1, ...(child.childNodes as Node[]));
          k--;
          continue;
        }
      }
      visit(child);
    }
  };
  visit(doc);
}

/**
 * `<COL WIDTH=20>` written inside a cell (`<TD><COL WIDTH=20><P>1852 …`) was a width hint that the
 * browsers of the time ignored; the HTML5 parser ends the row there and moves the cell's content
 * before the table (a row heading printed above it). Column tags carry no text and the reader uses
 * no widths: every one is read as spaces of the same length, so positions stay true.
 */
function blankColumns(html: string): string {
  return html.replace(/<\/?COL(?:GROUP)?\b[^>]*>/gi, (tagText) => ' '.repeat(tagText.length));
}

/**
 * marx2mao leaves most `<A NAME="p275">` anchors open. An open `<A>` is a formatting element in
 * HTML5: the parser re-creates it around later content and splits the note references that follow
 * (`[<A HREF=…>1</A>]`). These anchors mark a point, so they are read as the void element
 * `<BR ID="p275">` (same length: positions stay true); their stray `</A>` is ignored by the parser.
 * Note anchors (`<A NAME="en1">[1]</A>`) are closed in the source and keep their label.
 */
export function pointAnchors(html: string): string {
  return html.replace(/<A(\s+)NAME(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)(\s*)>/gi, (all, s1: string, eq: string, value: string, s2: string, at: number) =>
    // a note anchor of another scheme is closed around its label (`<A NAME="n7">[7]</A>`)
    /^["']?en\d/i.test(value) || closedAroundLabel(html.slice(at + all.length, at + all.length + 40)) ? all : `<BR${s1} ID${eq}${value}${s2}>`,
  );
}

/** What follows `<A NAME="x">`: it is closed around a note label (`[7]</A>`). */
function closedAroundLabel(rest: string): boolean {
  return /^\s*\[?\s*\d{1,3}[a-z]?\s*\]?\.?\s*<\/A\s*>/i.test(rest);
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

/** Lower-case tag name, or '' for non-elements. */
export function tag(node: Node): string {
  return isElement(node) ? node.tagName.toLowerCase() : '';
}

export function attr(node: Node, name: string): string | undefined {
  if (!isElement(node)) return undefined;
  return node.attrs.find((a) => a.name.toLowerCase() === name)?.value;
}

export function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

/** The text of a subtree, in document order (no whitespace normalisation). */
export function textOf(node: Node): string {
  if (isText(node)) return node.value;
  if (tag(node) === 'br') return '\n';
  let out = '';
  for (const child of childrenOf(node)) out += textOf(child);
  return out;
}

/**
 * The text of a subtree if it is at most `max` characters long, else undefined: the recognisers
 * only look at short elements, and must not read a whole page's text at every element.
 */
export function shortText(node: Node, max: number): string | undefined {
  let out = '';
  const walk = (n: Node): boolean => {
    if (isText(n)) out += n.value;
    else if (tag(n) === 'br') out += '\n';
    else for (const c of childrenOf(n)) if (!walk(c)) return false;
    return out.length <= max;
  };
  return walk(node) ? out : undefined;
}

/**
 * Every element in document order (pre-order), as an array. Iterative: marx2mao trees are deep
 * (unclosed tags nest), and a recursive generator costs time in proportion to the depth.
 */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) out.push(n);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

export function findFirst(node: Node, pred: (e: Element) => boolean): Element | undefined {
  return elements(node).find(pred);
}

export function startOffset(node: Node): number {
  return node.sourceCodeLocation?.startOffset ?? -1;
}

export function endOffset(node: Node): number {
  return node.sourceCodeLocation?.endOffset ?? startOffset(node);
}

/** Source position of a node: parse5 gives 1-based line and column directly. */
export function positionOf(node: Node, file: string): SourcePosition {
  const loc = node.sourceCodeLocation;
  return { file, line: loc?.startLine ?? 1, column: loc?.startCol ?? 1 };
}

/** Collapse HTML whitespace (and no-break spaces, which marx2mao uses only for layout). */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}
