import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { validateTei } from '../../src/validate/index.js';
import { requireTool, teiAllRng, which } from './tools.js';

const run = promisify(execFile);

/**
 * Validate files against a RELAX NG schema with jing in one JVM start (tei_all compiles in under a
 * second in jing). Returns jing's error lines (empty when every file is valid).
 */
export async function jingValidate(rng: string, files: string[]): Promise<string[]> {
  try {
    await run('jing', [rng, ...files], { maxBuffer: 64 * 1024 * 1024 });
    return [];
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    const lines = `${e.stdout ?? ''}`.split('\n').filter((l) => l.includes(': error:') || l.includes('fatal'));
    if (lines.length === 0) throw new Error(`jing failed: ${e.stderr ?? err}`);
    return lines;
  }
}

/**
 * A TEI valid by teikit's schema and rules, and by tei_all with jing where jing and tei_all.rng
 * are found (requireTool says so otherwise; under CI=true a missing tool fails).
 */
export async function expectValidTei(tei: string, name: string): Promise<void> {
  expect((await validateTei(tei, name)).filter((d) => d.severity === 'error'), 'teikit schema and rules').toEqual([]);
  if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
  const file = join(mkdtempSync(join(tmpdir(), 'teikit-valid-')), name);
  writeFileSync(file, tei);
  expect(await jingValidate(teiAllRng()!, [file]), 'tei_all').toEqual([]);
}
