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
import { accountConversion } from '../../src/accounting/index.js';
import { parseXmlTree, type XElement } from './xml-tree.js';

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

/**
 * A marx2mao page (its file, or `html` in its place) read and written as TEI, with the accounting
 * of its words: the TEI, its tree, and how many items the accounting left unaccounted.
 */
export function convertAccounted(path: string, html?: string): { tei: string; doc: XElement; unaccounted: number } {
  const bytes = html === undefined ? readFileSync(path) : Buffer.from(html, 'latin1');
  const r = readMarx2mao(bytes, path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, testPublication);
  const fidelity = accountConversion([{ bytes, file: path, format: 'marx2mao', role: 'base' }], tei, r.edition);
  return { tei, doc: parseXmlTree(tei), unaccounted: fidelity.sources.reduce((n, s) => n + s.unaccounted.length, 0) };
}

/** An element's words as one line, a line break (`lb`) a space. */
export function elementLine(e: XElement | undefined): string {
  const words = (n: XElement['children'][number]): string => (n.kind === 'text' ? n.value : n.name === 'lb' ? ' ' : n.children.map(words).join(''));
  return (e ? e.children.map(words).join('') : '').replace(/\s+/g, ' ').trim();
}
