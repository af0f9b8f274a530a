/**
 * What each element may contain, read from a RELAX NG schema (XML syntax): element name → the
 * names of the child elements its pattern allows anywhere. libxml2 says "Did not expect element p
 * there" without saying what was expected; this table lets the message list what the parent
 * takes. Order and counts are not captured — it is a hint, the schema stays the judge.
 */
import type { RngNode } from './rng-tree.js';

export function allowedChildren(grammar: RngNode | undefined): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  if (!grammar) return new Map();
  const defines = new Map<string, RngNode[]>();
  const collectDefines = (n: RngNode) => {
    if (n.local === 'define' && n.attrs.name) defines.set(n.attrs.name, [...(defines.get(n.attrs.name) ?? []), n]);
    for (const c of n.children) collectDefines(c);
  };
  collectDefines(grammar);

  /** Child element names reachable from `nodes` without entering another element. */
  const reach = (nodes: RngNode[], out: Set<string>, seen: Set<string>) => {
    for (const n of nodes) {
      if (n.local === 'element') {
        if (n.attrs.name) out.add(n.attrs.name.replace(/^.*:/, ''));
      } else if (n.local === 'ref' && n.attrs.name) {
        if (seen.has(n.attrs.name)) continue;
        seen.add(n.attrs.name);
        for (const d of defines.get(n.attrs.name) ?? []) reach(d.children, out, seen);
      } else if (n.local !== 'attribute') {
        reach(n.children, out, seen);
      }
    }
  };
  const visit = (n: RngNode) => {
    if (n.local === 'element' && n.attrs.name) {
      const name = n.attrs.name.replace(/^.*:/, '');
      const set = table.get(name) ?? new Set<string>();
      reach(n.children, set, new Set());
      table.set(name, set);
    }
    for (const c of n.children) visit(c);
  };
  visit(grammar);
  return new Map([...table].map(([k, v]) => [k, [...v].sort()]));
}
