/**
 * The element structure of a RELAX NG schema (XML syntax) as patterns with derivatives (James
 * Clark's algorithm), for messages only: which elements may come at a given point, which may end
 * an element. libxml2 says "Did not expect element p there" or "Expecting an element, got
 * nothing" without saying what was expected; this model names it, as jing does. Attributes are
 * ignored and data is read as text: it is a guide for wording and placing errors that libxml2 has
 * already found, never a judge of validity. A schema it cannot read whole (includes, external
 * references) gives no model, and the messages stay libxml2's.
 */
import { SaxesParser } from '../util/saxes.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

export type NameClass =
  | { t: 'name'; ns: string; local: string; qname: string }
  | { t: 'any'; except?: NameClass }
  | { t: 'ns'; ns: string; except?: NameClass }
  | { t: 'choice'; a: NameClass; b: NameClass };

export interface ElementPattern {
  t: 'el';
  id: number;
  names: NameClass;
  content: Pattern;
}

export type Pattern =
  | { t: 'empty' }
  | { t: 'notAllowed' }
  | { t: 'text' }
  | ElementPattern
  | { t: 'choice'; a: Pattern; b: Pattern }
  | { t: 'group'; a: Pattern; b: Pattern }
  | { t: 'interleave'; a: Pattern; b: Pattern }
  | { t: 'oneOrMore'; p: Pattern }
  | { t: 'ref'; name: string };

export const EMPTY: Pattern = { t: 'empty' };
export const NOT_ALLOWED: Pattern = { t: 'notAllowed' };
const TEXT: Pattern = { t: 'text' };

interface RngNode {
  local: string;
  attrs: Record<string, string>;
  /** Namespace prefixes in scope (for QNames in name attributes). */
  prefixes: Record<string, string>;
  children: RngNode[];
  text: string;
}

export interface ContentModel {
  start: Pattern;
  defines: Map<string, Pattern>;
}

function parseRngTree(text: string): RngNode | undefined {
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

class Unsupported extends Error {}

/** The schema's model, or undefined when it uses what this reader does not follow. */
export function readContentModel(rngText: string): ContentModel | undefined {
  const grammar = parseRngTree(rngText);
  if (!grammar || grammar.local !== 'grammar') return undefined;
  let nextId = 0;
  const defines = new Map<string, Pattern>();
  let start: Pattern | undefined;

  const seq = (nodes: RngNode[], ns: string, make: (a: Pattern, b: Pattern) => Pattern): Pattern => {
    const parts = nodes.map((n) => pattern(n, ns));
    if (parts.length === 0) return EMPTY;
    return parts.reduce((a, b) => make(a, b));
  };
  const group = (a: Pattern, b: Pattern): Pattern => ({ t: 'group', a, b });

  const nameClass = (n: RngNode, ns: string): NameClass => {
    const own = n.attrs.ns ?? ns;
    switch (n.local) {
      case 'name':
        return qname(n.text.trim(), own, n.prefixes);
      case 'anyName':
        return { t: 'any', ...(n.children[0] ? { except: exceptOf(n.children[0], own) } : {}) };
      case 'nsName':
        return { t: 'ns', ns: own, ...(n.children[0] ? { except: exceptOf(n.children[0], own) } : {}) };
      case 'choice':
        return n.children.map((c) => nameClass(c, own)).reduce((a, b) => ({ t: 'choice', a, b }));
      default:
        throw new Unsupported(n.local);
    }
  };
  const exceptOf = (n: RngNode, ns: string): NameClass =>
    n.children.map((c) => nameClass(c, ns)).reduce((a, b) => ({ t: 'choice', a, b }));

  const pattern = (n: RngNode, inherited: string): Pattern => {
    const ns = n.attrs.ns ?? inherited;
    const kids = n.children;
    switch (n.local) {
      case 'element': {
        const names = n.attrs.name !== undefined ? qname(n.attrs.name, ns, n.prefixes) : nameClass(kids[0]!, ns);
        const body = n.attrs.name !== undefined ? kids : kids.slice(1);
        return { t: 'el', id: nextId++, names, content: seq(body, ns, group) };
      }
      case 'attribute':
      case 'empty':
        return EMPTY;
      case 'notAllowed':
        return NOT_ALLOWED;
      case 'text':
      case 'data':
      case 'value':
      case 'list':
        return TEXT;
      case 'group':
        return seq(kids, ns, group);
      case 'interleave':
        return seq(kids, ns, (a, b) => ({ t: 'interleave', a, b }));
      case 'choice':
        return seq(kids, ns, (a, b) => ({ t: 'choice', a, b }));
      case 'optional':
        return { t: 'choice', a: seq(kids, ns, group), b: EMPTY };
      case 'zeroOrMore':
        return { t: 'choice', a: { t: 'oneOrMore', p: seq(kids, ns, group) }, b: EMPTY };
      case 'oneOrMore':
        return { t: 'oneOrMore', p: seq(kids, ns, group) };
      case 'mixed':
        return { t: 'interleave', a: TEXT, b: seq(kids, ns, group) };
      case 'ref':
        return { t: 'ref', name: n.attrs.name ?? '' };
      default:
        throw new Unsupported(n.local); // include, externalRef, parentRef, nested grammar
    }
  };

  const collect = (n: RngNode, ns: string) => {
    const own = n.attrs.ns ?? ns;
    for (const c of n.children) {
      if (c.local === 'define' && c.attrs.name) {
        const body = seq(c.children, c.attrs.ns ?? own, group);
        const prev = defines.get(c.attrs.name);
        const combine = c.attrs.combine === 'interleave' ? 'interleave' : 'choice';
        defines.set(c.attrs.name, prev ? { t: combine, a: prev, b: body } : body);
      } else if (c.local === 'start') {
        const body = seq(c.children, own, group);
        start = start ? { t: 'choice', a: start, b: body } : body;
      } else if (c.local === 'div') {
        collect(c, own);
      } else {
        throw new Unsupported(c.local);
      }
    }
  };
  try {
    collect(grammar, grammar.attrs.ns ?? '');
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  return start ? { start, defines } : undefined;
}

function qname(name: string, ns: string, prefixes: Record<string, string>): NameClass {
  const colon = name.indexOf(':');
  if (colon < 0) return { t: 'name', ns, local: name, qname: name };
  const uri = prefixes[name.slice(0, colon)];
  if (uri === undefined) throw new Unsupported(`prefix of ${name}`);
  return { t: 'name', ns: uri, local: name.slice(colon + 1), qname: name };
}

export function nameMatches(nc: NameClass, ns: string, local: string): boolean {
  switch (nc.t) {
    case 'name':
      return nc.ns === ns && nc.local === local;
    case 'any':
      return !(nc.except && nameMatches(nc.except, ns, local));
    case 'ns':
      return nc.ns === ns && !(nc.except && nameMatches(nc.except, ns, local));
    case 'choice':
      return nameMatches(nc.a, ns, local) || nameMatches(nc.b, ns, local);
  }
}

/** Derivatives over one model; `ref`s are followed through the model's defines. */
export class Derivatives {
  private nullableMemo = new Map<string, boolean>();

  constructor(private readonly model: ContentModel) {}

  private deref(name: string): Pattern {
    return this.model.defines.get(name) ?? NOT_ALLOWED;
  }

  nullable(p: Pattern): boolean {
    switch (p.t) {
      case 'empty':
      case 'text':
        return true;
      case 'notAllowed':
      case 'el':
        return false;
      case 'choice':
        return this.nullable(p.a) || this.nullable(p.b);
      case 'group':
      case 'interleave':
        return this.nullable(p.a) && this.nullable(p.b);
      case 'oneOrMore':
        return this.nullable(p.p);
      case 'ref': {
        const memo = this.nullableMemo.get(p.name);
        if (memo !== undefined) return memo;
        this.nullableMemo.set(p.name, false); // RELAX NG forbids recursion outside elements
        const v = this.nullable(this.deref(p.name));
        this.nullableMemo.set(p.name, v);
        return v;
      }
    }
  }

  /** The element patterns that may match the next child element. */
  firsts(p: Pattern, out = new Set<ElementPattern>(), seen = new Set<string>()): Set<ElementPattern> {
    switch (p.t) {
      case 'el':
        out.add(p);
        break;
      case 'choice':
      case 'interleave':
        this.firsts(p.a, out, seen);
        this.firsts(p.b, out, seen);
        break;
      case 'group':
        this.firsts(p.a, out, seen);
        if (this.nullable(p.a)) this.firsts(p.b, out, seen);
        break;
      case 'oneOrMore':
        this.firsts(p.p, out, seen);
        break;
      case 'ref':
        if (!seen.has(p.name)) {
          seen.add(p.name);
          this.firsts(this.deref(p.name), out, seen);
        }
        break;
      default:
    }
    return out;
  }

  /** Whether non-blank text may come next. */
  allowsText(p: Pattern): boolean {
    return this.deriv(p, null).t !== 'notAllowed';
  }

  /** The pattern after one child: an element matched by one of `accepted`, or text (null). */
  deriv(p: Pattern, accepted: ReadonlySet<ElementPattern> | null): Pattern {
    switch (p.t) {
      case 'text':
        return accepted === null ? TEXT : NOT_ALLOWED;
      case 'el':
        return accepted?.has(p) ? EMPTY : NOT_ALLOWED;
      case 'empty':
      case 'notAllowed':
        return NOT_ALLOWED;
      case 'choice':
        return choice(this.deriv(p.a, accepted), this.deriv(p.b, accepted));
      case 'group': {
        const first = groupOf(this.deriv(p.a, accepted), p.b);
        return this.nullable(p.a) ? choice(first, this.deriv(p.b, accepted)) : first;
      }
      case 'interleave':
        return choice(interleaveOf(this.deriv(p.a, accepted), p.b), interleaveOf(p.a, this.deriv(p.b, accepted)));
      case 'oneOrMore':
        return groupOf(this.deriv(p.p, accepted), choice({ t: 'oneOrMore', p: p.p }, EMPTY));
      case 'ref':
        return this.deriv(this.deref(p.name), accepted);
    }
  }
}

function choice(a: Pattern, b: Pattern): Pattern {
  if (a.t === 'notAllowed') return b;
  if (b.t === 'notAllowed') return a;
  if (a === b) return a;
  return { t: 'choice', a, b };
}

function groupOf(a: Pattern, b: Pattern): Pattern {
  if (a.t === 'notAllowed' || b.t === 'notAllowed') return NOT_ALLOWED;
  if (a.t === 'empty') return b;
  if (b.t === 'empty') return a;
  return { t: 'group', a, b };
}

function interleaveOf(a: Pattern, b: Pattern): Pattern {
  if (a.t === 'notAllowed' || b.t === 'notAllowed') return NOT_ALLOWED;
  if (a.t === 'empty') return b;
  if (b.t === 'empty') return a;
  return { t: 'interleave', a, b };
}
