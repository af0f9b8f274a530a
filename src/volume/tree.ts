/**
 * A member TEI as a small element tree (saxes, names as written), so that a volume can read its
 * facts and copy it into the teiCorpus with its ids made unique. Only what an XML copy needs is
 * kept: elements with their attributes in order, text, comments and processing instructions.
 */
import { SaxesParser } from 'saxes';
import { UserError } from '../model/diagnostics.js';

export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | { kind: 'text'; text: string } | { kind: 'comment'; text: string } | { kind: 'pi'; target: string; body: string };

/** Parse a document's root element; malformed XML is the caller's input error (exit 1). */
export function parseXmlTree(xml: string, file: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const add = (n: XmlNode) => stack.at(-1)?.children.push(n);
  parser.on('opentag', (tag) => {
    const el: XmlElement = { kind: 'element', name: tag.name, attrs: Object.entries(tag.attributes as Record<string, string>), children: [] };
    if (stack.length === 0) root = el;
    else add(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => add({ kind: 'text', text }));
  parser.on('cdata', (text) => add({ kind: 'text', text }));
  parser.on('comment', (text) => add({ kind: 'comment', text }));
  parser.on('processinginstruction', (pi) => add({ kind: 'pi', target: pi.target, body: pi.body }));
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new UserError(`${file}:${parser.line}:${parser.column}: error not-well-formed: ${(err as Error).message.replace(/^.*?:\d+:\d+: /, '')}`, 1);
  }
  if (!root) throw new UserError(`${file}:1:1: error not-well-formed: no root element`, 1);
  return root;
}

export const attr = (el: XmlElement, name: string): string | undefined => el.attrs.find(([k]) => k === name)?.[1];

export const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => c.kind === 'element' && (name === undefined || c.name === name));

/** The first element at a path of child names (`fileDesc/titleStmt/title`). */
export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const step of path.split('/')) cur = cur && elements(cur, step)[0];
  return cur;
}

/** Every descendant element of a name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The text content, white space collapsed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.kind === 'text') parts.push(c.text);
      else if (c.kind === 'element') walk(c);
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/** Serialize an element; `mapAttr` may change each attribute's value (undefined drops it). */
export function serialize(el: XmlElement, mapAttr: (el: XmlElement, name: string, value: string) => string | undefined = (_e, _n, v) => v): string {
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    out.push('<', e.name);
    for (const [k, v] of e.attrs) {
      const value = mapAttr(e, k, v);
      if (value !== undefined) out.push(' ', k, '="', escapeAttr(value), '"');
    }
    if (e.children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const c of e.children) {
      if (c.kind === 'element') walk(c);
      else if (c.kind === 'text') out.push(escapeText(c.text));
      else if (c.kind === 'comment') out.push('<!--', c.text, '-->');
      else out.push('<?', c.target, c.body ? ` ${c.body}` : '', '?>');
    }
    out.push('</', e.name, '>');
  };
  walk(el);
  return out.join('');
}
