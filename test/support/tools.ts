/**
 * External tools the tests use (jing, epubcheck, vnu, chromium). A missing tool skips its tests on a
 * developer's machine, but fails them under CI=true: CI installs every tool, so absence is a bug.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const fixtures = join(repoRoot, 'test/fixtures');
export const inCI = process.env.CI === 'true';

export function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Path of tei_all.rng: $TEI_ALL_RNG or ../shared/reference/tei_all.rng from the repository root. */
export function teiAllRng(): string | undefined {
  const candidates = [process.env.TEI_ALL_RNG, join(repoRoot, '../shared/reference/tei_all.rng')];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/**
 * Say whether a tool is present; under CI a missing tool throws so that the suite fails loudly.
 * Use as `describe.runIf(requireTool('jing', which('jing')))(…)`.
 */
export function requireTool(name: string, present: unknown): boolean {
  if (present) return true;
  if (inCI) throw new Error(`${name} is required under CI=true but is missing`);
  console.warn(`[teikit tests] ${name} not found: its tests are not run here (they run in CI)`);
  return false;
}
