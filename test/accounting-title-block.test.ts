/**
 * The accounting counts the note references a page sets in its title block, as it counts those of
 * the text, so that a reference lost from the title block is reported (ER97's `[44]` and `[45]`
 * were lost unseen before the reader kept them: the accounting looked only after the title block).
 * A year in small type in a title block (AP46's `<FONT SIZE=-2>[1946]</FONT>`) is no reference.
 * Real pages; the expectations are read from their HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountConversion, fidelityDiagnostics, inventoryOfMarx2mao } from '../src/accounting/index.js';
import type { Block, Edition, Inline } from '../src/model/types.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { testPublication } from './support/convert-page.js';
import { fixtures } from './support/tools.js';

/** The page's bytes, text, and the end of its title block (its "Prepared … for the Internet" line). */
function load(page: string): { file: string; bytes: Uint8Array; html: string; titleEnd: number } {
  const file = join('test/fixtures', page);
  const bytes = readFileSync(join(fixtures, page));
  const html = Buffer.from(bytes).toString('latin1');
  return { file, bytes, html, titleEnd: html.search(/Prepared[\s\S]{0,40}?for\s+the\s+Internet/i) };
}

/** line:column of a source offset. */
function lineCol(html: string, at: number): string {
  const before = html.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const convert = (page: ReturnType<typeof load>): Edition => {
  const r = readMarx2mao(page.bytes, page.file);
  if (!r.ok) throw new Error('not read');
  return r.edition;
};
const account = (page: ReturnType<typeof load>, edition: Edition) =>
  accountConversion([{ file: page.file, format: 'marx2mao', bytes: page.bytes, role: 'base' }], writeTei(edition, testPublication), edition);

describe('the accounting counts a title block\'s note references (ER97, real)', () => {
  const er97 = load('marx2mao-tranche2/Lenin/ER97.html');
  // the links to the page's notes set in its title block: `[<A HREF="ER97.html#en45">45</A>]`
  const inTitle = [...er97.html.slice(0, er97.titleEnd).matchAll(/\[\s*<A HREF="[^"#]*#en(\d+)"\s*>\s*\1\s*<\/A>\s*\]/gi)]
    .map((m) => ({ label: m[1]!, at: lineCol(er97.html, m.index) }));

  it('the page sets references in its title block', () => {
    expect(inTitle.map((r) => r.label)).toEqual(['44', '45']);
  });

  it('the inventory counts them, at their positions', () => {
    const refs = inventoryOfMarx2mao(er97.bytes, er97.file).refs.map((r) => ({ label: r.label, at: `${r.pos.line}:${r.pos.column}` }));
    for (const r of inTitle) expect(refs).toContainEqual(r);
  });

  it('the conversion accounts for them: nothing unaccounted', () => {
    expect(account(er97, convert(er97)).unaccounted).toBe(0);
  });

  it('a conversion that loses them is told so, at each reference', () => {
    const edition = convert(er97);
    // the title page's references kept as their printed label only, as an unresolved one would be
    let lost = 0;
    const drop = (list: Inline[]) => list.forEach((i, k) => {
      if (i.type === 'noteRef') {
        list[k] = { type: 'text', value: `[${i.n}]` };
        lost++;
      }
    });
    for (const b of edition.front as Block[]) if (b.type === 'titlePage') for (const l of b.lines) if (l.inlines) drop(l.inlines);
    expect(lost).toBe(inTitle.length);
    const lines = fidelityDiagnostics(account(er97, edition)).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(lines).toEqual(inTitle.map((r) => `${r.at} unaccounted-noteref reference [${r.label}] to note ${r.label}: not linked to its note in the TEI`));
  });
});

describe('a year in small type in a title block is no reference (AP46, real)', () => {
  const ap46 = load('marx2mao-tranche2/Stalin/AP46.html');

  it('the title block sets one; the page has no notes', () => {
    expect(ap46.html.slice(0, ap46.titleEnd)).toMatch(/<FONT SIZE=-2>\s*\[1946\]\s*<\/FONT>/);
    expect(ap46.html).not.toMatch(/<A NAME="?e?n\d/i);
  });

  it('the inventory counts no reference, and nothing is unaccounted', () => {
    const inv = inventoryOfMarx2mao(ap46.bytes, ap46.file);
    expect(inv.refs.filter((r) => r.label === '1946')).toEqual([]);
    expect(account(ap46, convert(ap46)).unaccounted).toBe(0);
  });
});
