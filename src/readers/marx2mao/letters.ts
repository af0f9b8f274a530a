/**
 * The frame of a letter, a preface or an address: the salutation that opens it (`Dear Comrade,`)
 * and the signature with its place and date that close it (`Frederick Engels` / `London, April 30,
 * 1891`). The TEI writer puts them in `opener` and `closer`. See docs/encoding.md, "Letters".
 */
import type { Block, Dateline, Inline, Paragraph, Signed } from '../../model/types.js';
import { readDate } from './dates.js';
import { plainText, plainLine } from '../../model/plain-text.js';
import { isPostscript } from '../../model/walk.js';

/** A salutation: short, ending in a comma or exclamation mark; a colon only after an address
 * (`Comrades:`), not after a phrase that introduces a quotation (`Marx continues:`). */
const SALUTE_END = /[,!]$/;
const ADDRESS = /^"?(dear|my dear|comrades?|friends|gentlemen|citizens|workers|to)\b/i;
/** The usual openings of a letter, wherever the salutation stands. */
const SALUTE_WORDS = /^"?(dear|my dear|esteemed|respected)\b/i;

function words(children: readonly Inline[]): string[] {
  return plainLine(children).split(' ').filter(Boolean);
}

export function isContent(b: Block): boolean {
  return b.type !== 'pbBlock' && b.type !== 'noteBlock' && !(b.type === 'division' && b.kind === 'notes');
}

/**
 * A paragraph right after a title, subtitle, byline or dateline is a salutation when it is a short line
 * ending in `,` (`Comrades,`), or in `:` after an address (`Comrades, Friends:`), or begins with
 * `Dear` (`Dear Comrade,`).
 */
export function markSalute(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type !== 'paragraph' || (b.rend && b.rend !== 'indent')) continue;
    const prev = blocks.slice(0, i).reverse().find(isContent);
    if (!(prev?.type === 'dateline' || prev?.type === 'heading' || prev?.type === 'subtitle' || prev?.type === 'byline')) continue;
    const text = plainText(b.children).trim();
    const n = words(b.children).length;
    const ends = SALUTE_END.test(text) || (text.endsWith(':') && ADDRESS.test(text));
    if (ends && (n <= 15 || (SALUTE_WORDS.test(text) && n <= 25))) {
      blocks[i] = { type: 'salute', children: b.children, ...(b.pos ? { pos: b.pos } : {}) };
    }
  }
}

/** A place and date line (`London, April 30, 1891`, `Moscow` / `December 17, 1918`, `August 1917`). */
export function placeAndDate(p: Paragraph): Dateline | undefined {
  if (p.rend === 'center' || words(p.children).length > 12) return undefined;
  // the date is the last line, or what follows the place's comma
  const lines: Inline[][] = [[]];
  for (const c of p.children) {
    if (c.type === 'lb') lines.push([]);
    else lines.at(-1)!.push(c);
  }
  const last = lines.at(-1)!;
  const text = plainText(last).trim();
  const comma = text.indexOf(',');
  const whole = readDate(text);
  const tail = whole ?? (comma > 0 ? readDate(text.slice(comma + 1).trim()) : undefined);
  if (!tail) return undefined;
  const { misprintedYear: _, ...when } = tail;
  // the date inline holds the date's own text; the place stays before it
  const single = last.length === 1 && last[0]!.type === 'text' ? last[0]!.value : undefined;
  if (whole || single === undefined) {
    const before = p.children.slice(0, p.children.length - last.length);
    return { type: 'dateline', children: [...before, { type: 'date', ...when, children: last }], ...(p.pos ? { pos: p.pos } : {}) };
  }
  const cut = single.indexOf(',') + 1;
  const lead = single.slice(0, cut) + (single.slice(cut).match(/^\s*/)?.[0] ?? '');
  const before = p.children.slice(0, p.children.length - 1);
  return {
    type: 'dateline',
    children: [...before, { type: 'text', value: lead }, { type: 'date', ...when, children: [{ type: 'text', value: single.slice(lead.length) }] }],
    ...(p.pos ? { pos: p.pos } : {}),
  };
}

/** A right-aligned short line: a signature (`Frederick Engels`, `The Author`, `N. Lenin`). */
function signature(b: Block): Signed | undefined {
  if (b.type === 'signed') return b;
  if (b.type !== 'paragraph' || b.rend !== 'right' || words(b.children).length > 25) return undefined;
  return { type: 'signed', children: b.children, ...(b.pos ? { pos: b.pos } : {}) };
}

/**
 * The closing salutation a signature line may open with (`Yours,`, `Yours faithfully,`, `With
 * communist greetings,`), up to its comma: the letter's salute, printed on the signature's line.
 */
const VALEDICTION = /^\s*(?:(?:very\s+)?(?:yours|ever\s+yours)(?:\s+(?:truly|faithfully|sincerely|fraternally|ever))?|(?:with\s+)?(?:(?:communist|comradely|fraternal|revolutionary|socialist|warm(?:est)?|best)\s+)?(?:greetings|regards|salutations?)|salud)\s*,\s*/i;

/** A signature line that opens with a closing salutation (`Yours, N. Lenin`): salute and signed. */
function splitValediction(signed: Signed): Block[] {
  const text = plainText(signed.children);
  const m = VALEDICTION.exec(text);
  // the name must follow on the line: a bare `Yours,` is a salute over a signature of its own
  if (!m || !/\p{L}/u.test(text.slice(m[0].length))) return [signed];
  const comma = m[0].lastIndexOf(',') + 1;
  const [salute, rest] = splitInlines(signed.children, comma);
  // the space or line break between them is layout: two elements now
  const [, name] = splitInlines(rest, m[0].length - comma);
  const pos = signed.pos ? { pos: signed.pos } : {};
  return [{ type: 'salute', children: salute, ...pos }, { type: 'signed', children: name, ...pos }];
}

/** Inlines cut at a character offset of their plain text, wrappers (emphasis, links) cut in two. */
export function splitInlines(list: readonly Inline[], at: number): [Inline[], Inline[]] {
  const before: Inline[] = [];
  const after: Inline[] = [];
  let pos = 0;
  for (const node of list) {
    const len = plainText([node]).length;
    if (pos + len <= at && !(len === 0 && pos === at)) before.push(node);
    else if (pos >= at) after.push(node);
    else if (node.type === 'text') {
      before.push({ ...node, value: node.value.slice(0, at - pos) });
      after.push({ ...node, value: node.value.slice(at - pos) });
    } else if ('children' in node) {
      const [x, y] = splitInlines(node.children, at - pos);
      if (x.length > 0) before.push({ ...node, children: x } as Inline);
      if (y.length > 0) after.push({ ...node, children: y } as Inline);
    } else before.push(node);
    pos += len;
  }
  return [before, after];
}

/**
 * The end of a division: a signature, with the place and date line printed under (or over) it,
 * standing last (page breaks, foot notes and a document's own notes may follow) becomes `signed`
 * and `dateline`. A division that would hold nothing but its closer (a page cut short after its
 * first right-aligned line) has none: a closer ends a text, it is not one.
 */
export function markCloser(blocks: Block[]): void {
  // the editors' statements of the source (end-statements.ts) and a postscript stand under the closer
  const content = [...blocks.keys()].filter((k) => isContent(blocks[k]!) && blocks[k]!.type !== 'statement' && !isPostscript(blocks[k]!));
  const last = content.at(-1);
  if (last === undefined) return;
  const signedAt = signature(blocks[last]!) ? last : content.at(-2);
  const signed = signedAt === undefined ? undefined : signature(blocks[signedAt]!);
  if (!signed || signedAt === undefined) {
    markClosingDate(blocks, last, content.at(-2));
    return;
  }
  // the place and date line under the signature, or over it
  const lineAt = signedAt !== last ? last : content.at(-2);
  const b = lineAt === undefined ? undefined : blocks[lineAt];
  const line = b?.type === 'paragraph' ? placeAndDate(b) : b?.type === 'dateline' && lineAt! > signedAt ? b : undefined;
  if (signedAt !== last && !line) return;
  const from = line && lineAt! < signedAt ? lineAt! : signedAt;
  if (!blocks.slice(0, from).some(isText)) return;
  if (line) blocks[lineAt!] = line;
  blocks.splice(signedAt, 1, ...splitValediction(signed));
}

/**
 * A text that ends with its date alone, unsigned (TUTB21: `January 25, 1921` under its last
 * paragraph): the date line of its end. A date of a day or a month only, not a year alone (a
 * paragraph `1917` may be anything), and not centred (a heading's line).
 */
function markClosingDate(blocks: Block[], last: number, before: number | undefined): void {
  const b = blocks[last]!;
  // under the text's last words: a line under a short one (LTC22's `Continuation of the notes.` /
  // `December 27, 1922`) opens what follows rather than closing what went before
  const prev = before === undefined ? undefined : blocks[before];
  if (!prev || !(prev.type === 'quote' || prev.type === 'list' || (prev.type === 'paragraph' && words(prev.children).length >= 15))) return;
  if (b.type !== 'paragraph' || b.rend === 'center') return;
  const line = placeAndDate(b);
  const date = line?.children.find((c) => c.type === 'date');
  const when = date?.type === 'date' ? (date.when ?? date.from) : undefined;
  if (!line || !when || !/^\d{4}-\d{2}/.test(when)) return;
  // only the date and a place before it: `Moscow, January 25, 1921`, not a sentence ending in a date
  if (words(b.children).length > 6) return;
  // a name in italics over the date is a periodical's (`Zarnitsa, June 20, 1950`): a statement of
  // where the text was printed (end-statements.ts), not a place
  if (b.children.some((c) => c.type !== 'text')) return;
  blocks[last] = line;
}

/** A block of the text itself, which a closer may end (not a heading, an opener or a page break). */
function isText(b: Block): boolean {
  return isContent(b) && !['heading', 'subtitle', 'byline', 'dateline', 'salute', 'titlePage'].includes(b.type);
}

/** `P.S.`, `P. S.`, `P.P.S.` opening a paragraph. */
const PS = /^\s*(?:P\.\s?){1,2}S\.(?=\s|$|[^\p{L}])/u;

/**
 * A postscript: from a paragraph opening `P.S.` to the end of a division's text, after its text
 * (LFA17's `P.S. I forgot to date my previous letter March 20 (7).` under the letter's signature
 * and date; APSD02's after the article's closing asterisks; DCR99i's preface's, two paragraphs).
 * Only paragraphs and quotations may follow it, up to the editors' statements and the notes: a
 * `P.S.` a heading or section follows is a quoted letter's, inside the text.
 */
export function markPostscript(blocks: Block[]): void {
  const content = [...blocks.keys()].filter((k) => isContent(blocks[k]!) && blocks[k]!.type !== 'statement');
  const at = content.find((k) => opensPostscript(blocks, content, k));
  if (at === undefined) return;
  // the postscript runs to its last block of content; statements, page breaks and notes after it stay
  const end = (content.at(-1) ?? at) + 1;
  const first = blocks[at] as Paragraph;
  const ps: Block = { type: 'division', kind: 'postscript', blocks: blocks.slice(at, end), ...(first.pos ? { pos: first.pos } : {}) };
  blocks.splice(at, end - at, ps);
}

function opensPostscript(blocks: Block[], content: number[], at: number): boolean {
  const b = blocks[at]!;
  if (b.type !== 'paragraph' || b.rend === 'center' || !PS.test(plainText(b.children))) return false;
  const after = content.filter((k) => k > at);
  if (!after.every((k) => ['paragraph', 'quote', 'signed', 'dateline'].includes(blocks[k]!.type))) return false;
  if (!blocks.slice(0, at).some(isText)) return false;
  // after the text's end: its signature or date line, or a centred line (asterisks, a rule's
  // words); else it is one of the last two paragraphs (DCR99i's runs on to one more)
  const before = content.filter((k) => k < at).at(-1);
  const prev = before === undefined ? undefined : blocks[before]!;
  const ended = prev !== undefined && (prev.type === 'signed' || prev.type === 'dateline' || (prev.type === 'paragraph' && (prev.rend === 'right' || prev.rend === 'center' || !!placeAndDate(prev))));
  return ended || after.length <= 1;
}

/** Salutations and closers in every division (and the body of a single work). */
export function markLetterFrames(blocks: Block[]): void {
  markSalute(blocks);
  markPostscript(blocks);
  markCloser(blocks);
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') markLetterFrames(b.blocks);
}
