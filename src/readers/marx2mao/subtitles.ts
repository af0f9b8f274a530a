/**
 * Subtitles: the italic line the Peking editions set under a title to say what the text is
 * (`Report Delivered at the Fifteenth All-Union Conference of the C.P.S.U.(B.)`, `A Popular
 * Outline`, `Speech Delivered in the Chinese Commission of the E.C.C.I.`). marx2mao gives it as a
 * centred paragraph of italics right after the title, or as a smaller heading in italics
 * (`<H5><I>`); here it becomes a Subtitle (TEI `head type="sub"`), so that the title's date,
 * salutation or byline after it is still read as standing right under the title. A date (or a
 * place and a date) set as the subtitle's last line (`November 25, 1936`) is split off as a
 * centred line of its own, which markDatelines then reads as the dateline. Not a subtitle: an
 * epigraph or a stage direction (a quotation mark or a bracket opens it), an addressee (`To the
 * Members of …`), a date (or a place and a date), a line under a bare label (`A.`).
 *
 * Run after mergeHeadings (a title is one heading by then) and before markDatelines.
 */
import type { Block, Inline, Subtitle } from '../../model/types.js';
import { forEachBlock } from '../../model/walk.js';
import { lastLineBreak, plainLine, titleKey, wordCount } from '../../model/plain-text.js';
import { kindNamed } from '../../model/text-kinds.js';
import { placeThenDate, readDate } from './dates.js';

/**
 * The longest subtitle, in words (the longest in the sample has 31: LLL60's `Report Delivered at
 * the Meeting …`), and the shortest (`A Popular Outline`; two words where they name a kind of text).
 */
const MAX_WORDS = 40;
const MIN_WORDS = 3;
/** A section's bare label (`I`, `3.`, `A.`, `(1)`): what is under it is the section's title. */
const BARE_LABEL = /^(?:[IVXLC\d]+|[A-Za-z]|\(\w+\))\.?$/;
/**
 * What opens no subtitle: a quotation mark or a bracket (an epigraph, a stage direction), an
 * address (`To the Members of the International …`, `TO COMRADE SANZHEYEV`: the letter's addressee).
 */
const NOT_SUBTITLE = /^(?:["“”‘’'«(\[]|to\s)/i;

/**
 * Mark subtitles in `blocks` and in the divisions inside them (not in quotations: a quoted title
 * is the quotation's).
 */
export function markSubtitles(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'division') {
      markSubtitles(b.blocks);
      continue;
    }
    if (b.type !== 'heading' || BARE_LABEL.test(plainLine(b.children))) continue;
    // the title's notes, set at the foot of its page, and a page break may stand between them
    let j = i + 1;
    while (blocks[j]?.type === 'pbBlock' || blocks[j]?.type === 'noteBlock') j++;
    const line = blocks[j];
    // a centred line, or a heading a level below the title (set as `<H5><I>…`)
    if (!((line?.type === 'paragraph' && line.rend === 'center') || (line?.type === 'heading' && line.level > b.level))) continue;
    // a date, or a place and a date, as the last line: the dateline under the subtitle, a centred
    // line of its own after it (markDatelines reads it); the subtitle is what stands before it
    const cut = lastLineBreak(line.children);
    const dated = cut !== undefined && isDateLine(plainLine(line.children.slice(cut + 1)));
    const lines = dated ? line.children.slice(0, cut) : line.children;
    // (the page is searched for another such line only when this one is one)
    const inCapitals = line.type === 'paragraph' && isCapitalKind(plainLine(lines)) && !otherKindLineInCapitals(blocks, line);
    if (!isSubtitle(lines, inCapitals)) continue;
    const pos = line.pos ? { pos: line.pos } : {};
    blocks[j] = { type: 'subtitle', children: lines, ...pos } satisfies Subtitle;
    if (dated) blocks.splice(j + 1, 0, { type: 'paragraph', rend: 'center', children: line.children.slice(cut! + 1), ...pos });
    i = j;
  }
}

/** A date, or a place and a date (`Yenan, January 20, 1941`): what markDatelines makes a dateline. */
function isDateLine(text: string): boolean {
  return readDate(text) !== undefined || placeThenDate(text) !== undefined;
}

/**
 * A line in italics throughout (what stands outside them is punctuation, note references, line
 * breaks), of MIN_WORDS to MAX_WORDS words (two where they name a kind of text), that opens with
 * no quotation mark, bracket or address, and is no date, nor a place and a date. `inCapitals`: the
 * line is instead a centred line set in capitals that says what the text is, `A` or `An` and a kind
 * of text (MI17's `A LETTER TO THE CENTRAL COMMITTEE OF THE R.S.D.L.P. (B.)`), and is the only
 * such line of its blocks (the page's, as subtitles are marked before divisions are made). A line
 * naming a kind without the article is a title (`REPORT ON THE CURRENT SITUATION`, `PREFACE TO THE
 * SECOND EDITION`), and a heading in capitals under a title is a section's.
 */
function isSubtitle(children: Inline[], inCapitals: boolean): boolean {
  const text = plainLine(children);
  const words = wordCount(text);
  // two words where they name the kind of text (`Pravda Interview`)
  if ((words < MIN_WORDS && !(words === 2 && kindNamed(text))) || words > MAX_WORDS || NOT_SUBTITLE.test(text) || isDateLine(text)) return false;
  // whether some words (letters or digits) stand in italics, and whether some stand outside them
  let italic = false;
  let roman = false;
  const walk = (list: Inline[], inItalics: boolean): void => {
    for (const c of list) {
      const run = c.type === 'text' ? c.value : c.type === 'norm' ? c.reg : undefined;
      if (run !== undefined && /[\p{L}\p{N}]/u.test(run)) {
        if (inItalics) italic = true;
        else roman = true;
      } else if (c.type === 'emph' || c.type === 'link' || c.type === 'date') {
        walk(c.children, inItalics || (c.type === 'emph' && c.rend === 'italic'));
      }
    }
  };
  walk(children, false);
  return (italic && !roman) || inCapitals;
}

/**
 * Another centred line in capitals that opens by naming a kind of text: two are a run of the
 * documents' titles (`REPORT …`, `SPEECH …`), neither the subtitle of the title above.
 */
function otherKindLineInCapitals(blocks: Block[], line: Block): boolean {
  return blocks.some((b) => b !== line && b.type === 'paragraph' && b.rend === 'center' && isCapitalKind(plainLine(b.children)));
}

function isCapitalKind(text: string): boolean {
  return isCapitals(text) && /^an?\s/i.test(text) && kindNamed(text, true) !== undefined;
}

/** Letters in capitals only (`A LETTER TO THE CENTRAL COMMITTEE`), and some letters. */
export function isCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * The subtitle of the work itself: the one under the text's first title, where that title is the
 * work's (`title`, the same letters whatever their case and punctuation). Under the first of
 * several documents' titles (CWF71's addresses) it is that document's, not the work's.
 */
export function workSubtitle(body: Block[], title: string): string | undefined {
  let first: Block[] | undefined;
  forEachBlock(body, (b) => {
    if (!first && b.type === 'division' && b.blocks.some((x) => x.type === 'heading')) first = b.blocks;
  });
  const blocks = body.some((b) => b.type === 'heading') ? body : (first ?? []);
  const at = blocks.findIndex((b) => b.type === 'heading');
  const heading = blocks[at];
  if (heading?.type !== 'heading' || titleKey(plainLine(heading.children)) !== titleKey(title)) return undefined;
  const next = blocks.slice(at + 1).find((b) => b.type !== 'pbBlock' && b.type !== 'noteBlock');
  return next?.type === 'subtitle' ? plainLine(next.children) : undefined;
}
