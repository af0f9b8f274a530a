/**
 * Sensible case for titles and names printed in capitals (`THE IDENTITY OF INTERESTS BETWEEN THE
 * SOVIET UNION AND ALL MANKIND` → `The Identity of Interests between the Soviet Union and All Mankind`).
 * Only text that is all capitals is changed; mixed-case text is kept as printed.
 */
const SMALL = new Set([
  'a', 'an', 'and', 'as', 'at', 'between', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on',
  'or', 'the', 'to', 'with', 'against', 'over', 'versus', 'via', 'upon',
]);
const ROMAN = /^(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function sensibleCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  let first = true;
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}'.]*/gu, (word) => {
    const wasFirst = first;
    first = false;
    // abbreviations (U.S., C.P.S.U.(B.), R.S.D.L.P.) and roman numerals stay in capitals
    if (/^(\p{L}\.)+\p{L}?\.?$/u.test(word) || ROMAN.test(word.replace(/\.$/, ''))) return word;
    const lower = word.toLowerCase();
    if (!wasFirst && SMALL.has(lower)) return lower;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}
