/**
 * The print statements of a title block, each said for what it is: the edition the page was
 * transcribed from ("From V. I. Lenin, *Collected Works*, …, Vol. 3, pp. 21-607"), the range of the
 * part this page holds when it is printed beside the whole work's (`(pp. 21-69)`), and the edition
 * a text is "Based on" (`Based on J. V. Stalin, *Works*, …, Vol. 8, pp. 13-96`). Page ranges may be
 * roman (`pp. XVIII-XXI`).
 */
import type { PageRange, PrintWitness } from '../../model/types.js';
import { sensibleCase } from './case.js';
import { childrenOf, collapse, isElement, isText, startOffset, tag, textOf, type Node } from './dom.js';

export type PrintFacts = Omit<PrintWitness, 'kind' | 'id' | 'basedOn'>;

export interface PrintStatements {
  /** The edition transcribed (its page numbers are the markers'). */
  print?: PrintFacts;
  /** The edition that one is "Based on". */
  basis?: PrintFacts;
}

const BASED_ON = /^Based on\b/i;

/**
 * @param lines the title block's lines before the transcriber's credit
 * @param to source offset where those lines end (italic collection titles are looked up before it)
 */
export function readPrintStatements(body: Node, lines: string[], to: number, title: string | undefined): PrintStatements {
  const cut = lines.findIndex((l) => BASED_ON.test(l));
  const from = cut < 0 ? lines : lines.slice(0, cut);
  const out: PrintStatements = {};
  const print = readPrint(from.join('\n'), italicAfter(body, to, /\bFrom\b/), title);
  if (print) out.print = print;
  if (cut >= 0) {
    const basis = readPrint(lines.slice(cut).join('\n'), italicAfter(body, to, /\bBased on\b/i), undefined);
    if (basis) out.basis = basis;
  }
  return out;
}

/**
 * The italic collection title after a word (`From the <B><I>Selected Works…</I></B>`). The word
 * counts only outside italics: a subtitle such as `<H6><I>From Speeches Delivered at …</I>, <I>
 * C.P.S.U.(B.) …</I></H6>` is the work's own, and its italics are not a collection. (Headings are
 * no test: an unclosed `<H2>` holds the rest of a title block, print statement included.)
 */
function italicAfter(root: Node, to: number, word: RegExp): string | undefined {
  let seen = false;
  let found: string | undefined;
  const walk = (n: Node, displayed: boolean) => {
    if (found !== undefined || startOffset(n) >= to) return;
    if (isText(n) && !displayed && word.test(n.value)) seen = true;
    if (seen && isElement(n) && tag(n) === 'i') {
      found = collapse(textOf(n)).trim().replace(/,$/, '');
      return;
    }
    const inside = displayed || (isElement(n) && /^(i|em)$/.test(tag(n)));
    for (const c of childrenOf(n)) walk(c, inside);
  };
  walk(root, false);
  return found || undefined;
}

/** The name before the collection's title: `From J. V. Stalin, *Works*`, `Based on V. I. Lenin, …` (not `From the …`). */
const COLLECTION_AUTHOR = /^(?:From|Based on)\s+((?:\p{Lu}\.\s*)+\p{Lu}[\p{L}'-]+|\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3}(?:\s+and\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3})?),/mu;

const ORDINAL = /^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(st|nd|rd|th))\b/i;
const INLINE_EDITION = /\b(?:First|Second|Third|Fourth|Fifth|Sixth|\d+(?:st|nd|rd|th))\s+(?:[A-Z][a-z]+\s+)?(?:Edition|Printing)\b/g;
/** A page number as printed: arabic, or roman in a volume's front matter. */
const PAGE = String.raw`(?:\d+|[IVXLC]+\b)`;
const RANGE = new RegExp(String.raw`(\()?\s*(?:Vol\.\s*([IVXLC]+|\d+)\s*[,.]\s*)?\b(pp?\.\s*(${PAGE})(?:\s*[-–]\s*(${PAGE}))?)`, 'gi');

function readPrint(text: string, collection: string | undefined, title: string | undefined): PrintFacts | undefined {
  const publisherMatch =
    text.match(/Foreign Languages (Press|Publishing House)|Progress Publishers|International Publishers(?: Co\.?,? Inc\.?)?/i) ??
    // any other imprint, named in capitals (`PROLETARIAN PUBLISHERS`, `Red Star Press`)
    text.match(/(?:\p{Lu}[\p{L}.&']*\s+){1,4}(?:Publishers|Publishing House|Press|PUBLISHERS|PUBLISHING HOUSE|PRESS)\b/u);
  const ranges = [...text.matchAll(RANGE)];
  if (!publisherMatch && !ranges.length) return undefined;
  const after = publisherMatch ? text.slice(publisherMatch.index) : text;
  const author = text.match(COLLECTION_AUTHOR)?.[1];
  // the year after the place (`Peking 1967`); a title page with none (`PEKING` / `First Edition
  // 1978`) is dated by its latest edition or printing statement
  const imprint =
    after.match(/\b(Peking|Beijing|Moscow|New York|London)\b(?:[\s,]*(\d{4}))?/i) ??
    // another place: the line under the publisher's name, a name and nothing else (`San Francisco`)
    after.match(/^[^\n]*\n((?:\p{Lu}\p{Ll}+|\p{Lu}+)(?: (?:\p{Lu}\p{Ll}+|\p{Lu}+)){0,2})[,.]?(?:[\s,]*(\d{4}))?\s*(?:\n|$)/u);
  // a line of its own (`Second Printing 1967`) or a phrase inside the "From" line (`Collected
  // Works, 4th English Edition,`)
  const printings = text.split('\n').flatMap((l) => {
    if (ORDINAL.test(l) && /\b(Edition|Printing|Impression)\b/i.test(l)) return [l.replace(/[.,]$/, '')];
    return [...l.matchAll(INLINE_EDITION)].map((m) => m[0]);
  });
  const print: PrintFacts = {
    collection: collection ?? title ?? '',
    ...(collection && author ? { collectionAuthor: author } : {}),
    publisher: publisherMatch ? sensibleCase(publisherMatch[0]) : '',
    place: imprint ? sensibleCase(imprint[1]!) : '',
    date: imprint?.[2] ?? (imprint ? latestYear(printings) : '') ?? '',
    printings,
  };
  // the whole work's range is the one stated with the volume (else the last); a range in
  // parentheses printed before it is the part of the work this page holds
  const whole = ranges.find((m) => m[2]) ?? ranges.at(-1);
  if (whole) {
    if (whole[2]) print.volume = whole[2];
    print.pages = rangeOf(whole);
  }
  const part = ranges.find((m) => m !== whole && m[1]);
  if (part) print.partPages = rangeOf(part);
  return print;
}

function latestYear(statements: string[]): string | undefined {
  const years = statements.flatMap((p) => p.match(/\b\d{4}\b/g) ?? []).sort();
  return years.at(-1);
}

function rangeOf(m: RegExpMatchArray): PageRange {
  const from = m[4]!;
  const to = m[5] ? expandTo(from, m[5]) : from;
  return { from, to, text: collapse(m[3]!).trim() };
}

/** `275-83` → 283; `201-202` → 202; roman numbers are printed whole. */
function expandTo(from: string, to: string): string {
  if (!/^\d+$/.test(from) || !/^\d+$/.test(to)) return to;
  return to.length >= from.length ? to : from.slice(0, from.length - to.length) + to;
}
