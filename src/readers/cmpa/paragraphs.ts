/**
 * Rejoining what the CMPA reprint split. A paragraph that stops without sentence-final punctuation
 * (or whose next part starts in lower case) continues in the next paragraph, whether a page marker
 * stands between them (the print page ended there) or only a blank line (the reprint's own layout,
 * or a marker it lost). The joined paragraph keeps the page break inline where the marker was; a
 * split with no marker is a repair of the reprint and is recorded as one.
 */
import type { Block, Diagnostic, Inline, PageBreak, Paragraph, Repair, SourcePosition } from '../../model/types.js';
import { diagnostic } from '../../model/diagnostics.js';
import { decideHyphen } from '../shared/word-break.js';
import { plainText } from '../../model/plain-text.js';

export type Item =
  | { kind: 'para'; paragraph: Paragraph }
  | { kind: 'block'; block: Block };

export interface JoinContext {
  file: string;
  /** The whole source text: evidence for hyphen decisions. */
  source: string;
  witness: string;
  repairs: Repair[];
  diagnostics: Diagnostic[];
  /** Number of the last page marker seen, to drop a repeated marker. */
  lastPage?: string;
}

/** The page breaks of a paragraph that holds nothing else (a `page 276` line), or undefined. */
export function markerOnly(p: Paragraph): PageBreak[] | undefined {
  const pbs: PageBreak[] = [];
  for (const n of p.children) {
    if (n.type === 'pb') pbs.push(n);
    else if (!(n.type === 'text' && n.value.trim() === '')) return undefined;
  }
  return pbs.length ? pbs : undefined;
}

/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?:]["'”’)\]]*$/;

/** A line set wholly in bold or italic (a sub-heading, a signature): never part of running prose. */
function isDisplayLine(p: Paragraph): boolean {
  const content = p.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  return content.length > 0 && content.every((n) => n.type === 'emph');
}

/** Does `next` continue the sentence that `prev` leaves unfinished? */
export function continues(prev: Paragraph, next: Paragraph): boolean {
  if (isDisplayLine(prev) || isDisplayLine(next)) return false;
  const tail = plainText(prev.children).trimEnd();
  const head = plainText(next.children).trimStart();
  if (!tail || !head) return false;
  return !SENTENCE_END.test(tail) || /^\p{Ll}/u.test(head);
}

/** Merge paragraphs split in mid-sentence; markers between paragraphs become PageBreakBlocks. */
export function rejoinParagraphs(items: readonly Item[], ctx: JoinContext): Block[] {
  const out: Block[] = [];
  let open: Paragraph | undefined;
  let pending: PageBreak[] = [];
  const flush = () => {
    for (const pb of pending) out.push({ type: 'pbBlock', pb });
    pending = [];
  };
  for (const item of items) {
    if (item.kind === 'block') {
      flush();
      out.push(item.block);
      open = undefined;
      continue;
    }
    const markers = markerOnly(item.paragraph);
    if (markers) {
      pending.push(...markers.filter((pb) => !isRepeated(pb, ctx)));
      continue;
    }
    if (open && continues(open, item.paragraph)) {
      join(open, pending, item.paragraph, ctx);
      pending = [];
    } else {
      flush();
      out.push(item.paragraph);
      open = item.paragraph;
    }
  }
  flush();
  return out;
}

/** A marker repeating the page just marked (the notes' first page is sometimes marked twice). */
export function isRepeated(pb: PageBreak, ctx: JoinContext): boolean {
  const repeated = ctx.lastPage === pb.n;
  ctx.lastPage = pb.n;
  if (repeated) {
    ctx.repairs.push({
      kind: 'drop-duplicate-page-break',
      witness: ctx.witness,
      message: `repeated marker for page ${pb.n} dropped`,
      pos: pb.pos ?? { file: ctx.file, line: 1, column: 1 },
    });
  }
  return repeated;
}

/** Append `next` (and the page breaks before it) to `prev`, resolving a word split at the join. */
export function join(prev: Paragraph, pbs: PageBreak[], next: Paragraph, ctx: JoinContext): void {
  const before = lastText(prev.children);
  const after = next.children[0]?.type === 'text' ? next.children[0] : undefined;
  if (before) before.value = before.value.trimEnd();
  if (after) after.value = after.value.trimStart();
  const split = before && after ? splitWord(before.value, after.value, ctx) : undefined;
  const pos = pbs[0]?.pos ?? next.pos;
  if (split) {
    if (split.wordBreak === 'hyphen') before!.value = before!.value.slice(0, -1);
    ctx.diagnostics.push(
      diagnostic('info', 'word-break', `"${split.head}-" + "${split.tail}" read as ${split.wordBreak === 'hyphen' ? 'one word' : 'a hyphenated compound'}: ${split.evidence}`, pos ?? { file: ctx.file }),
    );
  }
  const joiner: Inline[] = split ? [] : [{ type: 'text', value: ' ' }];
  for (const pb of pbs) if (split) pb.wordBreak = split.wordBreak;
  // A split with no marker is the reprint's own: an anchor marks where its extra paragraph began,
  // so that the TEI can point its paragraphing variant at the place (encoding.md, "Witnesses").
  const marks: Inline[] = [];
  if (!pbs.length) {
    const repair = rejoinRepair(prev, next, ctx);
    marks.push({ type: 'anchor', id: repair.at! });
    ctx.repairs.push(repair);
  }
  prev.children.push(...joiner, ...marks, ...pbs, ...next.children);
  mergeAdjacentText(prev.children);
}

function splitWord(before: string, after: string, ctx: JoinContext) {
  const head = /(\p{L}+)-$/u.exec(before)?.[1];
  const tail = /^\p{L}+(?:-\p{L}+)*/u.exec(after)?.[0];
  if (!head || !tail) return undefined;
  return { head, tail, ...decideHyphen(`${head}-`, tail, ctx.source) };
}

function rejoinRepair(prev: Paragraph, next: Paragraph, ctx: JoinContext): Repair {
  const tail = plainText(prev.children).trimEnd().split(/\s+/).slice(-4).join(' ');
  const head = plainText(next.children).trimStart().split(/\s+/).slice(0, 4).join(' ');
  const pos: SourcePosition = next.pos ?? prev.pos ?? { file: ctx.file, line: 1, column: 1 };
  const n = ctx.repairs.filter((r) => r.kind === 'rejoin-paragraph').length + 1;
  return {
    kind: 'rejoin-paragraph',
    witness: ctx.witness,
    message: `paragraph split in mid-sentence without a page marker, joined again: "…${tail}" / "${head}…"`,
    pos,
    at: `${ctx.witness}-split-${n}`,
  };
}

function lastText(inlines: Inline[]): { type: 'text'; value: string } | undefined {
  const last = inlines[inlines.length - 1];
  return last?.type === 'text' ? last : undefined;
}

function mergeAdjacentText(inlines: Inline[]): void {
  for (let i = inlines.length - 1; i > 0; i--) {
    const a = inlines[i - 1]!;
    const b = inlines[i]!;
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      inlines.splice(i, 1);
    }
  }
  for (let i = inlines.length - 1; i >= 0; i--) {
    const n = inlines[i]!;
    if (n.type === 'text' && n.value === '') inlines.splice(i, 1);
  }
}
