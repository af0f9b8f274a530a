/**
 * Rendition stages: HTML, EPUB and plain text (XSLT 3 in SaxonJS from the precompiled SEF) for the
 * bundled edition and for the largest fixture page, plus the one-off cost of compiling a user's
 * stylesheet at run time (--xslt my.xsl importing xslt/html.xsl).
 */
import { readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export default async function renderStage(ctx) {
  const { renderHtml, renderEpub, renderText } = await ctx.dist('render/index.js');
  const { convertFiles } = await ctx.dist('convert.js');
  const rows = [];

  const edDir = join(ctx.root, 'editions/identity-of-interests');
  const config = JSON.parse(readFileSync(join(edDir, 'edition.json'), 'utf8'));
  const bundled = (
    await convertFiles([join(edDir, config.base.file), ...config.witnesses.map((w) => join(edDir, w.file))], {
      id: config.id,
      publication: { ...config.publication, licence: config.publication.licence },
    })
  ).tei;

  // The largest fixture page by size of its HTML.
  const pages = ctx.files(join(ctx.fixtures, 'marx2mao'), '.html').sort((a, b) => statSync(b).size - statSync(a).size);
  const largest = pages[0];
  const big = (await convertFiles([largest])).tei;

  for (const [name, tei, assetsDir] of [
    ['bundled edition', bundled, edDir],
    [largest.split('/').slice(-2).join('/'), big, dirname(largest)],
  ]) {
    const bytes = Buffer.byteLength(tei);
    const pbs = (tei.match(/<pb /g) ?? []).length;
    const note = `${(bytes / 1024).toFixed(0)} KB TEI, ${pbs} print pages`;
    const html = await renderHtml(tei);
    rows.push({ stage: `render HTML: ${name}`, ms: await ctx.median(() => renderHtml(tei)), bytes, note: `${note} → ${(html.length / 1024).toFixed(0)} KB` });
    const epub = await renderEpub(tei, { assetsDir });
    rows.push({ stage: `render EPUB: ${name}`, ms: await ctx.median(() => renderEpub(tei, { assetsDir })), bytes, note: `→ ${(epub.byteLength / 1024).toFixed(0)} KB zip` });
    rows.push({ stage: `render text: ${name}`, ms: await ctx.median(() => renderText(tei)), bytes });
  }

  // The sample's largest books together, after warm-up (issue 11: HTML ≥ 2 MB/s, EPUB ≥ 1.5 MB/s,
  // text ≥ 5 MB/s of TEI). Pages whose images are missing from the fixtures are left out of EPUB.
  const books = [];
  for (const p of pages.slice(0, 6)) {
    const r = await convertFiles([p]);
    try {
      await renderEpub(r.tei, { assetsDir: dirname(p) });
      books.push({ tei: r.tei, assetsDir: dirname(p), name: p.split('/').pop() });
    } catch {
      /* an image missing from the fixtures: not a rendering cost */
    }
    if (books.length === 4) break;
  }
  const booksBytes = books.reduce((n, b) => n + Buffer.byteLength(b.tei), 0);
  const booksNote = `${books.map((b) => b.name).join(', ')}: ${(booksBytes / 1e6).toFixed(2)} MB TEI`;
  for (const [format, render, target] of [
    ['HTML', (b) => renderHtml(b.tei), 'target ≥ 2 MB/s'],
    ['EPUB', (b) => renderEpub(b.tei, { assetsDir: b.assetsDir }), 'target ≥ 1.5 MB/s'],
    ['text', (b) => renderText(b.tei), 'target ≥ 5 MB/s'],
  ]) {
    const all = async () => { for (const b of books) await render(b); };
    for (let i = 0; i < 3; i++) await all(); // SaxonJS's code is hot only after a few runs
    rows.push({ stage: `render ${format}: ${books.length} largest books, warm`, ms: await ctx.median(all), bytes: booksBytes, note: `${booksNote}; ${target}` });
  }

  // A user's stylesheet is compiled by SaxonJS at run time, once per call.
  const dir = mkdtempSync(join(tmpdir(), 'teikit-bench-'));
  const custom = join(dir, 'my.xsl');
  writeFileSync(custom, `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="${join(ctx.root, 'xslt/html.xsl')}"/>
</xsl:stylesheet>\n`);
  rows.push({ stage: 'render HTML with --xslt (compiled at run time): bundled', ms: await ctx.median(() => renderHtml(bundled, { xslt: custom }), 2), bytes: Buffer.byteLength(bundled) });
  return rows;
}
