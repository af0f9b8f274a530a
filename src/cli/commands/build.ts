/**
 * `teikit build [inputs...] [-o out/] [--jobs N] [--shard i/n|auto] [--force]`: a thin wrapper of
 * the library's buildCollection (src/pipeline/): every edition folder (with an edition.json) and
 * every bare source file (a one-witness edition) becomes out/<id>/ (TEI validated first, report,
 * HTML, EPUB, text) and a verified BagIt bag in out/bags/<id>/, and the site of every work built
 * goes to out/site/. A failing work leaves nothing half-written and does not stop the others. A
 * page found in a folder that is not a work (a collection's index) is refused, as by batch. Exit
 * 0 all built (or refused), 1 a work failed (the others are still built), 2 usage or I/O error. With --format
 * json, the result (schema/build.schema.json) is the only thing on stdout; messages stay on stderr.
 */
import type { CliIo, Command } from '../io.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { buildSpec } from '../specs/build.js';
import { parseCommandArgs } from '../args.js';
import { progressBarStarter, type ProgressBar } from '../progress.js';
import { parseJobs } from '../../util/pool.js';
import { buildCollection, parseShard, summaryOf, unitName, type BuildCollectionResult } from '../../pipeline/index.js';
import { toolVersion } from '../../util/version.js';
import { join } from 'node:path';

/** Below this many works, threads cost more to start than they save (each loads SaxonJS and the readers). */
const PARALLEL_FROM = 24;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(buildSpec, args);
  const outDir = values.output ?? 'out';
  const json = values.format === 'json';
  const inputs = positionals.length > 0 ? positionals : ['editions'];
  const shard = values.shard !== undefined ? parseShard(values.shard, process.env) : undefined;
  if (shard && values.volumes) throw new UserError('teikit build: --volumes wants the whole collection: use it on the run without --shard that assembles the site', 2);
  // Without --jobs: the machine's parallelism, used when enough works have changed to pay for the threads.
  const jobs = parseJobs('build', values.jobs, Number.MAX_SAFE_INTEGER, PARALLEL_FROM);
  /** The exit code: 1 for bad input, 2 for usage or I/O, the highest over the failed works. */
  let worst = 0;
  // the bar starts when the pipeline has found the works (onStart): the inputs are walked once
  const startBar = await progressBarStarter(io, 'build');
  let bar: ProgressBar | undefined;
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
      onStart: (total) => {
        bar = startBar(total);
      },
      onSettled: (unit) => bar?.tick(unitName(unit)),
      onDiagnostic: (d) => err(`${formatDiagnostic(d)}\n`),
      onBuilt: (work) => {
        if (json) return;
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
      // as `teikit batch` says it: the reason on stderr, the page named with the works built
      onRefused: (unit, error) => {
        err(`${error.message}\n`);
        if (!json) out(`refused (not a work): ${unitName(unit)}\n`);
      },
    });
  } finally {
    bar?.stop();
  }
  const volumes = values.volumes === true ? await makeVolumes(result, outDir, io, json) : undefined;
  if (volumes?.failed) worst = Math.max(worst, 1);
  const code = result.failed.length > 0 || volumes?.failed ? Math.max(worst, 1) : 0;
  if (json) io.stdout(`${JSON.stringify(buildJson(result, inputs, outDir, code, volumes?.made), null, 2)}\n`);
  reportSite(result, outDir, io, json);
  if (result.skipped.length > 0) {
    // their warnings are not printed again, but they are still theirs: counted for --max-warnings
    const kept = result.skipped.reduce((n, c) => n + c.warnings, 0);
    io.countWarnings?.(kept);
    const said = kept > 0 ? `; their ${kept} warning(s) (in their reports) are not printed again, but count for --max-warnings` : '';
    io.stderr(`teikit build: ${result.skipped.length} of ${result.total} work(s) unchanged, skipped${said}\n`);
  }
  if (shard) io.stderr(`teikit build: shard ${shard.index}/${shard.count}: ${result.total} work(s); no site (a run without --shard assembles it)\n`);
  if (result.refused.length > 0) io.stderr(`teikit build: ${result.refused.length} of ${result.total} source(s) refused as not a work\n`);
  if (result.failed.length > 0) io.stderr(`teikit build: ${result.failed.length} of ${result.total} edition(s) failed\n`);
  return code;
}

interface MadeVolume {
  id: string;
  works: number;
  tei: string;
  epub: string;
}

/**
 * The volume editions of the works this build holds (built or skipped), made by the library's
 * buildVolumes into out/volumes/: every volume again on each run (a volume reads its works' TEI,
 * which a skipped work keeps). `failed`: a work's TEI could not be read.
 */
async function makeVolumes(result: BuildCollectionResult, outDir: string, io: CliIo, json: boolean): Promise<{ made: MadeVolume[]; failed: boolean }> {
  const tei = [...result.built.flatMap((w) => w.written), ...result.skipped.flatMap((c) => c.written.map((f) => join(outDir, f)))].filter((f) => f.endsWith('.tei.xml'));
  const { buildVolumes } = await import('../../volume/index.js');
  const { summary } = await import('./volume.js');
  const made: MadeVolume[] = [];
  const volumes = await buildVolumes(tei, {
    outDir: join(outDir, 'volumes'),
    cwd: io.cwd,
    onDiagnostic: (d) => io.stderr(`${formatDiagnostic(d)}\n`),
    onVolume: (volume, files) => {
      made.push({ id: volume.id, works: volume.members.length, tei: files.tei, epub: files.epub });
      if (!json) io.stdout(`${summary(volume).join('\n')}\n  ${files.tei}\n  ${files.epub}\n`);
    },
  });
  if (volumes.failed.length > 0) io.stderr(`teikit build: ${volumes.failed.length} TEI file(s) could not be read for the volumes: ${volumes.failed.join(', ')}\n`);
  if (!json) io.stdout(`${made.length} volume(s) of ${made.reduce((n, v) => n + v.works, 0)} work(s) in ${join(outDir, 'volumes')}/\n`);
  return { made, failed: volumes.failed.length > 0 };
}

/** The result as schema/build.schema.json describes it. */
function buildJson(result: BuildCollectionResult, inputs: string[], outDir: string, exitCode: number, volumes?: MadeVolume[]): object {
  const { search } = result;
  return {
    tool: { name: 'teikit', version: toolVersion() },
    inputs,
    output: outDir,
    exitCode,
    total: result.total,
    built: result.built.map((work) => ({
      id: work.entry.id,
      title: work.entry.title,
      counts: work.report.counts,
      repairs: work.report.repairs.length,
      unaccounted: work.report.fidelity.unaccounted,
      diagnostics: work.diagnostics.length,
      files: work.written,
      bag: { dir: work.bag.dir, files: work.bag.files, verified: true },
    })),
    skipped: result.skipped.map((c) => ({ id: c.entry.id, files: c.written, warnings: c.warnings })),
    failed: result.failed.map(({ unit, error }) => ({ input: unitName(unit), exitCode: error.exitCode, message: error.message })),
    refused: result.refused.map(({ unit, error }) => ({ input: unitName(unit), message: error.message })),
    site: search
      ? {
          index: `${outDir}/site/index.html`,
          files: result.site.length,
          search: 'failed' in search ? { failed: search.failed } : { pages: search.pages, errors: search.errors },
        }
      : null,
    ...(volumes ? { volumes } : {}),
  };
}

/** The site's lines (warnings only with JSON); no work built means no site (and nothing to say). */
function reportSite({ search, works, siteSkipped }: BuildCollectionResult, outDir: string, io: CliIo, json: boolean): void {
  if (!search) return;
  const unchanged = siteSkipped ? ', unchanged' : '';
  if (!json) io.stdout(`${outDir}/site/index.html (catalogue of ${works} work(s))${unchanged}\n`);
  if ('failed' in search) {
    io.stderr(`${outDir}/site: warning no-search: no search index: ${search.failed}\n`);
    return;
  }
  const bundles = (search.bundles ?? 1) > 1 ? `, in ${search.bundles} bundles: pagefind/ to pagefind-${search.bundles}/` : '';
  if (!json) io.stdout(`${outDir}/site/pagefind/ (search index of ${search.pages} print page(s)${bundles})${unchanged}\n`);
  if (!siteSkipped) for (const e of search.errors) io.stderr(`${outDir}/site/pagefind: warning search-index: ${e}\n`);
}

const command: Command = { run };
export default command;
