/**
 * The text of each print page of a work's HTML rendition, for search: the rendition marks the
 * start of a print page with `<span class="pb" id="p277" data-n="277">` (xslt/common/util.xsl
 * t:page-id); everything in `<main>` from one marker to the next is that page's text. Text before
 * the first marker (the heading) belongs to the first page, and a word broken across two pages to
 * the second (so that it is found whole). Renditions without markers (a Lenin
 * Internet Archive page) give no pages: the caller indexes the work whole.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface PrintPageText {
  /** The anchor id (`p277`). */
  id: string;
  /** The page number as printed (`277`). */
  n: string;
  text: string;
}

/** Elements whose boundaries separate words (inline ones, as `<em>`, do not). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'em', 'i', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'mark']);

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function findMain(node: Node): Element | undefined {
  if ('tagName' in node && node.tagName === 'main') return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

export function printPages(html: string): PrintPageText[] {
  return printPagesOfDocument(parse(html));
}

/** printPages of a rendition already parsed. */
export function printPagesOfDocument(doc: DefaultTreeAdapterMap['document']): PrintPageText[] {
  const main = findMain(doc);
  if (!main) return [];
  const pages: { id: string; n: string; parts: string[]; notes: string[] }[] = [];
  const before: string[] = [];
  // a foot note shown after the paragraph it is printed inside names its page (`data-page="p209"`,
  // xslt/common/notes.xsl): its words are that page's, not the paragraph's last page's (added after
  // the page's running text, whose last word may run on to the next page)
  let onPage: string[] | undefined;
  const sink = () => onPage ?? pages.at(-1)?.parts ?? before;
  const visit = (node: Node): void => {
    if (node.nodeName === '#text') {
      sink().push((node as DefaultTreeAdapterMap['textNode']).value);
      return;
    }
    if (!('tagName' in node)) return;
    if (node.tagName === 'script' || node.tagName === 'style') return;
    const classes = (attr(node, 'class') ?? '').split(/\s+/);
    const id = attr(node, 'id');
    if (classes.includes('pb') && id) {
      pages.push({ id, n: attr(node, 'data-n') ?? id, parts: [], notes: [] });
      return;
    }
    const page = attr(node, 'data-page');
    const outer = onPage;
    if (page !== undefined) onPage = pages.find((p) => p.id === page)?.notes ?? onPage;
    const block = !INLINE.has(node.tagName);
    if (block) sink().push(' ');
    for (const child of node.childNodes) visit(child);
    if (block) sink().push(' ');
    onPage = outer;
  };
  visit(main);
  if (pages.length === 0) return [];
  pages[0]!.parts.unshift(...before);
  const texts = pages.map((p) => p.parts.join('').replace(/\s+/g, ' '));
  // A word split by a page marker (`over<pb/>looking`) is indexed whole, on the page where it ends.
  for (let i = 1; i < texts.length; i++) {
    const head = /(\S+)$/.exec(texts[i - 1]!);
    if (head && /^\S/.test(texts[i]!)) {
      texts[i - 1] = texts[i - 1]!.slice(0, head.index);
      texts[i] = head[1]! + texts[i]!;
    }
  }
  return pages.map((p, i) => ({ id: p.id, n: p.n, text: `${texts[i]!} ${p.notes.join('')}`.replace(/\s+/g, ' ').trim() }));
}
