/**
 * Foot notes whose reference the transcriber did not link: the text carries the printed mark
 * (`Lassalleans*`, `[1]`) on the same page. The mark is found in the text of that page (before the
 * note block, or in the paragraph that runs on past it) and becomes the note's reference; the text
 * is otherwise unchanged.
 */
import type { Block, Inline, Note, PageBreak, SourcePosition } from '../../model/types.js';
import { forEachInlineList } from './resolve.js';

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

/**
 * A note on a note: a foot note that no mark in the text refers to, whose mark stands in a foot
 * note printed before it on the same page (`… submits to the Central Committee of the Party,*
 * etc.` in one note, `* I must observe …` under it). That mark becomes its reference. Run after
 * the text's marks are linked, so that a mark in the text always wins. `pageBreaks`: the
 * source's page breaks, by which a note of the page before is told apart (a paragraph that runs
 * over several pages stands after the foot notes of all of them, which then stand together).
 */
export function linkNotesOnNotes(blocks: Block[], referenced: Set<string>, pageBreaks: readonly PageBreak[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'quote' || b.type === 'division') linkNotesOnNotes(b.blocks, referenced, pageBreaks);
    if (b.type !== 'noteBlock' || referenced.has(b.note.id)) continue;
    const re = markPattern(b.note.n);
    if (!re || !b.note.pos) continue;
    // the foot notes before this one, nearest first, as long as they are on its page
    for (let j = i - 1; j >= 0; j--) {
      const host = blocks[j]!;
      if (host.type !== 'noteBlock' || !isBefore(host.note.pos, b.note.pos)) break;
      if (pageBreaks.some((pb) => isBefore(host.note.pos, pb.pos) && isBefore(pb.pos, b.note.pos))) break;
      if (host.note.blocks.some((p) => linkIn(p, re, b.note, 'afterLastPb'))) {
        referenced.add(b.note.id);
        break;
      }
    }
  }
}

/**
 * A paragraph that runs over several pages is read whole after its foot notes: a note at the foot
 * of its second page (`create*` on page 122, the note before page 123) has its mark in the part of
 * the paragraph between the page breaks around the note in the source. Only where the positions
 * say so; the other notes are linked as above.
 */
export function linkFootnotesByPosition(blocks: Block[], referenced: Set<string>): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'quote' || b.type === 'division') linkFootnotesByPosition(b.blocks, referenced);
    if (b.type !== 'noteBlock' || referenced.has(b.note.id) || !b.note.pos) continue;
    const re = markPattern(b.note.n);
    // the paragraph after the foot notes of its page (several notes of one page stand together)
    let j = i + 1;
    while (blocks[j]?.type === 'noteBlock') j++;
    const next = blocks[j];
    if (!re || !next || !hasInlinePb(next)) continue;
    const found = linkIn(next, re, b.note, 'aroundNote');
    if (found) referenced.add(b.note.id);
  }
}

/**
 * One foot note that several marks of its page refer to (`* My italics. -- J. St.` under three
 * `<I>…</I>*` of one page, one of them linked): once the notes have their first reference, a page
 * whose foot notes have one note of a label gives that note every further mark of the label on the
 * page (before the notes, and in the paragraph that runs on past them up to its next page break),
 * as references of their own (`fnr7-2`).
 */
export function linkRepeatedMarks(blocks: Block[], referenced: ReadonlySet<string>, taken: Set<string>): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'quote' || b.type === 'division') linkRepeatedMarks(b.blocks, referenced, taken);
    if (b.type !== 'noteBlock') continue;
    let j = i;
    while (blocks[j]?.type === 'noteBlock') j++;
    const run = blocks.slice(i, j).flatMap((x) => (x.type === 'noteBlock' ? [x.note] : []));
    for (const note of run) {
      const re = markPattern(note.n);
      if (!re || !referenced.has(note.id) || run.filter((n) => n.n === note.n).length > 1) continue;
      // the next free suffix: a note linked twice in the source has `fnr7-2` already
      const nextId = () => {
        let k = 2;
        while (taken.has(`fnr${note.id.replace(/^fn/, '')}-${k}`)) k++;
        const id = `fnr${note.id.replace(/^fn/, '')}-${k}`;
        taken.add(id);
        return id;
      };
      const next = blocks[j];
      if (next && hasInlinePb(next)) while (linkIn(next, re, note, 'beforeFirstPb', nextId)) { /* every mark */ }
      for (let back = i - 1; back >= 0; back--) {
        const prev = blocks[back]!;
        if (prev.type === 'pbBlock') break;
        if (prev.type === 'noteBlock') continue;
        while (linkIn(prev, re, note, 'afterLastPb', nextId)) { /* every mark */ }
        if (hasInlinePb(prev)) break;
      }
    }
    i = j - 1;
  }
}

/** The ids of every note reference of `blocks`. */
export function refIds(blocks: Block[]): Set<string> {
  const ids = new Set<string>();
  forEachInlineList(blocks, (list) => {
    for (const i of list) if (i.type === 'noteRef') ids.add(i.id);
  });
  return ids;
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

/** `*` → a lone star attached to the preceding text, or one space after it and before a space or
 * punctuation (`Congress **`, `(I, 448) *`), or in brackets (`class."[*]`, the brackets are the
 * mark's); `**` → exactly two; `1` → `[1]`. A star between spaces after a star (`* * *`) is none. */
function markPattern(label: string): RegExp | undefined {
  const n = label.length;
  if (/^\*+$/.test(label)) return new RegExp(`\\[\\*{${n}}\\]|(?<=[^\\s*])\\*{${n}}(?!\\*)|(?<=[^\\s*][ \\u00a0])\\*{${n}}(?![*\\w])`);
  if (/^\d+$/.test(label) || label === '¥') return new RegExp(`\\[${label}\\]`);
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
function linkIn(b: Block, re: RegExp, note: Note, part: 'beforeFirstPb' | 'afterLastPb' | 'aroundNote', refId?: () => string): boolean {
  const list = inlinesOf(b);
  if (!list) return false;
  const pbs = list.map((x, k) => (x.type === 'pb' ? k : -1)).filter((k) => k >= 0);
  let [lo, hi] = part === 'beforeFirstPb' ? [0, pbs[0] ?? list.length] : [(pbs.at(-1) ?? -1) + 1, list.length];
  if (part === 'aroundNote') {
    // the page breaks of the paragraph before and after the note in the source
    const at = (k: number) => { const x = list[k]!; return x.type === 'pb' ? x.pos : undefined; };
    const before = pbs.filter((k) => isBefore(at(k), note.pos));
    const after = pbs.filter((k) => isBefore(note.pos, at(k)));
    // no break after the note: its page does not end in this paragraph; no break before it: the
    // paragraph began on the note's page
    if (after.length === 0) return false;
    [lo, hi] = [before.length > 0 ? before.at(-1)! + 1 : 0, after[0]!];
  }
  // the notes of a page in order take its marks in order: the first mark not yet linked
  if (part === 'aroundNote') {
    for (let k = lo; k < hi; k++) if (replaceMark(list, k, re, note, 'first', refId)) return true;
    return false;
  }
  for (let k = hi - 1; k >= lo; k--) {
    if (replaceMark(list, k, re, note, 'last', refId)) return true;
  }
  return false;
}

/** Whether source position `a` comes before `b` (both known, in one file). */
export function isBefore(a: SourcePosition | undefined, b: SourcePosition | undefined): boolean {
  return !!a && !!b && a.file === b.file && (a.line < b.line || (a.line === b.line && a.column < b.column));
}

function replaceMark(list: Inline[], k: number, re: RegExp, note: Note, which: 'first' | 'last', refId?: () => string): boolean {
  const x = list[k]!;
  if (x.type === 'emph' || x.type === 'link' || x.type === 'date') {
    if (which === 'first') {
      for (let m = 0; m < x.children.length; m++) if (replaceMark(x.children, m, re, note, which, refId)) return true;
    } else {
      for (let m = x.children.length - 1; m >= 0; m--) if (replaceMark(x.children, m, re, note, which, refId)) return true;
    }
    return false;
  }
  if (x.type !== 'text') return false;
  const matches = [...x.value.matchAll(new RegExp(re.source, 'g'))];
  // `<I>create</I>* and`, `<I>temporary alliance </I>* with`: the star opens the text after the
  // word it marks (a space between them at most, and none after the star but before a word)
  const prev = list[k - 1];
  const star = /^\*+(?![*\w])/.exec(x.value)?.[0] ?? /^\*+(?!\*)/.exec(x.value)?.[0];
  const ending = prev && (prev.type === 'emph' || prev.type === 'link') ? lastText(prev) : '';
  const attached = !/\s$/.test(ending) || (/\S[ \u00a0]?$/.test(ending) && /^\*+(?![*\w])/.test(x.value));
  if (matches.length === 0 && star && note.n === star && ending && attached) {
    matches.push(Object.assign([star], { index: 0, input: x.value }) as RegExpExecArray);
  }
  const last = which === 'first' ? matches[0] : matches.at(-1);
  if (!last) return false;
  const num = note.id.replace(/^fn/, '');
  const ref: Inline = { type: 'noteRef', noteId: note.id, id: refId?.() ?? `fnr${num}`, n: note.n };
  const before = x.value.slice(0, last.index);
  const after = x.value.slice(last.index! + last[0].length);
  const parts: Inline[] = [];
  if (before) parts.push({ type: 'text', value: before });
  parts.push(ref);
  if (after) parts.push({ type: 'text', value: after });
  list.splice(k, 1, ...parts);
  return true;
}

/** The text an inline ends with (an emphasised word's last characters). */
function lastText(x: Inline): string {
  if (x.type === 'text') return x.value;
  if ('children' in x && x.children.length > 0) return lastText(x.children.at(-1)!);
  return '';
}
