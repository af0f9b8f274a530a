/**
 * A quotation in an endnote: the notes are all set in small type, so the `<FONT SIZE=-1>` that the
 * HTML parser opens again inside a note's `<UL>` is not a second quotation around the first
 * (walk.ts). Real pages: PCW45's note 1 quotes Chu Teh's order in one `<UL>`; CPRJ37's note 3
 * quotes a resolution and then says, in the editors' words, `See "On Tactics…", pp. 153-78`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };

function notesOf(page: string): { html: string; back: string } {
  const path = join(fixtures, page);
  const html = readFileSync(path, 'latin1');
  const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
  if (!r.ok) throw new Error('not converted');
  const tei = writeTei(r.edition, publication);
  return { html, back: tei.slice(tei.indexOf('<back>')) };
}

describe('a quotation in an endnote', () => {
  it('is one quote, as the source sets it in one <UL> (real: Mao/PCW45.html)', () => {
    const { html, back } = notesOf('marx2mao-tranche2/Mao/PCW45.html');
    const notes = html.slice(html.indexOf('NAME="en1"'));
    // one <UL> in the notes, the order's preamble and its four points in it
    expect(notes.match(/<UL>/g)).toHaveLength(1);
    expect(back).not.toMatch(/<quote>\s*<quote>/);
    const quote = /<quote>([\s\S]*?)<\/quote>/.exec(back)![1]!;
    expect(quote.match(/<p>/g)).toHaveLength(5);
    expect(quote).toMatch(/^\s*<p>Japan has announced her unconditional surrender/);
  });

  it('leaves the editors\' words after it outside it (real: Mao/CPRJ37.html, note 3)', () => {
    const { html, back } = notesOf('marx2mao-tranche2/Mao/CPRJ37.html');
    expect(html).toMatch(/<\/UL>\s*(?:<P>[^<]*)?See "<A HREF="TAJI35\.html">/);
    expect(back).not.toMatch(/<quote>\s*<quote>/);
    expect(back).toMatch(/<\/quote><p>See "<ref target="TAJI35\.html">On Tactics Against Japanese Imperialism<\/ref>", pp\. 153-78 of this volume\.<\/p>/);
  });
});
