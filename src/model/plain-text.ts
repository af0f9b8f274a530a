import type { Inline } from './types.js';

/**
 * The plain text of inlines as a reader sees it: regularised readings (`reg`), the words of
 * emphasis, dates and links, a line break as a space (or as `lineBreak`: a newline where the lines
 * matter); note references, page breaks and anchors add nothing. For recognising structure
 * (titles, bylines, dates) and for tests of a block's text;
 * the accounting and the merge keep their own walks, which also count and place what they meet.
 */
export function plainText(inlines: readonly Inline[], lineBreak = ' '): string {
  let out = '';
  for (const n of inlines) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'norm') out += n.reg;
    else if (n.type === 'emph' || n.type === 'link' || n.type === 'date') out += plainText(n.children, lineBreak);
    else if (n.type === 'lb') out += lineBreak;
  }
  return out;
}

/** The plain text of inlines as one line: every run of white space one space, none at the ends. */
export function plainLine(inlines: readonly Inline[]): string {
  return plainText(inlines).replace(/\s+/g, ' ').trim();
}

/** Words in a line of text: runs between spaces holding a letter or digit (a bracket standing apart is none). */
export function wordCount(text: string): number {
  return text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Letters mostly capitals, three at least: a title set in capitals, not a sentence nor a date (`April 17`). */
export function inCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters.replace(/[^\p{Lu}]/gu, '').length >= letters.length * 0.8;
}

/** Where the last line of inlines begins: the index of their last line break (`lb`), if any. */
export function lastLineBreak(inlines: readonly Inline[]): number | undefined {
  for (let k = inlines.length - 1; k >= 0; k--) if (inlines[k]!.type === 'lb') return k;
  return undefined;
}

/** A title's letters and digits alone, lowercased: two settings of one title (`THE STATE`, `The State.`) compare equal. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
