/**
 * Foot-of-page notes: after a short left rule, a `<FONT SIZE=-1>` holding one or more notes, each
 * opened by `&nbsp &nbsp` and a label (`*`, `**`, `<SUP>[1]</SUP>`), separated by `<BR>`.
 */
import type { Block, Inline, Note } from '../../model/types.js';
import { trimEnd } from './inlines.js';
import { plainText } from '../../model/plain-text.js';

/** The notes of a foot-note block read as blocks: each labelled line or paragraph opens a note. */
export function notesFromBlocks(blocks: Block[], nextId: () => string): Note[] {
  const notes: Note[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') {
      if (notes.length) notes.at(-1)!.blocks.push(block);
      else notes.push({ id: nextId(), n: '*', place: 'foot', blocks: [block] });
      continue;
    }
    for (const segment of splitAtLineBreaks(block.children)) {
      // `1)`, `2)` or `1.` inside a running `*` note (or a running note 20) number its points:
      // a numbered label opens a note only where it continues the block's numbering
      const running = notes.at(-1);
      const label = takeLabel(segment, (n) => !running || (/^\d+$/.test(running.n) && Number(n) === Number(running.n) + 1));
      trimEnd(segment);
      if (segment.length === 0 && !label) continue;
      const para: Block = { type: 'paragraph', children: segment, ...(block.pos ? { pos: block.pos } : {}) };
      if (label || notes.length === 0) {
        notes.push({ id: nextId(), n: label ?? '*', place: 'foot', blocks: [para], ...(block.pos ? { pos: block.pos } : {}) });
      } else {
        notes.at(-1)!.blocks.push(para);
      }
    }
  }
  return notes;
}

/**
 * Where the `<FONT>` starting at `start` is closed in the source, counting nested FONTs; the end of
 * the source when it never is.
 */
export function balancedFontEnd(source: string, start: number): number {
  return closingFont(source, start, 0)?.end ?? source.length;
}

/**
 * The `</FONT>` that closes a FONT open `depth` levels up at `from` (0: the FONT whose tag starts
 * at `from`; 1: a FONT opened before `from`), counting the FONTs opened and closed in between.
 */
export function closingFont(source: string, from: number, depth: number): { start: number; end: number } | undefined {
  const tags = /<(\/?)FONT\b[^>]*>/gi;
  tags.lastIndex = from;
  for (let t = tags.exec(source); t; t = tags.exec(source)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return { start: t.index, end: t.index + t[0].length };
  }
  return undefined;
}

function splitAtLineBreaks(children: Inline[]): Inline[][] {
  const out: Inline[][] = [[]];
  for (const c of children) {
    if (c.type === 'lb') out.push([]);
    else out.at(-1)!.push(c);
  }
  return out.filter((s) => plainText(s).trim() || s.some((i) => i.type !== 'text'));
}

/**
 * Remove the printed label at the start of a note (`*`, `**`, `[1]`, `1)`), returning it.
 * @param numbered whether `N)` or `N.` may be the label of a new note here
 */
function takeLabel(segment: Inline[], numbered: (label: string) => boolean): string | undefined {
  while (segment[0]?.type === 'text' && !segment[0].value.trim()) segment.shift();
  // an anchor of the page (`<A NAME="p213">` left before the mark) stays, the label is after it
  let at = 0;
  while (segment[at]?.type === 'anchor' || (segment[at]?.type === 'text' && !(segment[at] as { value: string }).value.trim())) at++;
  const first = segment[at];
  if (!first) return undefined;
  if (first.type === 'emph' && first.rend === 'superscript') {
    // `[¥]`: the transcriber's own mark for a note of theirs (a foot note like the print's)
    const m = plainText(first.children).trim().match(/^\[?(\d{1,3}|\*{1,4}|¥)\]?$/);
    if (m) {
      segment.splice(at, 1);
      const next = segment[at];
      if (next?.type === 'text') next.value = next.value.replace(/^\s+/, '');
      return m[1];
    }
  }
  if (first.type === 'text') {
    // `1.` numbers the notes of a block that numbers its notes (`1.&nbsp;`, a space by now);
    // `[* From …]`: a note printed inside brackets opens with `[*`
    const m = first.value.match(/^\s*(\[?\*{1,4}\]?|\[\d{1,3}\]|\[¥\]|\d{1,3}\)|\d{1,3}\.(?=[\s\u00a0]))[\s\u00a0]*/);
    if (m && (!/[).]$/.test(m[1]!) || numbered(m[1]!.slice(0, -1)))) {
      first.value = first.value.slice(m[0].length);
      if (!first.value) segment.splice(at, 1);
      return m[1]!.replace(/[[\]).]/g, '');
    }
  }
  return undefined;
}
