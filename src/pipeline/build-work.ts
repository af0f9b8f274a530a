/**
 * One build unit through the pipeline: convert (the TEI validated by convertFiles's gate) →
 * render HTML, EPUB, text → write out/<id>/ → bag out/bags/<id>/ (verified). Every file is
 * computed before any is written, and each is written atomically: a failing work leaves nothing
 * half-written.
 */
import { dirname, join, resolve } from 'node:path';
import { imageOutputs } from '../convert-images.js';
import type { Diagnostic } from '../model/types.js';
import type { ConversionReport } from '../report/index.js';
import { convertFiles, type ConvertOptions } from '../convert.js';
import { loadEdition, publicationOf } from '../edition/index.js';
import { renditionsOf } from '../edition/build.js';
import { UserError } from '../model/diagnostics.js';
import { pruneExcept, writeFileAtomic } from '../util/files.js';
import { bagEdition } from '../deposit/edition-bag.js';
import { dublinCore } from '../deposit/dublin-core.js';
import { parseTei } from '../render/parsed.js';
import type { BuildUnit } from './units.js';
import { workEntry, type WorkEntry } from './work-entry.js';

export interface BuiltWork {
  entry: WorkEntry;
  report: ConversionReport;
  diagnostics: Diagnostic[];
  /** The files written, relative to the output folder's parent as the caller named it (`out/SU39/SU39.html`). */
  written: string[];
  bag: { dir: string; files: number };
}

export interface BuildWorkOptions {
  /** Output folder, as named to the user (relative to cwd or absolute). */
  outDir: string;
  cwd: string;
  strict?: boolean;
  /** Ids already built in this run: a unit whose id is among them fails (it would overwrite). */
  taken?: ReadonlySet<string>;
}

/** The sources, convert options and assets folder of a unit. */
function plan(unit: BuildUnit, cwd: string, strict: boolean): { sources: string[]; options: ConvertOptions; assetsDir: string } {
  if (unit.kind === 'source') {
    return { sources: [unit.file], options: { id: unit.id, cwd, strict }, assetsDir: resolve(cwd, unit.file, '..') };
  }
  const loaded = loadEdition(unit.dir, cwd);
  const { config } = loaded;
  const files = [config.base, ...(config.witnesses ?? [])];
  return {
    sources: loaded.sources.map((s) => s.path),
    options: { id: config.id, title: config.title, publication: publicationOf(config), formats: files.map((s) => s.format), urls: files.map((s) => s.url), cwd, strict },
    // graphic/@url is relative to the base source, which may sit in a subfolder of the edition
    assetsDir: resolve(cwd, dirname(loaded.sources[0]!.path)),
  };
}

/** Build one unit; UserError (exit 1 or 2) when it fails, with nothing of it written. */
export async function buildWork(unit: BuildUnit, opts: BuildWorkOptions): Promise<BuiltWork> {
  const { sources, options, assetsDir } = plan(unit, opts.cwd, opts.strict === true);
  const result = await convertFiles(sources, options);
  const id = result.edition.id;
  if (opts.taken?.has(id)) throw new UserError(`${unit.kind === 'edition' ? unit.dir : unit.file}: another work of this build is already written as ${id}`, 1);
  const teiName = `${id}.tei.xml`;
  const teiPath = join(opts.outDir, id, teiName);
  // one parse of the TEI for the three renditions and the bag's Dublin Core record
  const parsed = parseTei(result.tei, { source: teiPath });
  const outputs: [string, string | Uint8Array][] = [
    [teiName, result.tei],
    [`${id}.report.json`, `${JSON.stringify(result.report, null, 2)}\n`],
    ...(await renditionsOf(parsed, id, assetsDir, teiPath)),
  ];
  // the images the TEI names, beside it as `convert -o` puts them, and so in the bag
  outputs.push(...(await imageOutputs(result.edition, sources[0]!, opts.cwd, outputs.map(([name]) => name))));
  const target = resolve(opts.cwd, opts.outDir, id);
  for (const [name, data] of outputs) await writeFileAtomic(join(target, name), data, join(opts.outDir, id, name));
  // out/<id>/ holds this build's files only: an image an earlier build carried and the source no
  // longer names would otherwise stay, and go into the bag
  pruneExcept(target, new Set(outputs.map(([name]) => name)));
  const bagDir = join(opts.outDir, 'bags', id);
  // bagEdition takes bag-info.txt's fields from the TEI's Dublin Core itself (one dc.xsl run).
  const bag = await bagEdition(target, sources.map((s) => resolve(opts.cwd, s)), resolve(opts.cwd, bagDir), {}, dublinCore(parsed, teiPath));
  return {
    entry: workEntry(result.edition, result.tei, id),
    report: result.report,
    diagnostics: result.diagnostics,
    written: outputs.map(([name]) => join(opts.outDir, id, name)),
    bag: { dir: bagDir, files: bag.files },
  };
}
