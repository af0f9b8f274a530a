/**
 * The transcriber's credit of a marx2mao page (`Prepared © for the Internet by David J.
 * Romagnolo, <mail> (May 1997)` / `(Corrected and Updated September 2001)`) in the header's
 * transcription entry: who and what once, in its respStmt; the dates of the preparation and of the
 * update as the page words them inside its brackets; the © it claims in availability, by whom the
 * credit names, not the credit's words again. On the real page Lenin/ER97.html; the renditions'
 * "Transcription" line says it once too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { renderText } from '../../src/render/text.js';
import { writeTei } from '../../src/tei/index.js';
import { fixtures } from '../support/tools.js';
import { descendants, parseXmlTree, type XElement } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };

function text(e: XElement): string {
  const words = (n: XElement['children'][number]): string => (n.kind === 'text' ? n.value : n.children.map(words).join(''));
  return e.children.map(words).join('').replace(/\s+/g, ' ').trim();
}

describe("the transcriber's credit (real: Lenin/ER97.html, `Prepared © for the Internet by …` with an update line)", () => {
  const path = join(fixtures, 'marx2mao-tranche2/Lenin/ER97.html');
  const html = readFileSync(path, 'latin1');
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error('not read');
  const tei = writeTei(r.edition, publication);
  const bibl = descendants(parseXmlTree(tei), 'bibl').find((b) => b.attrs.type === 'transcription')!;
  const child = (name: string) => bibl.children.filter((c): c is XElement => c.kind === 'element' && c.name === name);

  it('is a respStmt (what was done, by whom), the dates as the page words them, the © by whom the credit names', () => {
    expect(html).toMatch(/Prepared &copy; for the Internet by David J\. Romagnolo,[\s\S]{0,200}\(May 1997\)<BR>\s*\(Corrected and Updated September 2001\)/);
    const resp = child('respStmt')[0]!;
    expect(descendants(resp, 'resp').map(text)).toEqual(['Prepared for the Internet by']);
    expect(descendants(resp, 'persName').map(text)).toEqual(['David J. Romagnolo']);
    expect(child('date').map((d) => [d.attrs.type ?? '', d.attrs.when, text(d)])).toEqual([
      ['', '1997-05', 'May 1997'],
      ['updated', '2001-09', 'Corrected and Updated September 2001'],
    ]);
    expect(child('availability').map(text)).toEqual(['© David J. Romagnolo']);
  });

  it('says the credit\'s words once in the entry, and once in the text rendition\'s "Transcription" line', async () => {
    expect(text(bibl).match(/for the Internet/g)).toHaveLength(1);
    const line = (await renderText(tei)).split('\n').find((l) => l.startsWith('Transcription'));
    expect(line).toBe('Transcription: A Characterisation of Economic Romanticism, Prepared for the Internet by David J. Romagnolo, From Marx to Mao, May 1997, Corrected and Updated September 2001, © David J. Romagnolo.');
  });
});

describe('the update date in the renditions\' "Transcription" line (ER97 changed)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Lenin/ER97.html');
  const html = readFileSync(path, 'latin1');
  const line = async (update: string) => {
    const changed = html.replace('(Corrected and Updated September 2001)', update);
    expect(changed).not.toBe(html);
    const r = readMarx2mao(Buffer.from(changed, 'latin1'), path);
    if (!r.ok) throw new Error('not read');
    return (await renderText(writeTei(r.edition, publication))).split('\n').find((l) => l.startsWith('Transcription'))!;
  };

  it('is said as the page words it where it says what was done', async () => {
    expect(await line('(Updated 2001)')).toContain(', May 1997, Updated 2001,');
    expect(await line('(Corrected October 2003)')).toContain(', May 1997, Corrected October 2003,');
  });
});
