/**
 * The header says only what teikit read and compared. The CMPA reprint converted alone declares
 * the reprint (`cmpa`) and the print edition its title block states (`flp`); before, it also
 * listed the marx2mao transcription the reprint credits (`m2m`), which was not read, with a note
 * that the reprint "gives the same words in the same order" as it, and a correction saying the
 * page breaks were "attested by #cmpa only": a comparison never made, shown to readers by the
 * HTML. How a reprint relates to its original is stated only from an alignment the merge made.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { convertFiles } from '../src/convert.js';
import { mergeWitnesses } from '../src/merge/index.js';
import { readCmpa } from '../src/readers/cmpa/index.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { renderHtml } from '../src/render/index.js';
import { writeTei } from '../src/tei/index.js';
import type { Edition, ReadResult } from '../src/model/types.js';
import { fixtures } from './support/tools.js';

const MD = join(fixtures, 'cmpa/identity-of-interests.md');
const SU39 = join(fixtures, 'marx2mao/Mao/SU39.html');
const pub = { publisher: 'Test', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['witness', 'biblStruct', 'note', 'respStmt', 'ptr'].includes(name) }).parse(xml);
/** Every element named `name` anywhere under `node`. */
function all(node: unknown, name: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === name) out.push(...(Array.isArray(child) ? child : [child]));
        walk(child);
      }
    }
  };
  walk(node);
  return out;
}
const textOf = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? Object.entries(v).filter(([k]) => !k.startsWith('@')).map(([, c]) => textOf(c)).join(' ') : String(v ?? ''));

function ok(r: ReadResult): Edition {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

describe('a CMPA reprint converted alone (test/fixtures/cmpa/identity-of-interests.md)', async () => {
  const { tei } = await convertFiles([MD], { publication: pub });
  const header = parse(tei).TEI.teiHeader;
  const sourceDesc = header.fileDesc.sourceDesc;

  it('declares what was read: the reprint, and the print edition its title block states', () => {
    expect(sourceDesc.listBibl.biblStruct.map((b: Record<string, string>) => b['@xml:id'])).toEqual(['flp']);
    expect(sourceDesc.listWit.witness.map((w: Record<string, string>) => w['@xml:id'])).toEqual(['cmpa']);
    // the reprint's text is of the print edition it names; no transcription is pointed at
    expect(sourceDesc.listWit.witness[0].bibl.relatedItem['@target']).toBe('#flp');
    expect(tei).not.toContain('m2m');
  });

  it('states no relation to another witness, and no comparison of page markers', () => {
    expect(all(sourceDesc, 'note').filter((n) => n['@type'] === 'relation')).toEqual([]);
    const correction = textOf(header.encodingDesc.editorialDecl.correction);
    expect(correction).toContain('The text is kept as transcribed in the base witness (#cmpa)');
    expect(correction).not.toMatch(/Witnesses differ|attested by #cmpa only/);
    // the one file read, named once
    expect(textOf(header.revisionDesc.change)).toBe('Converted by teikit from identity-of-interests.md.');
  });

  it('credits the transcriber the reprint names in the reprint\'s own entry; the back-references point there', () => {
    const resp = sourceDesc.listWit.witness[0].bibl.respStmt;
    expect(resp).toEqual([{ '@xml:id': 'cmpa-resp', resp: 'Prepared for the Internet by', persName: 'David J. Romagnolo' }]);
    const pagerefs = all(parse(tei).TEI.text, 'ptr').filter((p) => p['@type'] === 'pageref');
    expect(pagerefs.map((p) => [p['@n'], p['@resp']])).toEqual(['275', '275', '276', '279', '281', '281'].map((n) => [n, '#cmpa-resp']));
  });

  it('shows readers of the HTML no relation and no comparison', async () => {
    const html = await renderHtml(tei);
    const sources = /<section class="sources"[\s\S]*?<\/section>/.exec(html)![0];
    expect(sources).toContain('Reprint <span class="siglum">(cmpa)</span>');
    expect(sources).toContain('Prepared for the Internet by David J. Romagnolo');
    expect(sources).not.toMatch(/Transcription|A reprint of|same words/);
    expect(html).not.toMatch(/Witnesses differ|attested by #cmpa only/);
  });
});

describe('the relation of a reprint to its original rests on their alignment', () => {
  const su39 = ok(readMarx2mao(readFileSync(SU39), 'SU39.html'));
  const cmpa = ok(readCmpa(readFileSync(MD, 'utf8'), 'identity-of-interests.md'));
  // the note is mixed content (text and a ref): its words, tags dropped
  const relation = (e: Edition) => [...writeTei(e, pub).matchAll(/<note type="relation">([\s\S]*?)<\/note>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

  it('merged with SU39.html, the alignment is recorded and the relation stated from it', () => {
    const merged = mergeWitnesses(su39, [cmpa]);
    expect(merged.alignments).toEqual([{ witness: 'cmpa', base: 'm2m', baseWords: 3843, witnessWords: 3843, matched: 3843, differences: 0 }]);
    expect(relation(merged)).toEqual([expect.stringContaining('A reprint of m2m: it gives the same words in the same order')]);
  });

  it('the same witnesses without an alignment: nothing is said of how they relate', () => {
    const merged = mergeWitnesses(su39, [cmpa]);
    delete merged.alignments;
    expect(merged.witnesses.map((w) => w.id)).toEqual(['flp', 'm2m', 'cmpa']);
    expect(relation(merged)).toEqual([]);
  });

  it('the other way round (the reprint as base), the relation counts the alignment\'s word differences', () => {
    const doctored = ok(readCmpa(readFileSync(MD, 'utf8').replace('the sugary propaganda', 'the sweet propaganda'), 'identity-of-interests.md'));
    const merged = mergeWitnesses(doctored, [su39]);
    expect(merged.alignments).toMatchObject([{ witness: 'm2m', base: 'cmpa', differences: 1 }]);
    expect(relation(merged)).toEqual([expect.stringContaining('it differs from it in 1 place(s) in its words')]);
    // the transcription is the page read, not the reprint's credit to it
    expect(merged.witnesses.find((w) => w.id === 'm2m')).toMatchObject({ kind: 'transcription', file: 'SU39.html' });
  });
});
