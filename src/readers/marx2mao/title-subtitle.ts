/**
 * The subtitle a title block sets right under the work's title, in display type: a smaller
 * heading (PWU67's `<H5>Statements Supporting the Afro-Americans and` / `the Peoples of Southern
 * Vietnam, …`, OSF04's `<H6>(THE CRISIS IN OUR PARTY)`, DCR99i's `<H5><I>The Process of the
 * Formation of a` / `Home Market for Large-Scale Industry`), or a line in italics or bold
 * throughout (ER97's `<B><FONT SIZE=-1>(<I>SISMONDI AND OUR NATIVE SISMONDISTS</I>)`,
 * HCPSU39's `<I>Short Course</I>`). It is the first block of lines after the title (lines joined by
 * line breaks only, in one heading or paragraph), up to any line that is something else: a part's
 * label (`[Part 2 -- Chapter II]`, `-- Section 2 --`), a date (`(January 25, 1926)`, `June 8, 1926`),
 * a statement (`Written …`, `First published …`, `Translated …`, `©`, `From …`, `Vol. 3`), a
 * periodical's issue and the name over it (`Chveni Tskhovreba` / `(Our Life), No. 1,`), the
 * imprint (`FOREIGN LANGUAGES PRESS`, `PEKING 1967`, `First Edition 1964`), a byline (`by the
 * Editorial Departments of …`). A block in running type, or one that is none of a subtitle's
 * words, gives none. The header's `title type="sub"` takes it where neither the text (under its
 * heading) nor a book's title page sets one (index.ts).
 */
import { readDate, placeThenDate } from './dates.js';
import { namesIssue, STATEMENT } from './title-facts.js';
import { sensibleCase } from './case.js';
import { splitLetterSpaced } from '../shared/letter-spacing.js';
import { titleKey, wordCount } from '../../model/plain-text.js';
import { attr, childrenOf, collapse, isText, startOffset, tag, type Element, type Node } from './dom.js';

/** Tags that begin a block of their own; a `<BR>` only breaks a line within one. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'tr', 'hr', 'center', 'table', 'div', 'ul', 'ol', 'li', 'blockquote', 'dl', 'dd', 'dt']);
/** Type that sets a line off from running text. */
const EMPHASIS = new Set(['i', 'em', 'b', 'strong', 'cite']);
/** The longest subtitle, in words (as subtitles.ts). */
const MAX_WORDS = 40;

interface Line {
  text: string;
  /** It begins a block (a heading, paragraph, cell), not a line run on after a `<BR>`. */
  apart: boolean;
  /** Some letters stand in a heading or emphasised type, some outside both. */
  display: boolean;
  roman: boolean;
}

/**
 * A part's label (`[Part 2 -- Chapter II]`, `Part II: Political Economy`, `-- Section 2 --`,
 * `Chapters 10-12`).
 */
const PART = /^[[\s\-–—]*(?:Part|Book|Section|Chapters?|Volume)\s+(?:\d+|[IVXLC]+)\b/i;
/**
 * The imprint: the publisher (`FOREIGN LANGUAGES PRESS`, `Progress Publishers, Moscow`), the place
 * and year (`PEKING 1967`), an edition or printing (`First Edition 1964`, `Second Printing`).
 */
const PUBLISHER = /\b(?:[Pp]ress|PRESS|[Pp]ublish(?:ers?|ing(?:\s+[Hh]ouse)?)|PUBLISH(?:ERS?|ING(?:\s+HOUSE)?)|[Vv]erlag)(?:,\s*\p{Lu}\S*(?:\s+\p{Lu}\S*)?)?(?:,?\s*\d{4})?[,.]?$/u;
const PLACE_YEAR = /^\p{Lu}[\p{L} .'-]*,?\s+\d{4}$/u;
const EDITION = /\b(?:edition|printing|impression)\b/i;
const isImprint = (text: string): boolean => PUBLISHER.test(text) || PLACE_YEAR.test(text) || (EDITION.test(text) && (/\d{4}/.test(text) || wordCount(text) <= 4));
/** Who else had a hand in it (`by the Editorial Departments of …`, `Compiled by …`). */
const BYLINE = /^(?:by\s|(?:compiled|selected|introduced)\s+by\b)/i;
/**
 * An epigraph or an editorial remark (quotation marks, square brackets), an addressee (`To the …`),
 * a dedication (`Dedicated to the memory of …`, `In memory of …`).
 */
const NOT_SUBTITLE = /^(?:["“”‘’'«[]|to\s|dedicated\b|in\s+memory\b)/i;
/** A person's name by initials and surname (`V. I. LENIN`, `J. V. Stalin`): the author's line, set in the title block's type. */
const INITIALS_NAME = /^(?:\p{Lu}\.\s*){1,3}\p{Lu}[\p{L}'’-]+$/u;

/**
 * The subtitle under the title, read from the lines between `from` (the end of the title's last
 * heading) and `to` (where the title block's credit begins); undefined where none is set there.
 * `part`: the part label the title block gives, never taken for a subtitle; nor is `author`, its
 * author's name.
 */
export function titleBlockSubtitle(body: Node, from: number, to: number, isNoteRef: (e: Element) => boolean, part?: string, author?: string): string | undefined {
  const lines = linesOf(body, from, to, isNoteRef);
  if (lines.length === 0) return undefined;
  const block = [lines[0]!];
  for (let k = 1; k < lines.length && !lines[k]!.apart; k++) block.push(lines[k]!);
  const taken: Line[] = [];
  for (let k = 0; k < block.length; k++) {
    const text = block[k]!.text;
    if (!isOther(text)) {
      taken.push(block[k]!);
      continue;
    }
    // an issue line opening without the periodical's name (`(Our Life), No. 1,`, `No. 13 (71),`):
    // the line over it is the name, no subtitle
    if (namesIssue(text) && /^(?:\(|Nos?\.)/.test(text)) taken.pop();
    break;
  }
  if (taken.length === 0 || !taken.every((l) => l.display && !l.roman)) return undefined;
  const text = collapse(taken.map((l) => l.text).join(' '))
    // the space marx2mao leaves before a bracket closing italics (`SISMONDISTS )`)
    .replace(/\s+([)\]])/g, '$1')
    // a comma leading to the date or statement cut off
    .replace(/[,;]$/, '')
    .trim();
  const words = wordCount(text);
  if (words < 2 || words > MAX_WORDS || NOT_SUBTITLE.test(text) || INITIALS_NAME.test(text)) return undefined;
  if (part && titleKey(text) === titleKey(part)) return undefined;
  if (author && titleKey(text) === titleKey(author)) return undefined;
  return sensibleCase(text);
}

/** A line that is no subtitle's: a part's label, a date, a statement, an issue, the imprint, a byline. */
function isOther(text: string): boolean {
  const bare = text.replace(/^\((.*)\)$/, '$1');
  return PART.test(text) || readDate(bare) !== undefined || placeThenDate(bare) !== undefined || STATEMENT.test(text) || namesIssue(text) || isImprint(text) || BYLINE.test(text);
}

/**
 * The lines between `from` and `to`: their words (note references and their brackets left out,
 * letter-spaced type read as its words), whether each begins a block, and whether its letters stand
 * in a heading or emphasised type, or outside both.
 */
function linesOf(root: Node, from: number, to: number, isNoteRef: (e: Element) => boolean): Line[] {
  const lines: Line[] = [{ text: '', apart: true, display: false, roman: false }];
  let closeBracket = false;
  const open = (apart: boolean) => {
    const last = lines.at(-1)!;
    if (last.text.trim()) lines.push({ text: '', apart, display: false, roman: false });
    else last.apart ||= apart;
  };
  const walk = (n: Node, display: boolean) => {
    const s = startOffset(n);
    if (s >= to) return;
    if (isText(n)) {
      if (s < from) return;
      const value = closeBracket ? n.value.replace(/^\s*\]/, '') : n.value;
      closeBracket = false;
      const last = lines.at(-1)!;
      last.text += splitLetterSpaced(value).map((p) => p.text).join('').replace(/\n/g, ' ');
      if (/[\p{L}\p{N}]/u.test(value)) {
        if (display) last.display = true;
        else last.roman = true;
      }
      return;
    }
    if (isNoteRef(n as Element)) {
      if (s >= from) {
        const last = lines.at(-1)!;
        last.text = last.text.replace(/\[\s*$/, '');
        closeBracket = true;
      }
      return;
    }
    const t = tag(n);
    // (`<A NAME="tp">` is read as `<BR ID="tp">`, dom.ts pointAnchors: a point, no line break)
    if (t === 'br') {
      if (s >= from && attr(n, 'id') === undefined) open(false);
      return;
    }
    const inner = display || /^h[1-6]$/.test(t) || EMPHASIS.has(t);
    if (BLOCKS.has(t) && s >= from) open(true);
    for (const c of childrenOf(n)) walk(c, inner);
    if (BLOCKS.has(t) && s >= from) open(true);
  };
  walk(root, false);
  return lines.map((l) => ({ ...l, text: collapse(l.text).trim() })).filter((l) => l.text);
}
