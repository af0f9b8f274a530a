/**
 * The build cache: a unit is built again only when something it is made from has changed. Its key
 * is a SHA-256 of teikit's version and stylesheets, the options that change the outputs, the
 * unit's name (it is written into the report) and the bytes of its inputs (an edition's folder,
 * every file; a bare source file). What a build wrote and learned (its files with their sizes and
 * digests, its catalogue entry, its count of warnings) is kept in out/.teikit/works/, so that a
 * run that skips a unit, and the run that assembles the site after shards, still has it. A bare
 * source's key holds the images it names too (`<IMG SRC="…">`, `![…](…)`, found beside it): a
 * changed, added or removed image rebuilds it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { toolVersion } from '../util/version.js';
import { decodeHTML } from 'entities';
import { locateImage } from '../convert-images.js';
import { linksToFile, writeFileAtomic } from '../util/files.js';
import { unitName, type BuildUnit } from './units.js';
import type { WorkEntry } from './work-entry.js';
import type { Diagnostic } from '../model/types.js';
import type { WrittenFile } from './intact.js';

/** One built unit as the cache keeps it: plain JSON, the same bytes whichever run wrote it. */
export interface CacheEntry {
  hash: string;
  entry: WorkEntry;
  /** Output files, relative to the output folder (`SU39/SU39.html`). */
  written: string[];
  /** The bag's folder, relative to the output folder (`bags/SU39`). */
  bag: { dir: string; files: number };
  /** The line that sums the work up (counts), shown again when it is skipped. */
  summary: string;
  /** Warnings of its conversion (in its report): a run that skips it counts them, unprinted, for
   * --max-warnings, so that the answer does not depend on what the cache holds. */
  warnings: number;
  /** Every file of out/<id>/ and of its bag, with its size and digest: skipped only while they are
   * all there as written (intact.ts). */
  manifest: WrittenFile[];
}

/**
 * A unit refused as not a work (a collection's index, a note about the collection): the same
 * input is refused the same way, so a run that finds it unchanged reports the refusal again
 * without converting. Other failures are not kept (invalid TEI is teikit's fault, a failure to
 * write may pass next time, a broken edition.json costs nothing to find again).
 */
export interface FailureEntry {
  hash: string;
  failed: { message: string; diagnostics: Diagnostic[] };
}

let toolHash: string | undefined;

/** xslt/ of this package, from src/pipeline/ and dist/pipeline/ alike (as render/saxon.ts finds it,
 * without loading the rendering code: a run that skips everything does not need it). */
const xsltDir = fileURLToPath(new URL('../../xslt/', import.meta.url));

/** The stylesheets of xslt/ (and xslt/common/), in a stable order. */
function stylesheets(): string[] {
  const files: string[] = [];
  for (const sub of ['', 'common']) {
    const dir = join(xsltDir, sub);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.xsl')).sort()) files.push(join(dir, name));
  }
  return files;
}

/** teikit's version and its stylesheets: a new teikit or a changed stylesheet rebuilds everything. */
export function toolFingerprint(): string {
  if (toolHash === undefined) {
    const h = createHash('sha256').update(`teikit ${toolVersion()}\n`);
    for (const file of stylesheets()) h.update(`${file.slice(xsltDir.length)}\n`).update(readFileSync(file));
    toolHash = h.digest('hex');
  }
  return toolHash;
}

/** The files under folder `abs` (a real path), but none of folder `skip` (the build's output). */
async function filesUnder(abs: string, skip: string | undefined, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(abs, rel), { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && join(abs, path) === skip) continue;
    if (e.isDirectory()) out.push(...(await filesUnder(abs, skip, path)));
    // a symbolic link to a file (an edition's source kept elsewhere) is hashed as that file
    else if (e.isFile() || (e.isSymbolicLink() && linksToFile(join(abs, path)))) out.push(path);
  }
  return out;
}

/**
 * The unit's cache key. `skip`: the real path of the build's output folder (output-folder.ts),
 * whose files are never the edition's even when it lies inside the edition's folder (they change
 * with every build).
 */
export async function unitHash(unit: BuildUnit, cwd: string, strict: boolean, skip?: string): Promise<string> {
  const h = createHash('sha256').update(toolFingerprint()).update(`\n${unit.kind} ${unitName(unit)} strict=${strict}\n`);
  const abs = unit.kind === 'edition' ? realpathSync.native(resolve(cwd, unit.dir)) : resolve(cwd, unit.file);
  const files = unit.kind === 'edition' ? await filesUnder(abs, skip) : [''];
  for (const name of files) {
    const bytes = await readFile(name ? join(abs, name) : abs);
    h.update(`${name} ${bytes.length}\n`).update(bytes);
    if (unit.kind !== 'edition') await hashImages(h, bytes, dirname(abs));
  }
  return h.digest('hex');
}

/** An image a source names: HTML's src attribute, Markdown's `![alt](path)`. */
const IMAGE_REF = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))|!\[[^\]]*\]\(\s*<?([^)\s>]+)/gi;

/**
 * The images a bare source names beside it (relative paths only, as the renditions take them):
 * each one's name and bytes, or that it is missing, so that adding one rebuilds too. Read from
 * the raw bytes with a pattern, not a reader: a key must be cheap, and a name too many costs
 * nothing.
 */
async function hashImages(h: ReturnType<typeof createHash>, source: Uint8Array, dir: string): Promise<void> {
  const text = Buffer.from(source).toString('latin1');
  const names = new Set<string>();
  for (const m of text.matchAll(IMAGE_REF)) {
    const ref = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/')) continue;
    names.add(ref);
  }
  for (const ref of [...names].sort()) {
    // found as the build finds it (convert-images.ts): `M&amp;E.GIF` is the file M&E.GIF
    const found = await locateImage(decodeHTML(ref), dir);
    const bytes = typeof found === 'string' ? undefined : await readFile(found.from).catch(() => undefined);
    h.update(`image ${ref} ${bytes ? bytes.length : 'missing'}\n`);
    if (bytes) h.update(bytes);
  }
}

/** out/.teikit/works/<hash of the unit's name>.json: one file per unit, whatever its name holds. */
export function cacheFile(outAbs: string, unit: BuildUnit): string {
  const key = createHash('sha256').update(`${unit.kind} ${unitName(unit)}`).digest('hex').slice(0, 24);
  return join(outAbs, '.teikit', 'works', `${key}.json`);
}

export async function readCache(outAbs: string, unit: BuildUnit): Promise<CacheEntry | FailureEntry | undefined> {
  try {
    return JSON.parse(await readFile(cacheFile(outAbs, unit), 'utf8')) as CacheEntry | FailureEntry;
  } catch {
    // No entry, or one left unreadable: the unit is built again.
    return undefined;
  }
}

export async function writeCache(outAbs: string, unit: BuildUnit, entry: CacheEntry | FailureEntry): Promise<void> {
  await writeFileAtomic(cacheFile(outAbs, unit), `${JSON.stringify(entry, null, 1)}\n`);
}
