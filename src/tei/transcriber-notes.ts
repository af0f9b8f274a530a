/**
 * What the transcriber added to the text, in brackets (marx2mao: `[cont. onto p. 24. -- DJR]`
 * where a paragraph runs on past a page's notes, `[Transcriber's Note: See Lenin's … -- DJR]`):
 * written as `seg type="transcriberNote"` with @resp pointing at the transcriber's respStmt, the
 * words kept where they stand (encoding.md, "What the transcriber added"). Found by what the
 * bracket says, not by position: it opens with the transcriber's label (`cont. onto`,
 * `Transcriber's Note`) or ends signed with the transcriber's initials (`-- DJR`).
 */
import type { Inline } from '../model/types.js';

/** Initials of a name (`David J. Romagnolo` → `DJR`); undefined for fewer than two letters. */
export function initials(name: string): string | undefined {
  const letters = name.split(/[\s.]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!);
  return letters.length >= 2 ? letters.join('') : undefined;
}

/** Text nodes cut at each `[` and `]`, so that a bracket is a node of its own (same text written). */
export function splitBrackets(list: readonly Inline[]): Inline[] {
  return list.flatMap((node) =>
    node.type === 'text' && /[[\]]/.test(node.value) && node.value.length > 1
      ? node.value.split(/([[\]])/).filter(Boolean).map((value): Inline => ({ type: 'text', value }))
      : [node],
  );
}

function readingText(list: readonly Inline[]): string {
  return list.map((n) => (n.type === 'text' ? n.value : n.type === 'norm' ? n.orig : 'children' in n ? readingText(n.children) : '')).join('');
}

/**
 * The spans [start, end] (indices of the `[` and `]` nodes) of the transcriber's bracketed
 * additions in a list whose brackets are nodes of their own (splitBrackets).
 */
export function transcriberSpans(list: readonly Inline[], signature: string | undefined): [number, number][] {
  const label = /^\s*(?:cont\.\s+onto\b|transcriber'?s\s+note\b)/i;
  const signed = signature ? new RegExp(`(?:--|\\u2014|\\u2013)\\s*${signature}\\s*$`) : undefined;
  const spans: [number, number][] = [];
  for (let i = 0; i < list.length; i++) {
    if (!isText(list[i]!, '[')) continue;
    const j = list.findIndex((n, k) => k > i && (isText(n, ']') || isText(n, '[')));
    if (j < 0 || !isText(list[j]!, ']')) continue;
    const words = readingText(list.slice(i + 1, j));
    if (label.test(words) || signed?.test(words)) {
      spans.push([i, j]);
      i = j;
    }
  }
  return spans;
}

function isText(n: Inline, value: string): boolean {
  return n.type === 'text' && n.value === value;
}
