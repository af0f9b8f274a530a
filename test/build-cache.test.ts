/**
 * The build cache's key of a bare source holds the images it names beside it: a changed, added or
 * removed image builds the work again (its renditions carry the image), while a file it does not
 * name leaves the key alone. Checked on the made-up volume page that names well.gif. What a build
 * wrote is checked as still there as written, however soon it is changed. And the build date:
 * SOURCE_DATE_EPOCH, as reproducible builds set it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitHash } from '../src/pipeline/cache.js';
import { recordWritten, stampAfter, stillAsWritten } from '../src/pipeline/intact.js';
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

describe('what a build wrote, still there as written (intact.ts)', () => {
  it('finds a file changed at once after the record, its size kept, and a file added or removed; the same bytes again are read once, then trusted', () => {
    const out = mkdtempSync(join(tmpdir(), 'teikit-intact-'));
    mkdirSync(join(out, 'w'));
    mkdirSync(join(out, 'bags/w/data'), { recursive: true });
    writeFileSync(join(out, 'w/w.txt'), 'hello');
    writeFileSync(join(out, 'bags/w/data/w.txt'), 'hello');
    writeFileSync(join(out, 'bags/w/bagit.txt'), 'BagIt-Version: 1.0\n');
    const dirs = ['w', 'bags/w'];
    const { files, newest } = recordWritten(out, dirs);
    expect(files.map((f) => [f.path, f.bytes])).toEqual([['bags/w/bagit.txt', 19], ['bags/w/data/w.txt', 5], ['w/w.txt', 5]]);
    const stamp = join(out, 'entry.json');
    writeFileSync(stamp, '{}');
    // written in the same tick of the file system's clock as the files, most likely: moved past them
    stampAfter(stamp, newest);
    expect(statSync(stamp).ctimeMs).toBeGreaterThan(newest);
    const intact = () => stillAsWritten(out, dirs, files, stamp);
    expect(intact()).toBe(true);
    // changed right away, however close to the stamp: its ctime is not earlier than the stamp's
    writeFileSync(join(out, 'w/w.txt'), 'jello');
    expect(intact()).toBe(false);
    // the same bytes again: read, found the same, and the stamp moved past them
    writeFileSync(join(out, 'w/w.txt'), 'hello');
    expect(intact()).toBe(true);
    expect(statSync(stamp).ctimeMs).toBeGreaterThan(statSync(join(out, 'w/w.txt')).ctimeMs);
    writeFileSync(join(out, 'bags/w/data/notes.txt'), 'mine');
    expect(intact()).toBe(false);
    rmSync(join(out, 'bags/w/data/notes.txt'));
    expect(intact()).toBe(true);
    rmSync(join(out, 'bags/w/data/w.txt'));
    expect(intact()).toBe(false);
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
