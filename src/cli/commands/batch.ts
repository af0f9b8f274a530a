/**
 * `teikit batch <dir|file>... -o <outdir> [--jobs N] [--report summary.json]`
 * Every source under the folders (an extension of the reader registry), each converted alone in a
 * pool of worker threads.
 * Exit 0 nothing failed (pages refused as non-works are fine), 1 a page failed, 2 usage or I/O.
 */
import { resolve } from 'node:path';
import { batchSpec } from '../specs/batch.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { makeDirs, writeFileAtomic } from '../../util/files.js';
import { ioFailure } from '../../util/io-errors.js';
import { parseJobs } from '../../util/pool.js';
import { progressBar } from '../progress.js';
import { toolVersion } from '../../util/version.js';
import { SOURCE_EXTENSIONS } from '../../readers/registry.js';
import { findSources, runBatch, summarise, type BatchFileResult, type BatchSummary } from '../../batch/index.js';

/**
 * Each worker thread loads and warms up the readers on its own, which costs more than it saves on
 * a small collection: on two cores, 56 pages convert faster in-process (1.5 s against 1.7 s), 280
 * break even, 560 gain a third (10.6 s against 7.8 s). So by default small batches use no workers.
 */
const PARALLEL_FROM = 300;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(batchSpec, args);
  if (positionals.length === 0) throw new UserError('teikit batch: no folder or file given (try teikit batch --help)', 2);
  const outDir = values.output;
  if (outDir === undefined || outDir === '-') throw new UserError('teikit batch: -o <outdir> is required (try teikit batch --help)', 2);
  const sources = await findSources(positionals, io.cwd);
  const kinds = `${SOURCE_EXTENSIONS.slice(0, -1).join(', ')} or ${SOURCE_EXTENSIONS.at(-1)}`;
  if (sources.length === 0) throw new UserError(`teikit batch: no ${kinds} file in ${positionals.join(', ')}`, 2);
  const jobs = parseJobs('batch', values.jobs, sources.length, PARALLEL_FROM);
  try {
    makeDirs(resolve(io.cwd, outDir));
  } catch (err) {
    throw ioFailure(err, 'write', outDir);
  }

  const t0 = performance.now();
  const bar = await progressBar({ ...io, stderrIsTTY: process.stderr.isTTY === true }, 'batch', sources.length);
  const print = bar ? bar.log : io.stderr;
  let results: BatchFileResult[];
  try {
    results = await runBatch({
      sources,
      outDir,
      cwd: io.cwd,
      jobs,
      strict: values.strict === true,
      onSettled: (r) => bar?.tick(r.input),
      // In input order, so the log is the same with any number of jobs.
      onResult: (r) => { for (const line of r.lines) print(`${line}\n`); },
    });
  } finally {
    bar?.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const summary = summarise(results);

  const json = reportJson(results, summary, { outDir, jobs, seconds });
  if (values.format === 'json') {
    io.stdout(json);
  } else {
    for (const r of results) if (r.status === 'refused') io.stdout(`refused (not a work): ${r.input}\n`);
    for (const r of results) if (r.status === 'failed') io.stdout(`failed: ${r.input}\n`);
    // the files to look at: what the accounting could not find in their TEI
    for (const r of results) if (r.unaccounted) io.stdout(`unaccounted: ${r.input}: ${r.unaccounted} item(s)\n`);
    io.stdout(`${summaryLine(summary, seconds)}\n`);
  }

  if (values.report !== undefined) {
    await writeFileAtomic(resolve(io.cwd, values.report), json, values.report);
  }
  return summary.failed > 0 ? 1 : 0;
}

export function summaryLine(s: BatchSummary, seconds: number): string {
  return `${s.converted} converted, ${s.refused} refused, ${s.failed} failed: ${s.pageBreaks} page breaks, ${s.notes} notes, ${s.words} words, ` +
    `${s.unaccounted} unaccounted in ${s.filesWithUnaccounted} file(s) in ${seconds.toFixed(1)} s`;
}

function reportJson(results: BatchFileResult[], summary: BatchSummary, run: { outDir: string; jobs: number; seconds: number }): string {
  const files = results.map((r) => ({
    input: r.input,
    output: r.output?.tei ?? null,
    report: r.output?.report ?? null,
    status: r.status,
    counts: r.counts ?? null,
    unaccounted: r.unaccounted ?? null,
    ms: r.ms,
    diagnostics: r.diagnostics,
    ...(r.message !== undefined ? { message: r.message } : {}),
  }));
  const doc = {
    tool: { name: 'teikit', version: toolVersion() },
    outDir: run.outDir,
    jobs: run.jobs,
    seconds: Math.round(run.seconds * 1000) / 1000,
    summary,
    files,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const command: Command = { run };
export default command;
