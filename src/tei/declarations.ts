/**
 * The sentences of encodingDesc/editorialDecl: what teikit repaired, regularised and joined in
 * this edition, stated from the edition itself (counts and page numbers), not boilerplate.
 */
import type { Edition, Inline, PageBreak, Repair } from '../model/types.js';
import { forEachBlockInlines } from './context.js';

export interface EditionStats {
  /** Regularised readings by original form (`--` → 3). */
  normalised: Map<string, { reg: string; count: number }>;
  /** Page breaks inside words, by kind. */
  wordBreaks: { hyphen: PageBreak[]; compound: PageBreak[]; word: PageBreak[] };
}

export function editionStats(edition: Edition): EditionStats {
  const stats: EditionStats = { normalised: new Map(), wordBreaks: { hyphen: [], compound: [], word: [] } };
  const visit = (list: Inline[]): void => {
    for (const node of list) {
      if (node.type === 'norm') {
        const entry = stats.normalised.get(node.orig) ?? { reg: node.reg, count: 0 };
        entry.count++;
        stats.normalised.set(node.orig, entry);
      } else if (node.type === 'pb') {
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

const REPAIR_SENTENCES: Record<Repair['kind'], (n: number, witnesses: string) => string> = {
  'rejoin-paragraph': (n, w) => `${n} paragraph split(s) in mid-sentence were rejoined, following ${w}.`,
  'supply-page-break': (n, w) =>
    `${n} print page break(s) missing from a reprint were supplied from ${w}; pb/@source names the witnesses that attest each break.`,
  'drop-duplicate-page-break': (n, w) => `${n} repeated page marker(s) were dropped (${w}).`,
};

export function describeCorrection(edition: Edition): string {
  const kept = 'The text is kept as transcribed in the base witness';
  if (edition.repairs.length === 0) return `${kept}; no repairs were needed.`;
  const parts: string[] = [];
  for (const kind of Object.keys(REPAIR_SENTENCES) as Repair['kind'][]) {
    const list = edition.repairs.filter((r) => r.kind === kind);
    if (list.length === 0) continue;
    const witnesses = [...new Set(list.map((r) => `#${r.witness}`))].sort().join(', ');
    parts.push(REPAIR_SENTENCES[kind](list.length, witnesses));
  }
  return `${kept} (#${edition.baseWitness}). ${parts.join(' ')} Each repair is listed with its source position in the conversion report.`;
}

export function describeNormalisation(stats: EditionStats): string {
  const forms = [...stats.normalised.entries()].sort(([a], [b]) => a.localeCompare(b));
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
