/**
 * Merging the editions of one work read from several witnesses into one edition.
 *
 * The base (marx2mao, closest to the print) gives the text and the paragraphing. Each other
 * witness is aligned with it word by word (Myers diff over the word tokens of body and notes), and
 * then: page breaks are attested, supplied or left to the base (page-breaks.ts); word, paragraph and
 * note differences are reported (compare.ts); the other's own repairs (e.g. the CMPA paragraphs its
 * reader rejoined) are carried over, since they are repairs of that witness; witness lists are united.
 * Each alignment made is recorded (`alignments`): the header states how two witnesses relate only
 * from one. A witness that is not of the base's text (same-text.ts) is refused with an error and
 * gives nothing.
 */
import type { Diagnostic, Edition, Repair, WitnessAlignment } from '../model/types.js';
import { sortDiagnostics } from '../model/diagnostics.js';
import { noteDifferences, paragraphDifferences, wordDifferences, type Sides } from './compare.js';
import { diffWords } from './diff.js';
import { linearise, type Linear } from './linear.js';
import { reconcilePageBreaks } from './page-breaks.js';
import { unionWitnesses } from './witnesses.js';
import { placeParagraphVariants } from './variants.js';
import { checkSameText } from './same-text.js';

export function mergeWitnesses(base: Edition, others: Edition[]): Edition {
  const merged: Edition = structuredClone(base);
  const repairs: Repair[] = [...merged.repairs];
  const diagnostics: Diagnostic[] = [...merged.diagnostics];
  const alignments: WitnessAlignment[] = [...(merged.alignments ?? [])];
  // the witness list's order, for the page breaks' attestations (a refused witness attests none)
  const order = unionWitnesses(base.witnesses, others.flatMap((o) => o.witnesses), fileOf(base)).witnesses.map((w) => w.id);
  const accepted: Edition[] = [];

  for (const other of others) {
    const baseLin = linearise(merged.body, merged.notes);
    const otherLin = linearise(other.body, other.notes);
    const s: Sides = { base: baseLin, other: otherLin, baseId: base.baseWitness, otherId: other.baseWitness, baseFile: fileOf(base), otherFile: fileOf(other) };
    const matches = diffWords(baseLin.tokens.map((t) => t.word), otherLin.tokens.map((t) => t.word));
    // a witness of another text (or one too far from the base to align) gives nothing: not its
    // page breaks, repairs, diagnostics, witness entries or work metadata
    const refused = checkSameText(s, base, other, matches);
    if (refused || !matches) {
      if (refused) diagnostics.push(refused);
      continue;
    }
    accepted.push(other);
    diagnostics.push(...other.diagnostics);
    const { otherToBase, baseToOther } = maps(matches, baseLin, otherLin);
    // the other's own repairs, completed from the base (their place in it, its evidence)
    const own = structuredClone(other.repairs);
    placeParagraphVariants(baseLin, otherLin, { otherToBase }, base.baseWitness, own);
    repairs.push(...own);
    const differences = wordDifferences(s, matches);
    diagnostics.push(...differences);
    alignments.push({
      witness: s.otherId, base: s.baseId, baseWords: baseLin.tokens.length, witnessWords: otherLin.tokens.length, matched: matches.length, differences: differences.length,
    });
    const paragraphs = paragraphDifferences(s, otherToBase, baseToOther);
    repairs.push(...paragraphs.repairs);
    diagnostics.push(...paragraphs.diagnostics, ...noteDifferences(merged, other, s));
    // Last, as it changes the base tree (the linearisations above are not used after this; the
    // base is laid out again, as the variants' anchors split its text nodes).
    const pages = reconcilePageBreaks(linearise(merged.body, merged.notes), otherLin, { otherToBase }, s.otherId, order);
    repairs.push(...pages.repairs);
    diagnostics.push(...pages.diagnostics);
    fillWork(merged, other);
  }
  const { witnesses, diagnostics: witnessNotes } = unionWitnesses(base.witnesses, accepted.flatMap((o) => o.witnesses), fileOf(base));
  merged.witnesses = witnesses;
  // after the base's own diagnostics, where they have always stood (the sort keeps that order at equal positions)
  diagnostics.splice(base.diagnostics.length, 0, ...witnessNotes);
  merged.repairs = repairs;
  merged.diagnostics = sortDiagnostics(diagnostics);
  if (alignments.length) merged.alignments = alignments;
  return merged;
}

function maps(matches: [number, number][], a: Linear, b: Linear) {
  const otherToBase = new Int32Array(b.tokens.length).fill(-1);
  const baseToOther = new Int32Array(a.tokens.length).fill(-1);
  for (const [i, j] of matches) {
    otherToBase[j] = i;
    baseToOther[i] = j;
  }
  return { otherToBase, baseToOther };
}

/** The file an edition's base witness was read from (for diagnostics without a block position). */
function fileOf(e: Edition): string {
  const w = e.witnesses.find((x) => x.id === e.baseWitness);
  return w && 'file' in w ? w.file : e.id;
}

/** Work metadata the base lacks (author, date), taken from another witness. */
function fillWork(merged: Edition, other: Edition): void {
  if (!merged.work.author && other.work.author) merged.work.author = other.work.author;
  if (!merged.work.date && other.work.date) merged.work.date = structuredClone(other.work.date);
  if (merged.work.date && !merged.work.date.when && other.work.date?.when && other.work.date.text === merged.work.date.text) {
    merged.work.date.when = other.work.date.when;
  }
}
