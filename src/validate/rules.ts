/**
 * The rules of the house encoding that RELAX NG cannot express (docs/schema.md, "Rules"):
 * ids are unique and every `#pointer` resolves (to the right kind of element); the print page
 * numbers of one edition increase (arabic and roman numbers each among themselves); every
 * numbered note is referenced and every note reference has its note; a note's page back-reference
 * names a real page; `pb break="no"` stands inside a word. Works on the facts wellformed.ts
 * collected in its single pass.
 */
import type { Diagnostic, Severity } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import { RULE_NAMES } from '../names.js';
import type { BreakFact, ElementFact, Facts } from './wellformed.js';
import { irregularPages, pageValue } from '../model/page-sequence.js';
import { checkCreationDate, checkEdRefs, checkHyphenation, checkNoteRefLabels, checkPageRanges } from './scholarly-rules.js';

/** What a pointer attribute may point to (element names); absent: anything. */
const POINTER_TARGETS: Record<string, string[]> = {
  'pb@edRef': ['biblStruct', 'bibl', 'witness'],
  'pb@source': ['biblStruct', 'bibl', 'witness'],
  'ref[noteref]@target': ['note'],
  'note@target': ['ref', 'ptr'],
  'relatedItem@target': ['biblStruct', 'bibl', 'witness'],
  'app@from': ['anchor'],
  'catRef@target': ['category'],
  'ptr@resp': ['respStmt'],
  'seg@resp': ['respStmt'],
};

export { RULE_NAMES };
export type RuleName = (typeof RULE_NAMES)[number];

/** Marks a message as a house rule, not TEI P5: a foreign file may well break it and still be good TEI. */
export function houseRuleLabel(rule: RuleName): string {
  return ` [teikit house rule: ${rule}]`;
}

export function checkRules(facts: Facts, file: string, rules: ReadonlySet<RuleName> = new Set(RULE_NAMES)): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reporter =
    (rule: RuleName): Report =>
    (severity, el, code, message) =>
      out.push(diagnostic(severity, code, message + houseRuleLabel(rule), { file, line: el.line, column: el.column }));

  if (rules.has('ids')) {
    const report = reporter('ids');
    for (const { el, first } of facts.duplicateIds) {
      report('error', el, 'duplicate-id', `xml:id "${el.attrs['xml:id']}" on <${el.name}> is already used by <${first.name}> at line ${first.line}`);
    }
  }
  if (rules.has('pointers')) {
    checkPointers(facts, reporter('pointers'));
    checkEdRefs(facts, reporter('pointers'));
  }
  if (rules.has('pages')) checkPageOrder(facts.pbs, reporter('pages'));
  if (rules.has('notes')) {
    checkNotes(facts, reporter('notes'));
    checkNoteRefLabels(facts, reporter('notes'));
  }
  if (rules.has('ranges')) checkPageRanges(facts, reporter('ranges'), pageValue);
  if (rules.has('hyphenation')) checkHyphenation(facts, reporter('hyphenation'));
  if (rules.has('dates')) checkCreationDate(facts, reporter('dates'));
  if (rules.has('pagerefs')) checkPageRefs(facts, reporter('pagerefs'));
  if (rules.has('breaks')) for (const b of facts.breaks) checkBreak(b, reporter('breaks'));
  return out;
}

/** `--rules all|none|ids,pointers,…` → the set of rules; an unknown name is a usage error (thrown). */
export function parseRuleList(spec: string): Set<RuleName> {
  if (spec === 'all') return new Set(RULE_NAMES);
  if (spec === 'none' || spec === '') return new Set();
  const names = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(RULE_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new Error(`unknown rule "${unknown[0]}" (known: all, none, ${RULE_NAMES.join(', ')})`);
  }
  return new Set(names as RuleName[]);
}

type Report = (severity: Severity, el: ElementFact, code: string, message: string) => void;

function describe(el: ElementFact): string {
  const type = el.attrs.type ? ` type="${el.attrs.type}"` : '';
  const n = el.attrs.n !== undefined ? ` n="${el.attrs.n}"` : '';
  return `<${el.name}${type}${n}>`;
}

function checkPointers(facts: Facts, report: Report): void {
  for (const { el, attr, value } of facts.pointers) {
    const isNoteRef = el.name === 'ref' && el.attrs.type === 'noteref';
    const key = isNoteRef && attr === 'target' ? 'ref[noteref]@target' : `${el.name}@${attr}`;
    for (const token of value.split(/\s+/).filter(Boolean)) {
      // a note reference points into the document: `n4` is `#n4` missing its `#` when such an id exists
      if (isNoteRef && attr === 'target' && !token.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(token)) {
        const hint = facts.ids.has(token) ? `; did you mean "#${token}"?` : '';
        report('error', el, 'noteref-without-note', `${describe(el)} @target="${token}" is not a pointer into the document (#id)${hint}`);
        continue;
      }
      if (!token.startsWith('#')) continue; // a URL, not a same-document pointer
      const id = token.slice(1);
      const target = facts.ids.get(id);
      if (!target) {
        if (isNoteRef && attr === 'target') {
          report('error', el, 'noteref-without-note', `${describe(el)} points to note "${token}", but there is no note with xml:id "${id}"`);
        } else {
          report('error', el, 'dangling-pointer', `${describe(el)} @${attr}="${value}": no element has xml:id "${id}"`);
        }
        continue;
      }
      const allowed = POINTER_TARGETS[key];
      if (allowed && !allowed.includes(target.name)) {
        const code = isNoteRef ? 'noteref-without-note' : 'wrong-pointer-target';
        report('error', el, code, `${describe(el)} @${attr}="${token}" points to <${target.name}> at line ${target.line}; expected ${allowed.map((a) => `<${a}>`).join(' or ')}`);
      }
    }
  }
}

export { pageValue } from '../model/page-sequence.js';

/**
 * Page numbers of one edition increase (arabic and roman each among themselves). A single wrong
 * number is blamed on itself, not on the correct pages after it: a page higher than the page after
 * it, where that next page follows the one before, is the one out of place (275, 276, 377, 278).
 */
function checkPageOrder(pbs: ElementFact[], report: Report): void {
  // Per edition and kind of number, the page breaks in document order.
  const runs = new Map<string, { el: ElementFact; value: number }[]>();
  for (const pb of pbs) {
    const n = pb.attrs.n;
    if (n === undefined) continue; // the schema reports a pb without @n
    const page = pageValue(n);
    if (!page) {
      report('warning', pb, 'page-number', `<pb n="${n}"> is neither an arabic nor a roman page number: its order cannot be checked`);
      continue;
    }
    const key = `${pb.attrs.edRef ?? '(no edRef)'}\u0000${page.kind}`;
    const run = runs.get(key) ?? [];
    run.push({ el: pb, value: page.value });
    runs.set(key, run);
  }
  for (const run of runs.values()) {
    for (const [i, why] of irregularPages(run.map((r) => r.value))) {
      const cur = run[i]!;
      const prev = why.prev !== undefined ? run[why.prev]!.el : undefined;
      const next = why.next !== undefined ? run[why.next]!.el : undefined;
      const where = next
        ? `stands ${prev ? `after page ${prev.attrs.n} (line ${prev.line}) and ` : ''}before page ${next.attrs.n} (line ${next.line})`
        : `${why.kind === 'repeated' ? 'repeats' : 'comes after'} page ${prev!.attrs.n} (line ${prev!.line})`;
      outOfOrder(cur.el, where, report);
    }
  }
}

/** One page break out of sequence: a warning where the encoding declares it (pb/@type), else an error. */
function outOfOrder(pb: ElementFact, where: string, report: Report): void {
  const n = pb.attrs.n;
  if (pb.attrs.type === 'out-of-sequence' || pb.attrs.type === 'repeated') {
    report('warning', pb, 'page-irregular', `<pb n="${n}" type="${pb.attrs.type}"> ${where}, as the source has it`);
    return;
  }
  report('error', pb, 'page-order', `<pb n="${n}" edRef="${pb.attrs.edRef ?? '(no edRef)'}"> ${where}: page numbers of one edition must increase`);
}

function checkNotes(facts: Facts, report: Report): void {
  // note id → references pointing to it
  const refsTo = new Map<string, ElementFact[]>();
  for (const ref of facts.refs) {
    if (ref.attrs.type === 'pageref') continue;
    for (const t of (ref.attrs.target ?? '').split(/\s+/)) {
      if (!t.startsWith('#')) continue;
      const list = refsTo.get(t.slice(1)) ?? [];
      list.push(ref);
      refsTo.set(t.slice(1), list);
    }
  }
  for (const note of facts.notes) {
    const id = note.attrs['xml:id'];
    const refs = id ? (refsTo.get(id) ?? []) : [];
    const back = (note.attrs.target ?? '').split(/\s+/).filter((t) => t.startsWith('#') && facts.ids.has(t.slice(1)));
    const numbered = /^\d+$/.test(note.attrs.n ?? '');
    if (refs.length === 0 && back.length === 0) {
      if (note.attrs.type === 'unreferenced') {
        report('warning', note, 'note-unreferenced', `${describe(note)}${id ? ` (xml:id "${id}")` : ''} is declared unreferenced (@type): the source prints it without a reference`);
        continue;
      }
      report(numbered ? 'error' : 'warning', note, 'note-unreferenced', `${describe(note)}${id ? ` (xml:id "${id}")` : ''} is not referenced: no <ref> points to it and its @target names no reference`);
      continue;
    }
    for (const ref of refs) {
      if (ref.attrs.type !== 'noteref') continue;
      const refId = ref.attrs['xml:id'];
      if (note.attrs.target !== undefined && refId && !note.attrs.target.split(/\s+/).includes(`#${refId}`)) {
        report('warning', note, 'note-backlink', `${describe(note)} @target does not name its reference "#${refId}" (line ${ref.line})`);
      }
      if (ref.attrs.n !== undefined && note.attrs.n !== undefined && ref.attrs.n !== note.attrs.n) {
        report('warning', ref, 'noteref-label', `${describe(ref)} points to ${describe(note)}: the printed labels differ`);
      }
    }
  }
}

function checkPageRefs(facts: Facts, report: Report): void {
  const pages = new Set(facts.pbs.map((pb) => pb.attrs.n));
  for (const ref of facts.refs) {
    if (ref.attrs.type !== 'pageref') continue;
    const n = ref.attrs.n;
    if (n === undefined) continue; // the schema reports it
    if (!pageValue(n)) {
      // A source may link a note back to a place that has no page ("[preface]"): say so, no more.
      report('warning', ref, 'pageref-invalid', `<${ref.name} type="pageref" n="${n}">: @n is not a page number (arabic or roman), so it cannot be checked`);
      continue;
    }
    if (!pages.has(n)) {
      report('warning', ref, 'pageref-unknown-page', `<${ref.name} type="pageref" n="${n}">: no <pb n="${n}"> in this document`);
      continue;
    }
    const anchor = ref.attrs.target?.startsWith('#') ? facts.ids.get(ref.attrs.target.slice(1)) : undefined;
    if (anchor && anchor.page !== undefined && anchor.page !== n) {
      report('warning', ref, 'pageref-mismatch', `<${ref.name} type="pageref" n="${n}"> points to <${anchor.name}> at line ${anchor.line}, which is on page ${anchor.page}`);
    }
  }
}

const WORD = /[\p{L}\p{N}]/u;
const HYPHEN = /[-\u2010\u2011\u00AD]/;

function checkBreak(b: BreakFact, report: Report): void {
  const { pb, before, after } = b;
  const show = (c: string) => (c === '' ? 'nothing (a block boundary)' : /\s/.test(c) ? 'white space' : `"${c}"`);
  const hyphenRemoved = pb.attrs.rend === 'hyphen';
  const beforeOk = WORD.test(before) || (!hyphenRemoved && HYPHEN.test(before));
  if (beforeOk && WORD.test(after)) return;
  const tag = `<pb n="${pb.attrs.n ?? '?'}" break="no"${hyphenRemoved ? ' rend="hyphen"' : ''}>`;
  if (hyphenRemoved && HYPHEN.test(before)) {
    report('error', pb, 'break-not-in-word', `${tag}: rend="hyphen" says the printed hyphen was removed, but the text before it still ends with "${before}"`);
    return;
  }
  report('error', pb, 'break-not-in-word', `${tag} must stand inside a word (between letters or digits${hyphenRemoved ? '' : ', or after a kept hyphen'}); it has ${show(before)} before and ${show(after)} after`);
}
