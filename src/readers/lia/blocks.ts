/**
 * HTML of a Lenin Internet Archive page → the model's blocks and inlines. The pages are modern,
 * well-formed HTML (p, h2–h6, blockquote, lists, em/strong, sup); containers (div, center, …) are
 * looked through. A `<pre>` is preformatted text, its lines and spaces kept. Note references and the notes' own label anchors are found beforehand (notes.ts)
 * and given here in the context.
 */
import type { Block, Inline, ListItem, SourcePosition, TableCell } from '../../model/types.js';
import { preformattedText, tidyPreformatted } from '../shared/preformatted.js';
import { trimEnd } from '../marx2mao/inlines.js';
import { attr, childrenOf, collapse, isText, positionOf, startOffset, tag, textOf, type Element, type Node } from '../marx2mao/dom.js';

export interface BlockContext {
  file: string;
  /** Reference links → the note they point to and the id of the reference. */
  refs: Map<Element, { noteId: string; id: string; n: string }>;
  /** Elements that are not text: the notes' label anchors and back-links. */
  skip: Set<Element>;
}

const LEAF_BLOCKS = new Set(['p', 'pre', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'table', 'hr']);
const BLOCKISH = new Set([...LEAF_BLOCKS, 'div', 'center', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'li', 'form']);
const EMPH: Record<string, 'italic' | 'bold' | 'underline' | 'superscript' | 'subscript'> = {
  i: 'italic', em: 'italic', cite: 'italic', var: 'italic', b: 'bold', strong: 'bold', u: 'underline', sup: 'superscript', sub: 'subscript',
};

/** A block-level element, or a run of inline nodes standing loose in a container. */
export type Item = { el: Element } | { run: Node[] };

export function itemStart(item: Item): number {
  return 'el' in item ? startOffset(item.el) : startOffset(item.run[0]!);
}

export function itemNodes(item: Item): Node[] {
  return 'el' in item ? [item.el] : item.run;
}

function hasBlock(node: Node): boolean {
  return childrenOf(node).some((c) => BLOCKISH.has(tag(c)) || hasBlock(c));
}

/** The block-level items of a container in document order, looking through div, center and the like. */
export function flatten(container: Node): Item[] {
  const out: Item[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.some((n) => collapse(textOf(n)).trim() || tag(n) === 'img')) out.push({ run });
    run = [];
  };
  for (const c of childrenOf(container)) {
    const t = tag(c);
    if (LEAF_BLOCKS.has(t)) {
      flush();
      out.push({ el: c as Element });
    } else if (t === 'script' || t === 'style' || c.nodeName === '#comment') continue;
    else if (BLOCKISH.has(t) || hasBlock(c)) {
      flush();
      out.push(...flatten(c));
    } else run.push(c);
  }
  flush();
  return out;
}

export function toBlocks(items: Item[], ctx: BlockContext): Block[] {
  return items.flatMap((item) => toBlock(item, ctx));
}

function toBlock(item: Item, ctx: BlockContext): Block[] {
  if ('run' in item) return paragraph(item.run, ctx, positionOf(item.run[0]!, ctx.file));
  const el = item.el;
  const pos = positionOf(el, ctx.file);
  const t = tag(el);
  if (/^h[1-6]$/.test(t)) {
    const children = inlines(childrenOf(el), ctx);
    return children.length ? [{ type: 'heading', level: Math.max(2, Number(t[1]) - 1), children, pos }] : [];
  }
  if (t === 'blockquote' || (t === 'p' && /quote/i.test(attr(el, 'class') ?? ''))) {
    const blocks = t === 'p' ? paragraph(childrenOf(el), ctx, pos) : toBlocks(flatten(el), ctx);
    return blocks.length ? [{ type: 'quote', blocks, pos }] : [];
  }
  if (t === 'ul' || t === 'ol' || t === 'dl') {
    const items: ListItem[] = childrenOf(el)
      .filter((c) => ['li', 'dt', 'dd'].includes(tag(c)))
      .map((li) => ({ blocks: toBlocks(flatten(li), ctx) }))
      .filter((li) => li.blocks.length > 0);
    return items.length ? [{ type: 'list', kind: t === 'ol' ? 'ordered' : t === 'ul' ? 'unordered' : 'simple', items, pos }] : [];
  }
  if (t === 'table') {
    const rows: TableCell[][] = rowsOf(el).map((tr) => childrenOf(tr).filter((c) => tag(c) === 'td' || tag(c) === 'th').map((cell) => ({
      blocks: toBlocks(flatten(cell), ctx),
      ...(tag(cell) === 'th' ? { role: 'label' as const } : {}),
    })));
    return rows.some((r) => r.some((c) => c.blocks.length)) ? [{ type: 'table', rows, pos }] : [];
  }
  if (t === 'hr') return [];
  if (t === 'pre') return preformatted(el, ctx, pos);
  const rend = /center/i.test(attr(el, 'class') ?? attr(el, 'align') ?? '') ? 'center' : /right/i.test(attr(el, 'class') ?? attr(el, 'align') ?? '') ? 'right' : undefined;
  return paragraph(childrenOf(el), ctx, pos, rend);
}

function rowsOf(table: Node): Node[] {
  return childrenOf(table).flatMap((c) => (tag(c) === 'tr' ? [c] : ['tbody', 'thead', 'tfoot'].includes(tag(c)) ? rowsOf(c) : []));
}

function paragraph(nodes: Node[], ctx: BlockContext, pos: SourcePosition, rend?: 'center' | 'right'): Block[] {
  const children = inlines(nodes, ctx);
  return children.length ? [{ type: 'paragraph', children, pos, ...(rend ? { rend } : {}) }] : [];
}

/**
 * A `<pre>` (a table of figures set in columns with spaces, a diagram): one preformatted block, its
 * lines and spaces as the page has them (tidied as marx2mao's: no blank line before its first line,
 * no spaces ending a line); `<br>` is a line end, the tags that open blocks elsewhere are looked
 * through; emphasis, links and note references stay in it. A `<pre>` of white space makes none.
 */
function preformatted(el: Element, ctx: BlockContext, pos: SourcePosition): Block[] {
  const children = unmark(merge(childrenOf(el).flatMap((c) => inline(c, ctx, true)), true));
  tidyPreformatted(children);
  trimEnd(children);
  const centred = /center/i.test(attr(el, 'class') ?? attr(el, 'align') ?? '');
  return children.length ? [{ type: 'preformatted', children, pos, ...(centred ? { rend: 'center' as const } : {}) }] : [];
}

/** Stands for a note label (a reference or a note's own anchor) while the brackets around it are dropped. */
const LABEL_MARK = '\u0000';

/** Inline content, whitespace collapsed and trimmed at both ends; empty emphasis dropped. */
export function inlines(nodes: Node[], ctx: BlockContext): Inline[] {
  return trim(unmark(merge(nodes.flatMap((n) => inline(n, ctx)))));
}

/**
 * `[<a href="#fw1">1</a>]`: the brackets printed around a label outside its link belong to the
 * label (the reference's `n`, or the note's), not to the text.
 */
function unmark(list: Inline[]): Inline[] {
  const out = list.map((i) => (i.type === 'emph' ? { ...i, children: unmark(i.children) } : i));
  for (let k = 0; k < out.length; k++) {
    const cur = out[k]!;
    const next = out[k + 1];
    const after = out[k + 2];
    // text "…[\0" + noteRef + "\0]…": the reference's own brackets
    if (cur.type === 'text' && next?.type === 'noteRef' && after?.type === 'text' && /\[\s*\u0000$/.test(cur.value) && /^\u0000\s*\]/.test(after.value)) {
      cur.value = cur.value.replace(/\[\s*\u0000$/, '');
      after.value = after.value.replace(/^\u0000\s*\]/, '');
    }
  }
  return out
    .map((i) => (i.type === 'text' ? { ...i, value: i.value.replace(/\[\s*\u0000\s*\]/g, '').replace(/\u0000/g, '') } : i))
    .filter((i) => i.type !== 'text' || i.value !== '')
    .filter((i) => i.type !== 'emph' || i.children.length > 0);
}

/** A node's inlines; in preformatted text (`pre`) its white space as it is and `<br>` a line end. */
function inline(node: Node, ctx: BlockContext, pre = false): Inline[] {
  if (isText(node)) return [{ type: 'text', value: pre ? preformattedText(node.value) : collapse(node.value) }];
  const el = node as Element;
  const t = tag(el);
  if (!t) return [];
  // a note's label anchor leaves a mark, so that the brackets printed around it go with it
  if (ctx.skip.has(el)) return [{ type: 'text', value: LABEL_MARK }];
  const ref = ctx.refs.get(el);
  if (ref) return [{ type: 'text', value: LABEL_MARK }, { type: 'noteRef', noteId: ref.noteId, id: ref.id, n: ref.n, pos: positionOf(el, ctx.file) }, { type: 'text', value: LABEL_MARK }];
  if (t === 'br') return [pre ? { type: 'text', value: '\n' } : { type: 'lb' }];
  const children = merge(childrenOf(el).flatMap((c) => inline(c, ctx, pre)), pre);
  if (t === 'a') {
    const href = attr(el, 'href') ?? '';
    return /^(?:https?|mailto):/i.test(href) && children.length ? [{ type: 'link', target: href, children }] : children;
  }
  const rend = EMPH[t];
  // a sup that held only a note reference is the reference itself
  if (rend && children.some((c) => c.type !== 'noteRef' && !(c.type === 'text' && /^[\s\u0000[\]]*$/.test(c.value)))) return [{ type: 'emph', rend, children }];
  return children;
}

function merge(list: Inline[], pre = false): Inline[] {
  const out: Inline[] = [];
  for (const i of list) {
    const last = out.at(-1);
    if (i.type === 'text' && last?.type === 'text') last.value = pre ? last.value + i.value : collapse(last.value + i.value);
    else out.push(i.type === 'text' ? { ...i } : i);
  }
  return out;
}

function trim(list: Inline[]): Inline[] {
  const out = [...list];
  while (out[0]?.type === 'text' && !out[0].value.trim()) out.shift();
  while (out.at(-1)?.type === 'text' && !(out.at(-1) as { value: string }).value.trim()) out.pop();
  while (out[0]?.type === 'lb') out.shift();
  while (out.at(-1)?.type === 'lb') out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', value: first.value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value.trimEnd() };
  return out.filter((i) => i.type !== 'text' || i.value !== '');
}
