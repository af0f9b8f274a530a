/**
 * Tables are compared as multisets of words. A printed contents table is transcribed a column at a
 * time (labels, then titles, then pages), and the TEI lists it an entry at a time (label, title,
 * page); an in-order alignment matches the longest column and leaves the others unmatched on both
 * sides. After that alignment, each source table's unmatched words are matched with the unmatched
 * words of the TEI's tables and lists that stand where it does (between the counterparts of the
 * matched words around it). It only adds matches: a dropped or added word of a table is still
 * reported, and a source table the TEI does not keep as a table is compared in order as before.
 */
import type { Alignment } from './align.js';
import type { Span, WordList } from './types.js';

/** The words of `list` whose start falls in each span, as [first, end) word indexes. */
function wordRanges(list: WordList, spans: readonly Span[]): [number, number][] {
  const firstAt = (offset: number) => {
    let lo = 0;
    let hi = list.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list.at[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return spans.map(([s, e]): [number, number] => [firstAt(s), firstAt(e)]).filter(([s, e]) => e > s);
}

/**
 * Mark as matched, in `al`, the unmatched words of each source table that the TEI's tables at its
 * place hold unmatched too (each word once).
 */
export function matchTablesAsMultisets(src: WordList, srcTables: readonly Span[], tei: WordList, teiTables: readonly Span[], al: Alignment): void {
  if (srcTables.length === 0 || teiTables.length === 0) return;
  const sourceRanges = wordRanges(src, srcTables);
  const teiRanges = wordRanges(tei, teiTables);
  if (sourceRanges.length === 0 || teiRanges.length === 0) return;
  // the counterpart of each matched source word: matched words pair up in order
  const partner = new Int32Array(src.h.length).fill(-1);
  for (let i = 0, j = 0; i < src.h.length; i++) {
    if (!al.a[i]) continue;
    while (j < tei.h.length && !al.b[j]) j++;
    partner[i] = j++;
  }
  for (const [s, e] of sourceRanges) {
    // the TEI words between the counterparts of the matched words just outside the table
    let before = -1;
    for (let i = s - 1; i >= 0; i--) if (partner[i]! >= 0) { before = partner[i]!; break; }
    let after = tei.h.length;
    for (let i = e; i < src.h.length; i++) if (partner[i]! >= 0) { after = partner[i]!; break; }
    const free = new Map<number, number[]>();
    for (const [ts, te] of teiRanges) {
      if (te <= before + 1 || ts >= after) continue;
      for (let j = Math.max(ts, before + 1); j < Math.min(te, after); j++) {
        if (al.b[j]) continue;
        const h = tei.h[j]!;
        const list = free.get(h);
        if (list) list.push(j);
        else free.set(h, [j]);
      }
    }
    if (free.size === 0) continue;
    for (let i = s; i < e; i++) {
      if (al.a[i]) continue;
      const j = free.get(src.h[i]!)?.shift();
      if (j === undefined) continue;
      al.a[i] = 1;
      al.b[j] = 1;
    }
  }
}
