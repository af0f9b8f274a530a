/**
 * Conversion stages: reading (marx2mao over every fixture page, the CMPA reprint), merging the two
 * witnesses of the bundled edition, writing TEI, and the whole convertFiles pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function convertStage(ctx) {
  const { readMarx2mao } = await ctx.dist('readers/marx2mao/index.js');
  const { readCmpa } = await ctx.dist('readers/cmpa/index.js');
  const { mergeWitnesses } = await ctx.dist('merge/index.js');
  const { writeTei } = await ctx.dist('tei/index.js');
  const { convertFiles } = await ctx.dist('convert.js');
  const rows = [];

  const pages = ctx.files(join(ctx.fixtures, 'marx2mao'), '.html').map((p) => ({ p, bytes: readFileSync(p) }));
  const m2mBytes = pages.reduce((n, x) => n + x.bytes.byteLength, 0);
  let works = 0;
  let slowest = { ms: 0, p: '' };
  for (const { p, bytes } of pages) {
    const t0 = performance.now();
    if (readMarx2mao(bytes, p).ok) works++;
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, p };
  }
  rows.push({
    stage: `read marx2mao (${pages.length} pages)`,
    ms: await ctx.median(() => { for (const { p, bytes } of pages) readMarx2mao(bytes, p); }),
    bytes: m2mBytes,
    pages: pages.length,
    note: `${works} works; slowest first read ${slowest.p.split('/').slice(-2).join('/')} ${slowest.ms.toFixed(0)} ms`,
  });

  const edDir = join(ctx.root, 'editions/identity-of-interests');
  const su39 = readFileSync(join(edDir, 'SU39.html'));
  const md = readFileSync(join(edDir, 'identity-of-interests.md'), 'utf8');
  rows.push({ stage: 'read marx2mao SU39.html', ms: await ctx.median(() => readMarx2mao(su39, 'SU39.html')), bytes: su39.byteLength, pages: 1 });
  rows.push({ stage: 'read CMPA identity-of-interests.md', ms: await ctx.median(() => readCmpa(md, 'identity-of-interests.md')), bytes: Buffer.byteLength(md), pages: 1 });

  const base = readMarx2mao(su39, 'SU39.html').edition;
  const other = readCmpa(md, 'identity-of-interests.md').edition;
  rows.push({ stage: 'merge SU39 + CMPA', ms: await ctx.median(() => mergeWitnesses(base, [other])), pages: 1 });
  const merged = mergeWitnesses(base, [other]);
  const pub = { publisher: 'bench', licence: { text: 'CC0' }, date: '2026-01-01' };
  const tei = writeTei(merged, pub);
  rows.push({ stage: 'writeTei (bundled edition)', ms: await ctx.median(() => writeTei(merged, pub)), bytes: Buffer.byteLength(tei), pages: 1, note: `${(Buffer.byteLength(tei) / 1024).toFixed(0)} KB of TEI` });

  const works56 = pages.map(({ p, bytes }) => readMarx2mao(bytes, p)).filter((r) => r.ok).map((r) => r.edition);
  let teiBytes = 0;
  rows.push({
    stage: `writeTei (${works56.length} marx2mao works)`,
    ms: await ctx.median(() => { teiBytes = 0; for (const e of works56) teiBytes += writeTei(e, pub).length; }),
    pages: works56.length,
    note: `${(teiBytes / 1e6).toFixed(1)} MB of TEI`,
  });
  rows.push({
    stage: 'convertFiles bundled edition (read, merge, TEI, report)',
    ms: await ctx.median(() => convertFiles([join(edDir, 'SU39.html'), join(edDir, 'identity-of-interests.md')], { publication: pub })),
    bytes: su39.byteLength + Buffer.byteLength(md),
    pages: 1,
  });
  return rows;
}
