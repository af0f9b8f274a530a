/**
 * Order and content errors worded as jing words them, on the element at fault: "<availability> is
 * not allowed at this point in <publicationStmt>; expected <publisher>, <distributor>, <authority>,
 * <p> or <ab>", "<fileDesc> ends before <sourceDesc>". Run only when libxml2 has found the
 * document invalid; walks the document against the schema's content model (content-model.ts).
 * Names are written as the document writes them (`vg:letDesc`).
 */
import { SaxesParser } from '../util/saxes.js';
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import { Derivatives, nameMatches, type ContentModel, type ElementPattern, type NameClass, type Pattern } from './content-model.js';

interface DocNode {
  qname: string;
  ns: string;
  local: string;
  line: number;
  column: number;
  children: (DocNode | TextNode)[];
}

interface TextNode {
  text: true;
  line: number;
  column: number;
}

/** At most this many names in a message; the rest is counted. */
const SHOWN = 12;

function readTree(text: string): DocNode | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const top: DocNode = { qname: '#document', ns: '', local: '#document', line: 1, column: 1, children: [] };
  const stack: DocNode[] = [top];
  let start = { line: 1, column: 1 };
  let afterTag = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag) => {
    const node: DocNode = { qname: tag.name, ns: tag.uri, local: tag.local, ...start, children: [] };
    stack[stack.length - 1]!.children.push(node);
    afterTag = { line: parser.line, column: parser.column + 1 };
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
    afterTag = { line: parser.line, column: parser.column + 1 };
  });
  const onText = (t: string) => {
    // Where the text begins: after the last tag, plus leading white space.
    const lead = /^\s*/.exec(t)![0];
    const lines = lead.split('\n');
    const line = afterTag.line + lines.length - 1;
    const column = lines.length > 1 ? lines[lines.length - 1]!.length + 1 : afterTag.column + lead.length;
    if (t.trim()) stack[stack.length - 1]!.children.push({ text: true, line, column });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch {
    return undefined;
  }
  return top;
}

export function contentErrors(text: string, file: string, model: ContentModel, limit = 200): Diagnostic[] {
  const tree = readTree(text);
  if (!tree) return [];
  const d = new Derivatives(model);
  const out: Diagnostic[] = [];
  const memo = new Map<ElementPattern, Map<DocNode, boolean>>();

  /** Whether `node` matches the element pattern (its name and, recursively, its content). */
  const matches = (ep: ElementPattern, node: DocNode): boolean => {
    let byNode = memo.get(ep);
    if (!byNode) memo.set(ep, (byNode = new Map()));
    const known = byNode.get(node);
    if (known !== undefined) return known;
    byNode.set(node, true); // no cycles in a tree; placeholder while computing
    let p = ep.content;
    for (const child of node.children) {
      p = 'text' in child ? d.deriv(p, null) : d.deriv(p, new Set(candidates(p, child).filter((c) => matches(c, child))));
      if (p.t === 'notAllowed') break;
    }
    const ok = p.t !== 'notAllowed' && d.nullable(p);
    byNode.set(node, ok);
    return ok;
  };

  const candidates = (p: Pattern, node: DocNode): ElementPattern[] =>
    [...d.firsts(p)].filter((ep) => nameMatches(ep.names, node.ns, node.local));

  const report = (node: DocNode, code: string, message: string, at: { line: number; column: number } = node): Diagnostic | undefined => {
    if (out.length >= limit) return undefined;
    const d = diagnostic('error', code, message, { file, ...at });
    out.push(d);
    return d;
  };

  /**
   * Walk `node`'s children against `content`, reporting each fault where it is. After the first
   * fault among one element's children, the rest of them are judged from a guess (the faulty child
   * skipped), and what fails then mostly follows from that guess: those follow-on errors are not
   * reported, the first one says how many children after it went unchecked.
   */
  const walk = (node: DocNode, content: Pattern) => {
    let p = content;
    let first: Diagnostic | undefined;
    let unchecked = 0;
    const fault = (code: string, message: string, at: { line: number; column: number }) => {
      if (first) unchecked++;
      else first = report(node, code, message, at);
    };
    const inName = node.qname === '#document' ? 'the document' : `<${node.qname}>`;
    for (const child of node.children) {
      if ('text' in child) {
        const next = d.deriv(p, null);
        if (next.t === 'notAllowed') {
          fault('unexpected-text', `text is not allowed ${where(p)} in ${inName}; expected ${expected(p, node)}`, child);
        } else p = next;
        continue;
      }
      const cands = candidates(p, child);
      if (cands.length === 0) {
        const known = knownHere(node, child);
        fault('unexpected-element', `<${child.qname}> is not allowed ${known ? 'at this point' : 'here'} in ${inName}; expected ${expected(p, node)}`, child);
        continue; // as if the element were not there
      }
      const good = cands.filter((c) => matches(c, child));
      if (good.length === 0) walk(child, cands[0]!.content);
      p = d.deriv(p, new Set(good.length > 0 ? good : cands));
    }
    if (!d.nullable(p) && node.qname !== '#document') {
      if (first) unchecked++;
      else report(node, 'missing-element', `<${node.qname}> ends before ${expected(p, node, false)}`);
    }
    if (first && unchecked > 0) {
      first.message += ` (${unchecked} later fault(s) among the children of ${inName} follow from this one and are not reported; fix it and validate again)`;
    }
  };

  /** Whether the parent's pattern allows the child's name anywhere (an order error rather than a stranger). */
  const knownHere = (parent: DocNode, child: DocNode): boolean => {
    const parentPatterns = parentPatternsOf.get(parent);
    return !!parentPatterns?.some((pp) => anywhere(pp.content, child));
  };
  const anywhere = (p: Pattern, child: DocNode): boolean => {
    const seen = new Set<Pattern>();
    const visit = (q: Pattern): boolean => {
      if (seen.has(q)) return false;
      seen.add(q);
      switch (q.t) {
        case 'el':
          return nameMatches(q.names, child.ns, child.local);
        case 'choice':
        case 'group':
        case 'interleave':
          return visit(q.a) || visit(q.b);
        case 'oneOrMore':
          return visit(q.p);
        case 'ref':
          return visit(model.defines.get(q.name) ?? { t: 'notAllowed' });
        default:
          return false;
      }
    };
    return visit(p);
  };

  /** "<a>, <b> or <c>" (elements that may come next), with "text" and "the end of <x>" where allowed. */
  const expected = (p: Pattern, parent: DocNode, endToo = true): string => {
    const found = [...new Set([...d.firsts(p)].map((ep) => describeName(ep.names, parent)))];
    // A few names in the schema's order (it is the order to write them in); many, alphabetically.
    const names = found.length > SHOWN + 4 ? found.sort((x, y) => x.localeCompare(y)) : found;
    const cut = names.length > SHOWN + 4 ? SHOWN : names.length; // "… (13 in all)" would hide one name
    const shown = names.slice(0, cut).map((n) => (n.startsWith('any') ? n : `<${n}>`));
    if (names.length > cut) shown.push(`… (${names.length} elements in all)`);
    if (d.allowsText(p)) shown.push('text');
    if (endToo && d.nullable(p) && parent.qname !== '#document') shown.push(`the end of <${parent.qname}>`);
    if (shown.length === 0) return 'nothing more';
    return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  };

  const where = (p: Pattern) => (d.firsts(p).size > 0 ? 'at this point' : 'here');

  // Which patterns each element was matched against (for "at this point" versus "here").
  const parentPatternsOf = new Map<DocNode, ElementPattern[]>();
  const noteParents = (node: DocNode, content: Pattern) => {
    let p = content;
    for (const child of node.children) {
      if ('text' in child) continue;
      const cands = candidates(p, child);
      if (cands.length > 0) {
        parentPatternsOf.set(child, cands);
        const good = cands.filter((c) => matches(c, child));
        noteParents(child, (good[0] ?? cands[0]!).content);
        p = d.deriv(p, new Set(good.length > 0 ? good : cands));
      }
    }
  };
  noteParents(tree, model.start);
  walk(tree, model.start);
  return out;
}

/** An expected name as the document would write it: unprefixed in the parent's namespace. */
function describeName(nc: NameClass, parent: DocNode): string {
  switch (nc.t) {
    case 'name':
      return nc.ns === parent.ns || !nc.qname.includes(':') ? nc.local : nc.qname;
    case 'any':
      return 'any element';
    case 'ns':
      return `any element in ${nc.ns}`;
    case 'choice':
      return `${describeName(nc.a, parent)}|${describeName(nc.b, parent)}`;
  }
}
