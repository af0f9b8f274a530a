/**
 * The CMPA reprint's "Republish by:" block names who republished the text and where: the
 * reprint's publisher and pointer in the TEI. Written again as its availability, the header and
 * every rendition said the publisher and the address twice (`Reprint: …, Communist (Maoist) Party
 * of Afghanistan (CMPA), Republish by: Communist (Maoist) Party of Afghanistan (CMPA)
 * https://cmpa.af, https://cmpa.af.`). The block is the availability only where it says more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCmpa } from '../../src/readers/cmpa/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';
import { testPublication } from '../support/convert-page.js';

const FILE = 'identity-of-interests.md';
const source = readFileSync(join(fixtures, 'cmpa', FILE), 'utf8');

async function reprintEntry(text: string): Promise<string> {
  const r = readCmpa(text, FILE);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, testPublication);
  expect((await validateTei(tei, FILE)).filter((d) => d.severity === 'error')).toEqual([]);
  return /<bibl type="reprint">[\s\S]*?<\/bibl>/.exec(tei)![0];
}

describe('the CMPA reprint\'s republication credit', () => {
  // what the file's block says: the label, a name, an address
  const block = /\*\*Republish by:\*\*\s+\*\*(.+?)\*\*\s+\*\*<(https?:[^>]+)>\*\*/.exec(source)!;

  it('is its publisher and pointer, once: no availability repeating them', async () => {
    expect(block).not.toBeNull();
    const bibl = await reprintEntry(source);
    expect(bibl).toContain(`<publisher>${block[1]!.replace(/&/g, '&amp;')}</publisher>`);
    expect(bibl).toContain(`<ptr target="${block[2]}"/>`);
    expect(bibl).not.toContain('<availability>');
    expect(bibl).not.toContain('Republish by');
  });

  it('is the availability, as printed, where it says more than who and where', async () => {
    const terms = 'Free to reproduce for non-commercial use, with this notice.';
    const text = source.replace(block[0], `${block[0]}\n\n**${terms}**`);
    expect(text).not.toBe(source);
    const bibl = await reprintEntry(text);
    expect(bibl).toMatch(/<availability><p>Republish by: .*Free to reproduce for non-commercial use, with this notice\.<\/p><\/availability>/);
  });
});
