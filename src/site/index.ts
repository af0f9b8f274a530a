/**
 * The static site of a build, in `<out>/site/`: the catalogue (index.html), a page per work
 * (works/<id>.html) with its citations (works/<id>.csl.json, works/<id>.bib), and the stylesheet
 * and script. Plain files with relative links: readable from disk or any static host.
 */
import { join, resolve } from 'node:path';
import type { WorkEntry } from '../pipeline/work-entry.js';
import { writeFileAtomic } from '../util/files.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { cataloguePage, workPagePath } from './catalogue.js';
import { bibtex, cslJson } from './cite.js';
import { workPage } from './work-page.js';

export { cslJson, bibtex, citationMeta, citationText, escapeBibtex } from './cite.js';

/** The site's files (path relative to site/, content), computed before any is written. */
export function siteFiles(works: WorkEntry[], search = false): [string, string][] {
  const files: [string, string][] = [
    ['index.html', cataloguePage(works, search)],
    ['site.css', SITE_CSS],
    ['site.js', SITE_JS],
  ];
  for (const w of works) {
    files.push([workPagePath(w), workPage(w)]);
    files.push([`works/${w.id}.csl.json`, `${JSON.stringify(cslJson(w), null, 2)}\n`]);
    files.push([`works/${w.id}.bib`, bibtex(w)]);
  }
  return files;
}

/** Write the site into `<outDir>/site/` (with a search box when `search`: the Pagefind index is there); returns the paths written, relative to outDir. */
export async function writeSite(works: WorkEntry[], outDir: string, cwd: string, search = false): Promise<string[]> {
  const files = siteFiles(works, search);
  for (const [name, data] of files) await writeFileAtomic(resolve(cwd, outDir, 'site', name), data, join(outDir, 'site', name));
  return files.map(([name]) => join('site', name));
}
export { writeSearchIndex } from './search.js';
export type { SearchIndexResult } from './search.js';
