import { describe, expect, it } from 'vitest';
import { mergeWitnesses } from '../src/merge/index.js';
import { diffWords } from '../src/merge/diff.js';
import type { Block, Edition, Inline, Note, PageBreak, Paragraph } from '../src/model/types.js';
import { allPageBreaks, editionText, inlineText, notesOf } from './support/model-text.js';
import { words } from './support/words.js';

// ---- small hand-built witnesses -----------------------------------------------------------

const t = (value: string): Inline => ({ type: 'text', value });
const pb = (n: string, by: string, wordBreak: PageBreak['wordBreak'] = 'none', line = 1): PageBreak => ({
  type: 'pb', n, edition: 'flp', attestedBy: [by], wordBreak, pos: { file: `${by}.src`, line, column: 1 },
});
const p = (line: number, file: string, ...children: Inline[]): Paragraph => ({ type: 'paragraph', children, pos: { file, line, column: 1 } });
const note = (n: string, page: string, text: string, file: string, line: number): Note => ({
  id: `n${n}`, n, place: 'end', blocks: [p(line, file, t(text))], backRef: { page }, pos: { file, line, column: 1 },
});

function edition(id: string, base: string, body: Block[], notes: Edition['notes'], extra: Partial<Edition> = {}): Edition {
  return {
    id,
    work: { title: 'A Title', language: 'en' },
    witnesses: [],
    baseWitness: base,
    front: [],
    body,
    notes,
    repairs: [],
    diagnostics: [],
    ...extra,
  };
}

function baseEdition(): Edition {
  const f = 'm2m.src';
  return edition(
    'base',
    'm2m',
    [
      { type: 'pbBlock', pb: pb('1', 'm2m') },
      { type: 'heading', level: 1, children: [t('A TITLE')], pos: { file: f, line: 2, column: 1 } },
      p(3, f, t('The first words of the text run on to the next page here. And more follows.')),
      p(4, f, t('Second paragraph with a '), pb('3', 'm2m', 'none', 4), t('"non-aggression" treaty, overlooking the treaties of old.')),
      p(5, f, t('Third paragraph ends the text.')),
    ],
    { items: [note('1', '1', 'A note text.', f, 7), note('2', '3', 'Second note.', f, 8)] },
    {
      witnesses: [
        { kind: 'transcription', id: 'm2m', transcriber: 'D. R.', file: f },
        { kind: 'print', id: 'flp', collection: 'Works', publisher: 'FLP', place: 'Peking', date: '1967', printings: [] },
      ],
    },
  );
}

function otherEdition(): Edition {
  const f = 'cmpa.src';
  return edition(
    'other',
    'cmpa',
    [
      { type: 'heading', level: 1, children: [t('A TITLE')], pos: { file: f, line: 20, column: 1 } },
      // Page 2 between words (the base lacks it); a paragraph break after a full sentence.
      p(21, f, t('The first words of the text run '), pb('2', 'cmpa', 'none', 22), t('on to the next page here.')),
      p(23, f, t('And more follows.')),
      // The same page 3; page 4 inside a word the base writes whole; "treaty" read "treaties".
      p(24, f, t('Second paragraph with a '), pb('3', 'cmpa', 'none', 24), t('"non-aggression" treaties, over'), pb('4', 'cmpa', 'hyphen', 25), t('looking the')),
      // A mid-sentence split that the other's reader did not rejoin.
      p(26, f, t('treaties of old.')),
      p(27, f, t('Third paragraph ends the text.')),
    ],
    { items: [note('1', '1', 'A note text.', f, 30), { type: 'pbBlock', pb: pb('5', 'cmpa', 'none', 31) }, note('2', '3', 'Second note.', f, 32)] },
    {
      witnesses: [
        { kind: 'print', id: 'flp', collection: 'Works', publisher: 'FLP', place: 'Peking', date: '1967', printings: ['First Edition 1965'], volume: 'II' },
        { kind: 'transcription', id: 'm2m', transcriber: 'D. R.', file: f, date: { text: 'October 1999', when: '1999-10' } },
        { kind: 'reprint', id: 'cmpa', publisher: 'CMPA', url: 'https://cmpa.af', file: f },
      ],
      repairs: [{ kind: 'rejoin-paragraph', witness: 'cmpa', message: 'from the reader', pos: { file: f, line: 99, column: 1 } }],
    },
  );
}

describe('diffWords (Myers)', () => {
  it('finds a longest common subsequence', () => {
    const a = 'a b c a b b a'.split(' ');
    const b = 'c b a b a c'.split(' ');
    const m = diffWords(a, b)!;
    expect(m.length).toBe(4); // the LCS of the classic Myers example has length 4
    for (const [i, j] of m) expect(a[i]).toBe(b[j]);
    for (let k = 1; k < m.length; k++) expect(m[k]![0] > m[k - 1]![0] && m[k]![1] > m[k - 1]![1]).toBe(true);
  });

  it('finds an LCS as long as dynamic programming does, on 300 random pairs', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const lcsLength = (a: string[], b: string[]) => {
      const row = new Array<number>(b.length + 1).fill(0);
      for (const x of a) {
        let diag = 0;
        for (let j = 1; j <= b.length; j++) {
          const up = row[j]!;
          row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
          diag = up;
        }
      }
      return row[b.length]!;
    };
    for (let k = 0; k < 300; k++) {
      const a = Array.from({ length: rand(40) }, () => 'abcd'[rand(4)]!);
      const b = Array.from({ length: rand(40) }, () => 'abcd'[rand(4)]!);
      const m = diffWords(a, b)!;
      expect(m.length).toBe(lcsLength(a, b));
      for (const [i, j] of m) expect(a[i]).toBe(b[j]);
      for (let q = 1; q < m.length; q++) expect(m[q]![0] > m[q - 1]![0] && m[q]![1] > m[q - 1]![1]).toBe(true);
    }
  });

  it('matches everything for equal sequences and nothing for disjoint ones', () => {
    expect(diffWords(['x', 'y'], ['x', 'y'])).toEqual([[0, 0], [1, 1]]);
    expect(diffWords(['x', 'y'], ['p', 'q'])).toEqual([]);
    expect(diffWords([], ['p'])).toEqual([]);
  });
});

describe('mergeWitnesses on hand-built witnesses', () => {
  const base = baseEdition();
  const frozen = JSON.stringify(base);
  const merged = mergeWitnesses(base, [otherEdition()]);

  it('does not change its input', () => {
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it('keeps the base text and paragraphing', () => {
    expect(merged.baseWitness).toBe('m2m');
    expect(merged.body.filter((b) => b.type === 'paragraph')).toHaveLength(3);
    expect(words(editionText(merged, false, true))).toEqual(words(editionText(baseEdition(), false, true)));
  });

  it('attests, supplies and keeps page breaks', () => {
    const pbs = allPageBreaks(merged);
    expect(pbs.map((x) => [x.n, x.attestedBy, x.wordBreak])).toEqual([
      ['1', ['m2m'], 'none'],
      ['2', ['cmpa'], 'none'],
      ['3', ['m2m', 'cmpa'], 'none'],
      ['4', ['cmpa'], 'hyphen'],
      ['5', ['cmpa'], 'none'],
    ]);
    const para = (i: number) => inlineText((merged.body[i] as Paragraph).children, true);
    expect(para(2)).toBe('The first words of the text run  ⟦pb 2⟧ on to the next page here. And more follows.');
    expect(para(3)).toContain('treaty, over- ⟦pb 4⟧ looking the treaties');
    expect(merged.notes!.items.map((it) => ('type' in it ? `pb${it.pb.n}` : it.id))).toEqual(['n1', 'pb5', 'n2']);
    const supplied = merged.repairs.filter((r) => r.kind === 'supply-page-break');
    expect(supplied.map((r) => [r.witness, r.pos.file, r.pos.line])).toEqual([
      ['cmpa', 'm2m.src', 3],
      ['cmpa', 'm2m.src', 4],
      ['cmpa', 'm2m.src', 8],
    ]);
    expect(supplied[0]!.message).toMatch(/page 2 .*cmpa\.src:22:1/);
  });

  it('reports each word difference and the paragraphing differences', () => {
    const wd = merged.diagnostics.filter((d) => d.code === 'word-difference');
    expect(wd).toHaveLength(1);
    expect(wd[0]).toMatchObject({ file: 'cmpa.src', line: 24 });
    expect(wd[0]!.message).toContain('cmpa reads "treaties" where m2m reads "treaty"');
    const pd = merged.diagnostics.filter((d) => d.code === 'paragraph-difference');
    expect(pd.map((d) => [d.file, d.line])).toEqual([['cmpa.src', 23]]);
  });

  it('carries the other witness\'s repairs and records its mid-sentence split', () => {
    const rejoins = merged.repairs.filter((r) => r.kind === 'rejoin-paragraph');
    expect(rejoins.map((r) => [r.witness, r.pos.file, r.pos.line])).toEqual([
      ['cmpa', 'cmpa.src', 99],
      ['cmpa', 'cmpa.src', 26],
    ]);
  });

  it('unites the witness lists, completing the base from the other', () => {
    expect(merged.witnesses.map((w) => w.id)).toEqual(['flp', 'm2m', 'cmpa']);
    expect(merged.witnesses[0]).toMatchObject({ volume: 'II', printings: ['First Edition 1965'] });
    expect(merged.witnesses[1]).toMatchObject({ file: 'm2m.src', date: { when: '1999-10' } });
  });

  it('compares the notes', () => {
    const other = otherEdition();
    notesOf(other)[1]!.backRef = { page: '4' };
    other.notes!.items.pop();
    const m = mergeWitnesses(baseEdition(), [other]);
    expect(m.diagnostics.filter((d) => d.code === 'note-difference').map((d) => d.message)).toEqual([
      expect.stringMatching(/note \[2\] of m2m is missing in cmpa/),
    ]);
    expect(m.diagnostics.filter((d) => d.code === 'word-difference').map((d) => d.message)).toContainEqual(expect.stringMatching(/cmpa reads nothing where m2m reads "second note"/i));
  });
});
