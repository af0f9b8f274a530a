/**
 * The sentences of encodingDesc/editorialDecl: what teikit repaired, regularised and joined in
 * this edition, stated from the edition itself (counts and page numbers), not boilerplate.
 */
import type { Edition, Inline, PageBreak, Repair } from '../model/types.js';
import { forEachBlockInlines } from './context.js';
import { byCodePoint } from '../util/order.js';

export interface EditionStats {
  /** Regularised readings by original form (`--` → 3). */
  normalised: Map<string, { reg: string; count: number }>;
  /** Every page break, in document order. */
  pageBreaks: PageBreak[];
  /** Page breaks inside words, by kind. */
  wordBreaks: { hyphen: PageBreak[]; compound: PageBreak[]; word: PageBreak[] };
}

export function editionStats(edition: Edition): EditionStats {
  const stats: EditionStats = { normalised: new Map(), pageBreaks: [], wordBreaks: { hyphen: [], compound: [], word: [] } };
  const visit = (list: Inline[]): void => {
    for (const node of list) {
      if (node.type === 'norm') {
        const entry = stats.normalised.get(node.orig) ?? { reg: node.reg, count: 0 };
        entry.count++;
        stats.normalised.set(node.orig, entry);
      } else if (node.type === 'pb') {
        stats.pageBreaks.push(node);
        if (node.wordBreak !== 'none') stats.wordBreaks[node.wordBreak].push(node);
      } else if ('children' in node) {
        visit(node.children);
      }
    }
  };
  forEachBlockInlines([...edition.front, ...edition.body], visit);
  for (const item of edition.notes?.items ?? []) {
    if ('pb' in item) visit([item.pb]);
    else forEachBlockInlines(item.blocks, visit);
  }
  return stats;
}

/**
 * The paragraphs a witness split in mid-sentence: which witness was repaired, on what evidence
 * (the base that has one paragraph there, or, for a witness read alone, the split sentence
 * itself), how many splits stand where the witness lost a print page marker, and where the
 * variants are recorded.
 */
function describeSplits(witness: string, list: Repair[], base: string): string {
  const evidence = [...new Set(list.flatMap((r) => r.evidence ?? []))].sort();
  const lost = list.filter((r) => r.lostPage !== undefined);
  const where = lost.length
    ? `; ${lost.length} of them stand where it also lost the marker of print page(s) ${lost.map((r) => r.lostPage).join(', ')}, ${list.length - lost.length} have no marker lost`
    : '';
  const fixed = witness === base
    ? `they are rejoined in the reading text, as the sentence runs on across each split`
    : evidence.length
      ? `the reading text keeps the paragraphs of ${evidence.map((w) => `#${w}`).join(', ')}, which has each as one paragraph (evidence: ${evidence.map((w) => `#${w}`).join(', ')})`
      : `they are rejoined, as the sentence runs on across each split`;
  const recorded = list.some((r) => r.at) ? ' Each split is recorded as a paragraphing variant of that witness in standOff/listApp.' : '';
  return `The witness #${witness} splits ${list.length} paragraph(s) in mid-sentence${where}: ${fixed}.${recorded}`;
}

const REPAIR_SENTENCES: Record<Repair['kind'], (n: number, witnesses: string) => string> = {
  'rejoin-paragraph': (n, w) => `${n} paragraph split(s) in mid-sentence were rejoined (${w}).`,
  'supply-page-break': (n, w) =>
    `${n} print page break(s) missing from a reprint were supplied from ${w}; pb/@source names the witnesses that attest each break.`,
  'drop-duplicate-page-break': (n, w) => `${n} repeated page marker(s) were dropped (${w}).`,
};

export function describeCorrection(edition: Edition, stats: EditionStats): string {
  const kept = 'The text is kept as transcribed in the base witness';
  const partial = describePartialAttestation(edition, stats);
  if (edition.repairs.length === 0) return `${kept} (#${edition.baseWitness}); no repairs were needed.${partial}`;
  const parts: string[] = [];
  const splits = edition.repairs.filter((r) => r.kind === 'rejoin-paragraph');
  for (const w of [...new Set(splits.map((r) => r.witness))].sort()) {
    parts.push(describeSplits(w, splits.filter((r) => r.witness === w), edition.baseWitness));
  }
  for (const kind of Object.keys(REPAIR_SENTENCES) as Repair['kind'][]) {
    if (kind === 'rejoin-paragraph') continue;
    const list = edition.repairs.filter((r) => r.kind === kind);
    if (list.length === 0) continue;
    const witnesses = [...new Set(list.map((r) => `#${r.witness}`))].sort().join(', ');
    parts.push(REPAIR_SENTENCES[kind](list.length, witnesses));
  }
  return `${kept} (#${edition.baseWitness}). ${parts.join(' ')}${partial} Each repair is listed with its source position in the conversion report.`;
}

/** ` Print page breaks 275, 278, 279 are attested by #m2m only (pb/@source).` when witnesses differ. */
function describePartialAttestation(edition: Edition, stats: EditionStats): string {
  const texts = edition.witnesses.filter((w) => w.kind !== 'print').map((w) => w.id);
  if (texts.length < 2) return '';
  const partial = stats.pageBreaks.filter((pb) => texts.some((w) => !pb.attestedBy.includes(w)));
  if (partial.length === 0) return ` Every print page break is attested by all witnesses (${texts.map((w) => `#${w}`).join(', ')}).`;
  const groups = new Map<string, string[]>();
  for (const pb of partial) {
    const key = pb.attestedBy.map((w) => `#${w}`).join(', ');
    groups.set(key, [...(groups.get(key) ?? []), pb.n]);
  }
  const said = [...groups].map(([by, pages]) => `print page break(s) ${pages.join(', ')} are attested by ${by} only`);
  return ` Witnesses differ in their page markers: ${said.join('; ')} (pb/@source names the witnesses attesting each break).`;
}

export function describeNormalisation(stats: EditionStats): string {
  const forms = [...stats.normalised.entries()].sort(([a], [b]) => byCodePoint(a, b));
  const done =
    forms.length === 0
      ? 'No readings needed regularisation.'
      : forms.map(([orig, { reg, count }]) => `"${orig}" is regularised to "${reg}" (${count} time(s))`).join('; ') +
        ', with both readings kept in choice/orig/reg.';
  return `${done} Quotation marks and spelling are kept as transcribed.`;
}

export function describeHyphenation(stats: EditionStats): string {
  const { hyphen, compound, word } = stats.wordBreaks;
  const pages = (list: PageBreak[]) => list.map((pb) => pb.n).join(', ');
  const parts = ['Words split across print pages are joined; pb break="no" marks the split.'];
  if (hyphen.length) parts.push(`The printed end-of-line hyphen was removed and is recorded as rend="hyphen" at page(s) ${pages(hyphen)}.`);
  if (compound.length) parts.push(`A real compound hyphen is kept in the text at page(s) ${pages(compound)}.`);
  if (word.length) parts.push(`A word split without a hyphen at page(s) ${pages(word)}.`);
  if (!hyphen.length && !compound.length && !word.length) parts.push('No word is split across pages in this text.');
  return parts.join(' ');
}
