/**
 * What each element may contain, read from a RELAX NG schema (XML syntax): element name → the
 * names of the child elements its pattern allows anywhere. libxml2 says "Did not expect element p
 * there" without saying what was expected; this table lets the message list what the parent
 * takes. Order and counts are not captured — it is a hint, the schema stays the judge.
 */
import { SaxesParser } from '../util/saxes.js';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

function parseRng(text: string): Node | undefined {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [{ name: '#root', attrs: {}, children: [] }];
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.uri === RNG_NS ? tag.local : `#foreign`, attrs: {}, children: [] };
    for (const a of Object.values(tag.attributes)) if (!a.prefix) node.attrs[a.local] = a.value;
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch {
    return undefined;
  }
  return stack[0]!.children[0];
}

export function allowedChildren(rngText: string): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  const grammar = parseRng(rngText);
  if (!grammar) return new Map();
  const defines = new Map<string, Node[]>();
  const collectDefines = (n: Node) => {
    if (n.name === 'define' && n.attrs.name) defines.set(n.attrs.name, [...(defines.get(n.attrs.name) ?? []), n]);
    for (const c of n.children) collectDefines(c);
  };
  collectDefines(grammar);

  /** Child element names reachable from `nodes` without entering another element. */
  const reach = (nodes: Node[], out: Set<string>, seen: Set<string>) => {
    for (const n of nodes) {
      if (n.name === 'element') {
        if (n.attrs.name) out.add(n.attrs.name.replace(/^.*:/, ''));
      } else if (n.name === 'ref' && n.attrs.name) {
        if (seen.has(n.attrs.name)) continue;
        seen.add(n.attrs.name);
        for (const d of defines.get(n.attrs.name) ?? []) reach(d.children, out, seen);
      } else if (n.name !== 'attribute' && n.name !== '#foreign') {
        reach(n.children, out, seen);
      }
    }
  };
  const visit = (n: Node) => {
    if (n.name === 'element' && n.attrs.name) {
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
