/**
 * The title block at the top of a marx2mao page: author and title headings, "From the *Selected
 * Works…*", publisher, place and year, printing lines, `Vol. II, pp. 275-83.`, and between two rules
 * "Prepared © for the Internet by David J. Romagnolo, <mail> (October 1999)". It ends at the rule
 * after the "Prepared" line; nothing in it is running text.
 */
import type { DateStatement, Figure, SourcePosition, TranscriptionWitness } from '../../model/types.js';
import { editionRightsHolder, namesIssue, readFirstPublished, readResponsibility, readRights, readStatements, readWritten, type Responsibility } from './title-facts.js';
import { readPrintStatements, type PrintFacts } from './print-statements.js';
import { sensibleCase } from './case.js';
import { titleBlockSubtitle } from './title-subtitle.js';
import { splitLetterSpaced } from '../shared/letter-spacing.js';
import { isoDate, readDate, type ReadDate } from './dates.js';
import {
  attr, childrenOf, collapse, elements, endOffset, isText, positionOf, startOffset, tag, textOf,
  type Element, type Node,
} from './dom.js';

export interface TitleBlock {
  /** Source offset where the title block ends: content before it is never running text. */
  end: number;
  /** Where its lines end and the transcriber's credit (between its rules) begins. */
  linesEnd: number;
  pos: SourcePosition;
  title?: string;
  /** The part of the work the page holds (`[Part 3 -- Chapters 10-12]`, `Part II: Political Economy`). */
  part?: string;
  /** The subtitle set under the title (`(SISMONDI AND OUR NATIVE SISMONDISTS)`), re-cased as the title is (title-subtitle.ts). */
  subtitle?: string;
  author?: string;
  /** Where the page range is printed (`Vol. II, pp. 275-83.`), for warnings about it. */
  rangePos?: SourcePosition;
  /** A date printed in the title block (speeches: `November 30, 1926`, `(January 25, 1926)`). */
  date?: ReadDate & { text: string; pos: SourcePosition };
  print?: PrintFacts;
  /** The edition the transcribed one is "Based on". */
  basis?: PrintFacts;
  /** Who edited and translated the edition transcribed, and from what language. */
  responsibility: Responsibility;
  /** The first publication of the work, as stated (`First published in 1902 in a hectograph edition`). */
  published?: DateStatement;
  /** Copyright lines printed in the title block. */
  rights: string[];
  /** Other statements about the text, as printed (`Signed: N. Lenin`, `Published according to the manuscript`). */
  statements: string[];
  transcription: Omit<TranscriptionWitness, 'kind' | 'id' | 'file' | 'url'>;
  cover?: Figure;
}

const PART_LABEL = /^\[?\s*(?:Part|Book|Chapters?|Volume)\s+(?:\d+|[IVXLC]+)\b[^\]]*\]?$/i;

/**
 * The label of the part of a work a page holds: a line in brackets (`[Part 3 -- Chapters 10-12]`,
 * `[ Part 2 ]`) or a part's number and name (`Part II: Political Economy`).
 */
function partLabel(front: string[]): string | undefined {
  for (const line of front) {
    const bracketed = /^\[\s*((?:Part|Book|Section|Chapters?)\s+(?:\d+|[IVXLC]+)\b[^\]]*?)\s*\]$/i.exec(line);
    if (bracketed) return bracketed[1]!;
    if (/^Part\s+(?:\d+|[IVXLC]+)\s*:\s*\S/.test(line)) return line;
  }
  return undefined;
}

/**
 * Locate and read the title block; undefined when the page has none (no "Prepared … for the
 * Internet"). `isNoteRef` tells the links that are note references (`[<A HREF="#en45">45</A>]`):
 * their labels, brackets and all, are no words of the facts read (the TEI keeps the references in
 * the text: title-refs.ts).
 */
export function readTitleBlock(body: Node, file: string, isNoteRef: (e: Element) => boolean = () => false): TitleBlock | undefined {
  const prepared = findPrepared(body);
  if (!prepared) return undefined;
  const rules = elements(body).filter((e) => tag(e) === 'hr');
  const closing = rules.find((hr) => startOffset(hr) > startOffset(prepared));
  const opening = [...rules].reverse().find((hr) => startOffset(hr) < startOffset(prepared));
  const end = closing ? endOffset(closing) : endOffset(prepared);
  const linesEnd = opening ? startOffset(opening) : startOffset(prepared);
  const credit = collapse(textBetween(body, opening ? endOffset(opening) : startOffset(prepared), end));
  const front = linesBetween(body, 0, linesEnd, isNoteRef);
  // a part's label over the title (`[Part 3 -- Chapters 10-12]`) names neither author nor title
  const headings = displayHeadings(body, linesEnd, isNoteRef).filter((h) => !PART_LABEL.test(h.text));

  const block: TitleBlock = {
    end, linesEnd, pos: positionOf(prepared, file), transcription: readCredit(body, credit, end),
    responsibility: readResponsibility(front), rights: readRights(front), statements: readStatements(front),
  };
  const part = partLabel(front);
  if (part) block.part = part;
  const published = readFirstPublished(front);
  if (published) block.published = published;
  // the first heading is the author's name, unless the next one only joins it to the rest of the
  // title (`<H1>STALIN'S SPEECHES</H1> <H4>ON THE</H4> …`): a page with no author heading
  const titled = headings.length > 1 && continuesTitle(body, headings[0], headings[1]!);
  const author = titled ? undefined : headings[0];
  const rest = titled ? headings : headings.slice(1);
  const titleParts = rest.length ? rest : author ? [author] : [];
  if (rest.length > 0 && author) block.author = cleanName(author.text);
  if (titleParts.length) {
    const first = titleParts[0]!;
    const same = titleParts.filter((_, i) => titleParts.slice(0, i + 1).every((p, k) => p.tag === first.tag || continuesTitle(body, titleParts[k - 1], p)));
    // a joining word set in lower case between headings in capitals is cased with them
    const capitals = !same.some((h) => /\p{Ll}/u.test(h.text));
    const parts = same.map((h, i) => (i ? `${joiner(body, same[i - 1]!, h, capitals)}${h.text}` : h.text));
    block.title = sensibleCase(collapse(parts.join(' ')).trim());
    const subtitle = titleBlockSubtitle(body, same.at(-1)!.end, linesEnd, isNoteRef, part, block.author);
    if (subtitle) block.subtitle = subtitle;
  }
  // a date line under the title, else the statement of when it was written
  const date = titleBlockDate(front) ?? readWritten(front);
  if (date && (date.when ?? date.from)) {
    const year = date.misprintedYear ?? (date.when ?? date.from)!.slice(0, 4);
    const at = textNodes(body).find((t) => startOffset(t) < end && t.value.includes(year));
    block.date = { ...date, pos: at ? positionOf(at, file) : block.pos };
  }
  const statements = readPrintStatements(body, front, opening ? startOffset(opening) : startOffset(prepared), block.title);
  if (statements.print) block.print = statements.print;
  if (statements.basis) block.basis = statements.basis;
  // a publisher stated only in the copyright line of the edition (`© NLB, 1976`): its holder
  if (!block.print?.publisher) {
    const { translator, editor } = block.responsibility;
    const holder = editionRightsHolder(front, [block.author, translator, editor]);
    if (holder) block.print = { ...(block.print ?? { collection: '', place: '', date: '', printings: [] }), publisher: holder };
  }
  const rangeText = textNodes(body).find((t) => startOffset(t) < end && /\bpp?\.\s*\d/i.test(t.value));
  if (rangeText) block.rangePos = positionOf(rangeText, file);
  const img = elements(body).find((e) => tag(e) === 'img' && startOffset(e) < end && attr(e, 'src'));
  if (img) block.cover = figureOf(img, file);
  return block;
}

/** A line that runs on into the next (it ends in a comma, a digit or a lower-case letter). */
const RUNS_ON = /[,\d\p{Ll}]\s*$/u;

/** A line of a statement of the work's printing: it says so, or names a periodical's issue. */
const printing = (line: string): boolean => /\b(?:published|printed|issue)\b/i.test(line) || namesIssue(line);

/**
 * The lines running on into line `i` say where and how the text was delivered, and none of them
 * anything of a printing: the date under them is the work's (not under `Report Delivered at …` /
 * `Pravda, Nos. 106 and 107,` / `May 12 and 13, 1925`: that date is the printing's).
 */
function isDelivery(lines: string[], i: number): boolean {
  let from = i - 1;
  while (from > 0 && RUNS_ON.test(lines[from - 1]!)) from--;
  const run = lines.slice(from, i);
  return !run.some(printing) && /\b(delivered|lecture|speech|report|address)\b/i.test(run.join(' '));
}

/**
 * The date of the work in the title block: the first line, before the print statements, that is a
 * date and nothing else (`June 8, 1926` under a subtitle, `(January 25, 1926)` in small type,
 * `July 29-August 9, 1927`, `[1946]`). A date under a newspaper's name and number (`Pravda, No. 89,`
 * / `April 18, 1926`) dates the first publication, not the work.
 */
function titleBlockDate(front: string[]): (ReadDate & { text: string }) | undefined {
  // a range broken after its dash (`Dictated in December 1922-` / `January 1923`) is one line
  const lines = front.join('\n').replace(/-\n/g, '-').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(From|Based on)\b/i.test(line)) return undefined;
    const date = readDate(line);
    if (!date) continue;
    // the end of a note running over several lines (`First printed … at the end of` / `March 1899`,
    // `Pravda, No. 89,` / `April 18, 1926`) is not a date line of its own; the end of a subtitle
    // saying where the text was delivered (`A Lecture Delivered` / `at the Sverdlov University,` /
    // `July 11, 1919`) is the date it was delivered
    if (i > 0 && RUNS_ON.test(lines[i - 1]!) && !isDelivery(lines, i)) continue;
    return { ...date, text: line };
  }
  return undefined;
}

export function figureOf(img: Element, file: string): Figure {
  const fig: Figure = { type: 'figure', src: attr(img, 'src')!, pos: positionOf(img, file) };
  const w = Number(attr(img, 'width'));
  const h = Number(attr(img, 'height'));
  if (w > 0) fig.width = w;
  if (h > 0) fig.height = h;
  const alt = attr(img, 'alt');
  if (alt) fig.description = alt;
  return fig;
}

function textNodes(root: Node): (Node & { value: string })[] {
  const texts: (Node & { value: string })[] = [];
  const walk = (n: Node) => {
    if (isText(n)) texts.push(n);
    for (const c of childrenOf(n)) walk(c);
  };
  walk(root);
  return texts;
}

function findPrepared(body: Node): Node | undefined {
  return textNodes(body).find((t) => /Prepared\b[\s\S]*for the\s+Internet/i.test(t.value));
}

/** Text of the nodes wholly inside [from, to), in document order. */
function textBetween(root: Node, from: number, to: number): string {
  let out = '';
  const walk = (n: Node) => {
    const s = startOffset(n);
    if (s >= to) return;
    if (isText(n)) {
      if (s >= from) out += n.value;
      return;
    }
    if (tag(n) === 'br' && s >= from) out += '\n';
    if (tag(n) === 'a' && s >= from && attr(n, 'href')?.startsWith('mailto:')) out += ' ';
    for (const c of childrenOf(n)) walk(c);
  };
  walk(root);
  return out;
}

/**
 * Lines of text (split at BR, P, headings, cells) of the nodes inside [from, to), without the note
 * references (`Novoye Slovo,[45]` is `Novoye Slovo,`).
 */
function linesBetween(root: Node, from: number, to: number, isNoteRef: (e: Element) => boolean): string[] {
  let out = '';
  const breaking = new Set(['br', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'tr', 'hr', 'center', 'table']);
  let closeBracket = false;
  const walk = (n: Node) => {
    const s = startOffset(n);
    if (s >= to) return;
    if (isText(n)) {
      // letter-spaced type (`E D I T E D&nbsp; B Y`) is read as its words, as display headings are
      const value = closeBracket ? n.value.replace(/^\s*\]/, '') : n.value;
      closeBracket = false;
      if (s >= from) out += splitLetterSpaced(value).map((p) => p.text).join('').replace(/\n/g, ' ');
      return;
    }
    if (isNoteRef(n as Element)) {
      out = out.replace(/\[\s*$/, '');
      closeBracket = true;
      return;
    }
    if (breaking.has(tag(n))) out += '\n';
    for (const c of childrenOf(n)) walk(c);
    if (breaking.has(tag(n))) out += '\n';
  };
  walk(root);
  return out.split('\n').map((l) => collapse(l).trim()).filter(Boolean);
}

interface Display {
  tag: string;
  text: string;
  /** Source offsets of the heading. */
  start: number;
  end: number;
}

/**
 * A title set in headings of alternating sizes (`<H3>THE</H3> <H2>PROVISIONAL …</H2> <H3>AND</H3>
 * <H2>SOCIAL-DEMOCRACY</H2>`): a heading of another size continues the title when it follows the
 * previous one directly, both are large (H1-H4) and in capitals, and one of them is only a joining
 * word (a subtitle such as `A POPULAR OUTLINE` under the title is not part of it).
 */
function continuesTitle(body: Node, prev: Display | undefined, h: Display): boolean {
  if (!prev || !/^(h[1-4]|font\+)$/.test(h.tag) || !/^(h[1-4]|font\+)$/.test(prev.tag)) return false;
  // a closing qualifier in parentheses (`(BOLSHEVIKS)`) continues the title as a joining word does
  const qualifier = /^\([^()]+\)$/.test(h.text);
  if (/\p{Ll}/u.test(prev.text + h.text) || !(connective(prev.text) || connective(h.text) || qualifier)) return false;
  // a single enlarged letter is an initial (`<FONT SIZE=+2>A</FONT>MERICAN`), not a line of the title
  if (!/\p{L}{2}/u.test(h.text)) return false;
  return !collapse(textBetween(body, prev.end, h.start)).trim();
}

/** `THE`, `AND`, `OF THE`: a line of the title that only joins the lines around it. */
function connective(text: string): boolean {
  const words = collapse(text).trim().toLowerCase().split(' ');
  return words.length <= 2 && words.every((w) => ['the', 'and', 'of', 'on', 'or', 'in', 'to'].includes(w));
}

/**
 * A title printed as two headings joined by a plain word between them (`LETTER TO THE CONGRESS` /
 * `and` / `GRANTING …`): the word is part of the title. Returns it with a trailing space, or ''.
 */
function joiner(body: Node, a: Display, b: Display, capitals: boolean): string {
  const between = collapse(textBetween(body, a.end, b.start)).trim();
  if (!/^[\p{L}&]+(?: [\p{L}&]+)?$/u.test(between) || between.length > 12) return '';
  return `${capitals ? between.toUpperCase() : between} `;
}

/** The display lines of the title page: headings and enlarged type (`<FONT SIZE=+3><B>`). */
function displayHeadings(root: Node, to: number, isNoteRef: (e: Element) => boolean): Display[] {
  const out: Display[] = [];
  const walk = (n: Node) => {
    if (startOffset(n) >= to) return;
    const t = tag(n);
    const size = attr(n, 'size') ?? '';
    const big = t === 'font' && (/^\+[1-9]/.test(size) || /^[4-7]$/.test(size));
    if (/^h[1-6]$/.test(t) || big || spacedInitials(n)) {
      const text = displayText(n, isNoteRef);
      if (text) out.push({ tag: /^h[1-6]$/.test(t) ? t : 'font+', text, start: startOffset(n), end: endOffset(n) });
      return;
    }
    for (const c of childrenOf(n)) walk(c);
  };
  walk(root);
  return out;
}

/**
 * The lines of a display heading. A heading left open (`<H2>THE ELECTION …<H2>` with a start tag
 * for its end tag) holds the rest of the title block, rule included: only its first lines in
 * capitals before any block are display type, and that is often nothing.
 */
function displayText(n: Node, isNoteRef: (e: Element) => boolean): string {
  // display type is often letter-spaced (`H I S T O R Y`, `O F &nbsp;T H E`): its words rejoined
  const lines = (t: string) => t.split('\n').map((l) => collapse(splitLetterSpaced(l).map((p) => p.text).join('')).trim()).filter(Boolean);
  const words = (c: Node) => textWithoutRefs(c, isNoteRef);
  if (!elements(n).some((e) => tag(e) === 'hr')) return lines(words(n)).join('\n');
  const kids = childrenOf(n);
  const cut = kids.findIndex((c) => /^(p|hr|table|center|ul|font|div)$/.test(tag(c)));
  const head = (cut < 0 ? kids : kids.slice(0, cut)).map((c) => (tag(c) === 'br' ? '\n' : words(c))).join('');
  const display = lines(head);
  const end = display.findIndex((l) => /\p{Ll}/u.test(l));
  return (end < 0 ? display : display.slice(0, end)).join('\n');
}

/** The text of `n` (textOf) without its note references and their brackets (`TITLE[1]` is `TITLE`). */
function textWithoutRefs(n: Node, isNoteRef: (e: Element) => boolean): string {
  if (!elements(n).some(isNoteRef) && !isNoteRef(n as Element)) return textOf(n);
  let out = '';
  let closeBracket = false;
  const walk = (c: Node) => {
    if (isText(c)) {
      out += closeBracket ? c.value.replace(/^\s*\]/, '') : c.value;
      closeBracket = false;
    } else if (tag(c) === 'br') out += '\n';
    else if (isNoteRef(c as Element)) {
      out = out.replace(/\[\s*$/, '');
      closeBracket = true;
    } else for (const k of childrenOf(c)) walk(k);
  };
  walk(n);
  return out;
}

/**
 * A line in capitals with enlarged initials (`<B><FONT SIZE=+2>A</FONT>MERICAN <FONT SIZE=+2>C</FONT>
 * OMMUNIST</B>`): the whole inline element is one display line, not a run of one-letter headings.
 */
function spacedInitials(n: Node): boolean {
  if (!/^(b|i|strong|em|font|span)$/.test(tag(n))) return false;
  const kids = childrenOf(n);
  return kids.some((c, k) => {
    if (tag(c) !== 'font' || !/^\+[1-9]/.test(attr(c, 'size') ?? '')) return false;
    const next = kids[k + 1];
    return /^\p{Lu}$/u.test(collapse(textOf(c)).trim()) && next !== undefined && isText(next) && /^\p{Lu}/u.test(next.value);
  });
}

/** `KARL MARX\nFREDERICK ENGELS` → `Karl Marx and Frederick Engels`; `[Communist Party of China]` unbracketed. */
function cleanName(text: string): string {
  // `J. V.` / `STALIN`: initials on a line of their own belong to the name on the next line
  const lines = text.replace(/^((?:\p{Lu}\.\s*)+)\n/gmu, '$1 ').split('\n');
  // `KARL MARX` / `and` / `FREDERICK ENGELS`: the joining word on a line of its own is no name
  const names = lines.map((l) => sensibleCase(collapse(l.replace(/^\[|\]$/g, '')).trim())).filter((l) => l && !/^(and|&)$/i.test(l));
  return names.length === 2 ? `${names[0]} and ${names[1]}` : names.join(', ');
}

function readCredit(body: Node, credit: string, end: number): TitleBlock['transcription'] {
  const t: TitleBlock['transcription'] = { transcriber: '' };
  const by = credit.match(/for the\s+Internet\s+by\s+([^,(<\n]+?)\s*(?:,|\(|$)/i);
  if (by) t.transcriber = by[1]!.trim();
  // the transcriber's claim of rights: the © the credit sets (`Prepared © for the Internet by …`),
  // by whom it credits; the credit's words are the respStmt's, not said again
  if (t.transcriber && /Prepared\b[^©\n]*©[\s\S]*?for the\s+Internet\s+by\b/i.test(credit)) t.rights = `© ${t.transcriber}`;
  const mail = elements(body).find((e) => startOffset(e) < end && attr(e, 'href')?.startsWith('mailto:'));
  if (mail) t.email = attr(mail, 'href')!.slice('mailto:'.length);
  const dates = [...credit.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim());
  const made = dates.find((d) => !/Correct|Updat/i.test(d));
  if (made) t.date = withIso(made, made);
  const updated = dates.find((d) => /Correct|Updat/i.test(d));
  if (updated) {
    const when = updated.match(/([A-Za-z]+\s+\d{4})\s*$/);
    // the words in the brackets, as the date of the preparation is (`Corrected and Updated January 2002`)
    t.updated = withIso(collapse(updated).trim(), when?.[1] ?? '');
  }
  return t;
}

function withIso(text: string, date: string): { text: string; when?: string } {
  const when = isoDate(date);
  return when ? { text, when } : { text };
}
