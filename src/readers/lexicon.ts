/**
 * The words of the Foreign Languages Press texts, with how often each occurs in the 156 pages of
 * the marx2mao site in the sample (data/flp-lexicon.txt, made by scripts/make-lexicon.mjs from
 * ../shared/corpus/marx2mao; run it on more of the site's pages for more words): the evidence for a
 * hyphen at a print page break that the page itself does not settle. `pre-` / page 177 / `pare`
 * is `prepare` (81 times in the lexicon, `pre-pare` never), where the prefix rule alone would keep
 * the hyphen. Read on first need: most pages settle every break themselves.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** data/ of this package, from src/readers/ (tests) and dist/readers/ or dist/bundle/ (built) alike. */
const LEXICON = fileURLToPath(new URL('../../data/flp-lexicon.txt', import.meta.url));

let words: Map<string, number> | undefined;

/** How often the word occurs in the lexicon (lowercase; 0 when it is not there). */
export function lexiconCount(word: string): number {
  words ??= readLexicon();
  return words.get(word.toLowerCase()) ?? 0;
}

function readLexicon(): Map<string, number> {
  const out = new Map<string, number>();
  let text: string;
  try {
    text = readFileSync(LEXICON, 'utf8');
  } catch {
    // a package installed without its data still converts, deciding as it did before the lexicon
    return out;
  }
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0 && !line.startsWith('#')) out.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return out;
}
