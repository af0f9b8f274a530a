/**
 * `teikit build [editions/] [-o out/]`: every folder of editions/ with an edition.json becomes
 * out/<id>/<id>.tei.xml and out/<id>/<id>.report.json (+ .html, .epub, .txt renditions), the TEI
 * validated first (by convertFiles's gate), and a verified BagIt bag of all of it with its sources
 * in out/bags/<id>/. An edition's files are all computed before any is written, and each is written
 * atomically: a failing edition leaves nothing half-written. Exit 0 all built, 1 an edition
 * failed (the others are still built), 2 usage or I/O error.
 */
import { join, resolve } from 'node:path';
import type { CliIo, Command } from '../io.js';
import { convertFiles } from '../../convert.js';
import { findEditions, loadEdition, publicationOf } from '../../edition/index.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { writeFileAtomic } from '../../util/files.js';
import { ioFailure } from '../../util/io-errors.js';
import { parseCommandArgs } from '../args.js';
import { describeFailure, EXIT } from '../failure.js';
import { renderAll } from '../../render/index.js';
import { bagEdition } from '../../deposit/edition-bag.js';
import { bagInfoFromTei } from '../../deposit/bag-info.js';

const usage = `Usage: teikit build [editions/] [-o out/] [--strict]

Build every edition in editions/ (each folder with an edition.json): the TEI, the conversion
report, and the HTML, EPUB and plain-text renditions, into out/<id>/, and a BagIt bag of those
files and the edition's sources for deposit into out/bags/<id>/ (verified after it is made).

Options:
  -o, --output <dir>    output folder (default: out)
  --strict              an edition with unaccounted items (what the accounting cannot find in its
                        TEI) fails: nothing written for it, exit 1
  -h, --help            show this help`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, { output: { type: 'string', short: 'o' }, strict: { type: 'boolean' } });
  if (positionals.length > 1) throw new UserError('teikit build: one editions folder at most (try teikit build --help)', 2);
  const root = positionals[0] ?? 'editions';
  const outDir = (values.output as string | undefined) ?? 'out';
  const dirs = findEditions(resolve(io.cwd, root)).map((d) => join(root, d.slice(resolve(io.cwd, root).length + 1)));
  if (dirs.length === 0) throw new UserError(`${root}: no edition folder (a folder with an edition.json) found`, 2);

  let failed = 0;
  /** The exit code: 1 for bad input, 2 for usage or I/O, 70 for a bug, the highest of them. */
  let worst = 0;
  for (const dir of dirs) {
    try {
      const written = await buildEdition(dir, outDir, io, values.strict === true);
      io.stdout(`${written.join('\n')}\n`);
    } catch (err) {
      // One edition's failure, even a bug in teikit, must not stop the others from being built.
      const failure = describeFailure(err, 'build', io.cwd);
      io.stderr(`${failure.code === EXIT.internal ? `${dir}: ` : ''}${failure.message}\n`);
      worst = Math.max(worst, failure.code);
      failed++;
    }
  }
  if (failed > 0) io.stderr(`teikit build: ${failed} of ${dirs.length} edition(s) failed\n`);
  return worst;
}

/** Build one edition; returns the summary lines for stdout. */
async function buildEdition(dir: string, outDir: string, io: CliIo, strict: boolean): Promise<string[]> {
  // Names stay as given (editions/<name>/…) in messages and the report; files are read from cwd.
  const loaded = loadEdition(dir, io.cwd);
  const { config } = loaded;
  const files = [config.base, ...(config.witnesses ?? [])];
  const result = await convertFiles(
    loaded.sources.map((s) => s.path),
    { id: config.id, title: config.title, publication: publicationOf(config), formats: files.map((s) => s.format), urls: files.map((s) => s.url), cwd: io.cwd, strict },
  );
  for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  const teiName = `${config.id}.tei.xml`;

  // convertFiles has validated the TEI (its gate refuses invalid TEI with exit 1).
  const teiPath = join(outDir, config.id, teiName);

  const outputs: [string, string | Uint8Array][] = [
    [teiName, result.tei],
    [`${config.id}.report.json`, `${JSON.stringify(result.report, null, 2)}\n`],
    ...(await renditionsOf(result.tei, config.id, resolve(io.cwd, dir), teiPath)),
  ];
  const target = resolve(io.cwd, outDir, config.id);
  for (const [name, data] of outputs) {
    await writeFileAtomic(join(target, name), data, join(outDir, config.id, name));
  }
  const bagDir = join(outDir, 'bags', config.id);
  const bag = await bagEdition(target, loaded.sources.map((s) => resolve(io.cwd, s.path)), resolve(io.cwd, bagDir), await bagInfoFromTei(join(target, teiName)));
  const { counts } = result.report;
  return [
    `${config.id}: ${counts.pageBreaks} page breaks, ${counts.paragraphs} paragraphs, ${counts.notes} notes, ${counts.words} words, ` +
      `${result.report.repairs.length} repairs, ${result.diagnostics.length} diagnostics, ${result.report.fidelity.unaccounted} unaccounted`,
    ...outputs.map(([name]) => `  ${join(outDir, config.id, name)}`),
    `  ${bagDir}/ (BagIt bag of ${bag.files} files with the sources, verified)`,
  ];
}

/** The renditions: HTML, EPUB, text; images named by graphic/@url are found in the edition's folder. */
async function renditionsOf(tei: string, id: string, assetsDir: string, source: string): Promise<[string, string | Uint8Array][]> {
  // One parse of the TEI for the three renditions.
  const r = await renderAll(tei, { assetsDir, source });
  return [
    [`${id}.html`, r.html!],
    [`${id}.epub`, r.epub!],
    [`${id}.txt`, r.txt!],
  ];
}

const command: Command = { name: 'build', usage, run };
export default command;
