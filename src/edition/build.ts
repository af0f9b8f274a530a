/**
 * One edition built in memory, as `teikit build` builds it: the sources of its edition.json
 * converted and merged, the TEI validated (teikit's schema and rules), the report, and the HTML,
 * EPUB and text renditions. Nothing is written: the caller decides where the files go
 * (`teikit build` into out/<id>/, `teikit deposit` into a bag).
 */
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../model/types.js';
import type { ConversionReport } from '../report/index.js';
import { convertFiles } from '../convert.js';
import { imageOutputs } from '../convert-images.js';
import { formatDiagnostic, UserError } from '../model/diagnostics.js';
import { renderAll } from '../render/index.js';
import type { ParsedTei } from '../render/parsed.js';
import { validateTei } from '../validate/index.js';
import { loadEdition, publicationOf, type LoadedEdition } from './index.js';

export interface BuiltEdition {
  edition: LoadedEdition;
  /** Diagnostics of the conversion (warnings, infos); errors have already failed the build. */
  diagnostics: Diagnostic[];
  report: ConversionReport;
  /** The files of the built edition by name: <id>.tei.xml, .report.json, .html, .epub, .txt, and the images the TEI names (relative paths). */
  outputs: [string, string | Uint8Array][];
}

/**
 * Build the edition in `dir` (named as given in messages; read from `cwd`). `teiName` is what the
 * TEI is called in validation messages (default `<dir>/<id>.tei.xml`). UserError (exit 1) with
 * the validation errors when the TEI is invalid.
 */
export async function buildEditionFiles(dir: string, cwd: string, teiName?: (id: string) => string): Promise<BuiltEdition> {
  const edition = loadEdition(dir, cwd);
  const { config } = edition;
  const files = [config.base, ...(config.witnesses ?? [])];
  const result = await convertFiles(
    edition.sources.map((s) => s.path),
    { id: config.id, title: config.title, publication: publicationOf(config), formats: files.map((s) => s.format), urls: files.map((s) => s.url), cwd },
  );
  const teiPath = teiName?.(config.id) ?? join(dir, `${config.id}.tei.xml`);
  const invalid = (await validateTei(result.tei, teiPath)).filter((d) => d.severity === 'error');
  if (invalid.length > 0) throw new UserError(invalid.map(formatDiagnostic).join('\n'), 1, invalid);
  const outputs: [string, string | Uint8Array][] = [
    [`${config.id}.tei.xml`, result.tei],
    [`${config.id}.report.json`, `${JSON.stringify(result.report, null, 2)}\n`],
    // graphic/@url is relative to the base source, which may sit in a subfolder of the edition
    ...(await renditionsOf(result.tei, config.id, resolve(cwd, dirname(edition.sources[0]!.path)), teiPath)),
  ];
  outputs.push(...(await imageOutputs(result.edition, edition.sources[0]!.path, cwd, outputs.map(([name]) => name))));
  return { edition, diagnostics: result.diagnostics, report: result.report, outputs };
}

/** The renditions: HTML, EPUB, text; images named by graphic/@url are found in `assetsDir`. */
export async function renditionsOf(tei: string | ParsedTei, stem: string, assetsDir: string, source: string): Promise<[string, string | Uint8Array][]> {
  // One parse of the TEI for the three renditions.
  const r = await renderAll(tei, { assetsDir, source });
  return [
    [`${stem}.html`, r.html!],
    [`${stem}.epub`, r.epub!],
    [`${stem}.txt`, r.txt!],
  ];
}
