/**
 * A work's page (site/works/<id>.html): what it is, the previous and next work of its print volume,
 * its contents, links to its renditions (HTML, EPUB, TEI, text) and citations, a "Cite this" block,
 * the `citation_*` meta tags that Google Scholar and Zotero read, and its text with every print
 * page an anchor (`works/SU39.html#p277`: a stable address per print page). site.js makes "Cite
 * this" name the print page in view; without JavaScript it cites the work whole.
 */
import type { WorkEntry } from '../pipeline/work-entry.js';
import { citationMeta, citationParts, imprintOf } from './cite.js';
import type { ContentsItem, RenditionParts } from './contents.js';
import { escapeHtml, hrefOf } from './escape.js';
import { page } from './layout.js';
import type { Neighbours } from './volumes.js';

/** From site/works/ to the output folder, where the works' own folders are. */
const TO_OUT = '../..';

function link(path: string, text: string, fragment = ''): string {
  return `<a href="${hrefOf(path)}${fragment ? `#${encodeURIComponent(fragment)}` : ''}">${escapeHtml(text)}</a>`;
}

function facts(w: WorkEntry): string {
  const rows: [string, string | undefined][] = [
    ['Author', w.author],
    ['Collection', w.print?.collection],
    ['Volume', w.print?.volume],
    ['Pages', w.print?.pages?.text],
    ['Publisher', w.print ? imprintOf(w.print) : undefined],
    ['Date', w.date?.text],
  ];
  const items = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
  return `<dl class="facts">${items.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

/** Previous and next work of the volume, when the volume has others. */
function volumeNav(w: WorkEntry, around: Neighbours): string {
  if (!around.prev && !around.next) return '';
  const volume = `${w.print?.collection ?? ''}${w.print?.volume ? `, vol. ${w.print.volume}` : ''}`;
  const item = (rel: 'prev' | 'next', other: WorkEntry | undefined) => other
    ? `<li class="${rel}">${rel === 'prev' ? 'Previous' : 'Next'}: <a rel="${rel}" href="${hrefOf(`${other.id}.html`)}">${escapeHtml(other.title)}</a>${other.print?.pages ? ` (${escapeHtml(other.print.pages.text)})` : ''}</li>`
    : '';
  return `<nav class="volume" aria-label="${escapeHtml(`In this volume: ${volume}`)}"><ul>${item('prev', around.prev)}${item('next', around.next)}</ul></nav>`;
}

function contentsList(items: ContentsItem[]): string {
  return `<ol>${items.map((i) => `<li><a href="#${encodeURIComponent(i.id)}">${escapeHtml(i.title)}</a>${i.children.length ? contentsList(i.children) : ''}</li>`).join('')}</ol>`;
}

/** The divisions, linked; and the print pages, each an address to cite. */
function contents(parts: RenditionParts, pages: { id: string; n: string }[]): string {
  const out: string[] = [];
  if (parts.contents.length > 0) {
    out.push('<nav class="contents" aria-labelledby="contents-heading">', '<h2 id="contents-heading">Contents</h2>', contentsList(parts.contents), '</nav>');
  }
  if (pages.length > 0) {
    out.push('<nav class="pages" aria-labelledby="pages-heading">', '<h2 id="pages-heading">Print pages</h2>',
      `<ol>${pages.map((p) => `<li><a href="#${encodeURIComponent(p.id)}">${escapeHtml(p.n)}</a></li>`).join('')}</ol>`, '</nav>');
  }
  return out.join('\n');
}

function cite(w: WorkEntry): string {
  const { before, pages, after } = citationParts(w);
  const text = `${escapeHtml(before)}${pages ? `<span class="cite-pages">${escapeHtml(pages)}</span>` : ''}${escapeHtml(after)}`;
  return [
    '<section class="cite" id="site-cite" aria-labelledby="cite-this">',
    '<h2 id="cite-this">Cite this</h2>',
    `<p class="cite-text">${text}</p>`,
    // Filled by site.js with this page's address at the print page in view.
    '<p class="cite-link" hidden>Address: <a class="cite-url" href="#site-cite"></a></p>',
    `<p>${link(`${w.id}.csl.json`, 'CSL-JSON')} · ${link(`${w.id}.bib`, 'BibTeX')}</p>`,
    '</section>',
  ].join('\n');
}

/** The print pages of the text, in order: its page-break anchors. */
function pagesOf(text: string): { id: string; n: string }[] {
  return [...text.matchAll(/<span class="pb" id="([^"]+)"[^>]*? data-n="([^"]*)"/g)].map((m) => ({ id: m[1]!, n: m[2]! }));
}

export function workPage(w: WorkEntry, parts: RenditionParts, around: Neighbours = {}): string {
  const files = [
    `<li>${link(`${TO_OUT}/${w.files.html}`, 'HTML')}</li>`,
    `<li>${link(`${TO_OUT}/${w.files.epub}`, 'EPUB')}</li>`,
    `<li>${link(`${TO_OUT}/${w.files.tei}`, 'TEI P5 XML')}</li>`,
    `<li>${link(`${TO_OUT}/${w.files.text}`, 'Plain text')}</li>`,
  ];
  const body = [
    `<nav class="site" aria-label="Site"><a href="../index.html">Catalogue</a> <a href="../search.html">Search</a></nav>`,
    '<header class="work">',
    `<h1>${escapeHtml(w.title)}</h1>`,
    facts(w),
    volumeNav(w, around),
    '</header>',
    contents(parts, pagesOf(parts.text)),
    '<section class="files" aria-labelledby="files-heading">',
    '<h2 id="files-heading">Files</h2>',
    `<ul>${files.join('')}</ul>`,
    '</section>',
    cite(w),
    // The text as the HTML rendition has it: its ids (pages p277, notes, divisions) are this page's.
    `<main class="text" lang="${escapeHtml(parts.lang)}">${parts.text}</main>`,
  ].join('\n');
  return page({ title: w.title, root: '..', meta: citationMeta(w), scripts: ['site.js'], body });
}
