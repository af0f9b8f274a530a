/**
 * The structure of a book as printed: a division's label joined to its title (`CHAPTER I` over
 * `CLASS SOCIETY AND THE STATE` is one heading), numbered section titles set as centred lines
 * (`1. THE STATE AS THE PRODUCT…`) as headings of nested sections, and parts holding the chapters
 * that follow them. See docs/encoding.md, "Divisions of a book".
 */
import type { Block, Division, Heading, Paragraph } from '../../model/types.js';
import { plainText, plainLine } from '../../model/plain-text.js';
import { continuesNumbering, enumerationOf, follows, opensWithInitials, type Enumeration } from '../../model/enumeration.js';
import { takePageBreaksAtEnd } from '../../model/walk.js';
import { readDate } from './dates.js';
import { DELIVERED } from '../../model/text-kinds.js';

/** A division's printed label alone on its line: `CHAPTER I`, `PART II`, `BOOK ONE`, `Chapter 3.` */
const LABEL = /^(chapter|part|book|section|lecture)\s+([ivxlcdm]+|\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\.?$/i;

/** The label's kind of division (`PART II` opens a part), when it names one. */
export function labelKind(h: Heading): Division['kind'] | undefined {
  const word = /^\s*(chapter|part|book|section|lecture)\s+\S+\.?\s*(?:$| )/i.exec(plainText(h.children))?.[1]?.toLowerCase();
  if (word === 'part' || word === 'book') return 'part';
  if (word === 'chapter' || word === 'lecture') return 'chapter';
  if (word === 'section') return 'section';
  return undefined;
}

function isLabel(b: Block): b is Paragraph | Heading {
  if (b.type !== 'heading' && !(b.type === 'paragraph' && b.rend === 'center')) return false;
  return LABEL.test(plainLine(b.children));
}

/**
 * A label line right before a heading joins it: the label, a line break, the title (the label's
 * anchor and emphasis kept). Applies at every level of the block tree.
 */
export function joinLabels(blocks: Block[]): void {
  joinSeriesNumbers(blocks);
  for (let i = blocks.length - 2; i >= 0; i--) {
    const label = blocks[i]!;
    const title = blocks[i + 1]!;
    if (!isLabel(label)) continue;
    if (title.type === 'heading') {
      title.children = [...label.children, { type: 'lb' }, ...title.children];
      if (label.pos) title.pos = label.pos;
      blocks.splice(i, 1);
    } else if (centred(title) && plainText(title.children).trim().split(/\s+/).length <= 30) {
      // the title set as a plain centred line under its label: together, the chapter's heading
      const h: Heading = { type: 'heading', level: 2, children: [...label.children, { type: 'lb' }, ...title.children], ...(label.pos ? { pos: label.pos } : {}) };
      blocks.splice(i, 2, h);
    }
  }
  // a bare number on its own centred line over a centred title (`I` / `SUBJECT MATTER AND METHOD`)
  for (let i = blocks.length - 2; i >= 0; i--) {
    const num = blocks[i]!;
    const title = blocks[i + 1]!;
    if (!centred(num) || !centred(title) || !BARE_NUMBER.test(plainText(num.children).trim())) continue;
    title.children = [...num.children, { type: 'lb' }, ...title.children];
    if (num.pos) title.pos = num.pos;
    blocks.splice(i, 1);
  }
  // a continuation subtitle (`(Continued)`) is the last line of the title above it
  for (let i = blocks.length - 1; i > 0; i--) {
    const sub = blocks[i]!;
    const title = blocks[i - 1]!;
    if (!(sub.type === 'heading' || centred(sub)) || !(title.type === 'heading' || centred(title))) continue;
    if (!CONTINUATION.test(plainText(sub.children).trim())) continue;
    title.children.push({ type: 'lb' }, ...sub.children);
    blocks.splice(i, 1);
  }
  for (const b of blocks) if (b.type === 'division' || b.type === 'quote') joinLabels(b.blocks);
}

const CONTINUATION = /^\((continued|concluded|conclusion|end)\.?\)$/i;
const BARE_NUMBER = /^(\d{1,2}|[IVXLC]{1,7})\.?$/;

/** A piece's number in a series, alone on its line: `FIRST LETTER`, `Second Article`. */
const SERIES_NUMBER = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(letter|article|speech|lecture|report|talk)\.?$/i;

/**
 * Pieces of a series printed each under the series' title (LFA17: `LETTERS FROM AFAR` five times,
 * then `FIRST LETTER` and `THE FIRST STAGE OF THE FIRST REVOLUTION` as centred lines): the piece's
 * number and its own title, the centred line or heading under the number, are lines of that
 * heading. Else every piece would be titled by the series' title alone, in the contents five times
 * over. Only under a title the page repeats: under a work's one title, a numbered piece opens a
 * piece.
 */
function joinSeriesNumbers(blocks: Block[]): void {
  const text = (b: Heading | Paragraph) => plainLine(b.children);
  const titles = new Map<string, number>();
  for (const b of blocks) if (b.type === 'heading') titles.set(text(b), (titles.get(text(b)) ?? 0) + 1);
  for (let i = blocks.length - 2; i >= 0; i--) {
    const heading = blocks[i]!;
    const label = blocks[i + 1]!;
    if (heading.type !== 'heading' || (titles.get(text(heading)) ?? 0) < 2 || !centred(label) || !SERIES_NUMBER.test(text(label))) continue;
    const title = blocks[i + 2];
    const own = title && (centred(title) || title.type === 'heading') && !readDate(text(title)) && text(title).split(' ').length <= 30 ? title : undefined;
    heading.children.push({ type: 'lb' }, ...label.children, ...(own ? [{ type: 'lb' } as const, ...own.children] : []));
    blocks.splice(i + 1, own ? 2 : 1);
  }
}

function centred(b: Block): b is Paragraph {
  return b.type === 'paragraph' && b.rend === 'center';
}

/** A number or letter and a period, then the title: `1. THE STATE…`, `IV. CONCLUSIONS`, `B. SIGNIFICANCE…`. */
const NUMBERED = /^(\d{1,2}|[IVXLC]{1,7}|[A-Z])\.\s*\S/;

/** The title starts with a number and a period, or with a bare number on a line of its own. */
function numbered(b: Paragraph): boolean {
  const cut = b.children.findIndex((c) => c.type === 'lb');
  const first = cut < 0 ? '' : plainText(b.children.slice(0, cut)).trim();
  const text = plainLine(b.children);
  // (initials open a name, `V. I. LENIN`: the same test as headings' numbers)
  return (NUMBERED.test(text) && !opensWithInitials(text)) || BARE_NUMBER.test(first);
}

/**
 * A centred line set as a numbered section title: number, period, a title of at most 30 words in
 * capitals (a centred numbered sentence of the text is in lower case).
 */
function isNumberedTitle(b: Block): b is Paragraph {
  if (b.type !== 'paragraph' || b.rend !== 'center') return false;
  const text = plainLine(b.children);
  if (!numbered(b) || text.split(' ').length > 30) return false;
  // a continuation subtitle in parentheses is not part of the capitals test
  const letters = text.replace(/\([^)]*\)/g, '').replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 3 && upper.length >= letters.length * 0.8;
}

/**
 * Numbered section titles (two or more in one division, or in the body) become headings one level
 * below the division's own, each opening a `section` division; what stands before the first (the
 * chapter's title and opening text) stays in the division. A section runs to the next numbered
 * title, or ends before a heading that closes it (closesSection). Applies in every division, so
 * that sections nest in chapters and chapters in parts.
 */
export function nestNumberedSections(blocks: Block[], level = 2): Block[] {
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') b.blocks = nestNumberedSections(b.blocks, level + 1);
  const titles = blocks.filter(isNumberedTitle);
  if (titles.length < 2) return blocks;
  const heads = new Set<Block>();
  const converted = blocks.map((b): Block => {
    if (!isNumberedTitle(b)) return b;
    const h: Heading = { type: 'heading', level: level + 1, children: b.children, ...(b.pos ? { pos: b.pos } : {}) };
    heads.add(h);
    return h;
  });
  // which headings continue a numbering an earlier heading began, asked once for each
  const continues = converted.map((_, i) => continuesNumbering(converted, i));
  const closing = new Set(converted.filter((b, i) => !heads.has(b) && closesSection(converted, i, heads, level, continues)));
  // a division divide made after the last section (a text of its own: the next speech) is not that section's
  const whole = (b: Block) => b.type === 'division' && (b.kind === 'document' || b.kind === 'chapter' || b.kind === 'part' || b.kind === 'work');
  return splitAt(converted, (b) => heads.has(b), 'section', { closes: (b) => closing.has(b) || whole(b) });
}

/**
 * Whether the heading at `blocks[i]`, among numbered sections (`heads`), ends the one it follows:
 * it continues a numbering begun before it (SDD26's `II` after `I` and I's own `1.`–`7.`), or it
 * stands at the division's level or above (`level`), or at the sections' own level as the title
 * of another text delivered (DELIVERED), the next numbered title does not go on with
 * the section's numbering, and no heading continuing an outer numbering (`II`) comes first: a
 * conclusion or a closing slogan after the last section, a reply numbering from `1.` again. A
 * heading the next number follows (a `DRAFT RESOLUTION` inside `2.`, then `3.`), or one before
 * the next part's `II`, stays in the section. `continues[k]`: continuesNumbering(blocks, k).
 */
export function closesSection(blocks: Block[], i: number, heads: Set<Block>, level: number, continues: boolean[]): boolean {
  const b = blocks[i]!;
  if (b.type !== 'heading') return false;
  const title = lastIndexBefore(blocks, i, (x) => heads.has(x));
  // a number going on from before the section's title: a lettered `B.` after the section's own
  // `A.` is the section's
  if (continuesNumbering(blocks, i, title < 0 ? i : title)) return true;
  // a heading at the sections' own level stays in the section (its subsection), unless it is the
  // title of another text delivered (JPCC27's `SPEECH DELIVERED ON AUGUST 5` after the first
  // speech's `IV.`); `RESOLUTION ON …`, `TALKS WITH …` may be the section's own
  if (b.level > level && !(b.level === level + 1 && DELIVERED.test(plainLine(b.children)))) return false;
  const number = (h: Block | undefined): Enumeration | undefined => (h?.type === 'heading' ? enumerationOf(h.children) : undefined);
  const nextTitle = blocks.findIndex((x, k) => k > i && heads.has(x));
  const nextPart = continues.findIndex((c, k) => c && k > i && !heads.has(blocks[k]!));
  if (nextPart >= 0 && (nextTitle < 0 || nextPart < nextTitle)) return false;
  const before = title < 0 ? undefined : number(blocks[title]);
  const after = nextTitle < 0 ? undefined : number(blocks[nextTitle]);
  return !(before && after && follows(after, before));
}

/** The index of the last block before `i` that `test` accepts, or -1. */
function lastIndexBefore(blocks: Block[], i: number, test: (b: Block) => boolean): number {
  for (let k = i - 1; k >= 0; k--) if (test(blocks[k]!)) return k;
  return -1;
}

/**
 * A part (a division whose heading is labelled `PART …`/`BOOK …`) holds the chapters and other
 * divisions that follow it, up to the next part.
 */
export function nestParts(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let part: Division | undefined;
  for (const b of blocks) {
    if (b.type === 'division' && partHeading(b)) {
      b.kind = 'part';
      part = b;
      out.push(b);
    } else if (part && (b.type === 'division' || b.type === 'pbBlock' || b.type === 'noteBlock') && !(b.type === 'division' && b.kind === 'notes')) {
      part.blocks.push(b);
    } else {
      part = undefined;
      out.push(b);
    }
  }
  return out;
}

function partHeading(d: Division): boolean {
  const h = d.blocks.find((b) => b.type !== 'pbBlock' && b.type !== 'noteBlock');
  return h?.type === 'heading' && labelKind(h) === 'part';
}

/** Past page breaks and notes, the next block after `i`. */
export function nextContent(blocks: Block[], i: number): Block | undefined {
  return blocks.slice(i + 1).find((b) => b.type !== 'pbBlock' && b.type !== 'noteBlock');
}

/**
 * Divisions opened by the headings `opens` accepts; what stands before the first stays outside,
 * and so does what follows a block `options.closes` accepts, up to the next opening heading. The
 * page breaks directly before a heading open the division with it (the print page begins with
 * the title).
 */
export function splitAt(body: Block[], opens: (b: Block) => boolean, kind: Division['kind'], options: SplitOptions = {}): Block[] {
  const { kindOf = (_, k) => k, closes = () => false } = options;
  const out: Block[] = [];
  let current: Division | undefined;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (current && closes(b)) {
      // the division ends before the heading; the page breaks right before it stay with it
      out.push(...takePageBreaksAtEnd(current.blocks));
      current = undefined;
    }
    const next = nextContent(body, i);
    // a heading with nothing after it (a closing slogan) opens nothing; nor does a title standing
    // over the divisions that follow it (a book's title over its first chapter)
    if (b.type === 'heading' && opens(b) && next !== undefined && !(next.type === 'heading' && opens(next))) {
      const carried = takePageBreaksAtEnd(current ? current.blocks : out);
      current = { type: 'division', kind: kindOf(b, kind), blocks: [...carried, b], ...(b.pos ? { pos: b.pos } : {}) };
      out.push(current);
      continue;
    }
    if (current) current.blocks.push(b);
    else out.push(b);
  }
  return out;
}

export interface SplitOptions {
  /** The kind of the division a heading opens (default: splitAt's `kind`). */
  kindOf?: (h: Heading, fallback: Division['kind']) => Division['kind'];
  /** A block that ends the open division: it and what follows stand outside, up to the next opening heading. */
  closes?: (b: Block) => boolean;
}

/** The heading of a volume's own front matter, set as a centred line: `PUBLISHER'S NOTE`, `FOREWORD`. */
const FRONT_HEADING = /^(publishers?'?s?'? note|editor'?s'? note|note from the publishers|foreword|preface)\b/i;

/** Text before the first page marker that opens with a publisher's note is a volume's front matter. */
export function opensFrontMatter(front: Block[]): boolean {
  const first = front.find((b) => b.type !== 'pbBlock' && b.type !== 'figure');
  if (!first) return false;
  return isFrontHeading(first) || (first.type === 'quote' && first.blocks.length === 1 && isFrontHeading(first.blocks[0]!));
}

function isFrontHeading(b: Block): boolean {
  return b.type === 'paragraph' && b.rend === 'center' && FRONT_HEADING.test(plainText(b.children).trim());
}

/**
 * A book's front matter: a centred `PUBLISHER'S NOTE` (or foreword) and the text under it are a
 * `preface` division of its own, beside the contents, instead of loose lines of the title page.
 */
export function frontDivisions(front: Block[]): Block[] {
  const heads = new Set<Block>();
  // the heading set inside the page's margin list (`<UL>`) reads as a quotation of one line
  const unwrapped = front.map((b) => (b.type === 'quote' && b.blocks.length === 1 && isFrontHeading(b.blocks[0]!) ? b.blocks[0]! : b));
  const converted = unwrapped.map((b): Block => {
    if (b.type !== 'paragraph' || !isFrontHeading(b)) return b;
    const h: Heading = { type: 'heading', level: 2, children: b.children, ...(b.pos ? { pos: b.pos } : {}) };
    heads.add(h);
    return h;
  });
  if (heads.size === 0) return front;
  const out = splitAt(converted, (b) => heads.has(b), 'preface');
  // the contents division printed after the note stands beside it, not inside it
  return out.flatMap((b) => {
    if (b.type !== 'division' || !heads.has(b.blocks.find((x) => x.type === 'heading')!)) return [b];
    const at = b.blocks.findIndex((x) => x.type === 'division');
    return at < 0 ? [b] : [{ ...b, blocks: b.blocks.slice(0, at) }, ...b.blocks.slice(at)];
  });
}
