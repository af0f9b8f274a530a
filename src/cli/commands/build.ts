/**
 * `teikit build [inputs...] [-o out/] [--jobs N] [--shard i/n|auto] [--force]`: a thin wrapper of
 * the library's buildCollection (src/pipeline/): every edition folder (with an edition.json) and
 * every bare source file (a one-witness edition) becomes out/<id>/ (TEI validated first, report,
 * HTML, EPUB, text) and a verified BagIt bag in out/bags/<id>/, and the site of every work built
 * goes to out/site/. A failing work leaves nothing half-written and does not stop the others. Exit
 * 0 all built, 1 a work failed (the others are still built), 2 usage or I/O error.
 */
import type { CliIo, Command } from '../io.js';
import { formatDiagnostic } from '../../model/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import { progressBar } from '../progress.js';
import { parseJobs } from '../../util/pool.js';
import { buildCollection, findBuildUnits, inShard, parseShard, summaryOf, unitName, type BuildCollectionResult } from '../../pipeline/index.js';

const usage = `Usage: teikit build [<input>...] [-o out/] [--jobs N] [--shard i/n|auto] [--force] [--strict]

Build every edition and source among the inputs (default: editions/): a folder with an
edition.json is one edition; any other source file (.html, .md, ...) is a one-witness edition
named after the file; other folders are searched for both. Each becomes out/<id>/ with the TEI,
the conversion report, and the HTML, EPUB and plain-text renditions, and a BagIt bag of those
files and its sources for deposit in out/bags/<id>/ (verified after it is made). The static site
of every work built (catalogue, a page per work with citations, search) goes to out/site/.
A work whose inputs, options and teikit (version, stylesheets) are unchanged since it was last
built into the same folder is skipped (out/.teikit/ keeps what each build wrote).

Options:
  -o, --output <dir>    output folder (default: out)
  -j, --jobs <n>        worker threads (default: the number of CPUs when 24 works or more are
                        to be built, else 1)
  --shard <i/n|auto>    build only the i-th of n stable slices of the works, and no site; a
                        last run without --shard over the shards' outputs (copied into one
                        folder) assembles the catalogue and search index. auto reads the index
                        and count from TEIKIT_SHARD_INDEX/TEIKIT_SHARD_COUNT (a CI matrix),
                        JOB_COMPLETION_INDEX with TEIKIT_SHARD_COUNT (a Kubernetes indexed Job)
                        or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (a Slurm array)
  --force               build everything again, unchanged or not
  --strict              an edition with unaccounted items (what the accounting cannot find in its
                        TEI) fails: nothing written for it, exit 1
  -h, --help            show this help

On a terminal a progress bar is drawn on stderr; elsewhere each work's lines are printed as it is
built (none of either with --quiet).`;

/** Below this many works, threads cost more to start than they save (each loads SaxonJS and the readers). */
const PARALLEL_FROM = 24;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, {
    output: { type: 'string', short: 'o' },
    strict: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    shard: { type: 'string' },
    force: { type: 'boolean' },
  });
  const outDir = (values.output as string | undefined) ?? 'out';
  const inputs = positionals.length > 0 ? positionals : ['editions'];
  const shard = values.shard !== undefined ? parseShard(values.shard, process.env) : undefined;
  const units = (await findBuildUnits(inputs, io.cwd)).filter((u) => !shard || inShard(unitName(u), shard));
  // Without --jobs: the machine's parallelism, used when enough works have changed to pay for the threads.
  const jobs = parseJobs('build', values.jobs, Number.MAX_SAFE_INTEGER, PARALLEL_FROM);
  /** The exit code: 1 for bad input, 2 for usage or I/O, the highest over the failed works. */
  let worst = 0;
  const bar = await progressBar(io, 'build', units.length);
  // Lines go above the bar while it is drawn (the same terminal), else where they belong.
  const out = (s: string) => (bar && process.stdout.isTTY ? bar.log(s) : io.stdout(s));
  const err = (s: string) => (bar ? bar.log(s) : io.stderr(s));
  let result: BuildCollectionResult;
  try {
    result = await buildCollection(inputs, {
      outDir,
      cwd: io.cwd,
      strict: values.strict === true,
      force: values.force === true,
      jobs,
      ...(values.jobs === undefined ? { parallelFrom: PARALLEL_FROM } : {}),
      ...(shard ? { shard } : {}),
      onSettled: (unit) => bar?.tick(unitName(unit)),
      onDiagnostic: (d) => err(`${formatDiagnostic(d)}\n`),
      onBuilt: (work) => {
        const lines = [
          summaryOf(work),
          ...work.written.map((f) => `  ${f}`),
          `  ${work.bag.dir}/ (BagIt bag of ${work.bag.files} files with the sources, verified)`,
        ];
        out(`${lines.join('\n')}\n`);
      },
      onFailed: (_unit, error) => {
        err(`${error.message}\n`);
        worst = Math.max(worst, error.exitCode);
      },
    });
  } finally {
    bar?.stop();
  }
  reportSite(result, outDir, io);
  if (result.skipped.length > 0) io.stderr(`teikit build: ${result.skipped.length} of ${result.total} work(s) unchanged, skipped\n`);
  if (shard) io.stderr(`teikit build: shard ${shard.index}/${shard.count}: ${result.total} work(s); no site (a run without --shard assembles it)\n`);
  if (result.failed.length > 0) io.stderr(`teikit build: ${result.failed.length} of ${result.total} edition(s) failed\n`);
  return result.failed.length > 0 ? Math.max(worst, 1) : 0;
}

/** The site's lines; no work built means no site (and nothing to say). */
function reportSite({ search, works, siteSkipped }: BuildCollectionResult, outDir: string, io: CliIo): void {
  if (!search) return;
  io.stdout(`${outDir}/site/index.html (catalogue of ${works} work(s))${siteSkipped ? ', unchanged' : ''}\n`);
  if ('failed' in search) {
    io.stderr(`${outDir}/site: warning no-search: no search index: ${search.failed}\n`);
    return;
  }
  io.stdout(`${outDir}/site/pagefind/ (search index of ${search.pages} print page(s))${siteSkipped ? ', unchanged' : ''}\n`);
  if (!siteSkipped) for (const e of search.errors) io.stderr(`${outDir}/site/pagefind: warning search-index: ${e}\n`);
}

const command: Command = { name: 'build', usage, run };
export default command;
