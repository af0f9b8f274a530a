/**
 * The npm package as a user gets it: `npm pack`, installed into an empty folder, and the installed
 * `teikit` builds the bundled edition and renders an EPUB of its TEI. The dist/ and the compiled
 * stylesheets packed are the ones `npm run build` made (run before the tests).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { repoRoot } from './support/tools.js';

describe('the npm package', () => {
  let dir: string;
  let files: string[] = [];
  let tarball = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'teikit-pack-'));
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files read it.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed[0]!.files.map((f) => f.path);
    tarball = join(dir, packed[0]!.filename);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the build, the compiled stylesheets, their sources, the schemas, README and licence; no tests or benchmarks', () => {
    for (const f of ['dist/cli/main.js', 'dist/bundle/teikit.js', 'dist/index.js', 'dist/index.d.ts', 'xslt/html.sef.json', 'xslt/epub.sef.json', 'xslt/text.sef.json', 'xslt/dc.sef.json',
      'xslt/html.xsl', 'xslt/common/util.xsl', 'schema/teikit.rng', 'schema/report.schema.json', 'schema/edition.schema.json',
      'schema/deposit.schema.json', 'schema/verify.schema.json', 'schema/build.schema.json', 'schema/validate.schema.json', 'schema/batch.schema.json',
      'README.md', 'LICENSE', 'package.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(test|bench|src|scripts|editions|\.ci)\//.test(f) || /\.test\.[jt]s$/.test(f))).toEqual([]);
  });

  it('depends only on packages that teikit imports (dev tools and test-only parsers are devDependencies)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const sources = execFileSync('grep', ['-rhoE', "from '[^'.][^']*'|import\\('[^'.][^']*'\\)|require\\('[^'.][^']*'\\)", join(repoRoot, 'src')], { encoding: 'utf8' });
    const imported = new Set([...sources.matchAll(/'((?:@[^/']+\/)?[^/']+)/g)].map((m) => m[1]!));
    expect(Object.keys(pkg.dependencies).filter((d) => !imported.has(d))).toEqual([]);
  });

  it('installs into an empty folder, and the installed teikit renders an EPUB of the bundled edition', () => {
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    // Offline from the npm cache (filled when node_modules was installed); where the cache lacks a
    // dependency, --prefer-offline asks the registry for that one only.
    const args = ['install', '--no-audit', '--no-fund', tarball];
    let install = spawnSync('npm', [...args, '--offline'], { cwd: app, encoding: 'utf8' });
    if (install.status !== 0) install = spawnSync('npm', [...args, '--prefer-offline'], { cwd: app, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const teikit = join(app, 'node_modules/.bin/teikit');
    expect(existsSync(teikit)).toBe(true);
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;
    expect(execFileSync(teikit, ['--version'], { cwd: app, encoding: 'utf8' }).trim()).toBe(`teikit ${version}`);

    cpSync(join(repoRoot, 'editions/identity-of-interests'), join(app, 'editions/identity-of-interests'), { recursive: true });
    const build = spawnSync(teikit, ['build', 'editions', '-o', 'out'], { cwd: app, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const render = spawnSync(teikit, ['render', 'out/identity-of-interests/identity-of-interests.tei.xml', '--to', 'epub', '-o', 'ioi.epub'], { cwd: app, encoding: 'utf8' });
    expect(render.status, render.stderr).toBe(0);
    const epub = unzipSync(readFileSync(join(app, 'ioi.epub')));
    expect(strFromU8(epub['mimetype']!)).toBe('application/epub+zip');
    const text = Object.entries(epub).filter(([name]) => name.endsWith('.xhtml')).map(([, bytes]) => strFromU8(bytes)).join('\n');
    expect(text).toContain('The Soviet Union has long devoted');
    expect(text).toContain('Mao Tse-tung');
  }, 300_000);
});
