/**
 * The division tree of a converted TEI's body, as the reader tests of headings and sections
 * compare it with the page's HTML: each `div` with its head's words and its parent.
 */
import { childElements, descendants, parseXmlTree, type XElement, type XNode } from './xml-tree.js';

/** The text of a piece of HTML, tags dropped, spaces collapsed. */
export function htmlWords(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;?/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** A head's words, a line break a space, note references left out. */
export function headText(e: XElement | undefined): string {
  const walk = (n: XNode): string => (n.kind === 'text' ? n.value : n.name === 'lb' ? ' ' : n.name === 'ref' && n.attrs.type === 'noteref' ? '' : n.children.map(walk).join(''));
  return e ? walk(e).replace(/\s+/g, ' ').trim() : '';
}

export interface Div { div: XElement; head: string; parent: XElement | undefined }

/** The `div`s of the TEI's body with their heads' words and their parent (undefined: the body). */
export function divisions(tei: string): Div[] {
  const body = descendants(parseXmlTree(tei), 'body')[0]!;
  const out: Div[] = [];
  const walk = (e: XElement, parent: XElement | undefined) => {
    for (const d of childElements(e, 'div')) {
      out.push({ div: d, head: headText(childElements(d, 'head')[0]), parent });
      walk(d, d);
    }
  };
  walk(body, undefined);
  return out;
}
