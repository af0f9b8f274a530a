/**
 * The whole collection (issue 10's targets): the 156 marx2mao sample pages repeated to 570 files,
 * about the size of the marx2mao site, built cold by `teikit build` (TEI, validation, report,
 * HTML, EPUB, text, bag, site, search index; ≤ 40 s wall on 2 cores, peak memory ≤ 1 GB), then
 * built again unchanged (≤ 3 s). To say where the time goes, the site and search index are then
 * assembled alone (every work skipped, the site's stamp removed). The first copy of the sample is
 * built as bare sources; the others as edition folders (an edition.json naming the page, with its
 * own id), since two bare pages of one name would be one id. Each run is one `teikit` process
 * (the default --jobs: the machine's parallelism), timed from spawn to exit, with its CPU time and
 * peak memory (all threads) as it reports them at exit. One run each: a cold build cannot repeat.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

// BENCH_COLLECTION_FILES=40 for a quick look; the target is for 570.
const FILES = Number(process.env.BENCH_COLLECTION_FILES ?? 570);

/** Reports CPU time and peak RSS of the whole process on file descriptor 3 as it exits. */
const REPORT = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const r = process.resourceUsage(); try { writeSync(3, JSON.stringify({ cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, rssMb: r.maxRSS / 1024 })); } catch {} });",
)}`;

function build(ctx, cwd, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT, join(ctx.root, 'dist/bundle/teikit.js'), 'build', ...args, '--quiet'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
  const ms = performance.now() - t0;
  // Exit 1 is expected: the sample holds pages that are not works (collection indexes), which fail
  // where an edition.json names them (found bare in a folder they are only refused).
  if (r.status !== 0 && r.status !== 1) throw new Error(`teikit build ${args.join(' ')}: exit ${r.status}: ${r.stderr.split('\n')[0]}`);
  const failed = /(\d+) of (\d+) edition\(s\) failed/.exec(r.stderr);
  return { ms, ...JSON.parse(r.output[3]), stdout: r.stdout, failed: failed ? Number(failed[1]) : 0 };
}

export default async function collectionStage(ctx) {
  const sample = [...ctx.files(join(ctx.fixtures, 'marx2mao'), '.html'), ...ctx.files(join(ctx.fixtures, 'marx2mao-tranche2'), '.html')];
  const root = mkdtempSync(join(tmpdir(), 'teikit-bench-collection-'));
  try {
    for (let i = 0; i < FILES; i++) {
      const file = sample[i % sample.length];
      const copy = Math.floor(i / sample.length);
      const rel = relative(ctx.fixtures, file);
      if (copy === 0) {
        mkdirSync(join(root, 'in', dirname(rel)), { recursive: true });
        copyFileSync(file, join(root, 'in', rel));
        continue;
      }
      const stem = basename(file).replace(/\.html?$/, '');
      const dir = join(root, 'in', `copy${copy}`, dirname(rel), stem);
      mkdirSync(dir, { recursive: true });
      copyFileSync(file, join(dir, basename(file)));
      writeFileSync(join(dir, 'edition.json'), JSON.stringify({
        id: `${stem.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}-${copy}`,
        title: `${stem} (copy ${copy})`,
        base: { file: basename(file), format: 'marx2mao' },
        publication: { publisher: 'teikit bench', licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, date: '2026-12-04' },
      }));
    }
    const load = loadavg()[0].toFixed(2);
    const cold = build(ctx, root, ['in', '-o', 'out']);
    const works = Number(/catalogue of (\d+) work/.exec(cold.stdout)?.[1] ?? 0);
    const pages = /search index of (\d+) print page/.exec(cold.stdout)?.[1] ?? '?';
    const again = build(ctx, root, ['in', '-o', 'out']);
    rmSync(join(root, 'out/.teikit/site.json'));
    const site = build(ctx, root, ['in', '-o', 'out']);
    const mem = (r) => `peak ${r.rssMb.toFixed(0)} MB`;
    return [
      {
        stage: `build ${FILES} files cold (${availableParallelism()} CPUs)`,
        ms: cold.ms,
        pages: FILES,
        cpuMs: cold.cpuMs,
        note: `${works} works, ${FILES - works} not works (${cold.failed} of them edition folders, failed; the others refused); ${pages} print pages indexed; ${mem(cold)}; load ${load} before; targets ≤ 40 s, ≤ 1 GB`,
      },
      { stage: 'build again, unchanged', ms: again.ms, cpuMs: again.cpuMs, note: `${mem(again)}; target ≤ 3 s` },
      { stage: 'site and search index alone', ms: site.ms, cpuMs: site.cpuMs, note: `${works} work pages; ${mem(site)}` },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
