/**
 * A small element tree of an XML string (saxes), for tests that look at the TEI's structure:
 * elements with their attributes, children and text, and a search by name.
 */
import { SaxesParser } from 'saxes';

export interface XText {
  kind: 'text';
  value: string;
}

export interface XElement {
  kind: 'element';
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export type XNode = XElement | XText;

export function parseXmlTree(xml: string): XElement {
  const root: XElement = { kind: 'element', name: '#document', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => {
    const el: XElement = { kind: 'element', name: t.name, attrs: { ...(t.attributes as Record<string, string>) }, children: [] };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  p.on('closetag', () => void stack.pop());
  p.on('text', (value) => void stack.at(-1)!.children.push({ kind: 'text', value }));
  p.write(xml).close();
  return root;
}

/** Every element of that name under `root`, in document order. */
export function descendants(root: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  const walk = (e: XElement) => {
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** The element's child elements (of that name). */
export function childElements(e: XElement, name?: string): XElement[] {
  return e.children.filter((c): c is XElement => c.kind === 'element' && (!name || c.name === name));
}

/** The text content, whitespace collapsed (line breaks `lb` add nothing). */
export function textContent(e: XElement | undefined): string {
  const walk = (n: XNode): string => (n.kind === 'text' ? n.value : n.children.map(walk).join(''));
  return e ? walk(e).replace(/\s+/g, ' ').trim() : '';
}
