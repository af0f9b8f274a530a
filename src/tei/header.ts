/**
 * The teiHeader of the house encoding (encoding.md, "Header"): titleStmt, publicationStmt,
 * sourceDesc (sources.ts: the print editions in listBibl, the text witnesses in listWit), encodingDesc stating what teikit changed,
 * profileDesc and revisionDesc. Parts the sources do not state are left out, never invented.
 */
import { basename } from 'node:path';
import type { DateStatement, Edition, Publication, ReprintWitness, TranscriptionWitness } from '../model/types.js';
import { describeCorrection, describeHyphenation, describeNormalisation, type EditionStats } from './declarations.js';
import { dateAttributes } from './inlines.js';
import { ENCODER_ID, UNSTATED } from './repair.js';
import { att, child, indent, isBlank, isoDate, text, uri, type El } from './xml.js';
import { orUnstated, writeWitnesses } from './sources.js';
import { editionUuid } from '../model/identifier.js';
import { toolVersion } from '../util/version.js';
import { buildDate } from '../util/build-date.js';
import { textKind } from './text-kind.js';

export { volumeNumber } from './sources.js';

/** xml:id of the taxonomy of kinds of text (classDecl). */
const KINDS_ID = 'text-kinds';

const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', zh: 'Chinese', ru: 'Russian', es: 'Spanish' };

/** Publication data for a single-file conversion that has no edition.json. */
export function defaultPublication(today = buildDate()): Publication {
  return { publisher: 'teikit', licence: { text: 'Unknown' }, date: today.toISOString().slice(0, 10) };
}

export function writeHeader(tei: El, edition: Edition, pub: Publication, stats: EditionStats): void {
  const header = child(tei, 'teiHeader', 1);
  const fileDesc = child(header, 'fileDesc', 2);

  const titleStmt = child(fileDesc, 'titleStmt', 3);
  // The title was made non-blank by repair.ts; the author the schema requires is said to be
  // unknown rather than left out or invented (repair.ts warns no-author).
  text(att(child(titleStmt, 'title', 4), 'type', 'main'), edition.work.title);
  if (!isBlank(edition.work.subtitle)) text(att(child(titleStmt, 'title', 4), 'type', 'sub'), edition.work.subtitle!);
  // the part a source holds: TEI's "subordinate title, title of part"
  if (!isBlank(edition.work.part)) text(att(child(titleStmt, 'title', 4), 'type', 'sub'), edition.work.part!);
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
  // The persistent identifier; the EPUB carries the same one as its dc:identifier.
  text(att(child(pubStmt, 'idno', 4), 'type', 'UUID'), editionUuid(edition));
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
  // TEI's eol: "none" says no end-of-line hyphen remains; a real compound hyphen kept at a page
  // end is a hard one ("hard": every soft hyphen was removed, the remaining ones are hard).
  const eol = stats.wordBreaks.compound.length > 0 ? 'hard' : 'none';
  text(att(child(decl, 'hyphenation', 4), 'eol', eol).ele('p'), describeHyphenation(stats));
  indent(decl, 3);
  const encodingDesc = decl.up();
  const kind = textKind(edition);
  if (kind) {
    // A one-category taxonomy: the kind the source states, and where it states it.
    const taxonomy = att(child(child(encodingDesc, 'classDecl', 3), 'taxonomy', 4), 'xml:id', KINDS_ID);
    const category = att(child(taxonomy, 'category', 5), 'xml:id', `kind-${kind.kind}`);
    text(child(category, 'catDesc', 6), `${kind.kind} (so said by ${kind.evidence})`);
    indent(category, 5);
    indent(taxonomy, 4);
    indent(taxonomy.up(), 3);
  }
  const app = att(att(child(child(encodingDesc, 'appInfo', 3), 'application', 4), 'ident', 'teikit'), 'version', toolVersion());
  text(app.ele('label'), 'teikit');
  indent(app.up(), 3);
  indent(encodingDesc, 2);

  const profile = child(header, 'profileDesc', 2);
  const { date, published } = edition.work;
  if (date || published) {
    const creation = child(profile, 'creation', 3);
    if (date) writeDate(creation.ele('date'), date);
    if (published) writeDate(att(creation.ele('date'), 'type', 'published'), published);
  }
  const lang = edition.work.language || 'en';
  text(att(child(profile, 'langUsage', 3).ele('language'), 'ident', lang), LANGUAGES[lang] ?? lang);
  if (kind) att(att(child(profile, 'textClass', 3).ele('catRef'), 'scheme', `#${KINDS_ID}`), 'target', `#kind-${kind.kind}`);
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
