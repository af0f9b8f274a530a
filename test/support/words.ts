/**
 * Word sequences for "every word, in order" checks. A word is a run of letters and digits (with
 * inner apostrophes); punctuation, quotes and dashes are not words, so `--` vs `—` or straight vs
 * curly quotes do not count as differences, while a lost, added or reordered word does.
 */
export function words(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).map((w) =>
    w.toLowerCase(),
  );
}

/** First position where two word sequences differ, with context; undefined when equal. */
export function firstDifference(expected: string[], actual: string[]): string | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) {
      const ctx = (ws: string[]) => ws.slice(Math.max(0, i - 5), i + 5).join(' ');
      return `word ${i}: expected «${ctx(expected)}» got «${ctx(actual)}» (${expected.length} vs ${actual.length} words)`;
    }
  }
  return undefined;
}
