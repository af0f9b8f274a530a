/**
 * Titles printed in capitals (`THE IDENTITY OF INTERESTS BETWEEN THE SOVIET UNION AND ALL MANKIND`)
 * → the title case of the FLP's own bibliographies (`The Identity of Interests between the Soviet
 * Union and All Mankind`). A title that is not all capitals is returned as printed.
 */
const MINOR = new Set([
  'a', 'an', 'and', 'as', 'at', 'between', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of',
  'on', 'or', 'the', 'to', 'with', 'vs', 'via',
]);

export function titleCase(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (/\p{Ll}/u.test(clean)) return clean;
  return clean
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && MINOR.has(lower)) return lower;
      // Capitalise every part of a hyphenated word (Sino-Soviet, Anti-Japanese).
      return lower.replace(/(^|[-(“"'])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
    })
    .join(' ');
}
