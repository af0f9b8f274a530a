/**
 * The kind of text (speech, letter, telegram, book…), where the source says it: in the title
 * (`Speech at the Assembly…`, `A Letter to V. I. Lenin`, `… -- Circular of the Central Committee`,
 * `New Year's Day Message`), in its subtitle (`Report Delivered at …`), in the date line under it
 * (`Speech Delivered on July 5, 1928`), or in its structure (a text opening with a salutation and
 * signed at its end is a letter; a title page over chapters is a book). Written as
 * `profileDesc/textClass/catRef` into a one-category taxonomy of `encodingDesc/classDecl`
 * (encoding.md, "Kind of text"). Nothing is guessed from file names, and a text whose kind the
 * source does not say gets no class.
 */
import type { Block, Edition } from '../model/types.js';
import { wordCount } from '../model/plain-text.js';
import { KINDS, WORDS, kindNamed } from '../model/text-kinds.js';

/** A date line saying what the date is of (`Speech Delivered on July 5, 1928`, `(Article written …)`). */
const DATE_LINE = new RegExp(`^[(\\[]?\\s*(${WORDS})\\b\\s+(?:delivered|made|written|published|sent|given|at|to|on|of|in)\\b`, 'i');

export interface TextKind {
  /** The kind (`speech`, `letter`, `book`…). */
  kind: string;
  /** Where the source says it, for the category's description. */
  evidence: string;
}

export function textKind(edition: Edition): TextKind | undefined {
  const title = edition.work.title.replace(/\s+/g, ' ').trim();
  // "Main title -- Circular of the Central Committee": the part after the dash names the kind.
  for (const part of [title, ...title.split(/\s+(?:--|—|–)\s+/).slice(1)]) {
    const kind = kindNamed(part);
    if (kind) return { kind, evidence: `the title: "${title}"` };
  }
  const subtitle = edition.work.subtitle?.replace(/\s+/g, ' ').trim();
  // its closing word only where the subtitle is two words (`Pravda Interview`)
  const named = subtitle ? kindNamed(subtitle, wordCount(subtitle) > 2) : undefined;
  if (named) return { kind: named, evidence: `the subtitle: "${subtitle}"` };
  const dateText = edition.work.date?.text.replace(/\s+/g, ' ').trim();
  const d = dateText ? DATE_LINE.exec(dateText) : undefined;
  if (d) return { kind: KINDS[d[1]!.toLowerCase()]!, evidence: `the date line: "${dateText}"` };
  if (isLetter(edition.body)) return { kind: 'letter', evidence: 'its form: a salutation opens it and a signature closes it' };
  const chapters = countDivisions(edition.body, (k) => k === 'chapter' || k === 'part');
  // (a book's title page, not the lines of a title block kept for their note references)
  if (edition.front.some((b) => b.type === 'titlePage' && !b.noteLines) && chapters >= 2) {
    return { kind: 'book', evidence: `its form: a title page over ${chapters} chapters or parts` };
  }
  return undefined;
}

/** The work's own blocks: the body, or the one division (after page breaks) that holds it. */
function workBlocks(body: Block[]): Block[] {
  const real = body.filter((b) => b.type !== 'pbBlock');
  const only = real.length === 1 ? real[0] : undefined;
  return only?.type === 'division' && (only.kind === 'work' || only.kind === 'document') ? workBlocks(only.blocks) : body;
}

/** A salutation before the first paragraph and a signature after the last: the form of a letter. */
function isLetter(body: Block[]): boolean {
  const blocks = workBlocks(body).filter((b) => b.type !== 'pbBlock' && b.type !== 'noteBlock');
  const firstPara = blocks.findIndex((b) => b.type === 'paragraph' || b.type === 'division');
  const opening = blocks.slice(0, firstPara < 0 ? blocks.length : firstPara);
  const lastPara = blocks.map((b) => b.type === 'paragraph' || b.type === 'division').lastIndexOf(true);
  const closing = blocks.slice(lastPara + 1);
  return opening.some((b) => b.type === 'salute') && closing.some((b) => b.type === 'signed');
}

function countDivisions(blocks: Block[], wanted: (kind: string) => boolean): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type !== 'division') continue;
    if (wanted(b.kind)) n++;
    n += countDivisions(b.blocks, wanted);
  }
  return n;
}
