/**
 * The number a heading opens with (src/model/enumeration.ts), which decides where a work's first
 * section begins when its heading is set under the title (structure-corpus.test.ts shows it on
 * the sample's pages).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Heading, Inline } from '../src/model/types.js';
import { continuesNumbering, enumerationOf, follows, opensNumbering } from '../src/model/enumeration.js';

const lines = (...ls: string[]): Inline[] => ls.flatMap((l, k): Inline[] => (k === 0 ? [{ type: 'text', value: l }] : [{ type: 'lb' }, { type: 'text', value: l }]));
const heading = (...ls: string[]): Heading => ({ type: 'heading', level: 2, children: lines(...ls) });

describe('enumerationOf', () => {
  it('reads a number alone on the first line, or before the title with a period', () => {
    expect(enumerationOf(lines('I', 'BAKU'))).toEqual({ kind: 'roman', value: 1, letter: 9 });
    expect(enumerationOf(lines('II. THE TALK OF JANUARY 27'))).toEqual({ kind: 'roman', value: 2 });
    expect(enumerationOf(lines('10. ELIMINATING BANDITRY'))).toEqual({ kind: 'arabic', value: 10 });
    expect(enumerationOf(lines('CHAPTER IV', 'THE STATE'))).toEqual({ kind: 'roman', value: 4 });
    expect(enumerationOf(lines('B) THE PEASANTRY'))).toEqual({ kind: 'letter', value: 2 });
    expect(enumerationOf([{ type: 'emph', style: 'bold', children: lines(' I ') }])).toEqual({ kind: 'roman', value: 1, letter: 9 });
    // a lettered title of one word is a letter too, and a capital that is a roman number is both
    expect(enumerationOf(lines('A. INTRODUCTION'))).toEqual({ kind: 'letter', value: 1 });
    expect(enumerationOf(lines('C. THE FIELDS'))).toEqual({ kind: 'roman', value: 100, letter: 3 });
  });

  it('takes no initials, article, year or plain title for a number', () => {
    expect(enumerationOf(lines('V. I. LENIN'))).toBeUndefined();
    expect(enumerationOf(lines('A DISCIPLE OF BERNSTEIN'))).toBeUndefined();
    expect(enumerationOf(lines('I WANT PEACE'))).toBeUndefined();
    expect(enumerationOf(lines('1921'))).toBeUndefined();
    expect(enumerationOf(lines('GET ORGANIZED!'))).toBeUndefined();
  });
});

describe('opensNumbering', () => {
  it('is the first of a numbering only where a later heading of the list continues it', () => {
    const blocks: Block[] = [heading('TITLE'), heading('I'), { type: 'paragraph', children: lines('text') }, heading('II')];
    expect(opensNumbering(blocks, 1)).toBe(true);
    expect(opensNumbering(blocks, 0)).toBe(false);
    expect(opensNumbering([heading('TITLE'), heading('I'), { type: 'paragraph', children: lines('text') }], 1)).toBe(false);
    // continued by the heading of a division the reader made
    expect(opensNumbering([heading('1. FIRST'), { type: 'division', kind: 'section', blocks: [heading('2. SECOND')] }], 0)).toBe(true);
    // a letter numbering is not continued by a roman one
    expect(opensNumbering([heading('A. FIRST'), heading('II. SECOND')], 0)).toBe(false);
  });

  it('counts C., D., I. … among letters after B., and among roman numbers after II', () => {
    const e = (s: string) => enumerationOf(lines(s))!;
    expect(follows(e('C. THE FIELDS'), e('B. THE ROADS'))).toBe(true);
    expect(follows(e('D. THE RIVERS'), e('C. THE FIELDS'))).toBe(true);
    expect(follows(e('III'), e('II'))).toBe(true);
    expect(follows(e('C. THE FIELDS'), e('II'))).toBe(false);
    expect(continuesNumbering([heading('A. THE MILLS'), heading('B. THE ROADS'), heading('C. THE FIELDS')], 2)).toBe(true);
  });
});
