/**
 * Bylines: the short centred line under a title naming who the text is by (`By THE EDITORIAL
 * DEPARTMENT OF "RENMIN RIBAO"`, `by Frederick Engels`, `LU TING-YI`, `Editorial of Renmin Ribao`).
 * marx2mao sets it like the title (centred, often bold), so the walk reads it as a heading or a
 * centred paragraph; here it becomes a Byline. Run before mergeHeadings(), which would otherwise
 * join it to the title (or to the section number under it) as one heading.
 */
import type { Block, Byline, Heading } from '../../model/types.js';
import { lastLineBreak, plainText, plainLine, wordCount } from '../../model/plain-text.js';

/** `By …`: an attribution whatever its case. */
const BY = /^by\s+\S/i;
/** `Editorial of Renmin Ribao`, `Article by Commentator of Hongqi`. */
const ATTRIBUTION = /^(an?\s+)?(editorial|article|commentary|commentator's article)\s+(of|by|in|from)\s+\S/i;
/** A name in capitals: two to four words (`LU TING-YI`, `FREDERICK ENGELS`). */
const CAPITAL_NAME = /^[A-Z][A-Z'.-]*[A-Z.](\s+[A-Z][A-Z'.-]*[A-Z.]){1,3}$/;
/**
 * Words of titles and section headings: a line in capitals holding one is not a name
 * (`OPENING SPEECH`, `PART ONE`, `THE PROBLEM`).
 */
const NOT_NAME = new Set([
  'A', 'AN', 'THE', 'OF', 'ON', 'IN', 'AND', 'TO', 'FOR', 'WITH', 'AT', 'BY', 'FROM', 'AGAINST', 'OUR', 'IS',
  'PART', 'CHAPTER', 'SECTION', 'BOOK', 'VOLUME', 'INTRODUCTION', 'PREFACE', 'FOREWORD', 'CONCLUSION',
  'APPENDIX', 'SUPPLEMENT', 'SPEECH', 'REPORT', 'LETTER', 'SUMMARY', 'NOTES', 'CONTENTS', 'ORDER', 'TELEGRAM',
  'STATEMENT', 'DECISION', 'RESOLUTION', 'DIRECTIVE', 'CIRCULAR', 'MESSAGE', 'TALK', 'REMARKS', 'POSTSCRIPT',
  'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'CONCLUDING', 'OPENING',
  'SOME', 'CONCLUSIONS', 'PROBLEM', 'PROBLEMS', 'QUESTION', 'QUESTIONS', 'TASKS', 'SITUATION', 'WORK', 'WAR', 'PARTY', 'PEOPLE',
]);

/** The longest byline, in words; a bracket or dash standing apart is no word (`(Red Flag )`). */
const MAX_WORDS = 14;

const skipped = (b: Block): boolean => b.type === 'pbBlock' || b.type === 'noteBlock';

/** Mark bylines in `blocks` (and in the divisions and quotations inside them). */
export function markBylines(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'division' || b.type === 'quote') {
      markBylines(b.blocks);
      continue;
    }
    if (b.type === 'heading' && splitTail(blocks, i)) continue;
    if (b.type !== 'heading' && !(b.type === 'paragraph' && b.rend === 'center')) continue;
    if (!underTitle(blocks, i)) continue;
    const text = plainLine(b.children);
    if (!isByline(text, blocks.slice(i + 1).find((x) => !skipped(x)))) continue;
    const line: Byline = { type: 'byline', children: b.children, ...(b.pos ? { pos: b.pos } : {}) };
    blocks[i] = line;
  }
}

/**
 * A title whose last line (after its last line break) is `By …` / `by …` (in that case: `BY MARX IN
 * 1852` in capitals is part of a title): that line is the byline, after the title.
 */
function splitTail(blocks: Block[], i: number): boolean {
  const h = blocks[i] as Heading;
  const cut = lastLineBreak(h.children);
  if (cut === undefined) return false;
  const tail = h.children.slice(cut + 1);
  const text = plainLine(tail);
  if (!/^[Bb]y\s+\S/.test(text) || /^BY\s/.test(text) || wordCount(text) > MAX_WORDS) return false;
  h.children.splice(cut);
  blocks.splice(i + 1, 0, { type: 'byline', children: tail, ...(h.pos ? { pos: h.pos } : {}) });
  return true;
}

/**
 * Right under a title: the block before is a heading, or a centred subtitle line (`Report
 * Delivered at …`) that is itself right under a heading.
 */
function underTitle(blocks: Block[], i: number): boolean {
  const before = blocks.slice(0, i).filter((x) => !skipped(x));
  const prev = before.at(-1);
  const title = prev?.type === 'paragraph' && prev.rend === 'center' ? before.at(-2) : prev;
  // a bare section number (`VIII` over `SOME CONCLUSIONS`), or a part's or chapter's label alone
  // (AD78ii's `PART II` over `POLITICAL ECONOMY`), is no title: what follows it is the title
  return title?.type === 'heading' && !LABEL_ALONE.test(plainText(title.children).replace(/\s+/g, ' ').trim());
}

const LABEL_ALONE = /^(?:(?:part|chapter|book|section|volume)\s+)?(?:[ivxlc\d]+|one|two|three|four|five|six|seven|eight|nine|ten)\.?$/i;

function isByline(text: string, next: Block | undefined): boolean {
  const words = text.split(' ');
  if (!text || wordCount(text) > MAX_WORDS) return false;
  if (BY.test(text) || ATTRIBUTION.test(text)) return true;
  // a bare name only when running text (or the date) follows: a heading after it means that the
  // capitals were a section title
  if (!CAPITAL_NAME.test(text) || words.some((w) => NOT_NAME.has(w.replace(/[^A-Z]/g, '')))) return false;
  return next !== undefined && next.type !== 'heading' && next.type !== 'division';
}
