/**
 * The frame of a letter (src/readers/marx2mao/letters.ts) on made-up model blocks: a closing
 * salutation printed on the signature's line ("Yours, N. Lenin", "With communist greetings,"
 * over a line break) is the closer's salute and the signature its signed; what is only a name, or
 * a salutation with no name after it, is left as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/model/types.js';
import { markLetterFrames } from '../../src/readers/marx2mao/letters.js';
import { plainText } from '../../src/model/plain-text.js';

const t = (value: string): Inline => ({ type: 'text', value });
const para = (children: Inline[], rend?: 'right'): Block => ({ type: 'paragraph', children, ...(rend ? { rend } : {}) });

/** The blocks after marking, as [type, plain text] (emphasis and line breaks flattened). */
function framed(last: Inline[]): [string, string][] {
  const blocks: Block[] = [{ type: 'heading', level: 1, children: [t('A LETTER')] }, para([t('The text of the letter.')]), para(last, 'right'), para([t('Geneva, March 3, 1904')])];
  markLetterFrames(blocks);
  return blocks.slice(2).map((b) => [b.type, 'children' in b ? plainText(b.children) : '']);
}

describe('a closing salutation on the signature line', () => {
  it('"Yours, N. Lenin" in italics: salute "Yours," and signed "N. Lenin", both italic', () => {
    const blocks: Block[] = [para([t('Text.')]), para([{ type: 'emph', rend: 'italic', children: [t('Yours, N. Lenin')] }], 'right')];
    markLetterFrames(blocks);
    expect(blocks.slice(1)).toEqual([
      { type: 'salute', children: [{ type: 'emph', rend: 'italic', children: [t('Yours,')] }] },
      { type: 'signed', children: [{ type: 'emph', rend: 'italic', children: [t('N. Lenin')] }] },
    ]);
  });

  it('over a line break, with the place and date under it', () => {
    expect(framed([t('With communist greetings,'), { type: 'lb' }, { type: 'emph', rend: 'bold', children: [t('Stalin')] }])).toEqual([
      ['salute', 'With communist greetings,'], ['signed', 'Stalin'], ['dateline', 'Geneva, March 3, 1904'],
    ]);
    expect(framed([t('Yours faithfully, F. Engels')])).toEqual([['salute', 'Yours faithfully,'], ['signed', 'F. Engels'], ['dateline', 'Geneva, March 3, 1904']]);
  });

  it('leaves a name alone, and a salutation with no name after it', () => {
    expect(framed([t('N. Lenin')])).toEqual([['signed', 'N. Lenin'], ['dateline', 'Geneva, March 3, 1904']]);
    expect(framed([t('Yours,')])).toEqual([['signed', 'Yours,'], ['dateline', 'Geneva, March 3, 1904']]);
    // "Yourself" is no salutation
    expect(framed([t('Yourself, N. N.')])).toEqual([['signed', 'Yourself, N. N.'], ['dateline', 'Geneva, March 3, 1904']]);
  });
});
