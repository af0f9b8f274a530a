/**
 * Full-text search over the works' HTML renditions with Pagefind (npm `pagefind`, its Node API:
 * its binary comes inside the registry package). The index goes to `<out>/site/pagefind/`; each
 * work is indexed under the URL of its page relative to the catalogue and the search page
 * (`works/SU39.html`, which shows its text), so that a hit opens it wherever the site is hosted. A
 * work with print page markers is indexed page by page (one record per print page:
 * `works/SU39.html#p277`, titled with the work
 * and the page), so that a hit names the print page and opens its anchor. Pagefind's script fetches its index,
 * which a browser refuses from file://: search works when the site is served (any static host),
 * and the catalogue says so on disk (site.js).
 */
import { resolve } from 'node:path';
import type { WorkEntry } from '../pipeline/work-entry.js';
import { renditionReader, type RenditionReader } from './rendition-reader.js';
import { workPagePath } from './catalogue.js';
import { hrefOf } from './escape.js';

export interface SearchIndexResult {
  /** Records indexed: a print page each (a whole work where it has no page markers). */
  pages: number;
  /** Pagefind's own complaints (files it could not index), as it words them. */
  errors: string[];
}

type Added = { errors: string[] };

/**
 * Index every work's HTML and write the bundle to `<outDir>/site/pagefind/`. `read`: the
 * renditions' reader, when shared with the work pages (rendition-reader.ts). Pagefind indexes in its own process: a work's records are sent
 * without waiting for each answer, and awaited while the next work's pages are cut from its HTML,
 * so that Pagefind's indexing and this thread's parsing overlap instead of taking turns.
 */
export async function writeSearchIndex(works: WorkEntry[], outDir: string, cwd: string, read: RenditionReader = renditionReader(outDir, cwd, 1)): Promise<SearchIndexResult> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const problems = [...errors];
  let pages = 0;
  const settle = async (sent: Promise<Added>[]) => {
    for (const added of await Promise.all(sent)) {
      problems.push(...added.errors);
      if (added.errors.length === 0) pages++;
    }
  };
  try {
    let inFlight: Promise<Added>[] = [];
    for (const w of works) {
      const { pages: printed, html } = await read(w);
      // The work's page on the site, whose print pages are anchors and whose "Cite this" follows them.
      const url = hrefOf(workPagePath(w));
      const sent: Promise<Added>[] = printed.length === 0
        ? [index.addHTMLFile({ url, content: html ?? '' })]
        : printed.map((p) => index.addCustomRecord({
            url: `${url}#${p.id}`,
            content: p.text,
            language: 'en',
            meta: { title: `${w.title}, p. ${p.n}`, work: w.title, page: p.n },
          }));
      // awaited below, after the next work's pages are cut: marked handled now, so that Pagefind's
      // process failing meanwhile is this function's error, not an unhandled rejection
      for (const p of sent) p.catch(() => undefined);
      await settle(inFlight);
      inFlight = sent;
    }
    await settle(inFlight);
    const written = await index.writeFiles({ outputPath: resolve(cwd, outDir, 'site', 'pagefind') });
    problems.push(...written.errors);
  } finally {
    await pagefind.close();
  }
  return { pages, errors: problems };
}
