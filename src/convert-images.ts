/**
 * The image files of a converted work travel with its TEI: `graphic/@url` is relative to the TEI,
 * so `teikit convert -o dir/x.tei.xml` copies each image the source names (relative to the source
 * page, as marx2mao's `<IMG SRC="Mao(250x264).GIF">`) to the same relative place beside the TEI.
 * An image path that leaves the source's folder is never followed; a missing image is a warning.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import type { Diagnostic, Edition, Figure, Inline, InlineGraphic } from './model/types.js';
import { diagnostic } from './model/diagnostics.js';
import { forEachEditionBlock } from './model/walk.js';
import { realPathInside, writeFileAtomic } from './util/files.js';

export interface CarriedImages {
  copied: string[];
  diagnostics: Diagnostic[];
}

/** The edition's images: its figures and the images standing in lines of its text, in order. */
export function figuresOf(edition: Edition): (Figure | InlineGraphic)[] {
  const figures: (Figure | InlineGraphic)[] = [];
  const inLine = (list: readonly Inline[]): void => {
    for (const i of list) {
      if (i.type === 'graphic') figures.push(i);
      else if ('children' in i) inLine(i.children);
    }
  };
  forEachEditionBlock(edition, (b) => {
    if (b.type === 'figure') figures.push(b);
    else if ('children' in b) inLine(b.children);
  });
  return figures;
}

/** An image the TEI names that can travel with it: its path relative to the TEI, and where it is. */
export interface ImageToCarry {
  rel: string;
  from: string;
}

/**
 * Where an image a TEI or source names (`graphic/@url`, `<IMG SRC>`) is, relative to `fromDir`:
 * `remote` for an address with a scheme (`http:`, `data:`, `javascript:`: never fetched);
 * `unsafe` for an absolute path or a path out of the folder (`..`, a symbolic link);
 * `undecodable` for a path whose %-escapes are broken; `missing` when it is not a non-empty file.
 */
export async function locateImage(url: string, fromDir: string): Promise<ImageToCarry | 'remote' | 'unsafe' | 'undecodable' | 'missing'> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'remote';
  let rel: string;
  try {
    rel = normalize(decodeURI(url));
  } catch {
    return 'undecodable';
  }
  if (isAbsolute(rel) || rel.split(sep).includes('..')) return 'unsafe';
  const from = resolve(fromDir, rel);
  if (!(await stat(from).then((s) => s.isFile() && s.size > 0, () => false))) return 'missing';
  // a symbolic link on the way must not lead out of the folder either
  return realPathInside(from, fromDir) ? { rel, from } : 'unsafe';
}

/**
 * The images the edition's figures name that can travel with its TEI (relative to the source's
 * folder, there and not empty), once each, and a warning for each one that cannot.
 * @param sourceFile the file the figures' paths are relative to (the base source), as given
 */
export async function imagesToCarry(edition: Edition, sourceFile: string, cwd: string): Promise<{ images: ImageToCarry[]; diagnostics: Diagnostic[] }> {
  const images: ImageToCarry[] = [];
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  for (const figure of figuresOf(edition)) {
    if (done.has(figure.src)) continue;
    done.add(figure.src);
    const where = figure.pos ?? { file: sourceFile };
    const found = await locateImage(figure.src, resolve(cwd, dirname(sourceFile)));
    if (found === 'remote') diagnostics.push(diagnostic('warning', 'image-remote', `image "${figure.src}" is a web address, not a file beside the source: not fetched nor copied (the TEI keeps the address)`, where));
    else if (found === 'undecodable') diagnostics.push(diagnostic('warning', 'image-path-unsafe', `image "${figure.src}" is not a path that can be read (a broken %-escape): not copied`, where));
    else if (found === 'unsafe') diagnostics.push(diagnostic('warning', 'image-path-unsafe', `image "${figure.src}" is outside the source's folder: not copied`, where));
    else if (found === 'missing') diagnostics.push(diagnostic('warning', 'image-missing', `image "${figure.src}" is missing or empty beside the source: the TEI names it, but it was not copied`, where));
    else if (!images.some((i) => i.rel === found.rel)) images.push(found);
  }
  return { images, diagnostics };
}

/** An image (`/`-separated path) never replaces a file of the edition (`<id>.html`) nor goes into a bag's own folders. */
export function imageNameFree(name: string, taken: Iterable<string>): boolean {
  return ![...taken].includes(name) && !/^(metadata|sources)\//.test(name);
}

/**
 * The images the TEI names as files of a built edition, beside its TEI (`build`, `deposit`): its
 * TEI then renders from the built folder or the bag alone. What cannot go is said by the
 * renditions (image-skipped), so no warning here.
 */
export async function imageOutputs(edition: Edition, sourceFile: string, cwd: string, taken: readonly string[]): Promise<[string, Uint8Array][]> {
  const { images } = await imagesToCarry(edition, sourceFile, cwd);
  const named = images.map(({ rel, from }) => ({ name: rel.split(sep).join('/'), from })).filter(({ name }) => imageNameFree(name, taken));
  return Promise.all(named.map(async ({ name, from }): Promise<[string, Uint8Array]> => [name, await readFile(from)]));
}

/**
 * @param sourceFile the file the figures' paths are relative to (the base source), as given
 * @param outDir     the folder of the written TEI
 */
export async function carryImages(edition: Edition, sourceFile: string, outDir: string, cwd: string): Promise<CarriedImages> {
  const { images, diagnostics } = await imagesToCarry(edition, sourceFile, cwd);
  const result: CarriedImages = { copied: [], diagnostics };
  for (const { rel, from } of images) {
    const to = resolve(cwd, outDir, rel);
    if (from === to) continue;
    // Written anew (not copyFile): the copy must not inherit a read-only mode from the source
    // folder, and a re-run replaces it atomically.
    await writeFileAtomic(to, await readFile(from));
    result.copied.push(join(outDir, rel));
  }
  return result;
}
