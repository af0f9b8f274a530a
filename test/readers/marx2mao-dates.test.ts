/** Dates as the marx2mao pages print them (src/readers/marx2mao/dates.ts). */
import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/readers/marx2mao/dates.js';

describe('readDate', () => {
  it('reads a day printed as an ordinal (SCPUSA29: `(May 14th, 1929.)`; CM47: `30th January 1888`)', () => {
    expect(readDate('(May 14th, 1929.)')).toEqual({ when: '1929-05-14' });
    expect(readDate('30th January 1888')).toEqual({ when: '1888-01-30' });
    expect(readDate('1st May 1919')).toEqual({ when: '1919-05-01' });
    expect(readDate('March 2nd-3rd, 1918')).toEqual({ from: '1918-03-02', to: '1918-03-03' });
  });

  it('takes no ordinal that is not a day for a date', () => {
    expect(readDate('14th Congress, 1929')).toBeUndefined();
    expect(readDate('The 5th')).toBeUndefined();
  });
});
