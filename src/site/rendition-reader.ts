/**
 * What the site takes from each work's HTML rendition, read with one parse: the work page's text
 * and contents (contents.ts) and the print pages' texts for search (print-pages.ts). The search
 * index and the work pages are made side by side (Pagefind indexes in its own process meanwhile),
 * each a work at a time in the works' order: whichever asks first reads and parses the rendition,
 * the other gets the same result, and it is let go once both have it. So each rendition is read
 * and parsed once, and only those between the two are held in memory, not the whole collection
 * (with several search bundles, up to about one bundle's works per bundle indexed at once).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'parse5';
import type { WorkEntry } from '../pipeline/work-entry.js';
import { ioFailure } from '../util/io-errors.js';
import { partsOfDocument, type RenditionParts } from './contents.js';
import { printPagesOfDocument, type PrintPageText } from './print-pages.js';

export interface ReadRendition {
  parts: RenditionParts;
  pages: PrintPageText[];
  /** The whole rendition, where it has no print pages (search indexes it as one record). */
  html?: string;
}

/** The work page's parts and the print pages of one HTML rendition, from one parse. */
export function readRendition(html: string): ReadRendition {
  const doc = parse(html);
  const pages = printPagesOfDocument(doc);
  return { parts: partsOfDocument(doc), pages, ...(pages.length === 0 ? { html } : {}) };
}

export type RenditionReader = (w: WorkEntry) => Promise<ReadRendition>;

/**
 * A reader of the works' renditions for `users` consumers that each ask for every work once.
 * `texts`: the renditions' HTML by work id, where the caller has it (else read from outDir).
 */
export function renditionReader(outDir: string, cwd: string, users = 2, texts?: ReadonlyMap<string, string>): RenditionReader {
  const held = new Map<string, { read: Promise<ReadRendition>; left: number }>();
  return (w) => {
    let entry = held.get(w.id);
    if (!entry) {
      const html = texts?.get(w.id) ?? readFile(resolve(cwd, outDir, w.files.html), 'utf8').catch((err: unknown) => {
        throw ioFailure(err, 'read', join(outDir, w.files.html));
      });
      entry = { read: Promise.resolve(html).then(readRendition), left: users };
      held.set(w.id, entry);
    }
    if (--entry.left <= 0) held.delete(w.id);
    return entry.read;
  };
}
