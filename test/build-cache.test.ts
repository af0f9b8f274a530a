/**
 * The build cache's key of a bare source holds the images it names beside it: a changed, added or
 * removed image builds the work again (its renditions carry the image), while a file it does not
 * name leaves the key alone. Checked on the made-up volume page that names well.gif. And the
 * build date: SOURCE_DATE_EPOCH, as reproducible builds set it.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitHash } from '../src/pipeline/cache.js';
import { fixtures } from './support/tools.js';

describe('the cache key of a bare source', () => {
  it('changes with the images the source names, and only with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-cache-'));
    copyFileSync(join(fixtures, 'volume/AWELLS70.html'), join(dir, 'AWELLS70.html'));
    copyFileSync(join(fixtures, 'volume/well.gif'), join(dir, 'well.gif'));
    const unit = { kind: 'source' as const, file: 'AWELLS70.html', id: 'AWELLS70', from: 'argument' as const };
    const key = () => unitHash(unit, dir, false);
    const first = await key();
    expect(await key()).toBe(first);
    writeFileSync(join(dir, 'unrelated.gif'), 'GIF89a');
    expect(await key()).toBe(first);
    writeFileSync(join(dir, 'well.gif'), 'GIF89a changed');
    const changed = await key();
    expect(changed).not.toBe(first);
    rmSync(join(dir, 'well.gif'));
    const missing = await key();
    expect(new Set([first, changed, missing]).size).toBe(3);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('dates what a build writes; a value that is not a time is a usage error', async () => {
    const { buildDate } = await import('../src/util/build-date.js');
    const { defaultPublication } = await import('../src/tei/index.js');
    expect(buildDate({ SOURCE_DATE_EPOCH: '1764892800' }).toISOString()).toBe('2025-12-05T00:00:00.000Z');
    expect(defaultPublication(buildDate({ SOURCE_DATE_EPOCH: '0' })).date).toBe('1970-01-01');
    const { runCli } = await import('../src/cli/run.js');
    let stderr = '';
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = 'yesterday';
    try {
      const code = await runCli(['convert', join(fixtures, 'volume/AWELLS70.html')], { stdout: () => undefined, stderr: (s) => void (stderr += s), stdin: process.stdin, cwd: process.cwd() });
      expect(code).toBe(2);
      expect(stderr).toBe("teikit: SOURCE_DATE_EPOCH is 'yesterday': it must be a whole number of seconds since 1970-01-01 (or unset)\n");
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
