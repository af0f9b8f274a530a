/**
 * `teikit deposit`: one edition into one BagIt bag, whatever form it is given in.
 *   - an edition folder (edition.json and its sources): built first, as `teikit build` builds it;
 *   - a built edition (a folder with one *.tei.xml, as out/<id>/): its files, the renditions it
 *     lacks rendered from its TEI, and the sources its report names (found from `cwd`);
 *   - a TEI file: the TEI and its renditions.
 * A folder of sources alone (no edition.json, no TEI) is refused: a bag without its TEI is no
 * edition. The TEI is validated first (teikit's schema and rules). Exit classes: UserError 1 for
 * a bad input, 2 for usage and I/O (missing input, existing bag, a bag folder that cannot be made).
 */
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, cp } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { formatDiagnostic, UserError } from '../model/diagnostics.js';
import { EDITION_FILE } from '../edition/index.js';
import { buildEditionFiles, renditionsOf } from '../edition/build.js';
import { validateTei } from '../validate/index.js';
import { decodeXmlText } from '../validate/decode.js';
import { checkXml } from '../render/saxon.js';
import { imageNameFree, locateImage } from '../convert-images.js';
import { ioFailure } from '../util/io-errors.js';
import { makeDirs, realOfNearest } from '../util/files.js';
import { bagEdition, type EditionBag } from './edition-bag.js';
import { malformedBagInfo, type BagInfo } from './bagit.js';

export type DepositKind = 'edition' | 'built-edition' | 'tei';

export interface DepositOptions {
  /** Folder relative names are read from; names in messages stay as given. */
  cwd?: string;
  /** bag-info.txt fields given by the user; they win over those from the TEI header. */
  info?: BagInfo;
}

export interface Deposit extends EditionBag {
  input: string;
  kind: DepositKind;
  /** Conversion diagnostics (an edition folder) and validation warnings. */
  diagnostics: Diagnostic[];
  /** What the bag lacks and why (a source named by the report and not found). */
  warnings: string[];
}

export async function deposit(input: string, bag: string, options: DepositOptions = {}): Promise<Deposit> {
  const cwd = options.cwd ?? process.cwd();
  refuseBagInfo(options.info ?? {});
  const inputPath = resolve(cwd, input);
  const bagPath = resolve(cwd, bag);
  const found = await stat(inputPath).catch((err) => {
    throw ioFailure(err, 'read', input);
  });
  if (existsSync(bagPath)) throw new UserError(`cannot write ${bag}: already exists; choose a new folder for the bag`, 2);
  // a bag inside the folder it bags would be copied into itself (also by way of a symbolic link)
  if (found.isDirectory() && (realOfNearest(bagPath) + sep).startsWith(realpathSync.native(inputPath) + sep)) {
    throw new UserError(`cannot write ${bag}: it is inside ${input}, the folder being deposited; choose a folder outside it`, 2);
  }
  try {
    makeDirs(dirname(bagPath));
  } catch (err) {
    throw ioFailure(err, 'write', bag);
  }
  const work = await mkdtemp(join(dirname(bagPath), `.${basename(bagPath)}.input.`)).catch((err) => {
    throw ioFailure(err, 'write', bag);
  });
  try {
    const built = join(work, 'edition');
    await mkdir(built);
    const warnings: string[] = [];
    let diagnostics: Diagnostic[];
    let sources: string[];
    let kind: DepositKind;
    if (found.isDirectory() && existsSync(join(inputPath, EDITION_FILE))) {
      kind = 'edition';
      const edition = await buildEditionFiles(input, cwd);
      for (const [name, data] of edition.outputs) {
        makeDirs(dirname(join(built, name)));
        await writeFile(join(built, name), data);
      }
      sources = edition.edition.sources.map((s) => resolve(cwd, s.path));
      diagnostics = edition.diagnostics;
    } else {
      const tei = found.isDirectory() ? await teiOfFolder(input, inputPath) : teiFile(input, inputPath);
      kind = found.isDirectory() ? 'built-edition' : 'tei';
      // a TEI file alone goes into the bag as <name>.tei.xml, the name a bag's TEI has (good.xml → good.tei.xml)
      const teiName = found.isDirectory() || /\.tei\.xml$/i.test(tei.path) ? basename(tei.path) : `${basename(tei.path).replace(/\.xml$/i, '')}.tei.xml`;
      const copied = found.isDirectory() ? cp(inputPath, built, { recursive: true }) : cp(inputPath, join(built, teiName));
      await copied.catch((err) => {
        throw ioFailure(err, 'read', input);
      });
      // read once, as validate reads it: a UTF-16 or ISO-8859-1 TEI is read, not mangled into U+FFFD
      const teiText = decodeXmlText(await readFile(join(built, teiName)), tei.name);
      // a TEI file alone: the images it names beside it go into the bag with it (a built
      // edition's folder holds them already)
      if (!found.isDirectory()) await copyNamedImages(teiText, teiName, dirname(tei.path), built, tei.name);
      diagnostics = await completeEdition(built, teiName, teiText, tei.name, dirname(tei.path));
      sources = found.isDirectory() ? await sourcesOfReport(built, cwd, warnings) : [];
    }
    const made = await bagEdition(built, sources, bagPath, options.info ?? {});
    return { ...made, bag, input, kind, diagnostics, warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * bag-info fields the bag could not be verified with, refused (exit 2) before anything is built: a
 * value not of its field's form (Bag-Count "3 of 2"), or Payload-Oxum, which is the payload's own
 * count. (The command names its options in its own words first.)
 */
function refuseBagInfo(info: BagInfo): void {
  const bad = malformedBagInfo(info)[0];
  if (bad) throw new UserError(`bag-info.txt ${bad.label} must be ${bad.form}, not "${bad.value}"`, 2);
  const oxum = Object.keys(info).find((label) => label.toLowerCase() === 'payload-oxum');
  if (oxum) throw new UserError(`bag-info.txt ${oxum} is counted from the payload; it is not given`, 2);
}

/**
 * Copy into `toDir` the images the TEI names by a relative graphic/@url that are files beside it
 * in `fromDir` (never a path out of that folder), at the same relative place. A TEI that is not
 * XML at all is left to completeEdition's validation to refuse.
 */
async function copyNamedImages(tei: string, teiFileName: string, fromDir: string, toDir: string, shownAs: string): Promise<void> {
  let urls: string[];
  try {
    urls = checkXml(tei, shownAs).images;
  } catch {
    return;
  }
  // the TEI and the renditions made beside it
  const stem = teiFileName.replace(/(\.tei)?\.xml$/i, '');
  const taken = [teiFileName, `${stem}.html`, `${stem}.epub`, `${stem}.txt`];
  for (const url of urls) {
    const found = await locateImage(url, fromDir);
    if (typeof found === 'string') continue;
    if (!imageNameFree(found.rel.split(sep).join('/'), taken)) continue;
    makeDirs(dirname(join(toDir, found.rel)));
    await cp(found.from, join(toDir, found.rel)).catch((err) => {
      throw ioFailure(err, 'read', join(dirname(shownAs), found.rel));
    });
  }
}

/** The one TEI file of a built edition's folder; a folder of sources alone is refused with a hint. */
async function teiOfFolder(input: string, dir: string): Promise<{ path: string; name: string }> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err) => {
    throw ioFailure(err, 'read', input);
  });
  const teis = entries.filter((e) => e.isFile() && e.name.endsWith('.tei.xml')).map((e) => e.name).sort();
  if (teis.length === 1) return { path: join(dir, teis[0]!), name: join(input, teis[0]!) };
  if (teis.length > 1) {
    throw new UserError(`${input}: holds ${teis.length} TEI files (${teis.join(', ')}): deposit one edition at a time`);
  }
  const inside = entries.filter((e) => e.isDirectory() && (existsSync(join(dir, e.name, EDITION_FILE)) || existsSync(join(dir, e.name, `${e.name}.tei.xml`))));
  const hint = inside.length > 0
    ? `it holds editions in folders: deposit one of them, e.g. teikit deposit ${join(input, inside[0]!.name)}`
    : `a folder of sources alone is not deposited without its TEI: write an edition.json beside the sources (see the README) or build the TEI first (teikit convert, teikit build)`;
  throw new UserError(`${input}: no ${EDITION_FILE} and no TEI file (*.tei.xml): ${hint}`);
}

function teiFile(input: string, path: string): { path: string; name: string } {
  if (!/\.xml$/i.test(path)) throw new UserError(`${input}: not a TEI file (.xml), an edition folder or a built edition`);
  return { path, name: input };
}

/**
 * Validate the TEI of a built edition (errors refuse the deposit, exit 1) and render the renditions
 * it lacks. Returns the warnings of the validation.
 */
async function completeEdition(dir: string, teiFileName: string, tei: string, shownAs: string, assetsDir: string): Promise<Diagnostic[]> {
  const diagnostics = await validateTei(tei, shownAs);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UserError(errors.map(formatDiagnostic).join('\n'), 1, errors);
  const stem = teiFileName.replace(/(\.tei)?\.xml$/i, '');
  const existing = new Set(await readdir(dir));
  if (['html', 'epub', 'txt'].some((ext) => !existing.has(`${stem}.${ext}`))) {
    for (const [name, data] of await renditionsOf(tei, stem, assetsDir, shownAs)) {
      if (!existing.has(name)) await writeFile(join(dir, name), data);
    }
  }
  return diagnostics;
}

/** The sources a built edition's report names (its `inputs`, relative to where it was built). */
async function sourcesOfReport(dir: string, cwd: string, warnings: string[]): Promise<string[]> {
  const reports = (await readdir(dir)).filter((f) => f.endsWith('.report.json'));
  if (reports.length === 0) {
    warnings.push('no conversion report (*.report.json) in the edition: the bag holds no sources');
    return [];
  }
  let inputs: { file?: unknown }[] = [];
  try {
    inputs = (JSON.parse(await readFile(join(dir, reports[0]!), 'utf8')) as { inputs?: { file?: unknown }[] }).inputs ?? [];
  } catch {
    warnings.push(`${reports[0]}: not a teikit report (unreadable JSON): the bag holds no sources`);
  }
  const out: string[] = [];
  for (const { file } of inputs) {
    if (typeof file !== 'string') continue;
    const path = resolve(cwd, file);
    if (existsSync(path)) out.push(path);
    else warnings.push(`${file}: source named by the report not found: the bag holds no copy of it`);
  }
  return out;
}
