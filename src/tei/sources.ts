/**
 * sourceDesc (encoding.md, "Witnesses"): the print editions, known only through the title blocks
 * and page markers, as `biblStruct`s of a `listBibl` (pb/@edRef points at them); the texts teikit
 * read (the transcription, the reprints) as the `witness`es of a `listWit`, each holding its
 * bibliographic description, its rights statement and, for a reprint the merge aligned with its
 * original, a note stating how the two relate (from that alignment, never assumed: a reprint read
 * alone has none). TEI P5 §13.1.4.1 puts the witness list in sourceDesc; `witness` may hold a
 * `bibl` and a `note`.
 */
import type { Edition, PrintWitness, ReprintWitness, TranscriptionWitness, Witness } from '../model/types.js';
import { creditsTranscriber, respId } from './context.js';
import { rangeIsOrdered } from '../model/page-sequence.js';
import { UNSTATED } from './repair.js';
import { att, child, indent, isBlank, isoDate, text, uri, type El } from './xml.js';

export function writeWitnesses(sourceDesc: El, edition: Edition): void {
  const ids = new Set(edition.witnesses.map((w) => w.id));
  const ordered = orderedWitnesses(edition.witnesses);
  const prints = ordered.filter((w): w is PrintWitness => w.kind === 'print');
  const texts = ordered.filter((w): w is TranscriptionWitness | ReprintWitness => w.kind !== 'print');
  if (prints.length) {
    const listBibl = child(sourceDesc, 'listBibl', 4);
    for (const w of prints) writePrint(listBibl, w, edition);
    indent(listBibl, 4);
  }
  if (texts.length) {
    const listWit = child(sourceDesc, 'listWit', 4);
    for (const w of texts) {
      const witness = att(child(listWit, 'witness', 5), 'xml:id', w.id);
      if (w.kind === 'transcription') writeTranscription(witness, w, edition, ids);
      else writeReprint(witness, w, edition, ids);
      indent(witness, 5);
    }
    indent(listWit, 4);
  }
  indent(sourceDesc, 3);
}

/** Print edition first, then transcription, then reprints: the order of descent. */
function orderedWitnesses(list: Witness[]): Witness[] {
  const rank = { print: 0, transcription: 1, reprint: 2 } as const;
  return [...list].sort((a, b) => rank[a.kind] - rank[b.kind]);
}

function writePrint(listBibl: El, w: PrintWitness, edition: Edition): void {
  const bs = att(att(child(listBibl, 'biblStruct', 5), 'xml:id', w.id), 'type', 'print');
  const analytic = child(bs, 'analytic', 6);
  text(att(child(analytic, 'title', 7), 'level', 'a'), edition.work.title);
  if (!isBlank(edition.work.author)) text(child(analytic, 'author', 7), edition.work.author!);
  indent(analytic, 6);
  const monogr = child(bs, 'monogr', 6);
  // a book transcribed whole is its own monograph: with no collection named, the editors and
  // translators the title block names are those of the work's own title
  const monogrTitle = !isBlank(w.collection) ? w.collection : !isBlank(w.editor) || !isBlank(w.translator) ? edition.work.title : '';
  if (monogrTitle && !isBlank(w.collectionAuthor)) text(child(monogr, 'author', 7), w.collectionAuthor!);
  if (monogrTitle) text(att(child(monogr, 'title', 7), 'level', 'm'), monogrTitle);
  if (!isBlank(w.editor)) text(child(monogr, 'editor', 7), w.editor!);
  if (!isBlank(w.translator)) {
    const resp = child(monogr, 'respStmt', 7);
    text(resp.ele('resp'), isBlank(w.translatedFrom) ? 'Translated by' : `Translated from the ${w.translatedFrom} by`);
    text(resp.ele('persName'), w.translator!);
  }
  for (const p of w.printings) if (!isBlank(p)) text(child(monogr, 'edition', 7), p);
  const imprint = child(monogr, 'imprint', 7);
  // imprint must not be empty: with neither place, publisher nor date, it says "[s.n.]".
  const noImprint = isBlank(w.place) && isBlank(w.publisher) && isBlank(w.date);
  if (!isBlank(w.place)) text(child(imprint, 'pubPlace', 8), w.place);
  if (!isBlank(w.publisher) || noImprint) text(child(imprint, 'publisher', 8), orUnstated(w.publisher, UNSTATED.publisher));
  if (!isBlank(w.date)) text(att(child(imprint, 'date', 8), 'when', /^\d{4}$/.test(w.date) ? w.date : undefined), w.date);
  indent(imprint, 7);
  if (w.volume) {
    const n = volumeNumber(w.volume);
    text(att(att(child(monogr, 'biblScope', 7), 'unit', 'volume'), 'n', n), w.volume);
  }
  if (w.pages) {
    const scope = att(att(child(monogr, 'biblScope', 7), 'unit', 'page'), 'from', w.pages.from);
    // a range printed backwards (`pp. 50-11`, a misprint) keeps its text and its first page only
    if (rangeIsOrdered(w.pages.from, w.pages.to)) att(scope, 'to', w.pages.to);
    text(scope, w.pages.text.replace(/^(?:pp?\.|pages?)\s*/i, '').replace(/\.$/, ''));
  }
  indent(monogr, 6);
  // the part of the work the source holds: a range cited within the whole work's pages
  if (w.partPages) {
    const part = att(att(child(bs, 'citedRange', 6), 'unit', 'page'), 'from', w.partPages.from);
    text(att(part, 'to', rangeIsOrdered(w.partPages.from, w.partPages.to) ? w.partPages.to : undefined), w.partPages.text.replace(/^pp?\.\s*/, '').replace(/\.$/, ''));
  }
  for (const r of w.rights ?? []) text(att(child(bs, 'note', 6), 'type', 'rights'), r);
  for (const s of w.statements ?? []) text(att(child(bs, 'note', 6), 'type', 'statement'), s);
  if (w.basedOn && edition.witnesses.some((x) => x.id === w.basedOn)) {
    att(att(child(bs, 'relatedItem', 6), 'type', 'basedOn'), 'target', `#${w.basedOn}`);
  }
  // a translation: the original's language, with no more said of the original than the source says
  if (!isBlank(w.translatedFrom)) {
    const original = child(att(child(bs, 'relatedItem', 6), 'type', 'translationOf'), 'bibl', 7);
    const lang = LANGUAGE_CODES[w.translatedFrom!.toLowerCase()];
    text(att(child(original, 'textLang', 8), 'mainLang', lang), w.translatedFrom!);
    indent(original, 7);
    indent(original.up(), 6);
  }
  indent(bs, 5);
}

/** BCP 47 codes of the languages the sources name as those of the originals. */
const LANGUAGE_CODES: Record<string, string> = {
  russian: 'ru', georgian: 'ka', german: 'de', french: 'fr', chinese: 'zh', english: 'en', italian: 'it', spanish: 'es', polish: 'pl',
};

function writeTranscription(witness: El, w: TranscriptionWitness, edition: Edition, ids: Set<string>): void {
  const bibl = att(child(witness, 'bibl', 6), 'type', 'transcription');
  text(child(bibl, 'title', 7), edition.work.title);
  if (!isBlank(w.transcriber)) {
    // an id, so that what the transcriber added can be attributed to them (@resp)
    const resp = att(child(bibl, 'respStmt', 7), 'xml:id', respId(w));
    text(resp.ele('resp'), w.resp ?? 'Transcribed by');
    text(resp.ele('persName'), w.transcriber!);
  }
  if (!isBlank(w.publisher)) text(child(bibl, 'publisher', 7), w.publisher!);
  if (w.date) text(att(child(bibl, 'date', 7), 'when', isoDate(w.date.when)), w.date.text);
  if (w.updated) text(att(att(child(bibl, 'date', 7), 'type', 'updated'), 'when', isoDate(w.updated.when)), w.updated.text);
  if (!isBlank(w.rights)) text(child(child(bibl, 'availability', 7), 'p'), w.rights!);
  if (w.url) att(child(bibl, 'ptr', 7), 'target', uri(w.url));
  // the print edition transcribed, not the one it is based on
  const bases = new Set(edition.witnesses.map((x) => (x.kind === 'print' ? x.basedOn : undefined)));
  const print = [...ids].find((id) => edition.witnesses.find((x) => x.id === id)?.kind === 'print' && !bases.has(id));
  if (print) att(att(child(bibl, 'relatedItem', 7), 'type', 'original'), 'target', `#${print}`);
  indent(bibl, 6);
}

/**
 * The reprint's statement of its republication says something of its terms: more than its own
 * credit (`Republish by: Communist (Maoist) Party of Afghanistan (CMPA) https://cmpa.af`, which
 * the publisher and the pointer already give, word for word). A credit alone is no availability:
 * written there, the header and every rendition said the publisher and the address twice.
 */
function termsBeyondCredit(w: ReprintWitness): boolean {
  if (isBlank(w.terms)) return false;
  let rest = w.terms!.replace(/^\s*republish(?:ed)?\s+by\s*:?/i, ' ');
  for (const said of [w.publisher, w.url]) if (said && !isBlank(said)) rest = rest.split(said).join(' ');
  return /[\p{L}\p{N}]/u.test(rest);
}

function writeReprint(witness: El, w: ReprintWitness, edition: Edition, ids: Set<string>): void {
  const bibl = att(child(witness, 'bibl', 6), 'type', 'reprint');
  text(child(bibl, 'title', 7), edition.work.title);
  if (creditsTranscriber(w, edition)) {
    // the transcription it reprints was not read: the reprint's own credit says who prepared the
    // text (what they added, the notes' back-references, points here)
    const resp = att(child(bibl, 'respStmt', 7), 'xml:id', respId(w));
    text(resp.ele('resp'), w.reprints!.resp ?? 'Transcribed by');
    text(resp.ele('persName'), w.reprints!.transcriber);
  }
  if (!isBlank(w.publisher)) text(child(bibl, 'publisher', 7), w.publisher);
  if (termsBeyondCredit(w)) text(child(child(bibl, 'availability', 7), 'p'), w.terms!);
  if (w.url) att(child(bibl, 'ptr', 7), 'target', uri(w.url));
  const original =
    edition.witnesses.find((x) => x.kind === 'transcription' && ids.has(x.id)) ??
    edition.witnesses.find((x) => x.kind === 'print' && ids.has(x.id));
  if (original) att(att(child(bibl, 'relatedItem', 7), 'type', 'original'), 'target', `#${original.id}`);
  indent(bibl, 6);
  // stated only where the merge aligned the two, whichever was the base
  const aligned = original?.kind === 'transcription'
    ? edition.alignments?.find((a) => (a.witness === w.id && a.base === original.id) || (a.witness === original.id && a.base === w.id))
    : undefined;
  if (aligned) writeRelation(witness, w, original as TranscriptionWitness, aligned.differences, edition);
}

/**
 * How a reprint aligned with its original differs from it, from the merge's findings: its words
 * (the word differences the alignment found), its paragraphing (the splits rejoined) and its page
 * markers (the breaks only the original attests).
 */
function writeRelation(witness: El, w: ReprintWitness, original: TranscriptionWitness, words: number, edition: Edition): void {
  const splits = edition.repairs.filter((r) => r.kind === 'rejoin-paragraph' && r.witness === w.id);
  const lost = new Set<string>();
  forEachPageBreak(edition, (n, by) => {
    if (by.includes(original.id) && !by.includes(w.id)) lost.add(n);
  });
  const note = att(child(witness, 'note', 6), 'type', 'relation');
  text(note, 'A reprint of ');
  text(att(note.ele('ref'), 'target', `#${original.id}`), original.id);
  const parts = [words === 0 ? ': it gives the same words in the same order' : `: it differs from it in ${words} place(s) in its words (listed in the conversion report)`];
  const atLost = splits.filter((r) => r.lostPage !== undefined).length;
  if (splits.length) {
    parts.push(`its paragraphs differ: it splits ${splits.length} of them in mid-sentence${atLost ? ` (${atLost} where it lost a print page marker)` : ''}, each recorded as a paragraphing variant in the apparatus (standOff/listApp)`);
  }
  if (lost.size) parts.push(`it lacks the markers of print page(s) ${[...lost].join(', ')}`);
  text(note, `${parts.join('; ')}.`);
}

function forEachPageBreak(edition: Edition, visit: (n: string, attestedBy: string[]) => void): void {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as { type?: string; n?: string; attestedBy?: string[] };
      if (o.type === 'pb' && o.n !== undefined && o.attestedBy) visit(o.n, o.attestedBy);
      else Object.values(v).forEach(walk);
    }
  };
  walk([edition.front, edition.body, edition.notes]);
}

/** The value, or the placeholder when it is blank (a required element is never written empty). */
export function orUnstated(value: string | undefined, placeholder: string): string {
  return isBlank(value) ? placeholder : value!;
}

/** `II` → 2, `1` → 1: biblScope/@n is the arabic number of the volume as printed. */
export function volumeNumber(v: string): string | undefined {
  if (/^\d+$/.test(v)) return String(Number(v));
  const roman: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  const s = v.toUpperCase();
  if (!/^[IVXLC]+$/.test(s)) return undefined;
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const cur = roman[s[k]!]!;
    const next = roman[s[k + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return String(total);
}
