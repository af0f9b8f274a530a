/**
 * CMPA Markdown phrasing content (mdast) → model inlines.
 *
 * Three CMPA conventions are resolved here, where the source positions are still at hand:
 * - `<sup>[1]</sup>` (two raw-HTML nodes around a text node) is a note reference;
 * - a line `page 276` is a print page marker: it becomes a PageBreak (usually it is a paragraph of
 *   its own, which the block pass then recognises as a paragraph holding nothing but a pb);
 * - `--` is the reprint's dash, kept as its original and regularised to an em dash.
 */
import type { PhrasingContent } from 'mdast';
import type { Diagnostic, Inline, NoteRef, PageBreak, SourcePosition } from '../../model/types.js';
import { diagnostic } from '../../model/diagnostics.js';

/** Shared state of one conversion: the file name, reference ids handed out, diagnostics. */
export interface InlineContext {
  file: string;
  /** How many references to each note label were seen (for ids nr1, nr1-2, …). */
  refCounts: Map<string, number>;
  refs: NoteRef[];
  diagnostics: Diagnostic[];
}

export function newInlineContext(file: string): InlineContext {
  return { file, refCounts: new Map(), refs: [], diagnostics: [] };
}

interface Positioned {
  position?: { start: { line: number; column: number } };
}

export function positionOf(ctx: { file: string }, node: Positioned | undefined): SourcePosition {
  return {
    file: ctx.file,
    line: node?.position?.start.line ?? 1,
    column: node?.position?.start.column ?? 1,
  };
}

/** A line that is nothing but a print page marker: `page 276` (roman numerals for front matter). */
const PAGE_MARKER = /^[ \t]*page[ \t]+(\d+|[ivxlcdm]+)[ \t]*$/i;

export function pageBreak(n: string, pos: SourcePosition): PageBreak {
  return { type: 'pb', n, edition: 'flp', attestedBy: ['cmpa'], wordBreak: 'none', pos };
}

export function convertInlines(nodes: readonly PhrasingContent[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case 'text': {
        // A marker is a whole line: the text must start and end a line, not follow or precede markup on it.
        const startsLine = i === 0 || nodes[i - 1]!.type === 'break';
        const endsLine = i === nodes.length - 1 || nodes[i + 1]!.type === 'break';
        out.push(...convertText(node.value, positionOf(ctx, node), startsLine, endsLine));
        break;
      }
      case 'emphasis':
        out.push({ type: 'emph', rend: 'italic', children: convertInlines(node.children, ctx) });
        break;
      case 'strong':
        out.push({ type: 'emph', rend: 'bold', children: convertInlines(node.children, ctx) });
        break;
      case 'link':
        out.push({ type: 'link', target: node.url, children: convertInlines(node.children, ctx), pos: positionOf(ctx, node) });
        break;
      case 'break':
        out.push({ type: 'lb' });
        break;
      case 'inlineCode':
        out.push({ type: 'text', value: node.value });
        break;
      case 'html': {
        const ref = noteRefAt(nodes, i, ctx);
        if (ref) {
          out.push(ref.ref);
          i = ref.last;
        } else if (/^<br\s*\/?>$/i.test(node.value.trim())) {
          out.push({ type: 'lb' });
        } else {
          ctx.diagnostics.push(
            diagnostic('warning', 'html-dropped', `raw HTML ${JSON.stringify(node.value.slice(0, 40))} is not part of the text and was left out`, positionOf(ctx, node)),
          );
        }
        break;
      }
      default:
        // Images, footnote syntax, etc. do not occur in CMPA reprints; say so rather than lose text silently.
        ctx.diagnostics.push(
          diagnostic('warning', 'markdown-unsupported', `Markdown ${node.type} is not expected in a CMPA reprint and was left out`, positionOf(ctx, node)),
        );
    }
  }
  return out;
}

/** `<sup>` `[1]` `</sup>` starting at nodes[i]: a note reference. */
function noteRefAt(
  nodes: readonly PhrasingContent[],
  i: number,
  ctx: InlineContext,
): { ref: NoteRef; last: number } | undefined {
  const open = nodes[i];
  const label = nodes[i + 1];
  const close = nodes[i + 2];
  if (open?.type !== 'html' || !/^<sup>$/i.test(open.value.trim())) return undefined;
  if (label?.type !== 'text' || close?.type !== 'html' || !/^<\/sup>$/i.test(close.value.trim())) return undefined;
  const m = /^\s*\[?\s*(\d+|\*+)\s*\]?\s*$/.exec(label.value);
  if (!m) return undefined;
  const n = m[1]!;
  const count = (ctx.refCounts.get(n) ?? 0) + 1;
  ctx.refCounts.set(n, count);
  const base = n.startsWith('*') ? `fnr${n.length}` : `nr${n}`;
  const ref: NoteRef = {
    type: 'noteRef',
    noteId: n.startsWith('*') ? `fn${n.length}` : `n${n}`,
    id: count === 1 ? base : `${base}-${count}`,
    n,
    pos: positionOf(ctx, open),
  };
  ctx.refs.push(ref);
  return { ref, last: i + 2 };
}

/**
 * Text with page-marker lines and `--` dashes resolved; soft line breaks become spaces.
 * `startsLine`/`endsLine`: whether the node's first/last line is a whole line of the source.
 */
export function convertText(value: string, start: SourcePosition, startsLine = true, endsLine = true): Inline[] {
  const out: Inline[] = [];
  const lines = value.split('\n');
  const isMarker = (k: number) => (k > 0 || startsLine) && (k < lines.length - 1 || endsLine) && PAGE_MARKER.test(lines[k]!);
  lines.forEach((line, k) => {
    const marker = isMarker(k) ? PAGE_MARKER.exec(line) : null;
    if (marker) {
      out.push(pageBreak(marker[1]!, { file: start.file, line: start.line + k, column: k === 0 ? start.column : 1 }));
      return;
    }
    const text = k < lines.length - 1 && !isMarker(k + 1) ? `${line} ` : line;
    text.split(/(--)/).forEach((part) => {
      if (part === '--') out.push({ type: 'norm', orig: '--', reg: '—' });
      else if (part) appendText(out, part);
    });
  });
  return out;
}

/** Push text, merging it into a preceding text node. */
export function appendText(out: Inline[], value: string): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value += value;
  else out.push({ type: 'text', value });
}
