/**
 * Every temporary file of a test run goes under one folder that is removed when the run ends:
 * tests make temp folders with os.tmpdir(), which follows TMPDIR, and workers inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'teikit-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
