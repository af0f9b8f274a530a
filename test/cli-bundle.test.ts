/**
 * The `teikit` users run is package.json's "bin": the command bundled by esbuild
 * (scripts/bundle-cli.mjs → dist/bundle/). It must do exactly what the modules tsc wrote do
 * (dist/cli/main.js): the same TEI, report, messages and exit codes, byte for byte. Each case runs
 * both as whole processes on real sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledWorker } from '../src/util/pool.js';
import { fixtures, repoRoot } from './support/tools.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; bin: { teikit: string } };
const bundled = join(repoRoot, pkg.bin.teikit);
const unbundled = join(repoRoot, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'teikit-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(main: string, args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command through the bundle and through dist/cli/main.js, each writing into its own folder. */
function both(args: (out: string) => string[]) {
  const outs = ['bundled', 'unbundled'].map((n) => join(dir, n));
  return outs.map((out, i) => {
    rmSync(out, { recursive: true, force: true });
    const r = run(i === 0 ? bundled : unbundled, args(out));
    return { ...r, stdout: r.stdout.replaceAll(out, '<out>'), stderr: r.stderr.replaceAll(out, '<out>'), out };
  });
}

const su39 = join(fixtures, 'marx2mao/Mao/SU39.html');
const cmpa = join(fixtures, 'cmpa/identity-of-interests.md');

describe('the bundled teikit command', () => {
  it('is package.json\'s bin, a bundle of a few files, and says its version', () => {
    expect(pkg.bin.teikit).toBe('dist/bundle/teikit.js');
    expect(readdirSync(join(repoRoot, 'dist/bundle')).length).toBeLessThan(100);
    expect(run(bundled, ['--version']).stdout.trim()).toBe(`teikit ${pkg.version}`);
  });

  it('loads libxml2\'s WebAssembly from a file beside it, not from an 820 KB string literal', () => {
    const names = readdirSync(join(repoRoot, 'dist/bundle'));
    const wasm = readFileSync(join(repoRoot, 'dist/bundle/libxml2.wasm'));
    expect(WebAssembly.validate(wasm)).toBe(true);
    const sources = names.filter((n) => n.endsWith('.js')).map((n) => readFileSync(join(repoRoot, 'dist/bundle', n), 'latin1'));
    // the literal itself (esbuild writes it as ea(`\0asm…`)) is gone
    expect(sources.filter((s) => /\bea\([`"']\\0asm/.test(s) || s.includes('\0asm'))).toEqual([]);
    expect(sources.filter((s) => /readFileSync\(new URL\(["']\.\/libxml2\.wasm["']/.test(s))).toHaveLength(1);
    expect(Math.max(...sources.map((s) => s.length))).toBeLessThan(600_000);
  });

  it('starts its worker threads from bundled workers beside it; the modules tsc wrote keep theirs', async () => {
    const inBundle = pathToFileURL(join(repoRoot, 'dist/bundle/teikit.js')).href;
    for (const folder of ['batch', 'pipeline']) {
      const worker = compiledWorker(inBundle, folder, folder);
      expect(worker).toBe(join(repoRoot, 'dist/bundle', `${folder}-worker.js`));
      expect(typeof ((await import(pathToFileURL(worker).href)) as { default: unknown }).default).toBe('function');
      expect(compiledWorker(pathToFileURL(join(repoRoot, `dist/${folder}/index.js`)).href, folder, folder)).toBe(join(repoRoot, `dist/${folder}/worker.js`));
    }
  });

  it('converts a work from two witnesses to the same TEI, report and messages', () => {
    const [a, b] = both((out) => ['convert', su39, cmpa, '-o', join(out, 'su39.xml'), '--report', join(out, 'report.json')]);
    expect(a!.status).toBe(0);
    expect([a!.status, a!.stderr]).toEqual([b!.status, b!.stderr]);
    expect(a!.stderr).toMatch(/page-gap/);
    const tei = readFileSync(join(a!.out, 'su39.xml'), 'utf8');
    expect((tei.match(/<pb /g) ?? []).length).toBeGreaterThan(5);
    expect(tei).toBe(readFileSync(join(b!.out, 'su39.xml'), 'utf8'));
    expect(readFileSync(join(a!.out, 'report.json'), 'utf8')).toBe(readFileSync(join(b!.out, 'report.json'), 'utf8'));
  });

  it('rejects an invalid TEI with the same messages and exit code', () => {
    const bad = join(fixtures, 'invalid/att-unknown.tei.xml');
    const [a, b] = both(() => ['validate', bad]);
    expect(a!.status).toBe(1);
    expect(a!.stderr + a!.stdout).toMatch(/att-unknown\.tei\.xml:\d+:\d+: error/);
    expect([a!.status, a!.stdout, a!.stderr]).toEqual([b!.status, b!.stdout, b!.stderr]);
  });

  it('renders the same text, and builds in worker threads (their modules found from the bundle)', () => {
    const tei = join(dir, 'su39.xml');
    expect(run(bundled, ['convert', su39, '-o', tei]).status).toBe(0);
    const [a, b] = both((out) => ['render', tei, '--to', 'text', '-o', join(out, 'su39.txt')]);
    expect(a!.status).toBe(0);
    expect(readFileSync(join(a!.out, 'su39.txt'), 'utf8')).toBe(readFileSync(join(b!.out, 'su39.txt'), 'utf8'));

    const out = join(dir, 'batch');
    const r = run(bundled, ['batch', join(fixtures, 'marx2mao/Mao/SU39.html'), join(fixtures, 'marx2mao/Mao/CO47.html'), '-o', out, '--jobs', '2']);
    expect(r.stderr).not.toMatch(/not built|Error:|\n\s+at /);
    expect(r.status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.tei.xml')).sort()).toEqual(['CO47.tei.xml', 'SU39.tei.xml']);
  }, 60_000);
});
