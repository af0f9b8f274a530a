/**
 * A contents entry that dates its text otherwise than the text's own dateline: LYCL28's contents
 * give `SPEECH DELIVERED AT THE EIGHTH CONGRESS …, May 16, 1927`, its dateline under the title
 * `May 16, 1928` (Pravda printed it on May 17, 1928). Both stay as transcribed and the dateline
 * dates the work; the disagreement is reported (warning date-conflict, at the contents entry) so
 * that an editor can look at the print. Run after linkContents, which links each entry to its
 * division.
 */
import type { Block, DateInline, Diagnostic, Inline, List } from '../../model/types.js';
import { forEachBlock } from '../../model/walk.js';
import { plainText } from '../../model/plain-text.js';
import { collapse } from './dom.js';
import { readDate } from './dates.js';

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A date with its year, at the end of an entry's words (dots leading to the page number left out). */
const DATE_AT_END = new RegExp(`(?:\\d{1,2}\\s+)?(?:${MONTH})(?:\\s+\\d{1,2}(?:\\s*-\\s*\\d{1,2})?)?,?\\s+\\d{4}$`, 'i');

/** The first year of a date: its day, or the first of its range. */
function yearOf(d: { when?: string; from?: string }): string | undefined {
  return (d.when ?? d.from)?.slice(0, 4);
}

/** The first link's target among an entry's title inlines (`#div3`). */
function targetOf(list: readonly Inline[]): string | undefined {
  for (const i of list) {
    if (i.type === 'link' && i.target.startsWith('#')) return i.target.slice(1);
    if ('children' in i) {
      const t = targetOf(i.children);
      if (t) return t;
    }
  }
  return undefined;
}

/** The date of the dateline at the top of `blocks` (before any text, heading or division). */
function datelineIn(blocks: readonly Block[]): DateInline | undefined {
  for (const b of blocks) {
    if (b.type === 'dateline') return b.children.find((c): c is DateInline => c.type === 'date');
    if (b.type === 'paragraph' || b.type === 'division' || (b.type === 'heading' && b !== blocks[0])) return undefined;
  }
  return undefined;
}

/**
 * The dateline of what each contents entry leads to, by the id linkContents gave it: a division
 * (its top), or a heading the TEI writer makes a division of (the blocks after it).
 */
function datelinesById(body: readonly Block[]): Map<string, DateInline> {
  const out = new Map<string, DateInline>();
  const walk = (blocks: readonly Block[]): void => {
    blocks.forEach((b, i) => {
      const date = b.type === 'division' ? datelineIn(b.blocks) : b.type === 'heading' ? datelineIn(blocks.slice(i)) : undefined;
      if ((b.type === 'division' || b.type === 'heading') && b.id && date) out.set(b.id, date);
      if (b.type === 'division') walk(b.blocks);
    });
  };
  walk(body);
  return out;
}

export function contentsDateConflicts(front: Block[], body: Block[], file: string): Diagnostic[] {
  const datelines = datelinesById(body);
  const out: Diagnostic[] = [];
  const visit = (list: List): void => {
    for (const item of list.items) {
      // (sub-entries' lists are visited by forEachBlock, as lists of their own)
      const title = item.blocks.find((b) => b.type === 'paragraph');
      if (title?.type !== 'paragraph') continue;
      const words = collapse(plainText(title.children)).replace(/[\s.]+$/, '').trim();
      const printed = DATE_AT_END.exec(words)?.[0];
      const entryDate = printed ? readDate(printed) : undefined;
      const target = targetOf(title.children);
      const line = target ? datelines.get(target) : undefined;
      const [a, b] = [entryDate && yearOf(entryDate), line && yearOf(line)];
      if (!a || !b || a === b) continue;
      const pos = title.pos ?? list.pos;
      out.push({
        severity: 'warning', code: 'date-conflict', file: pos?.file ?? file, line: pos?.line ?? 1, column: pos?.column ?? 1,
        message: `the contents date this text ${printed}, its dateline ${collapse(plainText(line!.children)).trim()}: both kept as transcribed, the dateline dating the work`,
      });
    }
  };
  forEachBlock(front, (b) => {
    if (b.type === 'list' && b.kind === 'contents') visit(b);
  });
  return out;
}
