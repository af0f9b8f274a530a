/**
 * V8 code cache for SaxonJS (render/code-cache.ts, issue 11: cold `teikit render`): a first
 * process compiles a CommonJS file and leaves a cache in $XDG_CACHE_HOME/teikit, a second one
 * loads from it, a changed file is compiled again, and the module works the same either way.
 * Made-up CommonJS files in a temporary folder; the compiled dist/ module in child processes.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './support/tools.js';

const codeCache = pathToFileURL(join(repoRoot, 'dist/render/code-cache.js')).href;

function load(file: string, cacheHome: string, extraEnv: Record<string, string> = {}): { use: string; value: unknown } {
  const script = `const m = await import(${JSON.stringify(codeCache)});
    const mod = m.requireCached(${JSON.stringify(file)});
    console.log(JSON.stringify({ use: m.codeCacheUse.get(${JSON.stringify(file)}), value: mod.answer(20) }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome, TEIKIT_NO_CODE_CACHE: '', ...extraEnv },
  });
  return JSON.parse(out.trim()) as { use: string; value: unknown };
}

describe('code cache', () => {
  it('compiles once, then loads from the cache; a changed file is compiled again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-codecache-'));
    const cacheHome = join(dir, 'cache');
    const file = join(dir, 'made-up.cjs');
    // Uses require, module.exports and __dirname as a CommonJS file does.
    writeFileSync(file, "const path = require('node:path');\nmodule.exports.answer = (n) => n * 2 + 2 + path.basename(__dirname).length * 0;\n");
    expect(load(file, cacheHome)).toEqual({ use: 'miss', value: 42 });
    expect(readdirSync(join(cacheHome, 'teikit')).filter((f) => f.endsWith('.v8cache'))).toHaveLength(1);
    expect(load(file, cacheHome)).toEqual({ use: 'hit', value: 42 });
    writeFileSync(file, "module.exports.answer = (n) => n + 1;\n");
    expect(load(file, cacheHome)).toEqual({ use: 'miss', value: 21 });
    // the changed file's cache replaces the old one: one file per path, however often it changes
    expect(readdirSync(join(cacheHome, 'teikit')).filter((f) => f.endsWith('.v8cache'))).toHaveLength(1);
    // of the same length as the version before: V8 alone would take the old code for it
    writeFileSync(file, "module.exports.answer = (n) => n + 2;\n");
    expect(load(file, cacheHome)).toEqual({ use: 'miss', value: 22 });
    const other = join(dir, 'other.cjs');
    writeFileSync(other, 'module.exports.answer = (n) => n;\n');
    expect(load(other, cacheHome)).toEqual({ use: 'miss', value: 20 });
    expect(readdirSync(join(cacheHome, 'teikit')).filter((f) => f.endsWith('.v8cache'))).toHaveLength(2);
    expect(load(file, cacheHome, { TEIKIT_NO_CODE_CACHE: '1' })).toEqual({ use: 'off', value: 22 });
  });

  it('reads a file that is not ASCII as UTF-8, from the cache too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-codecache-'));
    const file = join(dir, 'accents.cjs');
    writeFileSync(file, "module.exports.answer = (n) => `Réponse à John Lewis, ${n} — ½`;\n");
    for (const use of ['miss', 'hit']) expect(load(file, join(dir, 'cache'))).toEqual({ use, value: 'Réponse à John Lewis, 20 — ½' });
  });

  it('gives the file __teikitImport, which imports an ES module with the function the caller passed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-codecache-'));
    const file = join(dir, 'importer.cjs');
    writeFileSync(join(dir, 'esm.mjs'), 'export const seven = 7;\n');
    writeFileSync(file, "module.exports.answer = () => __teikitImport('./esm.mjs').then((m) => m.seven * 6);\n");
    const script = `const m = await import(${JSON.stringify(codeCache)});
      const url = ${JSON.stringify(pathToFileURL(file).href)};
      const mod = m.requireCached(${JSON.stringify(file)}, (s) => import(new URL(s, url).href));
      const bare = m.requireCached(${JSON.stringify(file)});
      console.log(JSON.stringify([await mod.answer(), await bare.answer().catch((e) => e.message)]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } });
    expect(JSON.parse(out.trim())).toEqual([42, './esm.mjs: this file was not given a way to import ES modules']);
  });
});
