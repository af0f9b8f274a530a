/**
 * Deciding what a hyphen before a print page break is. `In over-` / page 277 / `looking`: the
 * printer's end-of-line hyphen, to be removed (`overlooking`); `non-` / page 278 / `aggression`: a
 * real compound hyphen, to be kept (`non-aggression`). We decide with evidence from the text itself,
 * and fall back on the prefixes that FLP typesetting hyphenates as compounds.
 */

export type HyphenDecision = {
  wordBreak: 'hyphen' | 'compound';
  /** The plain sentence a report shows: why this decision. */
  evidence: string;
};

/** Prefixes that stand before a real hyphen in the FLP texts (non-aggression, anti-Japanese). */
const COMPOUND_PREFIXES = new Set([
  'non', 'anti', 'self', 'semi', 'co', 'ex', 'pro', 'counter', 'ultra', 'pseudo', 'neo', 'pan',
  'quasi', 'sub', 'post', 'pre', 'extra', 'inter', 'intra', 'all', 'half', 'well', 'so', 'vice',
  'petty', 'would', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/**
 * @param before the word part before the break, with its trailing hyphen (`over-`)
 * @param after  the word part after the break (`looking`)
 * @param text   the whole text of the source, lowercased or not, to look for other occurrences
 */
export function decideHyphen(before: string, after: string, text: string): HyphenDecision {
  const head = before.replace(/-$/, '');
  const joined = `${head}${after}`;
  const hyphenated = `${head}-${after}`;
  const haystack = text.toLowerCase();
  const count = (needle: string) => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(needle.toLowerCase())}(?![\\p{L}\\p{N}-])`, 'gu');
    return haystack.match(re)?.length ?? 0;
  };
  const asCompound = count(hyphenated);
  const asWord = count(joined);
  if (asCompound > asWord) {
    return { wordBreak: 'compound', evidence: `"${hyphenated}" occurs ${asCompound} time(s) elsewhere, "${joined}" ${asWord}` };
  }
  if (asWord > asCompound) {
    return { wordBreak: 'hyphen', evidence: `"${joined}" occurs ${asWord} time(s) elsewhere, "${hyphenated}" ${asCompound}` };
  }
  if (COMPOUND_PREFIXES.has(head.toLowerCase()) || /^\p{Lu}/u.test(after) || /\d$/.test(head)) {
    return { wordBreak: 'compound', evidence: `"${head}-" is a compound prefix or the second part is capitalised` };
  }
  return { wordBreak: 'hyphen', evidence: `no other occurrence of either form; "${head}-" is not a compound prefix` };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
