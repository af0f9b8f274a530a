/**
 * Checking the print page markers a reprint carries against the page range its title block names
 * (`Vol. II, pp. 275-83.`): pages without a marker are reported (`page-gap`), as are markers out of
 * order or outside the range. The reprint's pages are reported, not "fixed": supplying the missing
 * breaks is the merge's work, from a witness that has them.
 */
import type { Block, Diagnostic, Inline, NotesSection, PageBreak, PageRange, SourcePosition } from '../../model/types.js';
import { diagnostic } from '../../model/diagnostics.js';

/** Every page break of the body and notes, in document order. */
export function pageBreaks(body: readonly Block[], notes?: NotesSection): PageBreak[] {
  const out: PageBreak[] = [];
  const inlines = (list: readonly Inline[]) => {
    for (const n of list) {
      if (n.type === 'pb') out.push(n);
      else if ('children' in n) inlines(n.children);
    }
  };
  const blocks = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'pbBlock') out.push(b.pb);
      else if (b.type === 'noteBlock') blocks(b.note.blocks);
      else if ('children' in b) inlines(b.children);
      else if ('blocks' in b) blocks(b.blocks);
      else if (b.type === 'list') b.items.forEach((i) => blocks(i.blocks));
      else if (b.type === 'table') b.rows.flat().forEach((c) => blocks(c.blocks));
    }
  };
  blocks(body);
  for (const item of notes?.items ?? []) {
    if ('type' in item) out.push(item.pb);
    else blocks(item.blocks);
  }
  return out;
}

/**
 * @param start where the text begins (the first page's marker belongs there)
 * @param end   where the text ends (for pages missing after the last marker)
 */
export function checkPages(
  pbs: readonly PageBreak[],
  range: PageRange | undefined,
  start: SourcePosition,
  end: SourcePosition,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const numbered = pbs.filter((pb) => /^\d+$/.test(pb.n));
  const span = (a: number, b: number) => (a === b ? `page ${a}` : `pages ${a}-${b}`);
  const from = range ? Number(range.from) : undefined;
  const to = range ? Number(range.to) : undefined;
  let prev: number | undefined;
  for (const pb of numbered) {
    const n = Number(pb.n);
    const pos = pb.pos ?? start;
    if (from !== undefined && to !== undefined && (n < from || n > to)) {
      out.push(diagnostic('warning', 'page-out-of-range', `marker for page ${n} lies outside the title block's ${range!.text}`, pos));
    }
    if (prev === undefined) {
      if (from !== undefined && n > from) {
        out.push(diagnostic('warning', 'page-gap', `no marker for ${span(from, n - 1)}: the text begins on page ${from} (${range!.text}) but its first marker is page ${n}`, start));
      }
    } else if (n <= prev) {
      out.push(diagnostic('warning', 'page-order', `marker for page ${n} follows page ${prev}: page numbers should increase`, pos));
    } else if (n > prev + 1) {
      out.push(diagnostic('warning', 'page-gap', `no marker for ${span(prev + 1, n - 1)} between page ${prev} and page ${n}`, pos));
    }
    prev = prev === undefined ? n : Math.max(prev, n);
  }
  if (prev === undefined && from !== undefined) {
    out.push(diagnostic('warning', 'page-gap', `no page markers at all for ${range!.text}`, start));
  } else if (prev !== undefined && to !== undefined && prev < to) {
    out.push(diagnostic('warning', 'page-gap', `no marker for ${span(prev + 1, to)}: the title block's ${range!.text} ends on page ${to}`, end));
  }
  return out;
}
