/**
 * `teikit batch` over the 56 marx2mao sample pages (53 works, 3 refused), each converted alone and
 * written with its report: in-process (--jobs 1) and in a pool of 2 worker threads. The pool's
 * time includes starting its threads and warming them up, as every user's run does, while the
 * in-process run reuses this process's warm modules; so the sample is measured again five times
 * over (280 pages, about half the marx2mao site) where the threads' start weighs less.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function batchStage(ctx) {
  const { findSources, runBatch, summarise } = await ctx.dist('batch/index.js');
  const sample = await findSources([join(ctx.fixtures, 'marx2mao')], ctx.root);
  // The same pages under five output folders: a collection of 280 pages.
  const copies = 5;
  const large = Array.from({ length: copies }, (_, i) => sample.map((s) => ({ ...s, stem: `copy${i}/${s.stem}` }))).flat();
  const out = mkdtempSync(join(tmpdir(), 'teikit-bench-batch-'));
  const rows = [];
  try {
    for (const [sources, runs] of [[sample, ctx.runs], [large, 1]]) {
      for (const jobs of [1, 2]) {
        let summary;
        const ms = await ctx.median(async () => {
          summary = summarise(await runBatch({ sources, outDir: join(out, `j${jobs}`), cwd: ctx.root, jobs }));
        }, runs);
        rows.push({
          stage: `batch ${sources.length} marx2mao pages, --jobs ${jobs}`,
          ms,
          pages: sources.length,
          note: `${summary.converted} converted, ${summary.refused} refused, ${summary.failed} failed${jobs > 1 ? '; with starting the threads' : ''}${runs === 1 ? '; one run' : ''}`,
        });
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}
