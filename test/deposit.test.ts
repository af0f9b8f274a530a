import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, writeFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';
import { fixtures } from './support/tools.js';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: process.stdin, cwd });
  return { code, out, err };
}

describe('teikit deposit / verify (BagIt)', () => {
  const tei = join(fixtures, 'tei/house-sample.tei.xml');

  it('packs a TEI file into a bag whose manifests coreutils agree with', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'teikit-bag-'));
    const bag = join(dir, 'bag');
    const made = await cli(['deposit', tei, '-o', bag], dir);
    expect(made.code, made.err).toBe(0);
    // An independent check of every payload and tag digest.
    execFileSync('sha256sum', ['--check', '--quiet', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'], { cwd: bag });
    execFileSync('sha512sum', ['--check', '--quiet', 'manifest-sha512.txt'], { cwd: bag });
    const info = await readFile(join(bag, 'bag-info.txt'), 'utf8');
    const size = (await stat(tei)).size;
    expect(info).toContain(`Payload-Oxum: ${size}.1`);
    expect(info).toContain('External-Identifier: house-sample');
    expect(info).toMatch(/External-Description: Mao Tse-tung, The Identity of Interests/);
    expect(await readFile(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const ok = await cli(['verify', bag], dir);
    expect(ok.code, ok.err).toBe(0);
    await rm(dir, { recursive: true });
  });

  it('packs a folder, and verify finds a changed, a missing and an unlisted file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'teikit-bag-'));
    const bag = join(dir, 'bag');
    expect((await cli(['deposit', join(fixtures, 'marx2mao/Mao'), '-o', bag], dir)).code).toBe(0);
    expect((await cli(['verify', bag], dir)).code).toBe(0);
    await appendFile(join(bag, 'data/SU39.html'), 'x');
    await rm(join(bag, 'data/CO47.html'));
    await writeFile(join(bag, 'data/extra.txt'), 'not listed');
    const bad = await cli(['verify', bag], dir);
    expect(bad.code).toBe(1);
    const lines = bad.err.trim().split('\n');
    expect(lines.some((l) => l.includes('data/SU39.html') && l.includes('sha256 digest differs'))).toBe(true);
    expect(lines.some((l) => l.includes('data/CO47.html') && l.includes('missing'))).toBe(true);
    expect(lines.some((l) => l.includes('data/extra.txt') && l.includes('not listed'))).toBe(true);
    expect(lines.some((l) => l.includes('Payload-Oxum'))).toBe(true);
    await rm(dir, { recursive: true });
  });

  it('refuses an existing bag folder and a missing payload, leaving nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'teikit-bag-'));
    const missing = await cli(['deposit', join(dir, 'nope.xml'), '-o', join(dir, 'bag')], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.xml: no such file/);
    expect(await stat(join(dir, 'bag')).catch(() => null)).toBeNull();
    const notBag = await cli(['verify', dir], dir);
    expect(notBag.code).toBe(1);
    expect(notBag.err).toMatch(/bagit\.txt.*not a BagIt bag/);
    await rm(dir, { recursive: true });
  });
});
