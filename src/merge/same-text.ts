/**
 * Is a witness a witness of the base's text at all? Two witnesses of one text give nearly all the
 * same words in the same order; two texts that merely share a language share only their common
 * words (the, of, and …), matched here and there. The word alignment tells them apart by the share
 * of each witness's words it matches: below MIN_MATCHED on either side, the witness is refused
 * (`witness-mismatch`), so that no page breaks, repairs or witness entries of another work are
 * merged into the base.
 *
 * The threshold, measured (docs/encoding.md, "Merging witnesses"): the bundled pair (SU39.html and
 * identity-of-interests.md) matches 100% of each, either way round; the accounting's made-up pair
 * (WP12) 97.8%. The CMPA reprint with the sample pages it aligns with matches at most 3.4% of the
 * longer witness (OSC53.html: 91 words, 2.4% of the reprint's 3843, 44.8% of the page's 203);
 * 453 pairs of sample pages of similar length, at most 19.9% where they align. Half is far from
 * both. Matching the shorter witness alone would not do: common words make up 44.8% of OSC53.
 */
import type { Block, Diagnostic, Edition, SourcePosition } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import { forEachBlock } from '../model/walk.js';
import { MAX_EDITS, type Match } from './diff.js';
import type { Sides } from './compare.js';

/** The least share of each witness's words that the alignment of two witnesses of one text matches. */
export const MIN_MATCHED = 0.5;

/**
 * The refusal of a witness that is not of the base's text, or undefined when it is. `matches`
 * undefined: the alignment gave up (more than MAX_EDITS differences), so the words it could match
 * are bounded (matchBound); a witness is refused on that bound when it is below the threshold, and
 * otherwise as one the merge cannot align (`witnesses-unaligned`).
 */
export function checkSameText(s: Sides, base: Edition, other: Edition, matches: readonly Match[] | undefined): Diagnostic | undefined {
  const baseWords = s.base.tokens.length;
  const otherWords = s.other.tokens.length;
  const exact = matches !== undefined;
  const matched = exact ? matches.length : matchBound(s.base.tokens.map((t) => t.word), s.other.tokens.map((t) => t.word));
  const share = (words: number) => (words === 0 ? 1 : matched / words);
  const where = titlePosition(other, s.otherFile);
  const titles = base.work.title === other.work.title
    ? `both are titled ${JSON.stringify(other.work.title)}`
    : `it is titled ${JSON.stringify(other.work.title)}, the base ${JSON.stringify(base.work.title)}`;
  if (share(baseWords) >= MIN_MATCHED && share(otherWords) >= MIN_MATCHED) {
    if (exact) return undefined;
    // too far apart to align, though the bound does not settle that they are of different texts
    return diagnostic(
      'error',
      'witnesses-unaligned',
      `${s.otherId} differs from the base, ${s.baseId} (${s.baseFile}), in more than ${MAX_EDITS} places: the merge cannot align them, so nothing is taken from it; ${titles}`,
      where,
    );
  }
  const found = exact ? `matches ${matched} words` : `finds more than ${MAX_EDITS} differences, so it matches at most ${matched} words`;
  return diagnostic(
    'error',
    'witness-mismatch',
    `${s.otherId} is not a witness of the base's text, so it is not merged: the word alignment ${found}, ${percent(share(otherWords))} of its ${otherWords} and ${percent(share(baseWords))} of the base's ${baseWords} (${s.baseId}, ${s.baseFile}), where two witnesses of one text match at least ${percent(MIN_MATCHED)} of each; ${titles}`,
    where,
  );
}

/**
 * The most words an alignment of `a` and `b` with more than MAX_EDITS differences can match: each
 * difference leaves a word of one side unmatched, so at most (n + m − MAX_EDITS) / 2; and no more
 * of a word than the side with fewer of it has (the words the two have in common, counted).
 */
export function matchBound(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const left = counts.get(w);
    if (left) {
      common++;
      counts.set(w, left - 1);
    }
  }
  return Math.max(0, Math.min(common, Math.floor((a.length + b.length - MAX_EDITS) / 2)));
}

/** `2.4%`, `44.8%`, `100%`. */
function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Where the witness's text begins: its first heading (the work's title), else its first block. */
function titlePosition(edition: Edition, file: string): SourcePosition {
  let heading: SourcePosition | undefined;
  let first: SourcePosition | undefined;
  forEachBlock(edition.body, (b: Block) => {
    const pos = 'pos' in b ? b.pos : undefined;
    if (!pos) return;
    first ??= pos;
    if (b.type === 'heading') heading ??= pos;
  });
  return heading ?? first ?? { file, line: 1, column: 1 };
}
