/**
 * The statements of a title block beyond title, author and print edition, each read for what it
 * is (encoding.md, "Header"): who edited and who translated the edition and from what language
 * (`Translated from the Russian` / `by Yuri Sdobnikov and George Hanna` / `Edited by George
 * Hanna`), the first publication (`First published in 1902` / `in a hectograph edition`), and the
 * copyright lines (`© Louis Althusser, 1973`, `Copyright, 1939, by` / `INTERNATIONAL PUBLISHERS …`).
 * Names and statements are kept as printed; statements run over lines until the next statement.
 */
import { sensibleCase } from './case.js';
import type { DateStatement } from '../../model/types.js';
import { readDate, type ReadDate } from './dates.js';

export interface Responsibility {
  editor?: string;
  translator?: string;
  /** `Russian`, `Georgian`. */
  translatedFrom?: string;
}

/** A line that begins a statement of its own: a statement before it ends there (also title-refs.ts). */
export const STATEMENT = /^(?:From\b|Based on\b|Translated\b|Edited\b|Published according\b|Printed from\b|Signed\b|Unsigned\b|Reprinted\b|This edition\b|["“]?[\s.]*reprinted\b|Written\b|Witten\b|Dictated\b|First (?:published|printed)\b|Published (?:in|at|on)\b|Publighed\b|©|Copyright\b|Prepared\b|\(?pp?\.\s*\d|Vol\.)/i;

/** The lines of a statement: its first line and the lines that continue it. */
function statementAt(lines: string[], i: number, more: (line: string, previous: string) => boolean = () => true): string {
  const parts = [lines[i]!];
  for (let k = i + 1; k < lines.length && !STATEMENT.test(lines[k]!) && more(lines[k]!, lines[k - 1]!); k++) parts.push(lines[k]!);
  // a word broken at a line's end (`miscel-` / `lany`) is one word again; after a month's name
  // (`February-` / `first half of March`) the hyphen is a dash, kept as printed: `February-first`
  return parts
    .join('\n')
    .replace(/(\p{L}*\p{Ll})-\n(\p{Ll})/gu, (_all, word: string, next: string) => (new RegExp(`^${MONTH}$`, 'i').test(word) ? `${word}-${next}` : `${word}${next}`))
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export function readResponsibility(lines: string[]): Responsibility {
  const out: Responsibility = {};
  const text = lines.join('\n');
  const from = /Translated\s+from\s+the\s+(\p{Lu}\p{Ll}+)/u.exec(text);
  if (from) out.translatedFrom = from[1]!;
  const i = lines.findIndex((l) => /^Translated\b/i.test(l));
  if (i >= 0) {
    // `by` at the end of the line or opening the next one; names run on over lines that begin `and`
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    const own = /\bby\s+(.+)$/i.exec(line)?.[1];
    const names = own ?? (/\bby$/i.test(line) ? next : /^by\s+(.+)$/i.exec(next)?.[1]);
    if (names) out.translator = clean(names);
  }
  const e = lines.findIndex((l) => /^Edited by\s+\S/i.test(l));
  if (e >= 0) {
    // names run on over a line that begins `and`, or after one that ends in a joining word
    // (`EDITED BY A COMMISSION OF THE` / `CENTRAL COMMITTEE OF THE C. P. S. U. (B.)`)
    const names = statementAt(lines, e, (l, prev) => /^(and|&)\s/i.test(l) || /\b(of|the|and|for)$/i.test(prev)).replace(/^Edited by\s+/i, '');
    // set in capitals, as display type is: cased as the title is
    out.editor = /\p{Ll}/u.test(names) ? clean(names) : sensibleCase(clean(names));
  }
  return out;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[.,;]$/, '').trim();
}

const FIRST = /^(?:First (?:published|printed)\b|Published (?:in|at|on)\b|Publighed\b)/i;

/** The first publication as the title block states it, dated where it names a date. */
export function readFirstPublished(lines: string[]): DateStatement | undefined {
  const i = lines.findIndex((l) => FIRST.test(l));
  if (i < 0) return readIssue(lines);
  // `Part I of this article was` / `published in …`: the statement begins on the line before
  const lead = i > 0 && /\b(?:was|were)$/i.test(lines[i - 1]!) ? `${lines[i - 1]} ` : '';
  const text = lead + statementAt(lines, i);
  return { text, ...datedWithin(text) };
}

/**
 * A periodical's issue or issues: `No. 29`, `No. 13 (71)` (the year's number and the running one),
 * `Nos. 256 and 257`, `Nos. 3-4`.
 */
const ISSUE_NO = String.raw`\bNos?\.\s*\d+(?:\s*\(\d+\))?(?:\s*(?:and|[-–])\s*\d+(?:\s*\(\d+\))?)?`;
/** Does the line name a periodical's issue or issues (`Pravda, Nos. 106 and 107,`)? */
export function namesIssue(line: string): boolean {
  return NAMES_ISSUE.test(line);
}
const NAMES_ISSUE = new RegExp(ISSUE_NO);
/** The issue ending its line (`Pravda, No. 29,`, `(Our Life), No. 1,`), its date on the next. */
const ISSUE = new RegExp(String.raw`${ISSUE_NO}\s*,?$`);
/** The issue and its date on one line (`Pravda, No. 15, January 18, 1929`). */
const ISSUE_DATED = new RegExp(String.raw`${ISSUE_NO}\s*,\s*(.+)$`);

/** An issue's date, or its two issues' (`November 5 and 6, 1926`), as a DateStatement's fields. */
function issueDate(text: string | undefined): { when: string } | { from: string; to: string } | undefined {
  const d = text === undefined ? undefined : readDate(text);
  if (d?.when) return { when: d.when };
  return d?.from && d.to ? { from: d.from, to: d.to } : undefined;
}

/**
 * The first publication stated without "Published": a periodical's name and issue over a date
 * (`Elva (The Lightning), No. 14,` / `March 29, 1906`; `The magazine Kommunistichesky
 * Internatsional,` / `No. 13 (71),` / `December 10, 1926`), or beside it on one line (`Pravda, No.
 * 15, January 18, 1929`): the date is the issue's, not the work's.
 */
function readIssue(lines: string[]): DateStatement | undefined {
  let at = lines.findIndex((l, k) => ISSUE.test(l) && !STATEMENT.test(l) && issueDate(lines[k + 1]) !== undefined);
  let date = at < 0 ? undefined : issueDate(lines[at + 1]);
  let end = at + 2;
  if (at < 0) {
    at = lines.findIndex((l) => !STATEMENT.test(l) && issueDate(ISSUE_DATED.exec(l)?.[1]) !== undefined);
    if (at < 0) return undefined;
    date = issueDate(ISSUE_DATED.exec(lines[at]!)![1]);
    end = at + 1;
  }
  // the periodical's name on the line before an issue line that opens without it (a name in
  // parentheses, the name's translation; the number alone), unless that line is a date or another
  // statement
  const before = lines[at - 1];
  const named = before !== undefined && !STATEMENT.test(before) && readDate(before) === undefined;
  const from = /^(?:\(|Nos?\.)/.test(lines[at]!) && named ? at - 1 : at;
  const text = lines.slice(from, end).join(' ').replace(/\s+/g, ' ').trim();
  return { text, ...date };
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** A span of years in parentheses, as a collection's title gives it (`Articles and Speeches (1921-27)`). */
const TITLE_SPAN = /\(\d{4}\s*[-–]\s*\d{2,4}\)/g;

/**
 * The first full date, month and year, or year in a statement (`in November 7, 1920 in …`); a
 * year of a collection's span in its title is not the date of its publication when the statement
 * gives another (`First published in: J. Stalin, On the Opposition. Articles and Speeches
 * (1921-27), Moscow and Leningrad, 1928`: 1928).
 */
function datedWithin(text: string): { when?: string } {
  const re = new RegExp(String.raw`(?:${MONTH}\s+\d{1,2},?\s+\d{4})|(?:${MONTH},?\s+\d{4})|\b\d{4}\b`, 'g');
  const spans = [...text.matchAll(TITLE_SPAN)].map((m) => [m.index, m.index + m[0].length] as const);
  const dated = [...text.matchAll(re)].flatMap((m) => {
    const when = readDate(m[0])?.when;
    return when ? [{ when, inSpan: spans.some(([from, to]) => m.index >= from && m.index < to) }] : [];
  });
  const first = dated.find((d) => !d.inSpan) ?? dated[0];
  return first ? { when: first.when } : {};
}

const WRITTEN = /^(?:Written|Witten|Dictated)\b/i;

/**
 * When the work was written, as the title block states it (Lenin's *Collected Works*: `Written
 * August-September 1916`, `Written on October 8 (21), 1917`, `Written between December 1847` /
 * `and January 1848`, `Written in spring 1897`): the statement as printed, dated as far as it says.
 * A date given in both styles (`October 8 (21), 1917`: Old Style, then New) is dated by the New,
 * the Gregorian calendar TEI's @when is in (readDate); a season or a vaguer phrase by its year(s).
 */
export function readWritten(lines: string[]): (ReadDate & { text: string }) | undefined {
  const i = lines.findIndex((l) => WRITTEN.test(l));
  if (i < 0) return undefined;
  const text = statementAt(lines, i);
  const exact = readDate(text);
  if (exact) return { ...exact, text };
  // the statement's first clause (`Written July 1916; published 1917`: the writing only)
  // (`Written by Marx in December 1847`: who wrote it is no part of when)
  const body = text.replace(/^(?:Written|Witten|Dictated)(?:\s+by\s+(?:\p{Lu}[\p{L}.'-]*\s+){1,3}?(?=(?:on|in|between)\b))?\s*(?:on\s+|in\s+|between\s+)?/iu, '').split(/;|\.\s/)[0]!.replace(/[.,]$/, '');
  // `not earlier than 1910`: a bound, not a date; kept as printed, undated
  if (/\bnot\s+(?:earlier|later)\s+than\b/i.test(body)) return { text };
  const clause = readDate(body);
  if (clause) return { ...clause, text };
  // the New Style date in full in brackets: `December 24-27, 1917 (January 6-9, 1918)`
  const bracketed = /\(([^()]*\d{4})\)\s*$/.exec(body);
  const inBrackets = bracketed ? readDate(bracketed[1]!) : undefined;
  if (inBrackets) return { ...inBrackets, text };
  // in 1896-99, 1896-1899
  const span = /\b(1[5-9]\d\d)\s*[-–]\s*(\d{2}|\d{4})\b/.exec(body);
  if (span) {
    const to = span[2]!.length === 2 ? `${span[1]!.slice(0, 2)}${span[2]}` : span[2]!;
    if (to > span[1]!) return { from: span[1]!, to, text };
  }
  const years = [...new Set(body.match(/\b1[5-9]\d\d\b/g) ?? [])];
  if (years.length === 1) return { when: years[0]!, text };
  if (years.length === 2 && years[0]! < years[1]!) return { from: years[0]!, to: years[1]!, text };
  return { text };
}

/**
 * The title block's other statements about the text, as printed: whether and how it was signed,
 * and what it is printed from (`Signed: N. Lenin`, `Published according to the manuscript`).
 */
export function readStatements(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    // also an edition's history on a copyright page (`Réponse à John Lewis was published by
    // François Maspero, 1973`, `This edition, … first published 1976`) and a publisher's note
    // quoted in the title block (`" . . . reprinted with a few corrections of the translation …"`)
    if (/^(?:Signed\b|Unsigned\b|Published according\b|Printed from\b|Reprinted\b|This edition\b|["“]?[\s.]*reprinted\b)/i.test(l) || /^\S.*\bwas published (?:by|in)\b/.test(l)) out.push(statementAt(lines, i));
  });
  return out;
}

/**
 * A holder that names a body, not a person: a publisher's word (`Press`, `Publishers`, `Books`,
 * `Co.`, `Inc.`) or initials in capitals (`NLB`).
 */
const BODY = /(?<!\p{L})(?:[Pp]ress|PRESS|[Pp]ublish(?:ers?|ing)|PUBLISH(?:ERS?|ING)|[Bb]ooks|BOOKS|[Vv]erlag|[ÉE]ditions?|[ÉE]DITIONS?|Co\.|CO\.|Inc\.?|INC\.?|Ltd\.?|LTD\.?|[Cc]ompany|COMPANY)(?!\p{L})|^\p{Lu}{2,6}$/u;

/**
 * The holder a copyright line names (`© NLB, 1976` → `NLB`; `Copyright, 1939, by INTERNATIONAL
 * PUBLISHERS CO., INC.` → `INTERNATIONAL PUBLISHERS CO., INC.`), without its years.
 */
function holderOf(line: string): string {
  return line
    .replace(/^(?:Copyright\b\s*©?|©)\s*/i, '')
    .replace(/^[\s,]*(?:\d{4}[\s,]*)*(?:by\s+)?/i, '')
    .replace(/[\s,]*\d{4}(?:\s*[-–]\s*\d{2,4})?\.?$/, '')
    .replace(/[\s,;]+$/, '')
    .trim();
}

/**
 * The print edition's publisher as a title block states it only in the copyright line of that
 * edition (ESC76ii's `This edition, Essays in Self-Criticism, first published 1976` / `© NLB,
 * 1976`; the lines `© Louis Althusser, 1973` … are the author's, of the texts' first editions): the
 * holder of the line set under the statement of this edition (`This edition …`), else of the one
 * copyright line, or the lines naming one holder; only a holder that names a body (a publisher's
 * word, initials in capitals), never a person the title block names (`persons`: its author,
 * translator, editor).
 * Kept as printed (a name of several words in capitals re-cased as a title is; initials as they
 * are); undefined where no line says it.
 */
export function editionRightsHolder(lines: string[], persons: (string | undefined)[]): string | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}]+/gu, '');
  const people = new Set(persons.filter((p): p is string => !!p).map(key));
  const held = lines.flatMap((l, i) => {
    if (!/^(?:©|Copyright\b)/i.test(l)) return [];
    const holder = holderOf(/\bby$/i.test(l) && lines[i + 1] ? `${l} ${lines[i + 1]}` : l);
    return holder && !people.has(key(holder)) && BODY.test(holder) ? [{ at: i, holder }] : [];
  });
  // the line under this edition's statement: the nearest statement before it is `This edition …`
  const own = held.find(({ at }) => {
    let k = at - 1;
    while (k >= 0 && !STATEMENT.test(lines[k]!)) k--;
    return k >= 0 && /^This edition\b/i.test(lines[k]!);
  });
  const holder = own?.holder ?? (new Set(held.map((h) => key(h.holder))).size === 1 ? held[0]!.holder : undefined);
  if (!holder) return undefined;
  return /\s/.test(holder) ? sensibleCase(holder) : holder;
}

/** Copyright lines of the title block (not the transcriber's "Prepared ©" line). */
export function readRights(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (!/^(?:©|Copyright\b)/i.test(l)) return;
    // `Copyright, 1939, by` / `INTERNATIONAL PUBLISHERS CO., INC.`: the holder is on the next line
    out.push(/\bby$/i.test(l) && lines[i + 1] ? `${l} ${lines[i + 1]}` : l);
  });
  return out;
}
