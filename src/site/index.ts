/**
 * The static site of a build, in `<out>/site/`: the catalogue (index.html), a page per work
 * (works/<id>.html: the work's text, contents and citations; works/<id>.csl.json, works/<id>.bib),
 * the search page (search.html), and the stylesheet and script. Plain files with relative links: readable from disk or any static host.
 */
import { join, resolve } from 'node:path';
import type { WorkEntry } from '../pipeline/work-entry.js';
import { writeFileAtomic } from '../util/files.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { cataloguePage, searchPage, workPagePath, type SiteSearch } from './catalogue.js';
import { renditionParts, type RenditionParts } from './contents.js';
import { renditionReader, type RenditionReader } from './rendition-reader.js';
import { linkWithinCollection } from './links.js';
import { volumeNeighbours } from './volumes.js';
import { bibtex, cslJson } from './cite.js';
import { workPage } from './work-page.js';

export { cslJson, bibtex, citationMeta, citationText, escapeBibtex } from './cite.js';

/** The catalogue, the search page and the assets: what depends on whether search was written. */
function frontFiles(works: WorkEntry[], search: SiteSearch): [string, string][] {
  return [
    ['index.html', cataloguePage(works, search)],
    ['search.html', searchPage(search)],
    ['site.css', SITE_CSS],
    ['site.js', SITE_JS],
  ];
}

/**
 * One work's page (its text and contents from its HTML rendition, its links to other pages of the
 * source site led to the collection's works: links.ts) and its citation files.
 */
function workFiles(w: WorkEntry, parts: RenditionParts, neighbours: ReturnType<typeof volumeNeighbours>, ids: ReadonlyMap<string, string>): [string, string][] {
  const text = linkWithinCollection(parts.text, ids).text;
  return [
    [workPagePath(w), workPage(w, { ...parts, text }, neighbours.get(w.id))],
    [`works/${w.id}.csl.json`, `${JSON.stringify(cslJson(w), null, 2)}\n`],
    [`works/${w.id}.bib`, bibtex(w)],
  ];
}

/** The work id each source page name leads to: a work's own id, and the page it was read from. */
function pageIds(works: readonly WorkEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of works) if (w.sourcePage && !out.has(w.sourcePage)) out.set(w.sourcePage, w.id);
  for (const w of works) out.set(w.id, w.id);
  return out;
}

/**
 * The site's files (path relative to site/, content). `texts` gives each work's HTML rendition
 * (by id), whose text and contents its page shows.
 */
export function siteFiles(works: WorkEntry[], texts: ReadonlyMap<string, string>, search: SiteSearch = false): [string, string][] {
  const neighbours = volumeNeighbours(works);
  const ids = pageIds(works);
  return [...frontFiles(works, search), ...works.flatMap((w) => workFiles(w, renditionParts(texts.get(w.id) ?? ''), neighbours, ids))];
}

/**
 * Write the site into `<outDir>/site/` (with search when `search` is or becomes true or a number
 * of bundles: the Pagefind index is there); returns the paths written, relative to outDir. `read`: the renditions' reader,
 * when shared with the search index (rendition-reader.ts). The work pages are written first, a
 * work at a time, and only the catalogue waits for `search`: the search index, built meanwhile,
 * and the work pages take turns in this thread while Pagefind indexes in its own process.
 */
export async function writeSite(works: WorkEntry[], outDir: string, cwd: string, search: SiteSearch | Promise<SiteSearch> = false, read: RenditionReader = renditionReader(outDir, cwd, 1)): Promise<string[]> {
  const write = async (files: [string, string][]) => {
    for (const [name, data] of files) await writeFileAtomic(resolve(cwd, outDir, 'site', name), data, join(outDir, 'site', name));
    return files.map(([name]) => join('site', name));
  };
  const neighbours = volumeNeighbours(works);
  const pages: string[] = [];
  const ids = pageIds(works);
  for (const w of works) pages.push(...(await write(workFiles(w, (await read(w)).parts, neighbours, ids))));
  return [...(await write(frontFiles(works, await search))), ...pages];
}

export { writeSearchIndex } from './search.js';
export { renditionReader } from './rendition-reader.js';
export type { SearchIndexResult } from './search.js';
export type { SiteSearch } from './catalogue.js';
