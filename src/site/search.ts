/**
 * Full-text search over the works' HTML renditions with Pagefind (npm `pagefind`, its Node API:
 * its binary comes inside the registry package). The index goes to `<out>/site/pagefind/` (and, for
 * a large collection, pagefind-2/, … merged by the search page: SEARCH_BUNDLE_WORKS); each
 * work is indexed under the URL of its page relative to the catalogue and the search page
 * (`works/SU39.html`, which shows its text), so that a hit opens it wherever the site is hosted.
 *
 * A work with print page markers is one record whose text is its print pages' texts in order, each
 * after an anchor of the page's id titled with its number (`<span id="p277"
 * data-pagefind-title="p. 277">`): Pagefind keeps each anchor's word position, and cuts a hit into
 * sub-results at the titled anchors, so the search page (site.js) names the print page of each hit
 * and opens its anchor (`works/SU39.html#p277`). One record per print page did the same at two and
 * a half times Pagefind's work (15,157 records of the 570-file bench: 30 s of its CPU against 12),
 * a fragment file each; the price is that a hit loads its whole work's text (18 KB compressed on
 * average in the sample, 179 KB at most), as opening the hit loads the work's page. Pagefind's
 * script fetches its index, which a browser refuses from file://: search works when the site is
 * served (any static host), and the catalogue says so on disk (site.js).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkEntry } from '../pipeline/work-entry.js';
import { mapLimited } from '../util/map-limited.js';
import { renditionReader, type RenditionReader } from './rendition-reader.js';
import { searchBundleDir, workPagePath } from './catalogue.js';
import { escapeHtml, hrefOf } from './escape.js';
import type { PrintPageText } from './print-pages.js';

export interface SearchIndexResult {
  /** Print pages indexed (a work without page markers counts as one). */
  pages: number;
  /** Pagefind's own complaints (files it could not index), as it words them. */
  errors: string[];
  /** The Pagefind bundles the works are split into (site/pagefind/, site/pagefind-2/, …); absent: 1. */
  bundles?: number;
}

type Added = { errors: string[] };
type Pagefind = typeof import('pagefind');

/**
 * Works per Pagefind bundle. Pagefind indexes and writes a bundle on about one core, which made it
 * the longest step of a collection's build (22 s of 86 for 570 works); works split into bundles of
 * at most this many are indexed by as many Pagefind processes at once, and the search page merges
 * them (PagefindUI's mergeIndex). The split depends on the number of works alone, never on the
 * machine, so that every build of the same works writes the same files.
 */
export const SEARCH_BUNDLE_WORKS = 150;

/** The works of each bundle: consecutive runs of the works' order, of sizes differing by one at most. */
export function searchBundles<T>(works: readonly T[], perBundle = SEARCH_BUNDLE_WORKS): T[][] {
  const count = Math.max(1, Math.ceil(works.length / perBundle));
  return Array.from({ length: count }, (_, k) => works.slice(Math.floor((k * works.length) / count), Math.floor(((k + 1) * works.length) / count)));
}

/**
 * Pagefind's Node API keeps one indexing process per instance of its module. Bundle k > 0 is
 * indexed by an instance of its own, imported under a URL of its own (the query string), so that
 * the bundles are indexed by processes running side by side instead of taking turns in one.
 */
async function pagefindInstance(k: number): Promise<Pagefind> {
  return k === 0 ? import('pagefind') : (import(`${import.meta.resolve('pagefind')}?bundle=${k + 1}`) as Promise<Pagefind>);
}

/**
 * Index every work's HTML and write the bundles to `<outDir>/site/pagefind/` (and pagefind-2/, …
 * when there are more works than SEARCH_BUNDLE_WORKS), at most `jobs` bundles at a time. `read`:
 * the renditions' reader, when shared with the work pages (rendition-reader.ts). The work pages go
 * through the works in order while up to `jobs` bundles read their own runs of works: a rendition
 * read by a bundle is held until its work page is written, so at most about `jobs` bundles' worth
 * of works (not the collection) are held at once.
 */
export async function writeSearchIndex(works: WorkEntry[], outDir: string, cwd: string, read: RenditionReader = renditionReader(outDir, cwd, 1), jobs = 1, perBundle = SEARCH_BUNDLE_WORKS): Promise<SearchIndexResult> {
  const bundles = searchBundles(works, perBundle);
  removeStaleBundles(resolve(cwd, outDir, 'site'), bundles.length);
  const done = await mapLimited(bundles, jobs, (group, k) => indexBundle(group, resolve(cwd, outDir, 'site', searchBundleDir(k)), read, k));
  return { pages: done.reduce((n, d) => n + d.pages, 0), errors: done.flatMap((d) => d.errors), bundles: bundles.length };
}

/** Bundles of an earlier build of more works (pagefind-5/ when there are now 4), which no page merges. */
function removeStaleBundles(siteDir: string, count: number): void {
  const current = new Set(Array.from({ length: count }, (_, k) => searchBundleDir(k)));
  let names: string[];
  try {
    names = readdirSync(siteDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (/^pagefind-\d+$/.test(name) && !current.has(name)) rmSync(join(siteDir, name), { recursive: true, force: true });
  }
}

/**
 * What Pagefind indexes of a work with print pages: an HTML document of its pages' texts, each
 * after its page's anchor, titled with the page number for the sub-results. Text before the first
 * marker is already the first page's (print-pages.ts). English, as the index is (forceLanguage).
 */
export function searchDocument(title: string, pages: readonly PrintPageText[]): string {
  const body = pages.map((p) => `<span id="${escapeHtml(p.id)}" data-pagefind-title="p. ${escapeHtml(p.n)}"></span><p>${escapeHtml(p.text)}</p>`);
  return `<!DOCTYPE html><html lang="en"><head><title>${escapeHtml(title)}</title></head><body>${body.join('')}</body></html>`;
}

/**
 * One bundle. Pagefind indexes in its own process: a work's record is sent without waiting for
 * the answer, and awaited while the next work's pages are cut from its HTML, so that Pagefind's
 * indexing and this thread's parsing overlap instead of taking turns.
 */
async function indexBundle(works: WorkEntry[], outputPath: string, read: RenditionReader, k: number): Promise<{ pages: number; errors: string[] }> {
  const pagefind = await pagefindInstance(k);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const problems = [...errors];
  let pages = 0;
  const settle = async (sent: { added: Promise<Added>; pages: number } | undefined) => {
    if (!sent) return;
    const added = await sent.added;
    problems.push(...added.errors);
    if (added.errors.length === 0) pages += sent.pages;
  };
  try {
    let inFlight: { added: Promise<Added>; pages: number } | undefined;
    for (const w of works) {
      const { pages: printed, html } = await read(w);
      // The work's page on the site, whose print pages are anchors and whose "Cite this" follows them.
      const url = hrefOf(workPagePath(w));
      const sent = printed.length === 0
        ? { added: index.addHTMLFile({ url, content: html ?? '' }), pages: 1 }
        : { added: index.addHTMLFile({ url, content: searchDocument(w.title, printed) }), pages: printed.length };
      // awaited below, after the next work's pages are cut: marked handled now, so that Pagefind's
      // process failing meanwhile is this function's error, not an unhandled rejection
      sent.added.catch(() => undefined);
      await settle(inFlight);
      inFlight = sent;
    }
    await settle(inFlight);
    // Pagefind adds to what the folder holds: an earlier build's fragments would stay beside the new
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    problems.push(...written.errors);
  } finally {
    await pagefind.close();
  }
  return { pages, errors: problems };
}
