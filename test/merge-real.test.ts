/**
 * The bundled pair: marx2mao SU39.html (base) + the CMPA reprint identity-of-interests.md, read by
 * the real readers and merged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeWitnesses } from '../src/merge/index.js';
import { readCmpa } from '../src/readers/cmpa/index.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import type { Block, Edition, Paragraph, ReadResult } from '../src/model/types.js';
import { fixtures } from './support/tools.js';
import { firstDifference, words } from './support/words.js';
import { allPageBreaks, editionText, inlineText, notesOf } from './support/model-text.js';

const MD = 'identity-of-interests.md';
const mdSource = readFileSync(join(fixtures, 'cmpa', MD), 'utf8');
const mdLines = mdSource.split('\n');
const mdLineOf = (prefix: string) => mdLines.findIndex((l) => l.startsWith(prefix)) + 1;

function ok(r: ReadResult): Edition {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

/** Paragraphs of the body, at any depth (the work may sit in a division). */
function paragraphs(list: readonly Block[]): Paragraph[] {
  return list.flatMap((b) => (b.type === 'paragraph' ? [b] : 'blocks' in b ? paragraphs(b.blocks) : []));
}

describe('mergeWitnesses: SU39.html + identity-of-interests.md', () => {
  const base = ok(readMarx2mao(readFileSync(join(fixtures, 'marx2mao/Mao/SU39.html')), 'SU39.html'));
  const cmpa = ok(readCmpa(mdSource, MD));
  const merged = mergeWitnesses(base, [cmpa]);

  it('names the three witnesses, with the marx2mao text as base', () => {
    expect(merged.baseWitness).toBe('m2m');
    expect(merged.witnesses.map((w) => w.id)).toEqual(['flp', 'm2m', 'cmpa']);
    expect(merged.witnesses[0]).toMatchObject({
      collection: 'Selected Works of Mao Tse-tung', publisher: 'Foreign Languages Press', place: 'Peking', date: '1967',
      volume: 'II', pages: { from: '275', to: '283' },
    });
    expect(merged.witnesses[1]).toMatchObject({ transcriber: 'David J. Romagnolo', date: { when: '1999-10' }, file: 'SU39.html' });
    expect(merged.witnesses[2]).toMatchObject({ publisher: 'Communist (Maoist) Party of Afghanistan (CMPA)', url: 'https://cmpa.af', file: MD });
  });

  it('has the print page breaks 275-283 in order, 275, 278 and 279 attested by marx2mao only', () => {
    const pbs = allPageBreaks(merged);
    expect(pbs.map((pb) => pb.n)).toEqual(['275', '276', '277', '278', '279', '280', '281', '282', '283']);
    for (const pb of pbs) {
      expect(pb.edition).toBe('flp');
      expect(pb.attestedBy).toEqual(['275', '278', '279'].includes(pb.n) ? ['m2m'] : ['m2m', 'cmpa']);
    }
    expect(pbs.find((pb) => pb.n === '277')!.wordBreak).toBe('hyphen');
    const marked = editionText(merged, true);
    expect(marked.indexOf('⟦pb 275⟧')).toBeLessThan(marked.search(/IDENTITY/i));
    expect(marked).toMatch(/In over-? ⟦pb 277⟧ looking/);
    expect(merged.notes!.items.map((it) => ('type' in it ? `pb${it.pb.n}` : it.n))).toEqual(['1', 'pb283', '2', '3', '4', '5', '6']);
    // Nothing supplied: the base has every break the CMPA has.
    expect(merged.repairs.filter((r) => r.kind === 'supply-page-break')).toEqual([]);
  });

  it('keeps six body paragraphs and reports no word difference', () => {
    const ps = paragraphs(merged.body);
    expect(ps).toHaveLength(6);
    for (const p of ps) expect(inlineText(p.children).trimEnd()).toMatch(/\.$/);
    expect(merged.diagnostics.filter((d) => d.code === 'word-difference')).toEqual([]);
    expect(merged.diagnostics.filter((d) => d.code.endsWith('-difference') || d.code === 'page-break-position')).toEqual([]);
  });

  it('has every word of each witness, in order', () => {
    const mergedWords = words(editionText(merged, false, true));
    expect(firstDifference(words(editionText(base, false, true)), mergedWords)).toBeUndefined();
    expect(firstDifference(words(editionText(cmpa, false, true)), mergedWords)).toBeUndefined();
  });

  it('lists the CMPA\'s mid-sentence splits as repairs, with their positions', () => {
    const rejoins = merged.repairs.filter((r) => r.kind === 'rejoin-paragraph');
    const continuations = ['world peace was thwarted', 'Expedition thirteen', 'much less participation', 'government, it was a fascist', 'the news reports', 'foreign help, but'];
    expect(rejoins.map((r) => [r.witness, r.pos.file, r.pos.line, r.pos.column])).toEqual(continuations.map((c) => ['cmpa', MD, mdLineOf(c), 1]));
  });

  it('keeps six notes with their back-references', () => {
    expect(notesOf(merged).map((n) => [n.id, n.backRef?.page])).toEqual([
      ['n1', '275'], ['n2', '275'], ['n3', '276'], ['n4', '279'], ['n5', '281'], ['n6', '281'],
    ]);
  });
});

describe('mergeWitnesses the other way round: the CMPA as base, marx2mao supplying', () => {
  const base = ok(readCmpa(mdSource, MD));
  const m2m = ok(readMarx2mao(readFileSync(join(fixtures, 'marx2mao/Mao/SU39.html')), 'SU39.html'));
  const merged = mergeWitnesses(base, [m2m]);

  it('supplies the breaks the CMPA lost (275, 278, 279) at the aligned words, as repairs', () => {
    const pbs = allPageBreaks(merged);
    expect(pbs.map((pb) => [pb.n, pb.attestedBy])).toEqual(
      ['275', '276', '277', '278', '279', '280', '281', '282', '283'].map((n) => [n, ['275', '278', '279'].includes(n) ? ['m2m'] : ['m2m', 'cmpa']]),
    );
    expect(merged.body[0]).toMatchObject({ type: 'pbBlock', pb: { n: '275' } });
    expect(merged.body[1]).toMatchObject({ type: 'heading' });
    const marked = editionText(merged, true);
    expect(marked).toMatch(/war of the Northern\s+⟦pb 278⟧\s+Expedition thirteen/);
    expect(marked).toMatch(/do not mean assistance,\s+⟦pb 279⟧\s+much less/);
    const supplied = merged.repairs.filter((r) => r.kind === 'supply-page-break');
    expect(supplied.map((r) => [r.witness, r.pos.file, r.message.match(/page (\d+)/)?.[1]])).toEqual([
      ['m2m', MD, '275'], ['m2m', MD, '278'], ['m2m', MD, '279'],
    ]);
    // Each repair names where the supplying witness has the marker.
    for (const r of supplied) expect(r.message).toMatch(/SU39\.html:\d+:\d+/);
    expect(merged.diagnostics.filter((d) => d.code === 'word-difference')).toEqual([]);
    expect(words(editionText(merged, false, true))).toEqual(words(editionText(base, false, true)));
  });
});

describe('mergeWitnesses reports word differences of the real pair', () => {
  it('finds a changed and a missing word in a doctored CMPA text, and nothing else', () => {
    const doctored = mdSource.replace('the sugary propaganda', 'the sweet propaganda').replace('Expedition thirteen years', 'Expedition years');
    expect(doctored).not.toBe(mdSource);
    const base = ok(readMarx2mao(readFileSync(join(fixtures, 'marx2mao/Mao/SU39.html')), 'SU39.html'));
    const merged = mergeWitnesses(base, [ok(readCmpa(doctored, MD))]);
    const diffs = merged.diagnostics.filter((d) => d.code === 'word-difference');
    expect(diffs.map((d) => [d.severity, d.file])).toEqual([['warning', MD], ['warning', MD]]);
    expect(diffs.map((d) => d.message)).toEqual([
      expect.stringMatching(/^cmpa reads "sweet" where m2m reads "sugary" after "the" \(SU39\.html:\d+\)$/),
      expect.stringMatching(/^cmpa reads nothing where m2m reads "thirteen" after "Expedition" \(SU39\.html:\d+\)$/),
    ]);
    // Positioned at the CMPA paragraph holding the change (the lines where those paragraphs begin).
    expect(diffs[0]!.line).toBe(mdLineOf('Some people say that the Soviet Union does not want'));
    expect(diffs[1]!.line).toBe(mdLineOf('Some people say that now'));
    // The page breaks are still all there, the text is the base's.
    expect(allPageBreaks(merged).map((pb) => pb.n)).toHaveLength(9);
    expect(words(editionText(merged, false, true))).toEqual(words(editionText(base, false, true)));
  });
});
