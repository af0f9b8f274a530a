/**
 * Recognisers for marx2mao's conventions, each a pure test on one element: page markers, note
 * references, back-references, the short rule that opens foot-of-page notes, the navigation table.
 */
import { attr, childrenOf, collapse, elements, isText, shortText, startOffset, tag, textOf, type Element, type Node } from './dom.js';

/**
 * `<B>page 277</B>` (inside `<FONT SIZE=-2>`): the page number, '' for an empty marker, undefined if
 * not a marker. Also `<B>page57</B>` (no space) and a marker with a remark of the transcription
 * beside it, inside the same FONT or B (`<B>page 14</B> [blank]`, `[facsimile] <B>page 253</B>`).
 */
export function pageMarker(el: Element): string | undefined {
  return pageMarkerParts(el)?.n;
}

/** One bracketed word beside a page marker: `[blank]`, `[facsimile]`. */
const REMARK = String.raw`\[\s*([A-Za-z]{2,20})\s*\]`;
// `page 277`, `page xii`, the odd `page 14-15`: any short token after "page"; without a space only
// a number (`page57`), so that a word such as "pages" is never a marker
const MARKER_TEXT = new RegExp(String.raw`^(?:${REMARK}\s*)?page(?:\s+([^\s<\[\]]{1,12})|(\d[^\s<\[\]]{0,11}))?\s*(?:${REMARK})?$`, 'i');

export interface MarkerParts {
  n: string;
  /** The transcription's remark beside the marker, lower case (`blank`, `facsimile`). */
  remark?: string;
}

export function pageMarkerParts(el: Element): MarkerParts | undefined {
  if (tag(el) !== 'b' && tag(el) !== 'font') return undefined;
  const m = collapse(shortText(el, 60) ?? '').trim().match(MARKER_TEXT);
  if (!m) return undefined;
  if (tag(el) === 'font' && !el.childNodes.some((c) => tag(c) === 'b')) return undefined;
  const remark = m[1] ?? m[4];
  return { n: m[2] ?? m[3] ?? '', ...(remark ? { remark: remark.toLowerCase() } : {}) };
}

/**
 * A remark written just outside the marker's own tags (`<B>page 2</B>[blank]`): the adjacent text
 * node that starts (after the marker) or ends (before it) with one bracketed word.
 */
export function remarkBeside(el: Element): { remark: string; node: Node & { value: string }; side: 'before' | 'after' } | undefined {
  const parent = el.parentNode as Element | undefined;
  const siblings = parent ? childrenOf(parent) : [];
  const i = siblings.indexOf(el);
  const next = siblings[i + 1];
  if (next && isText(next)) {
    const m = next.value.match(new RegExp(`^\\s*${REMARK}`));
    if (m) return { remark: m[1]!.toLowerCase(), node: next, side: 'after' };
  }
  const prev = siblings[i - 1];
  if (prev && isText(prev)) {
    const m = prev.value.match(new RegExp(`${REMARK}\\s*$`));
    if (m) return { remark: m[1]!.toLowerCase(), node: prev, side: 'before' };
  }
  return undefined;
}

export interface RefMatch {
  /** The fragment linked to (`en1`, `fnp72`); undefined for an unlinked `[1]`. */
  target?: string;
  label: string;
}

/**
 * A note reference `<FONT SIZE=-2>[<A HREF="SU39.html#en1">1</A>]</FONT>` (also in `<SUP>`): the
 * wrapper's whole text is `[label]` and its link points into this page.
 */
export function noteReference(el: Element, isLocal: (href: string) => boolean): RefMatch | undefined {
  const t = tag(el);
  if (t !== 'font' && t !== 'sup') return undefined;
  const m = collapse(shortText(el, 60) ?? '').trim().match(/^\[\s*(\*{1,4}|\d{1,3}[a-z]?|[a-z]|†+)\s*\]$/);
  if (!m) return undefined;
  const links = elements(el).filter((e) => tag(e) === 'a');
  if (links.some((a) => attr(a, 'name') !== undefined)) return undefined;
  if (links.length === 0) {
    if (t === 'font' && !(attr(el, 'size') ?? '').startsWith('-')) return undefined;
    return { label: m[1]! };
  }
  if (links.length !== 1) return undefined;
  const href = attr(links[0]!, 'href') ?? '';
  const hash = href.indexOf('#');
  if (hash < 0 || !isLocal(href)) return undefined;
  return { target: href.slice(hash + 1), label: m[1]! };
}

/** A page named in a back-reference: `275`, `21-23`, `xii`. */
const PAGE = String.raw`(?:[0-9]+[a-z]?(?:\s*[-–]\s*\d+)?|[ivxlcdm]+)`;
/** `[p. 275]`, `[pp. 124, 201]`, `[pp. 124 and 201]`, `[p. ]` (a page left out). */
const PAGES = new RegExp(String.raw`\[\s*pp?\.\s*(${PAGE}(?:\s*(?:,|and|&)\s*${PAGE})*)?\s*\]`, 'gi');

/**
 * `[p. <A HREF="SU39.html#p275">275</A>]`: each page named and the fragment linked for it, in
 * order. `[pp. <A …>124</A>, <A …>201</A>]` names two pages, and so does `[p. 5] [p. 7]` in one FONT.
 */
export function backReference(el: Element): { page: string; target?: string }[] | undefined {
  if (tag(el) !== 'font' && tag(el) !== 'sup') return undefined;
  const text = collapse(shortText(el, 120) ?? '').trim();
  const links = elements(el).filter((e) => tag(e) === 'a' && attr(e, 'href')?.includes('#'));
  const targetOf = (a: Element | undefined) => (a ? attr(a, 'href')!.slice(attr(a, 'href')!.indexOf('#') + 1) : undefined);
  // `[preface]`: a back-reference naming the part of the book instead of a page
  const named = links[0] && !/#(en|fnp)/i.test(attr(links[0], 'href')!) ? text.match(/^\[\s*(\p{L}{2,}[\p{L}\p{N} .-]*)\s*\]$/u) : null;
  const groups = [...text.matchAll(PAGES)];
  if (groups.length === 0 || text.replace(PAGES, '').trim()) return named ? [{ page: named[1]!.replace(/\s+/g, ''), target: targetOf(links[0]) }] : undefined;
  const pages = groups.flatMap((g) => (g[1] ? g[1].split(/\s*(?:,|and|&)\s*/) : ['']).map((p) => p.replace(/\s+/g, '')));
  // one page, one link (whatever its text); else each page's own link, by its text
  if (pages.length === 1) return [{ page: pages[0]!, target: targetOf(links[0]) }];
  const unused = [...links];
  return pages.map((page) => {
    const at = unused.findIndex((a) => collapse(textOf(a)).replace(/\s+/g, '') === page);
    return { page, target: at < 0 ? undefined : targetOf(unused.splice(at, 1)[0]) };
  });
}

/** The short rule (`<HR SIZE=1 WIDTH=12% ALIGN=left>`) that opens foot-of-page notes. */
export function footnoteRule(el: Element): boolean {
  if (tag(el) !== 'hr') return false;
  const width = attr(el, 'width') ?? '';
  const pct = width.endsWith('%') ? Number(width.slice(0, -1)) : NaN;
  return (attr(el, 'align') ?? '').toLowerCase() === 'left' && pct > 0 && pct <= 25;
}

/**
 * Navigation tables (From Marx to Mao | Mao Collection | Reading Guide): tables whose text is mostly
 * links to other pages. Every page ends with one; some pages have another before their notes.
 */
export function navigationTables(body: Node): Element[] {
  return elements(body).filter((t) => {
    if (tag(t) !== 'table') return false;
    if (elements(t).some((e) => pageMarker(e) !== undefined || tag(e) === 'table' && e !== t)) return false;
    const text = collapse(textOf(t)).replace(/\s/g, '');
    const linkText = elements(t)
      .filter((e) => tag(e) === 'a' && attr(e, 'href') && !attr(e, 'href')!.includes('#'))
      .map((a) => collapse(textOf(a)).replace(/\s/g, ''))
      .join('');
    const home = elements(t).some((e) => tag(e) === 'a' && /(^|\/)index\.html?$/i.test(attr(e, 'href') ?? ''));
    return home && text.length > 0 && linkText.length >= text.length * 0.5;
  });
}

/** Where the closing navigation table starts: nothing after it is part of the work. */
export function navigationStart(body: Node): number | undefined {
  const tables = elements(body).filter((e) => tag(e) === 'table');
  const nav = navigationTables(body);
  const last = tables.at(-1);
  return last && nav.includes(last) ? startOffset(last) : undefined;
}


/**
 * Does a link point into this page? `#en1`, `SU39.html#en1` on SU39.html, or a fragment that this
 * page defines (the page was saved under another name than the one its links use).
 */
export function localLinkTest(page: string, names: Set<string>): (href: string) => boolean {
  return (href) => {
    const hash = href.indexOf('#');
    if (hash < 0) return false;
    if (samePageFragment(href, page) !== undefined) return true;
    return !href.slice(0, hash).includes('/') && names.has(href.slice(hash + 1));
  };
}

/** The anchor name a link to this page itself names (`#s2`, `IC17.html#s2`), or undefined. */
export function samePageFragment(href: string, page: string): string | undefined {
  const hash = href.indexOf('#');
  if (hash < 0) return undefined;
  const file = href.slice(0, hash);
  return !file || file.split('/').pop()!.toLowerCase() === page.toLowerCase() ? href.slice(hash + 1) : undefined;
}

/** Anchor names of print pages (`p275`, `np51`) and of foot notes' blocks (`fnp72`): a link to one
 * is a page reference, not a link to a place in the text. */
export const isPageAnchorName = (name: string): boolean => /^(?:n?p\d|fnp)/.test(name);
