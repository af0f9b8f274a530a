/**
 * A word broken at a page's end inside emphasis (`<I>con-</I>` / page 275 / `<I>scious</I>`) is one
 * word across the page break, as it is in plain text: `break="no"` with the printed hyphen removed.
 * Before, a line's end after the `</I>` left "con- scious", two words. Three sample pages.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-05' };

function teiOf(rel: string): string {
  const file = join(fixtures, rel);
  const r = readMarx2mao(readFileSync(file), file);
  if (!r.ok) throw new Error(`${rel} refused`);
  return writeTei(r.edition, publication);
}

describe('a word broken at a page end inside emphasis', () => {
  it.each([
    ['marx2mao-tranche2/Lenin/OSF04.html', 'con', '275', 'scious expression'],
    ['marx2mao-tranche2/Stalin/CAQ06.html', 'prac', '233', 'tical basis'],
    ['marx2mao-tranche2/Stalin/NCT27.html', 'oppor', '751', 'tunity of ga'],
  ])('%s: %s|%s', (page, head, n, tail) => {
    expect(teiOf(page)).toMatch(new RegExp(`<hi rend="italic">${head}</hi><pb n="${n}" [^>]*break="no" rend="hyphen"/><hi rend="italic">${tail}`));
  });
});
