/**
 * A title block or contents entry that dates its text otherwise than the text's own dateline:
 * LYCL28's title block and contents give `May 16, 1927` for `SPEECH DELIVERED AT THE EIGHTH
 * CONGRESS …`, its dateline under the title `May 16, 1928` (Pravda printed it on May 17, 1928).
 * Every date stays as transcribed and the dateline dates the work; the disagreement is reported
 * (warning date-conflict, at the title block's date or the contents entry's row) so that an editor
 * can look at the print. Years are compared, a range by its span: `December 1927-January 1928`
 * agrees with `January 1928`, and days of one year are left alone (a speech's day and its
 * report's). Run after linkContents, which links each entry to its division.
 */
import type { Block, DateInline, Diagnostic, Inline, List, SourcePosition } from '../../model/types.js';
import { forEachBlock } from '../../model/walk.js';
import { plainText } from '../../model/plain-text.js';
import { collapse } from './dom.js';
import { MONTHS, readDate, type ReadDate } from './dates.js';
import { BESIDE_TITLE } from './structure.js';

const MONTH = MONTHS.join('|');
/**
 * A date with its year ending an entry's words, after a comma or an opening bracket (`…LEAGUE,
 * May 16, 1927`, `(August 8, 1963)`): a date without them is part of the title (`Addition to the
 * Letter of December 24, 1922`), not the entry's date of its text.
 */
const DATE_AT_END = new RegExp(`[,(]\\s*((?:\\d{1,2}\\s+)?(?:${MONTH})(?:\\s+\\d{1,2}(?:\\s*-\\s*\\d{1,2})?)?,?\\s+\\d{4})$`, 'i');

/** The years a date spans: a day's or month's year, or the first and last of a range. */
function yearsOf(d: { when?: string; from?: string; to?: string }): [number, number] | undefined {
  const first = Number((d.when ?? d.from)?.slice(0, 4));
  const last = Number((d.when ?? d.to ?? d.from)?.slice(0, 4));
  return Number.isFinite(first) && Number.isFinite(last) && first > 0 ? [first, last] : undefined;
}

/** Two dates whose years do not meet (neither range reaches the other). */
function yearsDisagree(a: ReadDate | DateInline, b: ReadDate | DateInline): boolean {
  const [x, y] = [yearsOf(a), yearsOf(b)];
  return !!x && !!y && (x[1] < y[0] || y[1] < x[0]);
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

/**
 * The date of the dateline at the top of `blocks`, which may open with page breaks, notes and one
 * heading (with its subtitle, byline): before any text or other heading or division.
 */
function datelineIn(blocks: readonly Block[]): DateInline | undefined {
  let headed = false;
  for (const b of blocks) {
    if (b.type === 'dateline') return b.children.find((c): c is DateInline => c.type === 'date');
    if (b.type === 'heading' && !headed) headed = true;
    else if (!BESIDE_TITLE.has(b.type)) return undefined;
  }
  return undefined;
}

/**
 * The dateline of what each contents entry leads to, by the id linkContents gave it: a division
 * (its top), or a heading the TEI writer makes a division of (the blocks from it on).
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

/** The words of a title or date on one line. */
const words = (list: readonly Inline[]): string => collapse(plainText(list)).trim();

/** An entry's opening words, for the message: enough to find it in a long contents. */
function opening(text: string): string {
  const w = text.split(' ');
  return w.length <= 8 ? text : `${w.slice(0, 8).join(' ')} …`;
}

function conflict(where: string, printed: string, line: DateInline, pos: SourcePosition): Diagnostic {
  return {
    severity: 'warning', code: 'date-conflict', file: pos.file, line: pos.line, column: pos.column,
    message: `${where} dates this text ${printed}, its dateline ${words(line.children)}: both kept as transcribed, the dateline dating the work`,
  };
}

/** The title block's date against the dateline that dates the work. */
export function titleDateConflict(date: ReadDate & { text: string; pos: SourcePosition }, line: DateInline | undefined): Diagnostic | undefined {
  return line && yearsDisagree(date, line) ? conflict('the title block', collapse(date.text).trim(), line, date.pos) : undefined;
}

/** Each contents entry's date against the dateline of the text it leads to. */
export function contentsDateConflicts(front: Block[], body: Block[], file: string): Diagnostic[] {
  const datelines = datelinesById(body);
  const out: Diagnostic[] = [];
  const visit = (list: List): void => {
    // (sub-entries' lists are visited by forEachBlock, as lists of their own)
    for (const item of list.items) {
      const title = item.blocks.find((b) => b.type === 'paragraph');
      if (title?.type !== 'paragraph') continue;
      const text = words(title.children).replace(/[\s.]+$/, '').replace(/\s*\)$/, '').trim();
      const printed = DATE_AT_END.exec(text)?.[1];
      const entryDate = printed ? readDate(printed) : undefined;
      const target = targetOf(title.children);
      const line = target ? datelines.get(target) : undefined;
      if (!entryDate || !line || !yearsDisagree(entryDate, line)) continue;
      const where = `the contents entry "${opening(text.slice(0, text.length - printed!.length).replace(/[\s,(]+$/, ''))}"`;
      out.push(conflict(where, printed!, line, title.pos ?? list.pos ?? { file, line: 1, column: 1 }));
    }
  };
  forEachBlock(front, (b) => {
    if (b.type === 'list' && b.kind === 'contents') visit(b);
  });
  return out;
}
