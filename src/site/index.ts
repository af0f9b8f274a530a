/**
 * The static site of a build, in `<out>/site/`: the catalogue (index.html), a page per work
 * (works/<id>.html: the work's text, contents and citations; works/<id>.csl.json, works/<id>.bib),
 * the search page (search.html), and the stylesheet and script. Plain files with relative links: readable from disk or any static host.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ioFailure } from '../util/io-errors.js';
import type { WorkEntry } from '../pipeline/work-entry.js';
import { writeFileAtomic } from '../util/files.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { cataloguePage, searchPage, workPagePath } from './catalogue.js';
import { renditionParts } from './contents.js';
import { volumeNeighbours } from './volumes.js';
import { bibtex, cslJson } from './cite.js';
import { workPage } from './work-page.js';

export { cslJson, bibtex, citationMeta, citationText, escapeBibtex } from './cite.js';

/**
 * The site's files (path relative to site/, content), computed before any is written. `texts`
 * gives each work's HTML rendition (by id), whose text and contents its page shows.
 */
export function siteFiles(works: WorkEntry[], texts: ReadonlyMap<string, string>, search = false): [string, string][] {
  const files: [string, string][] = [
    ['index.html', cataloguePage(works, search)],
    ['search.html', searchPage(search)],
    ['site.css', SITE_CSS],
    ['site.js', SITE_JS],
  ];
  const neighbours = volumeNeighbours(works);
  for (const w of works) {
    files.push([workPagePath(w), workPage(w, renditionParts(texts.get(w.id) ?? ''), neighbours.get(w.id))]);
    files.push([`works/${w.id}.csl.json`, `${JSON.stringify(cslJson(w), null, 2)}\n`]);
    files.push([`works/${w.id}.bib`, bibtex(w)]);
  }
  return files;
}

/** Write the site into `<outDir>/site/` (with search when `search`: the Pagefind index is there); returns the paths written, relative to outDir. */
export async function writeSite(works: WorkEntry[], outDir: string, cwd: string, search = false): Promise<string[]> {
  const texts = new Map<string, string>();
  for (const w of works) {
    texts.set(w.id, await readFile(resolve(cwd, outDir, w.files.html), 'utf8').catch((err: unknown) => {
      throw ioFailure(err, 'read', join(outDir, w.files.html));
    }));
  }
  const files = siteFiles(works, texts, search);
  for (const [name, data] of files) await writeFileAtomic(resolve(cwd, outDir, 'site', name), data, join(outDir, 'site', name));
  return files.map(([name]) => join('site', name));
}
export { writeSearchIndex } from './search.js';
export type { SearchIndexResult } from './search.js';
