/**
 * A RELAX NG schema (XML syntax) as a tree of its RELAX NG elements, read once per schema file and
 * shared by the two readers that word schema errors: the content model (content-model.ts) and the
 * table of allowed children (expected.ts). Foreign markup (documentation, Schematron) is left out.
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from '../util/saxes.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

export interface RngNode {
  local: string;
  attrs: Record<string, string>;
  /** Namespace prefixes in scope (for QNames in name attributes). */
  prefixes: Record<string, string>;
  children: RngNode[];
  text: string;
}

export function parseRngTree(text: string): RngNode | undefined {
  const parser = new SaxesParser({ xmlns: true });
  const root: RngNode = { local: '#root', attrs: {}, prefixes: {}, children: [], text: '' };
  const stack: (RngNode | null)[] = [root];
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    if (tag.uri !== RNG_NS || parent === null) {
      stack.push(null); // foreign markup (documentation, Schematron) and all inside it
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (!a.prefix) attrs[a.local] = a.value;
    const prefixes = { ...parent!.prefixes, ...(tag.ns ?? {}) };
    const node: RngNode = { local: tag.local, attrs, prefixes, children: [], text: '' };
    parent!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch {
    return undefined;
  }
  return root.children[0];
}

const trees = new Map<string, RngNode | undefined>();

/** The schema at `path` as a tree, read and parsed on first need; undefined when unreadable or not XML. */
export function rngTreeAt(path: string): RngNode | undefined {
  if (!trees.has(path)) {
    let tree: RngNode | undefined;
    try {
      tree = parseRngTree(readFileSync(path, 'utf8'));
    } catch {
      tree = undefined;
    }
    trees.set(path, tree);
  }
  return trees.get(path);
}
