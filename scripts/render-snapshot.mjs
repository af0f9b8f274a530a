#!/usr/bin/env node
/**
 * Renders every fixture (TEI written from each marx2mao page and the bundled edition, plus the TEI
 * fixtures) to HTML, EPUB (each file the stylesheet writes) and text, and writes each output under
 * <out>/. Run it before and after a stylesheet change and `diff -r` the two folders: a rewrite for
 * speed must not change one byte.
 *
 *   node scripts/render-snapshot.mjs <out-dir> [--tei-cache <dir>] [--parsed]
 *
 * --parsed renders from one parseTei() per input (the parse-once path) instead of the text.
 *
 * The TEI is converted once with a fixed publication date and kept in the TEI cache (default
 * <out-dir>/../tei-cache), so both runs render the same input.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/render-snapshot.mjs <out-dir> [--tei-cache <dir>]');
  process.exit(2);
}
const ci = process.argv.indexOf('--tei-cache');
const cache = ci > 0 ? process.argv[ci + 1] : join(out, '..', 'tei-cache');
mkdirSync(cache, { recursive: true });

const files = (dir, ext) => {
  const found = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(ext)) found.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
};

const { convertFiles } = await dist('convert.js');
const { runStylesheet, runChecked } = await dist('render/saxon.js');
const { parseTei } = await dist('render/parsed.js');
const parsedMode = process.argv.includes('--parsed');
const pub = { publisher: 'snapshot', licence: { text: 'CC0' }, date: '2026-01-01' };

/** [name, TEI text] of every fixture, converting (once, cached) the HTML pages. */
const inputs = [];
const fx = join(root, 'test/fixtures');
for (const dir of ['marx2mao', 'marx2mao-tranche2', 'marx2mao-made', 'marx2mao-patterns']) {
  for (const p of files(join(fx, dir), '.html')) {
    const name = relative(fx, p).replace(/\.html$/, '.xml');
    const cached = join(cache, name);
    if (!existsSync(cached)) {
      let tei;
      try {
        tei = (await convertFiles([p], { publication: pub })).tei;
      } catch {
        continue; // a page that does not convert is not a rendering input
      }
      mkdirSync(dirname(cached), { recursive: true });
      writeFileSync(cached, tei);
    }
    inputs.push([name, readFileSync(cached, 'utf8')]);
  }
}
const ed = join(root, 'editions/identity-of-interests');
const edCache = join(cache, 'bundled-edition.xml');
if (!existsSync(edCache)) {
  const config = JSON.parse(readFileSync(join(ed, 'edition.json'), 'utf8'));
  const r = await convertFiles([join(ed, config.base.file), ...config.witnesses.map((w) => join(ed, w.file))], { id: config.id, publication: pub });
  writeFileSync(edCache, r.tei);
}
inputs.push(['bundled-edition.xml', readFileSync(edCache, 'utf8')]);
for (const dir of ['tei', 'tei-other']) {
  for (const p of readdirSync(join(fx, dir)).filter((n) => n.endsWith('.xml'))) inputs.push([`${dir}/${p}`, readFileSync(join(fx, dir, p), 'utf8')]);
}

const times = { html: 0, epub: 0, text: 0, textPages: 0 };
const write = (path, text) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
for (const [name, tei] of inputs) {
  const base = join(out, name);
  let parsed;
  try {
    parsed = parsedMode ? parseTei(tei, { source: name }) : undefined;
  } catch {
    parsed = undefined; // refused input: runStylesheet reports it below
  }
  const run = (key, sheet, params) => {
    const t0 = performance.now();
    try {
      return parsed ? runChecked(sheet, parsed, name, params) : runStylesheet(sheet, tei, name, params);
    } catch (err) {
      return { principal: `ERROR: ${err.message}`, documents: new Map() };
    } finally {
      times[key] += performance.now() - t0;
    }
  };
  write(`${base}.html`, run('html', 'builtin:html', {}).principal);
  write(`${base}.txt`, run('text', 'builtin:text', {}).principal);
  write(`${base}.pages.txt`, run('textPages', 'builtin:text', { pages: 'true' }).principal);
  const epub = run('epub', 'builtin:epub', { uuid: '00000000-0000-5000-8000-000000000000' });
  write(`${base}.epub/principal`, epub.principal);
  for (const [k, v] of epub.documents) write(join(`${base}.epub`, k), v);
}
const mb = inputs.reduce((n, [, t]) => n + Buffer.byteLength(t), 0) / 1e6;
console.log(`${inputs.length} inputs, ${mb.toFixed(2)} MB TEI; ms: ${Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
