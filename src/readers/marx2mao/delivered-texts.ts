/**
 * Several texts delivered under one title: a page that prints, under a meeting's title and dates
 * (JPCC27's `JOINT PLENUM OF THE CENTRAL COMMITTEE AND THE CENTRAL CONTROL COMMISSION`, `July
 * 29-August 9, 1927`), the speeches given there, each under its own title and a line saying what it
 * is (`THE INTERNATIONAL SITUATION AND THE DEFENCE OF THE U.S.S.R.` / `Speech Delivered on August
 * 1`), or under that line alone as its title (`SPEECH DELIVERED ON AUGUST 5`). marx2mao sets such a
 * title as a centred line in capitals, not a heading; left so, the first speech's title was a
 * paragraph of the meeting's text, and a later one a paragraph of the speech before it.
 *
 * markDeliveredTitles (before markSubtitles) makes each such centred title a heading one level
 * below the page's title, so that the line under it becomes its subtitle; deliveredTitles (in
 * divide) says which headings open a text of their own: one `document` division each.
 */
import type { Block, Heading, Paragraph } from '../../model/types.js';
import { plainLine, wordCount } from '../../model/plain-text.js';
import { DELIVERED } from '../../model/text-kinds.js';
import { nextContent } from './book.js';
import { isCapitals } from './subtitles.js';

/**
 * The most words of a title (as of a numbered section's title, book.ts) and of the line under it
 * (as of a subtitle, subtitles.ts); the sample's longest are 9 and 5: more is a sentence.
 */
const MAX_TITLE_WORDS = 30;
const MAX_LINE_WORDS = 40;
/** A section's number opening a line (`I. THE ATTACKS OF …`): a section's title, not a text's. */
const NUMBERED = /^(?:\d{1,2}|[IVXLC]{1,7}|[A-Z])\.\s/;

/** A line of at most MAX_LINE_WORDS words saying the text was delivered (`Speech Delivered on August 1`). */
function isDeliveryLine(b: Block | undefined): boolean {
  if (!b || !((b.type === 'paragraph' && b.rend === 'center') || b.type === 'subtitle')) return false;
  const text = plainLine(b.children);
  return DELIVERED.test(text) && wordCount(text) <= MAX_LINE_WORDS;
}

/** A centred line in capitals, not a section's number and title. */
function isCapitalTitle(b: Block): b is Paragraph {
  if (b.type !== 'paragraph' || b.rend !== 'center') return false;
  const text = plainLine(b.children);
  return isCapitals(text) && !NUMBERED.test(text) && wordCount(text) <= MAX_TITLE_WORDS;
}

/** A heading that says alone what the text is and that it was delivered (`SPEECH DELIVERED ON AUGUST 5`). */
function isDeliveredHeading(b: Block): b is Heading {
  return b.type === 'heading' && DELIVERED.test(plainLine(b.children)) && wordCount(plainLine(b.children)) <= MAX_TITLE_WORDS;
}

/**
 * Make each centred title in capitals over a delivery line a heading, where the page (`blocks`, the
 * body before divisions are made) has a title over them and two such texts at least (those titled
 * by a delivery heading counted).
 */
export function markDeliveredTitles(blocks: Block[]): void {
  const first = blocks.findIndex((b) => b.type === 'heading');
  if (first < 0) return;
  const page = blocks[first] as Heading;
  const titled = blocks.flatMap((b, i) => (i > first && isCapitalTitle(b) && isDeliveryLine(nextContent(blocks, i)) ? [i] : []));
  const headed = blocks.filter((b, i) => i > first && isDeliveredHeading(b) && (b as Heading).level > page.level);
  if (titled.length === 0 || titled.length + headed.length < 2) return;
  const level = Math.min(6, page.level + 1);
  for (const i of titled) {
    const p = blocks[i] as Paragraph;
    blocks[i] = { type: 'heading', level, children: p.children, ...(p.pos ? { pos: p.pos } : {}) } satisfies Heading;
  }
}

/**
 * The headings of `blocks` that open a text delivered: below the page's title, each over a delivery
 * line or one itself. divide makes a document of each where there are two at least.
 */
export function deliveredTitles(blocks: Block[]): Set<Block> {
  const first = blocks.findIndex((b) => b.type === 'heading');
  if (first < 0) return new Set();
  const page = blocks[first] as Heading;
  const opens = blocks.filter(
    (b, i) => i > first && b.type === 'heading' && b.level > page.level && (isDeliveredHeading(b) || isDeliveryLine(nextContent(blocks, i))),
  );
  return new Set(opens);
}
