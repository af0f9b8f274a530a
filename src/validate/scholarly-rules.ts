/**
 * Rules of the house encoding that compare what the header says with what the text has
 * (encoding.md; issue 9, "Validation rules"), for TEI edited by hand:
 * - `ranges`: a page range (`biblScope`/`citedRange unit="page"`) runs from ≤ to, and the page
 *   breaks of its edition in the text (not the back's notes) lie inside it (the part's
 *   `citedRange` where there is one);
 * - `pointers` (with rules.ts): `pb/@edRef` names a print edition (a `biblStruct`/`bibl`, not a
 *   witness read);
 * - `notes` (with rules.ts): a note reference prints the label its `@n` says;
 * - `hyphenation`: `hyphenation/@eol` agrees with the hyphens kept at page breaks;
 * - `dates`: the date of the work (`creation/date`) is the date of a dateline of the text.
 * Each finding is at the element at fault, with a stable code.
 */
import type { Severity } from '../model/types.js';
import type { BreakFact, ElementFact, Facts } from './wellformed.js';

export type Report = (severity: Severity, el: ElementFact, code: string, message: string) => void;

/** Value of a page number (arabic or roman), from rules.ts, passed in to avoid an import cycle. */
type PageValue = (n: string) => { kind: 'arabic' | 'roman'; value: number } | undefined;

export function checkPageRanges(facts: Facts, report: Report, pageValue: PageValue): void {
  // The range the breaks are compared with, per edition: the part's citedRange, else biblScope.
  const rangeOf = new Map<string, ElementFact>();
  for (const r of facts.pageRanges) {
    const { from, to } = r.attrs;
    const a = from !== undefined ? pageValue(from) : undefined;
    const b = to !== undefined ? pageValue(to) : undefined;
    if (a && b && a.kind === b.kind && a.value > b.value) {
      report('error', r, 'page-range-order', `<${r.name} unit="page" from="${from}" to="${to}">: @from comes after @to`);
      continue;
    }
    if (r.owner && a && b && (r.name === 'citedRange' || !rangeOf.has(r.owner))) rangeOf.set(r.owner, r);
  }
  for (const [owner, range] of rangeOf) {
    const from = pageValue(range.attrs.from!)!;
    const to = pageValue(range.attrs.to!)!;
    // the back's notes may stand on the volume's last pages, outside the work's range
    const pbs = facts.pbs.filter((pb) => !pb.inBack && pb.attrs.edRef?.split(/\s+/).includes(`#${owner}`));
    const inKind = pbs.map((pb) => ({ pb, v: pageValue(pb.attrs.n ?? '') })).filter((x) => x.v?.kind === from.kind);
    const outside = inKind.filter(({ v }) => v!.value < from.value || v!.value > to.value);
    if (outside.length === 0) continue;
    const first = outside[0]!.pb;
    const more = outside.length > 1 ? ` (and ${outside.length - 1} more page break(s) of #${owner} outside it)` : '';
    report('warning', first, 'page-range-mismatch',
      `<pb n="${first.attrs.n}" edRef="#${owner}"> lies outside the pages the header gives for #${owner}, ${range.attrs.from}-${range.attrs.to} (<${range.name}> at line ${range.line})${more}`);
  }
}

/** pb/@edRef must name a print edition of the header, not a witness read (a transcription, a reprint). */
export function checkEdRefs(facts: Facts, report: Report): void {
  for (const pb of facts.pbs) {
    for (const token of (pb.attrs.edRef ?? '').split(/\s+/).filter((t) => t.startsWith('#'))) {
      const target = facts.ids.get(token.slice(1));
      if (!target) continue; // a dangling pointer: rules.ts says so
      const print = (target.name === 'biblStruct' || target.name === 'bibl') && (target.attrs.type === undefined || target.attrs.type === 'print');
      if (!print) {
        const what = target.attrs.type ? `<${target.name} type="${target.attrs.type}">` : `<${target.name}>`;
        report('error', pb, 'edref-not-print', `<pb n="${pb.attrs.n ?? '?'}" edRef="${pb.attrs.edRef}">: ${what} at line ${target.line} is not a print edition; @edRef names the edition whose page this is (a biblStruct type="print")`);
      }
    }
  }
}

/** A note reference prints its label: `<ref type="noteref" n="3">3</ref>`, not `>4<`. */
export function checkNoteRefLabels(facts: Facts, report: Report): void {
  for (const ref of facts.refs) {
    if (ref.attrs.type !== 'noteref' || ref.text === undefined || ref.attrs.n === undefined) continue;
    const label = ref.text.replace(/\s+/g, '').replace(/^\[(.*)\]$/, '$1');
    if (label !== '' && label !== ref.attrs.n) {
      report('warning', ref, 'noteref-text', `<ref type="noteref" n="${ref.attrs.n}"> prints "${ref.text.trim()}": its text and @n give different labels`);
    }
  }
}

const HYPHEN = /[-\u2010\u2011\u00AD]/;

/**
 * `hyphenation/@eol` against the page breaks inside words: "none" says no end-of-line hyphen
 * remains, so a hyphen kept before `pb break="no"` contradicts it ("hard": the kept ones are real
 * hyphens); "all" says every one remains, so a removed one (`rend="hyphen"`) contradicts it.
 */
export function checkHyphenation(facts: Facts, report: Report): void {
  // a TEI's own declaration speaks of its breaks; a teiCorpus's of those of members without one
  const declared = new Set(facts.hyphenations.map((d) => d.member));
  for (const decl of facts.hyphenations) {
    const breaks = facts.breaks.filter((b) => b.pb.member === decl.member || (decl.member === undefined && !declared.has(b.pb.member)));
    checkDeclaration(decl, breaks, report);
  }
}

function checkDeclaration(decl: ElementFact, breaks: BreakFact[], report: Report): void {
  const eol = decl.attrs.eol;
  if (eol === undefined) return;
  const kept = (b: BreakFact) => b.pb.attrs.rend !== 'hyphen' && HYPHEN.test(b.before);
  const removed = (b: BreakFact) => b.pb.attrs.rend === 'hyphen';
  const at = (list: BreakFact[]) => list.map((b) => `${b.pb.attrs.n ?? '?'} (line ${b.pb.line})`).join(', ');
  if (eol === 'none') {
    const list = breaks.filter(kept);
    if (list.length > 0) report('warning', decl, 'hyphenation-eol', `<hyphenation eol="none"> says no end-of-line hyphen remains, but a hyphen is kept before the page break(s) ${at(list)}; eol="hard" says they are real hyphens`);
  } else if (eol === 'all') {
    const list = breaks.filter(removed);
    if (list.length > 0) report('warning', decl, 'hyphenation-eol', `<hyphenation eol="all"> says every end-of-line hyphen remains, but the hyphen was removed (rend="hyphen") at the page break(s) ${at(list)}`);
  }
}

/** The ISO dates an element states (@when, @from/@to, @notBefore/@notAfter). */
function isoOf(el: ElementFact): string[] {
  return ['when', 'from', 'to', 'notBefore', 'notAfter'].map((a) => el.attrs[a]).filter((v): v is string => v !== undefined);
}

/** Two ISO dates agree when one is the other or a part of it (`1939-09` and `1939-09-28`). */
function agree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** A date inside the period a date element gives (`@from`…`@to`: LFA17's letters of March 7-26, 1917). */
function within(iso: string, period: ElementFact): boolean {
  const { from, to } = period.attrs;
  if (from === undefined || to === undefined) return false;
  return iso.slice(0, from.length) >= from && iso.slice(0, to.length) <= to;
}

/** The date of the work agrees with a dateline of the text, where both give one. */
export function checkCreationDate(facts: Facts, report: Report): void {
  for (const creation of facts.creationDates) {
    // the datelines of the same text: a teiCorpus's member is dated by its own
    const lines = facts.datelineDates.filter((d) => isoOf(d).length > 0 && d.member === creation.member);
    if (lines.length === 0) continue;
    const dates = isoOf(creation);
    if (dates.length === 0) continue;
    if (lines.some((d) => isoOf(d).some((x) => dates.some((y) => agree(x, y)) || within(x, creation)))) continue;
    const first = lines[0]!;
    report('warning', creation, 'creation-dateline', `the date of the work (creation/date, ${dates.join('/')}) agrees with no dateline of the text: the first dates it ${isoOf(first).join('/')} ("${(first.text ?? '').replace(/\s+/g, ' ').trim()}", line ${first.line})`);
  }
}
