/**
 * A real marx2mao page of the fixtures converted as the reader and the TEI writer do it, the TEI
 * checked valid against the house schema on the way: what the reader tests of one page compare
 * with the page's HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from './tools.js';

export const testPublication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };

/** `page`: its path under test/fixtures (`marx2mao-tranche2/Lenin/LFA17.html`). */
export async function convertPage(page: string): Promise<{ html: string; tei: string }> {
  const path = join(fixtures, page);
  const html = readFileSync(path, 'latin1');
  const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, testPublication);
  expect((await validateTei(tei, page)).filter((d) => d.severity === 'error')).toEqual([]);
  return { html, tei };
}
