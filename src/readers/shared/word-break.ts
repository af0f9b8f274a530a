/**
 * Deciding what a hyphen before a print page break is. `In over-` / page 277 / `looking`: the
 * printer's end-of-line hyphen, to be removed (`overlooking`); `non-` / page 278 / `aggression`: a
 * real compound hyphen, to be kept (`non-aggression`). We decide with evidence from the text itself,
 * then from the words of the FLP texts (lexicon.ts), and fall back on the prefixes that FLP
 * typesetting hyphenates as compounds.
 */
import { lexiconCount } from '../lexicon.js';

export type HyphenDecision = {
  wordBreak: 'hyphen' | 'compound';
  /** The plain sentence a report shows: why this decision. */
  evidence: string;
  /** What settled it: the page's other words, or (where they are silent) a rule or the lexicon. */
  basis: 'page' | 'hyphenated-part' | 'lexicon' | 'rule';
};

/** Prefixes that stand before a real hyphen in the FLP texts (non-aggression, anti-Japanese). */
const COMPOUND_PREFIXES = new Set([
  'non', 'anti', 'self', 'semi', 'co', 'ex', 'pro', 'counter', 'ultra', 'pseudo', 'neo', 'pan',
  'quasi', 'sub', 'post', 'pre', 'extra', 'inter', 'intra', 'all', 'half', 'well', 'so', 'vice',
  'petty', 'would', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/**
 * @param before the word part before the break, with its trailing hyphen (`over-`)
 * @param after  the word part after the break (`looking`), with the parts of its own it is
 *               hyphenated to (`of-communism`)
 * @param text   the whole text of the source, lowercased or not, to look for other occurrences
 */
export function decideHyphen(before: string, after: string, text: string): HyphenDecision {
  const head = before.replace(/-$/, '');
  const joined = `${head}${after}`;
  const hyphenated = `${head}-${after}`;
  const asCompound = occurrences(text, hyphenated);
  const asWord = occurrences(text, joined);
  if (asCompound > asWord) {
    return { wordBreak: 'compound', basis: 'page', evidence: `"${hyphenated}" occurs ${asCompound} time(s) elsewhere, "${joined}" ${asWord}` };
  }
  if (asWord > asCompound) {
    return { wordBreak: 'hyphen', basis: 'page', evidence: `"${joined}" occurs ${asWord} time(s) elsewhere, "${hyphenated}" ${asCompound}` };
  }
  const inLexicon = byLexicon(hyphenated, joined);
  if (inLexicon) return inLexicon;
  // `coun-` / `ter-revolutionary`: where the whole compound is known nowhere, its first word is
  // (`counter`, never `coun-ter`)
  const first = after.split('-')[0]!;
  if (first !== after) {
    const firstWord = byLexicon(`${head}-${first}`, `${head}${first}`);
    if (firstWord) return firstWord;
    // `school-` / `of-communism`: a part hyphenated on is a compound's, and so is the hyphen before it
    return { wordBreak: 'compound', basis: 'hyphenated-part', evidence: `the second part "${after}" is itself hyphenated` };
  }
  if (COMPOUND_PREFIXES.has(head.toLowerCase()) || /^\p{Lu}/u.test(after) || /\d$/.test(head)) {
    return { wordBreak: 'compound', basis: 'rule', evidence: `"${head}-" is a compound prefix or the second part is capitalised` };
  }
  return { wordBreak: 'hyphen', basis: 'rule', evidence: `no other occurrence of either form; "${head}-" is not a compound prefix` };
}

/** A word, as the counting sees one: a maximal run of letters, digits and hyphens. */
const WORD_RUN = /[\p{L}\p{N}-]+/gu;
const WORD_ONLY = /^[\p{L}\p{N}-]+$/u;

/** The last text asked about, lowercased, and its words' counts (made on first need): a reader
 * asks about one text many times. */
let last: { text: string; lower: string; counts?: Map<string, number> } | undefined;

/**
 * How often `needle` occurs in `text` as a whole word (case-insensitively): not touching a letter,
 * digit or hyphen on either side. A needle made only of those is looked up in an index of the
 * text's words, built once per text (a search of the whole text per page break made long works
 * slow); any other needle is searched for.
 */
function occurrences(text: string, needle: string): number {
  if (last?.text !== text) last = { text, lower: text.toLowerCase() };
  const lower = needle.toLowerCase();
  if (!WORD_ONLY.test(lower)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(lower)}(?![\\p{L}\\p{N}-])`, 'gu');
    return last.lower.match(re)?.length ?? 0;
  }
  if (!last.counts) {
    last.counts = new Map();
    for (const [word] of last.lower.matchAll(WORD_RUN)) last.counts.set(word, (last.counts.get(word) ?? 0) + 1);
  }
  return last.counts.get(lower) ?? 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The decision the FLP texts' words give, where they know one form more often than the other. */
function byLexicon(hyphenated: string, joined: string): HyphenDecision | undefined {
  const asCompound = lexiconCount(hyphenated);
  const asWord = lexiconCount(joined);
  if (asCompound === asWord) return undefined;
  const [more, fewer, n, m] = asCompound > asWord ? [hyphenated, joined, asCompound, asWord] : [joined, hyphenated, asWord, asCompound];
  return {
    wordBreak: asCompound > asWord ? 'compound' : 'hyphen',
    basis: 'lexicon',
    evidence: `no other occurrence on the page; the FLP texts have "${more}" ${n} time(s), "${fewer}" ${m}`,
  };
}
