/**
 * `teikit build [inputs...] [-o out/]`: a thin wrapper of the library's buildCollection
 * (src/pipeline/): every edition folder (with an edition.json) and every bare source file (a
 * one-witness edition) becomes out/<id>/ (TEI validated first, report, HTML, EPUB, text) and a
 * verified BagIt bag in out/bags/<id>/, and the site of every work built goes to out/site/. A
 * failing work leaves nothing half-written and does not stop the others. Exit 0 all built, 1 a
 * work failed (the others are still built), 2 usage or I/O error.
 */
import type { CliIo, Command } from '../io.js';
import { formatDiagnostic } from '../../model/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import { buildCollection, type BuildCollectionResult } from '../../pipeline/index.js';

const usage = `Usage: teikit build [<input>...] [-o out/] [--strict]

Build every edition and source among the inputs (default: editions/): a folder with an
edition.json is one edition; any other source file (.html, .md, ...) is a one-witness edition
named after the file; other folders are searched for both. Each becomes out/<id>/ with the TEI,
the conversion report, and the HTML, EPUB and plain-text renditions, and a BagIt bag of those
files and its sources for deposit in out/bags/<id>/ (verified after it is made). The static site
of every work built (catalogue, a page per work with citations) goes to out/site/.

Options:
  -o, --output <dir>    output folder (default: out)
  --strict              an edition with unaccounted items (what the accounting cannot find in its
                        TEI) fails: nothing written for it, exit 1
  -h, --help            show this help`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, { output: { type: 'string', short: 'o' }, strict: { type: 'boolean' } });
  const outDir = (values.output as string | undefined) ?? 'out';
  /** The exit code: 1 for bad input, 2 for usage or I/O, the highest over the failed works. */
  let worst = 0;
  const result = await buildCollection(positionals.length > 0 ? positionals : ['editions'], {
    outDir,
    cwd: io.cwd,
    strict: values.strict === true,
    onDiagnostic: (d) => io.stderr(`${formatDiagnostic(d)}\n`),
    onBuilt: (work) => {
      const { counts } = work.report;
      const lines = [
        `${work.entry.id}: ${counts.pageBreaks} page breaks, ${counts.paragraphs} paragraphs, ${counts.notes} notes, ${counts.words} words, ` +
          `${work.report.repairs.length} repairs, ${work.diagnostics.length} diagnostics, ${work.report.fidelity.unaccounted} unaccounted`,
        ...work.written.map((f) => `  ${f}`),
        `  ${work.bag.dir}/ (BagIt bag of ${work.bag.files} files with the sources, verified)`,
      ];
      io.stdout(`${lines.join('\n')}\n`);
    },
    onFailed: (_unit, error) => {
      io.stderr(`${error.message}\n`);
      worst = Math.max(worst, error.exitCode);
    },
  });
  reportSite(result, outDir, io);
  if (result.failed.length > 0) io.stderr(`teikit build: ${result.failed.length} of ${result.total} edition(s) failed\n`);
  return result.failed.length > 0 ? Math.max(worst, 1) : 0;
}

/** The site's lines; no work built means no site (and nothing to say). */
function reportSite({ search, built }: BuildCollectionResult, outDir: string, io: CliIo): void {
  if (!search) return;
  io.stdout(`${outDir}/site/index.html (catalogue of ${built.length} work(s))\n`);
  if ('failed' in search) {
    io.stderr(`${outDir}/site: warning no-search: no search index: ${search.failed}\n`);
    return;
  }
  io.stdout(`${outDir}/site/pagefind/ (search index of ${search.pages} print page(s))\n`);
  for (const e of search.errors) io.stderr(`${outDir}/site/pagefind: warning search-index: ${e}\n`);
}

const command: Command = { name: 'build', usage, run };
export default command;
