/**
 * Sections numbered in one series (`I`, `II`, `III` …; `CHAPTER I`, `CHAPTER II`) are siblings at
 * one level: each number's heading opens a division holding what follows it up to the next number,
 * unnumbered headings between two numbers included (LTC22's `GRANTING LEGISLATIVE FUNCTIONS…`
 * inside `IV`, LFC10's `LOCAL GOVERNMENT IN THE OIL FIELDS` inside `I`). A line in smaller type
 * set under a numbered section's title in the same centred block (`I` / `BAKU` / <small>`THE
 * SITUATION IN THE OIL INDUSTRY`</small>) is the title of its first subsection, as the headings
 * in that type after it are of the next ones. See docs/encoding.md, "Divisions of a book".
 */
import type { Block, Division, Heading, Paragraph } from '../../model/types.js';
import { inCapitals, lastLineBreak, plainLine, plainText } from '../../model/plain-text.js';
import { continuesNumbering, enumerationOf, follows, valueIn, type Enumeration } from '../../model/enumeration.js';
import { closesSection, labelKind, splitAt } from './book.js';
import { readDate } from './dates.js';
import { DELIVERED } from '../../model/text-kinds.js';

/** The level of a number set as a centred line, not a heading: a bold centred line's (display-headings.ts headingTable). */
const CENTRED_LINE_LEVEL = 3;
import { takePageBreaksAtEnd } from '../../model/walk.js';

type Line = Heading | Paragraph;

function isLine(b: Block | undefined): b is Line {
  return b?.type === 'heading' || (b?.type === 'paragraph' && b.rend === 'center');
}

/** Two lines of one run: headings of one level, or centred lines. */
function sameKind(a: Line, b: Block | undefined): boolean {
  return a.type === 'heading' ? b?.type === 'heading' && b.level === a.level : isLine(b) && b.type === 'paragraph';
}

function numberOf(b: Block | undefined): Enumeration | undefined {
  return isLine(b) ? enumerationOf(b.children) : undefined;
}

/** The members of the numbering `blocks[at]` begins or goes on with: lines of its kind, numbered on from it and back. */
export function seriesOf(blocks: readonly Block[], at: number): number[] {
  const first = blocks[at] as Line;
  const e = numberOf(first)!;
  const members = [at];
  // a number of the kind that does not go on with it (a new `I.`) ends the series
  let last = e;
  for (let k = at + 1; k < blocks.length; k++) {
    const n = numberOf(blocks[k]);
    if (!n || !sameKind(first, blocks[k]) || valueIn(n, e.kind) === undefined) continue;
    if (!follows(n, last)) break;
    members.push(k);
    last = n;
  }
  let prev = e;
  for (let k = at - 1; k >= 0; k--) {
    const n = numberOf(blocks[k]);
    if (!n || !sameKind(first, blocks[k]) || valueIn(n, e.kind) === undefined) continue;
    if (!follows(prev, n)) break;
    members.unshift(k);
    prev = n;
  }
  return members;
}

/**
 * In the lines as walked (before the lines of one title are joined): where a numbered section's
 * title (`I` / `BAKU`, `II. CAPITULATIONISM MUST BE COMBATED…`) ends in a line in smaller type
 * than the line above it (`<FONT SIZE=-1>`, after a `<P>` in the same centred block), that line
 * is the title of the section's first subsection: a heading a level below, as are the unnumbered
 * headings in small type under any number of the same series (LFC10's `LOCAL GOVERNMENT…`, under
 * `I`; `PROGRAMMATIC LIQUIDATIONISM`, under `II`). Only where the series has two numbers at least
 * and the text follows the line. Returns the headings that begin a first subsection (for
 * openFirstSubsections).
 */
export function smallSubheadings(blocks: Block[], small: WeakSet<Block>): Set<Heading> {
  const firsts = new Set<Heading>();
  const done = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!isLine(b) || !numberOf(b) || done.has(i)) continue;
    let end = i + 1;
    while (end < blocks.length && sameKind(b, blocks[end])) end++;
    // the title's words: on the number's line (`II. CAPITULATIONISM…`) or a line after it
    const titled = (k: number) => k > i + 1 || plainText(b.children).trim().split(/\s+/).length > 1;
    let cut = -1;
    for (let k = i + 1; k < end && cut < 0; k++) {
      const line = blocks[k] as Line;
      const text = plainLine(line.children);
      // not a remark in brackets (`(SUMMARY)`) nor the title of a speech the section gives
      const remark = /^\(.*\)$/.test(text.trim()) || DELIVERED.test(text);
      if (small.has(line) && !small.has(blocks[k - 1]!) && titled(k) && !numberOf(line) && inCapitals(text) && !readDate(text) && !remark) cut = k;
    }
    if (cut < 0 || blocks[end]?.type !== 'paragraph' || (blocks[end] as Paragraph).rend === 'center') continue;
    const members = seriesOf(blocks, i);
    if (members.length < 2) continue;
    for (const m of members) done.add(m);
    const level = (b.type === 'heading' ? b.level : CENTRED_LINE_LEVEL) + 1;
    const lines = blocks.slice(cut, end) as Line[];
    const sub: Heading = { type: 'heading', level, children: lines.flatMap((l, k) => (k ? [{ type: 'lb' as const }, ...l.children] : l.children)), ...(lines[0]!.pos ? { pos: lines[0]!.pos } : {}) };
    blocks.splice(cut, end - cut, sub);
    firsts.add(sub);
    // the headings in small type under each number of the series are a level below it
    const at = seriesOf(blocks, i);
    at.forEach((m, n) => {
      const stop = at[n + 1] ?? blocks.length;
      // (past the lines of the number's own title)
      let from = m + 1;
      while (from < stop && sameKind(blocks[m] as Line, blocks[from])) from++;
      for (let k = from; k < stop; k++) {
        const h = blocks[k]!;
        if (h.type === 'division') break;
        if (h.type !== 'heading' || numberOf(h)) continue;
        // the title of another text delivered (`SPEECH DELIVERED ON …`) ends the section (book.ts closesSection)
        if (DELIVERED.test(plainLine(h.children))) break;
        if (!small.has(h)) {
          // after the last number, a heading of the number's level or above ends its sections
          if (n === at.length - 1 && h.level < level) break;
          continue;
        }
        if (h.level < level) h.level = level;
      }
    });
  }
  return firsts;
}

/**
 * Headings numbered in one series at one level (`I` … `VI`, each a number alone on its line or
 * before the title, or a label and a number: `CHAPTER I`, `CHAPTER II`), two at least, in one list
 * of blocks, where the TEI writer's rule (a heading's section runs to the next heading of its level
 * or above) would not make them siblings holding what is theirs: a heading of their level or above
 * stands between two of them (LTC22's `GRANTING LEGISLATIVE FUNCTIONS…` between `IV` and `V`), or
 * no title stands above the first (which the writer would make the work's title), or they are
 * labelled (`CHAPTER I` over its sections `I`–`XI`), or one holds a first subsection
 * (smallSubheadings). Each opens a division (`chapter` for a `CHAPTER`, else `section`) up to the
 * next, the last up to a heading that ends it (book.ts closesSection: a heading of its level or
 * above that no number of the series follows); a heading between two numbers is the first one's
 * (its subsection). The series of the highest level in a list; those below it in each division
 * made. Where a heading of the series' level numbered otherwise stands among its numbers (`1.`
 * between `I` and `II` at one level), the list is left as it is.
 */
export function nestNumberedHeadings(blocks: Block[], firsts: ReadonlySet<Heading> = new Set()): Block[] {
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') b.blocks = nestNumberedHeadings(b.blocks, firsts);
  const heads = new Set<Block>();
  const seen = new Set<number>();
  let level: number | undefined;
  blocks.forEach((b, i) => {
    if (b.type !== 'heading' || seen.has(i) || !numberOf(b)) return;
    const members = seriesOf(blocks, i);
    for (const m of members) seen.add(m);
    if (members.length < 2 || members[0] !== i) return;
    const span = blocks.slice(i, members.at(-1)! + 1);
    const own = new Set(members.map((m) => blocks[m]!));
    // no other number of the series' level among its numbers
    if (span.some((x) => x.type === 'heading' && x.level === b.level && numberOf(x) && !own.has(x))) return;
    const between = span.some((x) => x.type === 'heading' && x.level <= b.level && !own.has(x));
    const untitled = !blocks.slice(0, i).some((x) => x.type === 'heading');
    const labelled = labelKind(b) !== undefined;
    const subsections = span.some((x) => x.type === 'heading' && firsts.has(x)) || blocks.slice(members.at(-1)! + 1).some((x) => x.type === 'heading' && firsts.has(x));
    if (!(between || untitled || labelled || subsections)) return;
    if (level === undefined || b.level < level) {
      heads.clear();
      level = b.level;
    }
    if (b.level === level) for (const m of members) heads.add(blocks[m]!);
  });
  if (heads.size < 2 || level === undefined) return blocks;
  const continues = blocks.map((_, k) => continuesNumbering(blocks, k));
  const closing = new Set(blocks.filter((b, i) => !heads.has(b) && closesSection(blocks, i, heads, level!, continues)));
  const whole = (b: Block) => b.type === 'division' && (b.kind === 'document' || b.kind === 'chapter' || b.kind === 'part' || b.kind === 'work' || b.kind === 'notes');
  const kindOf = (h: Heading): Division['kind'] => (labelKind(h) === 'chapter' ? 'chapter' : 'section');
  const out = splitAt(blocks, (b) => heads.has(b), 'section', { kindOf, closes: (b) => closing.has(b) || whole(b) });
  for (const d of out) if (d.type === 'division' && heads.has(d.blocks.find((x) => x.type === 'heading')!)) {
    const at = d.blocks.findIndex((x) => heads.has(x));
    d.blocks = [...d.blocks.slice(0, at + 1), ...nestNumberedHeadings(d.blocks.slice(at + 1), firsts)];
  }
  return out;
}

/**
 * The first subsection's heading found by smallSubheadings, right under its section's title (the
 * division's first heading): it opens a `section` division up to the next heading of its level or
 * above (the writer makes those after it sections of their own; a heading under a title with no
 * text between would be a second line of the title's `head`).
 */
export function openFirstSubsections(blocks: Block[], firsts: ReadonlySet<Heading>): void {
  for (const b of blocks) if (b.type === 'division' || b.type === 'quote') openFirstSubsections(b.blocks, firsts);
  const title = blocks.findIndex((b) => b.type === 'heading');
  const at = blocks.findIndex((b) => b.type === 'heading' && firsts.has(b));
  if (at < 0 || title < 0 || title >= at) return;
  if (blocks.slice(title + 1, at).some((b) => b.type !== 'pbBlock' && b.type !== 'noteBlock')) return;
  const h = blocks[at] as Heading;
  let end = at + 1;
  while (end < blocks.length && !(blocks[end]!.type === 'division' || (blocks[end]!.type === 'heading' && (blocks[end] as Heading).level <= h.level))) end++;
  const inner = blocks.slice(at, end);
  // the page breaks right before the next heading are its own
  const carried = end < blocks.length ? takePageBreaksAtEnd(inner) : [];
  blocks.splice(at, end - at, { type: 'division', kind: 'section', blocks: inner, ...(h.pos ? { pos: h.pos } : {}) }, ...carried);
}

/** A line that is only a number, roman or arabic, a label allowed before it (`I`, `2.`, `CHAPTER III`). */
const NUMBER_LINE = /^(?:(?:CHAPTER|PART|BOOK|SECTION|Chapter|Part|Book|Section)\s+)?(?:[IVXLC]{1,7}|\d{1,3})\.?$/;

/**
 * In the lines as walked, after the lines of one title are joined: a centred title a contents entry
 * links to (walk.ts contentsTarget) whose last line is a number alone (CWF71's `NOTES` / `I`, set in
 * one centred block) is the title of a division and the number that of its first section, where
 * the number's next (`II`) follows as a centred line or a heading before the next heading of the
 * title's level or above: the number becomes a heading of its own, a level below the title (at the
 * next number's level where that is a heading below the title's), so that the numbered-section
 * rules (markNumeralHeadings, nestNumberedHeadings) make it and its next sections of the title's
 * division. See docs/encoding.md, "Divisions of a book".
 */
export function splitTrailingNumbers(blocks: Block[], targets: WeakSet<Block>): void {
  for (const b of blocks) if (b.type === 'division' || b.type === 'quote') splitTrailingNumbers(b.blocks, targets);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const h = blocks[i]!;
    if (h.type !== 'heading' || !targets.has(h)) continue;
    const cut = lastLineBreak(h.children);
    if (cut === undefined) continue;
    const number = h.children.slice(cut + 1);
    const title = h.children.slice(0, cut);
    if (!NUMBER_LINE.test(plainText(number).trim()) || !plainText(title).trim()) continue;
    const e = enumerationOf(number);
    if (!e || e.kind === 'letter') continue;
    let level: number | undefined;
    for (let k = i + 1; k < blocks.length && level === undefined; k++) {
      const b = blocks[k]!;
      if (b.type === 'division' || (b.type === 'heading' && b.level <= h.level)) break;
      const n = numberOf(b);
      if (n && follows(n, e)) level = b.type === 'heading' ? b.level : h.level + 1;
    }
    if (level === undefined) continue;
    // the title's own line ends where its number's line began
    while (title.length && title.at(-1)!.type === 'lb') title.pop();
    const last = title.at(-1);
    if (last?.type === 'text') title[title.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
    const first = number[0];
    if (first?.type === 'text') number[0] = { ...first, value: first.value.replace(/^\s+/, '') };
    h.children = title;
    blocks.splice(i + 1, 0, { type: 'heading', level, children: number, ...(h.pos ? { pos: h.pos } : {}) });
  }
}
