/**
 * Tables: contents lists and data tables become Table blocks; each cell is read as its own little
 * flow of blocks (`<BR>`-separated lines stay line breaks).
 */
import type { Block, List, ListItem, Table, TableCell } from '../../model/types.js';
import { attr, childrenOf, positionOf, tag, type Element, type Node } from './dom.js';
import { Flow, type FlowShared } from './flow.js';
import type { WalkCtx } from './walk.js';

type Walk = (node: Node, ctx: WalkCtx) => void;
type WithFlow = (flow: Flow, read: () => void) => void;

export function readTable(el: Element, withFlow: WithFlow, walk: Walk, shared: FlowShared, ctx: WalkCtx): Table | undefined {
  const rows: TableCell[][] = [];
  const visit = (node: Node) => {
    const t = tag(node);
    if (t === 'table' && node !== el) return; // nested tables are read inside their cell
    if (t === 'tr') {
      rows.push([]);
    } else if (t === 'td' || t === 'th') {
      if (rows.length === 0) rows.push([]);
      const blocks: Block[] = [];
      const flow = new Flow(blocks, shared);
      const cellCtx: WalkCtx = { ...ctx, center: false, heading: 0, ul: 0, align: undefined, inCell: true, pre: false };
      withFlow(flow, () => {
        for (const c of childrenOf(node)) walk(c, cellCtx);
      });
      const cell: TableCell = { blocks, role: t === 'th' ? 'label' : 'data' };
      const cols = Number(attr(node, 'colspan'));
      const rs = Number(attr(node, 'rowspan'));
      if (cols > 1) cell.cols = cols;
      if (rs > 1) cell.rows = rs;
      rows.at(-1)!.push(cell);
      return;
    }
    for (const c of childrenOf(node)) visit(c);
  };
  visit(el);
  const kept = rows.filter((r) => r.length > 0);
  if (kept.every((r) => r.every((c) => c.blocks.length === 0))) return undefined;
  // where the table begins: a contents list made of it says so where an entry has no row position
  return { type: 'table', rows: kept, pos: positionOf(el, shared.file) };
}

/** `<UL>`/`<OL>` with `<LI>` items: a List; each item read as its own flow of blocks. */
export function readList(el: Element, withFlow: WithFlow, walk: Walk, shared: FlowShared, ctx: WalkCtx): List | undefined {
  const items: ListItem[] = [];
  for (const li of childrenOf(el)) {
    if (tag(li) !== 'li') continue;
    const blocks: Block[] = [];
    const flow = new Flow(blocks, shared);
    withFlow(flow, () => {
      for (const c of childrenOf(li)) walk(c, { ...ctx, ul: 0, center: false, heading: 0 });
    });
    items.push({ blocks });
  }
  if (items.every((i) => i.blocks.length === 0)) return undefined;
  return { type: 'list', kind: tag(el) === 'ol' ? 'ordered' : 'unordered', items };
}

/** Lists proper: a `<UL>`/`<OL>` whose content is `<LI>` items (not marx2mao's `<UL>` indentation). */
export function isItemList(el: Element): boolean {
  const kids = childrenOf(el).filter((c) => tag(c) !== '' || ('value' in c && String((c as { value: string }).value).trim()));
  return kids.length > 0 && kids.every((c) => tag(c) === 'li');
}
