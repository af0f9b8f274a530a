/**
 * Links of a work's text to other pages of its source site (a marx2mao page's `See "On Tactics
 * Against Japanese Imperialism"` links `TAJI35.html`; EPS52 links `../M&E/C2/…html#C2XXvi`). The TEI
 * keeps them as the source wrote them; the HTML rendition leaves their words unlinked, the address
 * in `<span class="source-link" data-href>` (no page beside it answers it). On the site a work page
 * stands in `works/` beside the others: a link to a work of the collection leads to that work's
 * page, and one to a page the collection does not have stays words, its address in a tooltip.
 */
import { escapeHtml, hrefOf } from './escape.js';

const OPEN = /<span class="source-link" data-href="([^"]*)">/g;

/** The page a relative address names, without folders, extension or anchor (`../Mao/TAJI35.html#s2` → `TAJI35`, `#s2`). */
function pageOf(href: string): { page: string; fragment: string } {
  const hash = href.indexOf('#');
  const path = hash >= 0 ? href.slice(0, hash) : href;
  let page = path.slice(path.lastIndexOf('/') + 1).replace(/\.html?$/i, '');
  try {
    page = decodeURIComponent(page);
  } catch {
    // a malformed escape: the name as written
  }
  return { page, fragment: hash >= 0 ? href.slice(hash) : '' };
}

/**
 * The id the renditions give the place a source's anchor names: its endnote (`#en5` → `#n5`), else
 * the anchor as the TEI keeps it (`#s2` → `#a-s2`, `#p136` → `#a-p136`).
 */
function renderedFragment(fragment: string): string {
  if (!fragment || fragment === '#') return '';
  const name = fragment.slice(1);
  const note = /^en(\d+)$/i.exec(name);
  if (note) return `#n${note[1]}`;
  return name.startsWith('a-') ? fragment : `#a-${name}`;
}

/** Where the span opened at `from` closes (the index of its `</span>`), spans inside it (a page break's) counted. */
function closeOf(text: string, from: number): number {
  const tags = /<span\b[^>]*>|<\/span>/g;
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    depth += m[0] === '</span>' ? -1 : 1;
    if (depth === 0) return m.index;
  }
  return -1;
}

/** The work page's text (the rendition's main, serialized) with its source links resolved against the collection's works. */
export function linkWithinCollection(text: string, ids: ReadonlyMap<string, string>): { text: string; linked: number; unlinked: number } {
  let out = '';
  let at = 0;
  let linked = 0;
  let unlinked = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const start = m.index + m[0].length;
    const close = closeOf(text, start);
    if (close < 0) break;
    const href = m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    const { page, fragment } = pageOf(href);
    const inner = text.slice(start, close);
    out += text.slice(at, m.index);
    const id = ids.get(page);
    if (id !== undefined) {
      linked++;
      out += `<a class="source-link" href="${escapeHtml(hrefOf(`${id}.html`) + renderedFragment(fragment))}">${inner}</a>`;
    } else {
      unlinked++;
      out += `<span class="source-link offsite" title="${escapeHtml(`not in this collection: ${href}`)}">${inner}</span>`;
    }
    at = close + '</span>'.length;
    OPEN.lastIndex = at;
  }
  return { text: out + text.slice(at), linked, unlinked };
}
