/**
 * The teiHeader of the house encoding (encoding.md, "Header"): titleStmt, publicationStmt,
 * sourceDesc/listBibl with one entry per witness, encodingDesc stating what teikit changed,
 * profileDesc and revisionDesc. Parts the sources do not state are left out, never invented.
 */
import { basename } from 'node:path';
import type { DateStatement, Edition, PrintWitness, Publication, ReprintWitness, TranscriptionWitness, Witness } from '../model/types.js';
import { describeCorrection, describeHyphenation, describeNormalisation, type EditionStats } from './declarations.js';
import { dateAttributes } from './inlines.js';
import { ENCODER_ID, UNSTATED } from './repair.js';
import { att, child, indent, isBlank, isoDate, text, uri, type El } from './xml.js';

const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', zh: 'Chinese', ru: 'Russian', es: 'Spanish' };

/** Publication data for a single-file conversion that has no edition.json. */
export function defaultPublication(today = new Date()): Publication {
  return { publisher: 'teikit', licence: { text: 'Unknown' }, date: today.toISOString().slice(0, 10) };
}

export function writeHeader(tei: El, edition: Edition, pub: Publication, stats: EditionStats): void {
  const header = child(tei, 'teiHeader', 1);
  const fileDesc = child(header, 'fileDesc', 2);

  const titleStmt = child(fileDesc, 'titleStmt', 3);
  // The title was made non-blank by repair.ts; the author the schema requires is said to be
  // unknown rather than left out or invented (repair.ts warns no-author).
  text(att(child(titleStmt, 'title', 4), 'type', 'main'), edition.work.title);
  text(child(titleStmt, 'author', 4), orUnstated(edition.work.author, UNSTATED.author));
  const resp = att(child(titleStmt, 'respStmt', 4), 'xml:id', ENCODER_ID);
  resp.ele('resp').txt('TEI encoding');
  text(resp.ele('name'), orUnstated(pub.encoder, 'teikit'));
  indent(titleStmt, 3);

  const pubStmt = child(fileDesc, 'publicationStmt', 3);
  // Publication data come from edition.json or the API: a blank value is not written blank.
  const defaults = defaultPublication();
  text(child(pubStmt, 'publisher', 4), orUnstated(pub.publisher, defaults.publisher));
  text(att(child(pubStmt, 'date', 4), 'when', isoDate(pub.date)), pub.date);
  const licence = child(pubStmt, 'availability', 4).ele('licence');
  att(licence, 'target', pub.licence.url ? uri(pub.licence.url) : undefined);
  text(licence, orUnstated(pub.licence.text, defaults.licence.text));
  text(att(child(pubStmt, 'idno', 4), 'type', 'teikit'), orUnstated(edition.id, 'unnamed'));
  indent(pubStmt, 3);

  const sourceDesc = child(fileDesc, 'sourceDesc', 3);
  if (edition.witnesses.length === 0) {
    // TEI requires sourceDesc to say something; listBibl may not be empty.
    child(sourceDesc, 'p', 4).txt('No source witness is recorded for this text.');
    indent(sourceDesc, 3);
  } else writeWitnesses(sourceDesc, edition);
  indent(fileDesc, 2);

  const decl = child(child(header, 'encodingDesc', 2), 'editorialDecl', 3);
  text(child(decl, 'correction', 4).ele('p'), describeCorrection(edition, stats));
  text(child(decl, 'normalization', 4).ele('p'), describeNormalisation(stats));
  text(att(child(decl, 'hyphenation', 4), 'eol', 'none').ele('p'), describeHyphenation(stats));
  indent(decl, 3);
  indent(decl.up(), 2);

  const profile = child(header, 'profileDesc', 2);
  const { date, published } = edition.work;
  if (date || published) {
    const creation = child(profile, 'creation', 3);
    if (date) writeDate(creation.ele('date'), date);
    if (published) writeDate(att(creation.ele('date'), 'type', 'published'), published);
  }
  const lang = edition.work.language || 'en';
  text(att(child(profile, 'langUsage', 3).ele('language'), 'ident', lang), LANGUAGES[lang] ?? lang);
  indent(profile, 2);

  const change = child(child(header, 'revisionDesc', 2), 'change', 3);
  att(change, 'when', isoDate(pub.date));
  att(change, 'who', '#teikit');
  text(change, `Converted by teikit from ${sourceFiles(edition)}.`);
  indent(change.up(), 2);
  indent(header, 1);
}

/** `@when`, or `@notBefore`/`@notAfter` where the source leaves the day open; the text as printed. */
function writeDate(el: El, d: DateStatement): void {
  dateAttributes(el, d);
  att(el, 'notBefore', isoDate(d.notBefore));
  att(el, 'notAfter', isoDate(d.notAfter));
  text(el, d.text);
}

function writeWitnesses(sourceDesc: El, edition: Edition): void {
  const listBibl = child(sourceDesc, 'listBibl', 4);
  const ids = new Set(edition.witnesses.map((w) => w.id));
  for (const w of orderedWitnesses(edition.witnesses)) {
    if (w.kind === 'print') writePrint(listBibl, w, edition);
    else if (w.kind === 'transcription') writeTranscription(listBibl, w, edition, ids);
    else writeReprint(listBibl, w, edition, ids);
  }
  indent(listBibl, 4);
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
  if (!isBlank(w.collection)) text(att(child(monogr, 'title', 7), 'level', 'm'), w.collection);
  if (!isBlank(w.translator)) {
    const resp = child(monogr, 'respStmt', 7);
    resp.ele('resp').txt('Translated by');
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
    att(scope, 'to', w.pages.to);
    text(scope, w.pages.text.replace(/^(?:pp?\.|pages?)\s*/i, '').replace(/\.$/, ''));
  }
  indent(monogr, 6);
  // the part of the work the source holds: a range cited within the whole work's pages
  if (w.partPages) {
    const part = att(att(child(bs, 'citedRange', 6), 'unit', 'page'), 'from', w.partPages.from);
    text(att(part, 'to', w.partPages.to), w.partPages.text.replace(/^pp?\.\s*/, '').replace(/\.$/, ''));
  }
  if (w.basedOn && edition.witnesses.some((x) => x.id === w.basedOn)) {
    att(att(child(bs, 'relatedItem', 6), 'type', 'basedOn'), 'target', `#${w.basedOn}`);
  }
  indent(bs, 5);
}

function writeTranscription(listBibl: El, w: TranscriptionWitness, edition: Edition, ids: Set<string>): void {
  const bibl = att(att(child(listBibl, 'bibl', 5), 'xml:id', w.id), 'type', 'transcription');
  text(child(bibl, 'title', 6), edition.work.title);
  if (!isBlank(w.transcriber)) {
    const resp = child(bibl, 'respStmt', 6);
    text(resp.ele('resp'), w.resp ?? 'Transcribed by');
    text(resp.ele('persName'), w.transcriber!);
  }
  if (!isBlank(w.publisher)) text(child(bibl, 'publisher', 6), w.publisher!);
  if (w.date) text(att(child(bibl, 'date', 6), 'when', isoDate(w.date.when)), w.date.text);
  if (w.updated) text(att(att(child(bibl, 'date', 6), 'type', 'updated'), 'when', isoDate(w.updated.when)), w.updated.text);
  if (w.url) att(child(bibl, 'ptr', 6), 'target', uri(w.url));
  // the print edition transcribed, not the one it is based on
  const bases = new Set(edition.witnesses.map((x) => (x.kind === 'print' ? x.basedOn : undefined)));
  const print = [...ids].find((id) => edition.witnesses.find((x) => x.id === id)?.kind === 'print' && !bases.has(id));
  if (print) att(att(child(bibl, 'relatedItem', 6), 'type', 'original'), 'target', `#${print}`);
  indent(bibl, 5);
}

function writeReprint(listBibl: El, w: ReprintWitness, edition: Edition, ids: Set<string>): void {
  const bibl = att(att(child(listBibl, 'bibl', 5), 'xml:id', w.id), 'type', 'reprint');
  text(child(bibl, 'title', 6), edition.work.title);
  if (!isBlank(w.publisher)) text(child(bibl, 'publisher', 6), w.publisher);
  if (w.url) att(child(bibl, 'ptr', 6), 'target', uri(w.url));
  const original =
    edition.witnesses.find((x) => x.kind === 'transcription' && ids.has(x.id)) ??
    edition.witnesses.find((x) => x.kind === 'print' && ids.has(x.id));
  if (original) att(att(child(bibl, 'relatedItem', 6), 'type', 'original'), 'target', `#${original.id}`);
  indent(bibl, 5);
}

/** The value, or the placeholder when it is blank (a required element is never written empty). */
function orUnstated(value: string | undefined, placeholder: string): string {
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

/** `SU39.html (base) and identity-of-interests.md`, from the witnesses' files, base first. */
function sourceFiles(edition: Edition): string {
  const files: string[] = [];
  const base = edition.witnesses.find((w) => w.id === edition.baseWitness);
  const withFiles = edition.witnesses.filter((w): w is TranscriptionWitness | ReprintWitness => w.kind !== 'print');
  for (const w of base && base.kind !== 'print' ? [base, ...withFiles.filter((x) => x !== base)] : withFiles) {
    const name = w.file === '-' ? 'standard input' : basename(w.file);
    files.push(w === base && withFiles.length > 1 ? `${name} (base)` : name);
  }
  if (files.length === 0) return 'its sources';
  return files.length === 1 ? files[0]! : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`;
}
