/**
 * Helpers over a whole page that the walker consults: the text nodes in document order (to see
 * the text around a link), where the endnotes' NOTES line is, what follows a foot-note rule, and
 * absolute addresses for links to other pages of the site.
 */
import { attr, childrenOf, collapse, isElement, isText, startOffset, tag, textOf, type Element, type Node } from './dom.js';

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

/**
 * The "NOTES" lines (alone on their line, outside tables) that open notes sections: for each
 * endnote anchor, the last such line before it (one per section on a page of several documents).
 */
export function notesHeadingOffsets(root: Node, noteAnchors: readonly number[]): number[] {
  const lines: number[] = [];
  const walk = (n: Node, inTable: boolean) => {
    if (isText(n)) {
      const s = startOffset(n);
      if (!inTable && s >= 0 && /^\s*notes\s*$/i.test(n.value)) lines.push(s);
      return;
    }
    for (const c of childrenOf(n)) walk(c, inTable || tag(n) === 'table');
  };
  walk(root, false);
  lines.sort((a, b) => a - b);
  const found = new Set<number>();
  for (const a of noteAnchors) {
    const line = lines.filter((l) => l < a).at(-1);
    if (line !== undefined) found.add(line);
  }
  return [...found];
}

/**
 * The first node with content among `nodes`, looking inside anchors (`<A NAME="fnp">` left open
 * before the rule is re-created around the notes by the parser). Returns it only if it is a FONT.
 */
export function firstContent(nodes: Node[], after: number): Element | undefined {
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
