/**
 * The paragraphing variants of a witness, placed in the base. A reprint's reader rejoins the
 * paragraphs the reprint split in mid-sentence and marks each join with an anchor; here each mark
 * is carried to the aligned word of the base (so the apparatus can point at the place in the
 * reading text), the base is named as the evidence (it has one paragraph there), and a split where
 * the reprint also lost a print page marker the base has is said to be one.
 */
import type { Repair, WitnessId } from '../model/types.js';
import { alignedBaseToken, putInline, type Alignment } from './page-breaks.js';
import type { Linear } from './linear.js';

/**
 * Place the anchors of `repairs` (the other witness's `rejoin-paragraph` repairs with `at`) in the
 * base, and complete the repairs. Changes the base tree: linearise the base again afterwards.
 */
export function placeParagraphVariants(base: Linear, other: Linear, align: Alignment, baseId: WitnessId, repairs: Repair[]): void {
  const placed: { offset: number; id: string }[] = [];
  for (const r of repairs) {
    if (r.kind !== 'rejoin-paragraph' || !r.at) continue;
    const mark = other.anchors.find((a) => a.id === r.at);
    if (!mark) continue;
    const here = other.tokens.findIndex((t) => t.start >= mark.offset);
    const target = alignedBaseToken(align, here < 0 ? other.tokens.length : here, base.tokens.length);
    const tok = base.tokens[target.token];
    if (!tok) continue;
    r.evidence = [baseId];
    const prevEnd = base.tokens[target.token - 1]?.end ?? 0;
    const lost = base.breaks.find((b) => b.offset >= prevEnd && b.offset <= tok.start && !other.breaks.some((o) => o.pb.n === b.pb.n && o.pb.edition === b.pb.edition));
    if (lost) r.lostPage = lost.pb.n;
    placed.push({ offset: tok.start, id: r.at });
  }
  // from the end backwards, so that earlier offsets stay valid while text nodes are split
  placed.sort((a, b) => b.offset - a.offset);
  for (const p of placed) {
    const seg = base.segments.find((s) => s.start <= p.offset && p.offset < s.end);
    if (seg) putInline(seg, p.offset, { type: 'anchor', id: p.id });
  }
}
