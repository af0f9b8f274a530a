/**
 * TEI → EPUB 3. xslt/epub.xsl writes every text file of the publication; this module adds the
 * images (graphic/@url, read from opts.assetsDir) and zips it all: `mimetype` first, stored, then
 * the rest in a fixed order with a fixed timestamp, so the same TEI gives the same bytes.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { UserError } from '../model/diagnostics.js';
import { idnoName, uuidV5 } from '../model/identifier.js';
import { requireTei, runChecked } from './saxon.js';
import type { RenderOptions } from './options.js';
import { prepareInput, type ParsedTei } from './parsed.js';
import { byCodePoint } from '../util/order.js';
import { assetPath, imageTypeOfName, sniffImage } from './images.js';

/** 1980-01-01 00:00 in local time: zip stores local DOS time, so this is the same in every zone. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

export async function renderEpub(tei: string | ParsedTei, opts: RenderOptions = {}): Promise<Uint8Array> {
  const { source, file, facts } = prepareInput(tei, opts);
  if (!opts.xslt) requireTei(facts, file);
  // The TEI's own persistent identifier (idno type="UUID"), the one teikit wrote there; a TEI
  // without one is identified by its idno, else its title.
  const uuid = facts.uuid ?? uuidV5(facts.idno ? idnoName(facts.idno) : `teikit-title:${facts.title ?? ''}`);
  const assetsDir = opts.assetsDir ?? '.';
  // An image the EPUB cannot carry (missing, empty, remote, outside the assets folder) is left out,
  // with a warning; the bytes of those it can are kept for packing (each file read once).
  const loaded = new Map<string, Uint8Array>();
  const skipped = facts.images.filter((url) => {
    const problem = unavailable(url, assetsDir, opts.assetsNamed, loaded);
    if (problem) opts.onWarning?.(`${file}: warning image-skipped: image '${url}' (graphic/@url) ${problem}; the EPUB is written without it`);
    return problem !== undefined;
  });
  const params = { uuid, ...(skipped.length > 0 ? { 'skip-images': skipped.join('\n') } : {}), ...opts.params };
  const run = runChecked(opts.xslt ?? 'builtin:epub', source, file, params);

  if (!run.documents.has('META-INF/container.xml')) {
    throw new UserError(`${opts.xslt ?? 'epub.xsl'}: the stylesheet wrote no META-INF/container.xml; it is not an EPUB stylesheet`);
  }
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0, mtime: ZIP_TIME }] };
  const ordered = [...run.documents.keys()].sort(
    (a, b) => Number(b.startsWith('META-INF/')) - Number(a.startsWith('META-INF/')) || byCodePoint(a, b),
  );
  // Deflate level 6, not 9: on the largest sample EPUB 9 took twice the time (66 ms against 28)
  // for 0.1% fewer bytes, and a collection build zips hundreds.
  for (const path of ordered) {
    entries[path] = [strToU8(run.documents.get(path)!), { level: 6, mtime: ZIP_TIME }];
  }
  for (const image of listedImages(run.principal)) {
    const bytes = loaded.get(image.url) ?? readImage(image.url, assetsDir, file);
    if (bytes.byteLength === 0) {
      throw new UserError(`${file}: image '${image.url}' (graphic/@url) is an empty file in ${resolve(assetsDir)}`);
    }
    const actual = sniffImage(bytes);
    if (actual !== image.type) {
      throw new UserError(
        `${file}: image '${image.url}' (graphic/@url) is ${actual ?? 'not a GIF, JPEG, PNG or SVG image'}${actual ? `, not ${image.type} as its name says` : ''}`,
      );
    }
    // Images are compressed already: store them.
    entries[`OEBPS/${image.href}`] = [bytes, { level: 0, mtime: ZIP_TIME }];
  }
  return zipSync(entries);
}

interface ListedImage {
  url: string;
  href: string;
  type: string;
}

/** The stylesheet's principal result: one `url TAB href TAB media-type` line per image. */
function listedImages(principal: string): ListedImage[] {
  return principal
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [url = '', href = '', type = ''] = l.split('\t');
      return { url, href, type };
    });
}

/** Why an image cannot be packed (undefined when it can be read from the assets folder: its bytes then go into `loaded`). */
function unavailable(url: string, assetsDir: string, named: string | undefined, loaded: Map<string, Uint8Array>): string | undefined {
  const paths = [url, safeDecode(url)].map((u) => assetPath(assetsDir, u));
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'is remote: teikit packs only local images, never fetches one';
  const where = named ?? `in ${resolve(assetsDir)}`;
  if (paths.some((p) => p === undefined)) return named ? `is not ${named}` : `is outside the assets folder ${resolve(assetsDir)}: teikit packs only images from inside it (--assets <dir> names the folder)`;
  const sizes = (paths as string[]).flatMap((p) => {
    try {
      const st = statSync(p);
      return st.isFile() ? [st.size] : [];
    } catch {
      return [];
    }
  });
  if (sizes.length === 0) return `is not found ${where}${named ? '' : ' (--assets <dir> names the folder of the images)'}`;
  // an empty file is no image (the site's own copy of a portrait can be empty): as if missing
  if (!sizes.some((n) => n > 0)) return `is an empty file ${where}`;
  // what the EPUB would declare it as (by its name) must be what it is, or EPUBCheck refuses the book
  const bytes = readImage(url, assetsDir, url);
  const actual = sniffImage(bytes);
  const byName = imageTypeOfName(url);
  if (!actual) return 'is not a GIF, JPEG, PNG or SVG image';
  if (actual !== byName) return `is ${actual}, not ${byName ?? 'an image'} as its name says`;
  loaded.set(url, bytes);
  return undefined;
}

function readImage(url: string, assetsDir: string, file: string): Uint8Array {
  const candidates = [url, safeDecode(url)].map((u) => assetPath(assetsDir, u));
  if (candidates.some((p) => p === undefined)) {
    throw new UserError(`${file}: image '${url}' (graphic/@url) is not a relative path inside the assets folder; teikit packs only local images from there`);
  }
  for (const path of candidates as string[]) {
    try {
      if (statSync(path).isFile()) return readFileSync(path);
    } catch {
      /* try the next spelling */
    }
  }
  throw new UserError(`${file}: image '${url}' (graphic/@url) not found in ${resolve(assetsDir)}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
