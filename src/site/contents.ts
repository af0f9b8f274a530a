/**
 * What a work page takes from the work's HTML rendition: the inside of its `<main>` (the text with
 * its page-break anchors `#p277`, notes and division ids, shown on the page so that each print page
 * has a stable address on the site) and its contents: every division (`<section id>`) with a
 * heading, nested as the divisions are, titled by the heading's words (note references left out).
 */
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface ContentsItem {
  id: string;
  title: string;
  children: ContentsItem[];
}

const HEADING = /^h[1-6]$/;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function findMain(node: Node): Element | undefined {
  if (isElement(node) && node.tagName === 'main') return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

/** A heading's words: `<br>` as a space, note references (`<sup class="noteref">`) left out. */
function headingText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node)) return '';
  if (node.tagName === 'br') return ' ';
  if (node.tagName === 'sup' && (attr(node, 'class') ?? '').split(/\s+/).includes('noteref')) return '';
  return node.childNodes.map(headingText).join('');
}

function divisions(node: Element): ContentsItem[] {
  const items: ContentsItem[] = [];
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    const id = attr(child, 'id');
    const heading = child.tagName === 'section' ? child.childNodes.find((c): c is Element => isElement(c) && HEADING.test(c.tagName)) : undefined;
    const title = heading ? headingText(heading).replace(/\s+/g, ' ').trim() : '';
    if (id && title) items.push({ id, title, children: divisions(child) });
    else items.push(...divisions(child));
  }
  return items;
}

export interface RenditionParts {
  /** The HTML inside `<main>`, as the rendition wrote it. */
  text: string;
  contents: ContentsItem[];
  /** The text's language (the rendition's `<html lang>`). */
  lang: string;
}

export function renditionParts(html: string): RenditionParts {
  return partsOfDocument(parse(html));
}

/** renditionParts of a rendition already parsed (rendition-reader.ts parses it once for the site and search). */
export function partsOfDocument(doc: DefaultTreeAdapterMap['document']): RenditionParts {
  const root = doc.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'html');
  const lang = (root && attr(root, 'lang')) || 'en';
  const main = findMain(doc);
  if (!main) return { text: '', contents: [], lang };
  return { text: serialize(main), contents: divisions(main), lang };
}
