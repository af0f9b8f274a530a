/**
 * Sections numbered in one series (`I`, `II`, `III` …; `CHAPTER I`, `CHAPTER II`) are siblings at
 * one level: each number's heading opens a division holding what follows it up to the next number,
 * unnumbered headings between two numbers included (LTC22's `GRANTING LEGISLATIVE FUNCTIONS…`
 * inside `IV`). See docs/encoding.md, "Divisions of a book".
 */
import type { Block, Division, Heading, Paragraph } from '../../model/types.js';
import { continuesNumbering, enumerationOf, follows, valueIn, type Enumeration } from '../../model/enumeration.js';
import { closesSection, labelKind, splitAt } from './book.js';

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
 * Headings numbered in one series at one level (`I` … `VI`, each a number alone on its line or
 * before the title, or a label and a number: `CHAPTER I`, `CHAPTER II`), two at least, in one list
 * of blocks, where the TEI writer's rule (a heading's section runs to the next heading of its level
 * or above) would not make them siblings holding what is theirs: a heading of their level or above
 * stands between two of them (LTC22's `GRANTING LEGISLATIVE FUNCTIONS…` between `IV` and `V`), or
 * no title stands above the first (which the writer would make the work's title), or they are
 * labelled (`CHAPTER I` over its sections `I`–`XI`). Each opens a division (`chapter` for a `CHAPTER`, else `section`) up to the
 * next, the last up to a heading that ends it (book.ts closesSection: a heading of its level or
 * above that no number of the series follows); a heading between two numbers is the first one's
 * (its subsection). The series of the highest level in a list; those below it in each division
 * made. Where a heading of the series' level numbered otherwise stands among its numbers (`1.`
 * between `I` and `II` at one level), the list is left as it is.
 */
export function nestNumberedHeadings(blocks: Block[]): Block[] {
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') b.blocks = nestNumberedHeadings(b.blocks);
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
    if (!(between || untitled || labelled)) return;
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
    d.blocks = [...d.blocks.slice(0, at + 1), ...nestNumberedHeadings(d.blocks.slice(at + 1))];
  }
  return out;
}
