/**
 * The catalogue (site/index.html): one table row per work, with author, title, collection,
 * volume, print pages and date. The table is complete without JavaScript; site.js adds sorting
 * (buttons in the column heads) and a filter box, both working from file://.
 */
import type { WorkEntry } from '../pipeline/work-entry.js';
import { escapeHtml, hrefOf } from './escape.js';
import { page } from './layout.js';

export function workPagePath(w: WorkEntry): string {
  return `works/${w.id}.html`;
}

/** A cell with an optional sort key (ISO date, first page number) that site.js sorts by. */
function cell(label: string, text: string | undefined, sortKey?: string): string {
  const key = sortKey !== undefined ? ` data-sort="${escapeHtml(sortKey)}"` : '';
  // data-label names the column where a narrow screen shows each row as a block (site.css).
  return `<td data-label="${label}"${key}>${escapeHtml(text ?? '')}</td>`;
}

/** The first page as a fixed-width key, so that page 9 sorts before page 10. */
function pageKey(from: string | undefined): string | undefined {
  return from && /^\d+$/.test(from) ? from.padStart(6, '0') : from;
}

function row(w: WorkEntry): string {
  const title = `<td data-label="Title"><a href="${hrefOf(workPagePath(w))}">${escapeHtml(w.title)}</a></td>`;
  return `<tr data-author="${escapeHtml(w.author ?? '')}">${cell('Author', w.author)}${title}${cell('Collection', w.print?.collection)}${cell('Volume', w.print?.volume)}${cell('Pages', w.print?.pages?.text, pageKey(w.print?.pages?.from))}${cell('Date', w.date?.text, w.date?.when)}</tr>`;
}

/** Works in a stable order: author, collection, volume, first page, title. */
export function catalogueOrder(works: WorkEntry[]): WorkEntry[] {
  const key = (w: WorkEntry) => [w.author ?? '', w.print?.collection ?? '', w.print?.volume ?? '', pageKey(w.print?.pages?.from) ?? '', w.title, w.id].join('\u0000');
  return [...works].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Whether the site has search, or in how many Pagefind bundles (search.ts): `true` is one bundle,
 * `false` or 0 none.
 */
export type SiteSearch = boolean | number;

/** The folder of Pagefind bundle `k` (from 0) in site/: pagefind/, pagefind-2/, … */
export function searchBundleDir(k: number): string {
  return k === 0 ? 'pagefind' : `pagefind-${k + 1}`;
}

function bundleCount(search: SiteSearch): number {
  return search === true ? 1 : search === false ? 0 : search;
}

/** The stylesheet and script of Pagefind's search box, where the site has search. */
function searchAssets(bundles: number): { styles: string[]; scripts: string[] } {
  return bundles > 0
    ? { styles: ['pagefind/pagefind-ui.css'], scripts: ['pagefind/pagefind-ui.js', 'site.js'] }
    : { styles: [], scripts: ['site.js'] };
}

/** The search box (Pagefind's UI), shown by site.js when the site is served; a note on disk. */
function searchBox(level: 'h1' | 'h2', note: string, bundles: number): string {
  // site.js merges the other bundles into the first one's search (PagefindUI's mergeIndex)
  const others = Array.from({ length: bundles - 1 }, (_, i) => `${searchBundleDir(i + 1)}/`);
  return [
    '<section id="search-section" aria-labelledby="search-heading">',
    `<${level} id="search-heading">Search the texts</${level}>`,
    others.length > 0 ? `<div id="search" data-merge="${others.join(' ')}"></div>` : '<div id="search"></div>',
    `<p id="search-note">Search needs the site to be served (any static web server)${note}.</p>`,
    '</section>',
  ].join('\n');
}

const SITE_NAV = '<nav class="site" aria-label="Site"><a href="index.html">Catalogue</a> <a href="search.html">Search</a></nav>';

/** site/search.html: the search box alone (each hit opens the print page it is on). */
export function searchPage(search: SiteSearch): string {
  const bundles = bundleCount(search);
  const body = [
    SITE_NAV,
    '<main>',
    bundles > 0 ? searchBox('h1', '', bundles) : '<h1>Search</h1>\n<p>This site was built without a search index.</p>',
    '</main>',
  ].join('\n');
  return page({
    title: 'Search',
    root: '.',
    ...searchAssets(bundles),
    body,
  });
}

/** A choice of the works' authors (every author once, in code-point order), for site.js's filter. */
function authorSelect(works: WorkEntry[]): string {
  const authors = [...new Set(works.map((w) => w.author).filter((a): a is string => !!a))].sort();
  return `<select id="author"><option value="">All</option>${authors.map((a) => `<option>${escapeHtml(a)}</option>`).join('')}</select>`;
}

/** `search`: whether a Pagefind index was written (site/pagefind/), or in how many bundles. */
export function cataloguePage(works: WorkEntry[], search: SiteSearch = false): string {
  const bundles = bundleCount(search);
  const heads = ['Author', 'Title', 'Collection', 'Volume', 'Pages', 'Date'].map((h) => `<th scope="col">${h}</th>`).join('');
  const body = [
    SITE_NAV,
    '<header><h1>Catalogue</h1>',
    `<p>${works.length} work${works.length === 1 ? '' : 's'}.</p></header>`,
    '<main>',
    ...(bundles > 0 ? [searchBox('h2', '; opened from disk, use the filter below', bundles)] : []),
    // Hidden until site.js runs: without JavaScript there is nothing to filter with.
    `<p class="filter" hidden><label for="author">Author</label> ${authorSelect(works)} <label for="filter">Filter</label> <input type="search" id="filter" autocomplete="off"> <output id="shown" for="author filter"></output></p>`,
    '<table id="catalogue">',
    '<caption>Works of the collection</caption>',
    `<thead><tr>${heads}</tr></thead>`,
    `<tbody>${catalogueOrder(works).map(row).join('\n')}</tbody>`,
    '</table>',
    '</main>',
  ].join('\n');
  return page({
    title: 'Catalogue',
    root: '.',
    ...searchAssets(bundles),
    body,
  });
}
