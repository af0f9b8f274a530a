/**
 * Foot notes whose reference the transcriber did not link: the text carries the printed mark
 * (`Lassalleans*`, `[1]`) on the same page. The mark is found in the text of that page (before the
 * note block, or in the paragraph that runs on past it) and becomes the note's reference; the text
 * is otherwise unchanged.
 */
import type { Block, Inline, Note } from '../../model/types.js';

export function linkUnlinkedFootnotes(blocks: Block[], referenced: Set<string>): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'quote' || b.type === 'division') linkUnlinkedFootnotes(b.blocks, referenced);
    if (b.type !== 'noteBlock' || referenced.has(b.note.id)) continue;
    const re = markPattern(b.note.n);
    if (!re) continue;
    const next = blocks[i + 1];
    const found =
      (next && hasInlinePb(next) && linkIn(next, re, b.note, 'beforeFirstPb')) ||
      searchBack(blocks, i, re, b.note);
    if (found) referenced.add(b.note.id);
  }
}

function searchBack(blocks: Block[], from: number, re: RegExp, note: Note): boolean {
  for (let j = from - 1; j >= 0; j--) {
    const b = blocks[j]!;
    if (b.type === 'pbBlock') return false;
    if (b.type === 'noteBlock') continue;
    if (linkIn(b, re, note, 'afterLastPb')) return true;
    if (hasInlinePb(b)) return false;
  }
  return false;
}

/** `*` → a lone star attached to the preceding text, or in brackets (`class."[*]`, the brackets
 * are the mark's); `**` → exactly two; `1` → `[1]`. */
function markPattern(label: string): RegExp | undefined {
  if (/^\*+$/.test(label)) return new RegExp(`\\[\\*{${label.length}}\\]|(?<=[^\\s*])\\*{${label.length}}(?!\\*)`);
  if (/^\d+$/.test(label)) return new RegExp(`\\[${label}\\]`);
  return undefined;
}

function inlinesOf(b: Block): Inline[] | undefined {
  return 'children' in b ? b.children : undefined;
}

function hasInlinePb(b: Block): boolean {
  const list = inlinesOf(b);
  return !!list && list.some((i) => i.type === 'pb');
}

/** Replace the mark in the part of the block on the note's page with a NoteRef. */
function linkIn(b: Block, re: RegExp, note: Note, part: 'beforeFirstPb' | 'afterLastPb'): boolean {
  const list = inlinesOf(b);
  if (!list) return false;
  const pbs = list.map((x, k) => (x.type === 'pb' ? k : -1)).filter((k) => k >= 0);
  const [lo, hi] = part === 'beforeFirstPb' ? [0, pbs[0] ?? list.length] : [(pbs.at(-1) ?? -1) + 1, list.length];
  for (let k = hi - 1; k >= lo; k--) {
    if (replaceLast(list, k, re, note)) return true;
  }
  return false;
}

function replaceLast(list: Inline[], k: number, re: RegExp, note: Note): boolean {
  const x = list[k]!;
  if (x.type === 'emph' || x.type === 'link' || x.type === 'date') {
    for (let m = x.children.length - 1; m >= 0; m--) if (replaceLast(x.children, m, re, note)) return true;
    return false;
  }
  if (x.type !== 'text') return false;
  const matches = [...x.value.matchAll(new RegExp(re.source, 'g'))];
  const last = matches.at(-1);
  if (!last) return false;
  const num = note.id.replace(/^fn/, '');
  const ref: Inline = { type: 'noteRef', noteId: note.id, id: `fnr${num}`, n: note.n };
  const before = x.value.slice(0, last.index);
  const after = x.value.slice(last.index! + last[0].length);
  const parts: Inline[] = [];
  if (before) parts.push({ type: 'text', value: before });
  parts.push(ref);
  if (after) parts.push({ type: 'text', value: after });
  list.splice(k, 1, ...parts);
  return true;
}
