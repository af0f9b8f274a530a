/**
 * Page breaks across witnesses. A break both witnesses mark is attested by both; a break only the
 * other witness marks is supplied to the base at the aligned word position (inside a word too:
 * `over|looking`), and recorded as a repair; a break only the base marks stays attested by the base.
 */
import type { Diagnostic, Inline, PageBreak, Repair, SourcePosition, WitnessId } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import { tokenAt, type Linear, type PlacedBreak, type Segment } from './linear.js';

export interface Alignment {
  /** For each token of the other witness, the matching base token, or -1. */
  otherToBase: Int32Array;
}

interface Supply {
  placed: PlacedBreak;
  /** Offset in the base's running text. */
  offset: number;
  inside: boolean;
  otherWord: string;
}

export function reconcilePageBreaks(
  base: Linear,
  other: Linear,
  align: Alignment,
  otherId: WitnessId,
  witnessOrder: WitnessId[],
): { repairs: Repair[]; diagnostics: Diagnostic[] } {
  const repairs: Repair[] = [];
  const diagnostics: Diagnostic[] = [];
  const baseByKey = new Map<string, PlacedBreak[]>();
  for (const b of base.breaks) {
    const key = `${b.pb.edition} ${b.pb.n}`;
    baseByKey.set(key, [...(baseByKey.get(key) ?? []), b]);
  }
  const supplies: Supply[] = [];
  for (const o of other.breaks) {
    const here = tokenAt(other, o.offset);
    const target = alignedBaseToken(align, here.token, base.tokens.length);
    const same = baseByKey.get(`${o.pb.edition} ${o.pb.n}`)?.shift();
    if (same) {
      const all = new Set([...same.pb.attestedBy, ...o.pb.attestedBy]);
      // In the order of the witness list; ids it does not name (should not happen) keep their place after.
      same.pb.attestedBy = [...witnessOrder.filter((w) => all.has(w)), ...[...all].filter((w) => !witnessOrder.includes(w))];
      const baseHere = tokenAt(base, same.offset);
      if (target.exact && (baseHere.token !== target.token || baseHere.inside !== here.inside)) {
        diagnostics.push(
          diagnostic('warning', 'page-break-position', `page ${o.pb.n}: ${otherId} begins it at "${other.tokens[here.token]?.word ?? 'the end'}", the base at "${base.tokens[baseHere.token]?.word ?? 'the end'}"`, o.pb.pos ?? { file: otherId }),
        );
      }
      continue;
    }
    const tok = base.tokens[target.token];
    const inside = target.exact && here.inside > 0 && !!tok && here.inside < tok.end - tok.start;
    const offset = tok ? (inside ? tok.start + here.inside : openingPunctuationStart(base.text, tok.start)) : base.text.length;
    supplies.push({ placed: o, offset, inside, otherWord: other.tokens[here.token]?.word ?? '' });
  }
  // Insert from the end backwards so that earlier offsets stay valid while text nodes are split.
  supplies.sort((x, y) => y.offset - x.offset);
  for (const s of supplies) {
    const pb: PageBreak = {
      ...s.placed.pb,
      attestedBy: [...s.placed.pb.attestedBy],
      wordBreak: s.inside ? (s.placed.pb.wordBreak === 'none' ? 'word' : s.placed.pb.wordBreak) : s.placed.pb.wordBreak === 'compound' ? 'compound' : 'none',
    };
    const where = insertBreak(base, s.offset, pb, s.placed.between);
    repairs.push({
      kind: 'supply-page-break',
      witness: otherId,
      message: `page ${pb.n} break supplied from ${otherId}${s.placed.pb.pos ? ` (${fmt(s.placed.pb.pos)})` : ''}, ${s.inside ? 'inside the word' : 'before'} "${s.otherWord}"`,
      pos: where,
    });
  }
  repairs.reverse();
  return { repairs, diagnostics };
}

function fmt(p: SourcePosition): string {
  return `${p.file}:${p.line}:${p.column}`;
}

/** The base token aligned with the other's token i: its match, else the next matched token. */
export function alignedBaseToken(align: Alignment, i: number, baseLength: number): { token: number; exact: boolean } {
  const m = align.otherToBase;
  if (i < m.length && m[i]! >= 0) return { token: m[i]!, exact: true };
  for (let j = i + 1; j < m.length; j++) if (m[j]! >= 0) return { token: m[j]!, exact: false };
  return { token: baseLength, exact: false };
}

/** A break before `"sitting` goes before the opening quote, not between it and the word. */
function openingPunctuationStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && /["'“‘(\[]/.test(text[s - 1]!)) s--;
  return s;
}

/** Put `pb` into the base at a running-text offset; returns the source position it went to. */
function insertBreak(lin: Linear, offset: number, pb: PageBreak, between: boolean): SourcePosition {
  const seg = lin.segments.find((s) => s.start <= offset && offset < s.end) ?? [...lin.segments].reverse().find((s) => s.end <= offset);
  const flow = lin.flows.find((f) => f.start <= offset && offset <= f.end) ?? lin.flows[lin.flows.length - 1];
  const pos: SourcePosition = flow?.pos ?? flow?.note?.note.pos ?? pb.pos ?? { file: pb.attestedBy.join(' '), line: 1, column: 1 };
  if (!seg || !flow) return pos;
  const atFlowStart = offset === flow.start || (seg.start === offset && leadsFlow(flow.inlines, seg.node));
  if (between && atFlowStart) {
    if (flow.note) flow.note.items.splice(flow.note.items.indexOf(flow.note.note), 0, { type: 'pbBlock', pb });
    else flow.container.splice(flow.container.indexOf(flow.block), 0, { type: 'pbBlock', pb });
    return pos;
  }
  putInline(seg, offset, pb);
  return pos;
}

/** Put an inline into the text node of `seg` at a running-text offset (splitting the node). */
export function putInline(seg: Segment, offset: number, node: Inline): void {
  const at = offset - seg.start;
  const i = seg.parent.indexOf(seg.node);
  if (at <= 0) seg.parent.splice(i, 0, node);
  else if (at >= seg.node.value.length) seg.parent.splice(i + 1, 0, node);
  else {
    const tail = seg.node.value.slice(at);
    seg.node.value = seg.node.value.slice(0, at);
    seg.parent.splice(i + 1, 0, node, { type: 'text', value: tail });
  }
}

/** Only zero-width inlines stand before `node` in its flow. */
function leadsFlow(inlines: Inline[], node: Inline): boolean {
  for (const n of inlines) {
    if (n === node) return true;
    if (n.type !== 'anchor' && n.type !== 'pb') return false;
  }
  return false;
}
