/**
 * The writer's safety net: what a model may hold that TEI cannot say validly, repaired in a
 * deterministic, declared way before a single element is written. Readers try to give a clean
 * model, but a damaged or unusual source (a note printed twice, a file cut short, a title block
 * that lost its lines) can leave it irregular; the TEI must be valid whatever the model holds.
 *
 * Each repair is a warning with the source position of what it changed (codes below), so a user
 * sees what the TEI does not say as the source does:
 * - `duplicate-id`: two notes or note references with one id (or ids that become one xml:id):
 *   the first keeps it, each later one gets the first free `-2`, `-3`… suffix. References keep
 *   pointing to the first note; a renamed note that nothing points to is written as unreferenced.
 * - `note-missing`: a note reference whose note is not in the source (a file cut short, a note
 *   deleted), or has no printed label: the printed mark stays as plain text (`[3]`), since there is
 *   nothing to point to; not said again where the reader has said it at the reference (CMPA). A "note" without a label (text in a notes section before its first
 *   numbered note) is not a note TEI can name: its paragraphs are written where it stands.
 * - `link-unsafe`: a link whose address is neither the web's nor e-mail's nor a place without a
 *   scheme (`javascript:`, `data:`, `file:`): its words are kept without the link.
 * - `backref-no-page`: a note's back-reference (`[p. ]`) that names no page is left out: a
 *   `ref type="pageref"` must say which page.
 * - `undescribed-edition`: page breaks of a print edition that no title block describes: a bare
 *   entry for it is added to the header, so that every `pb/@edRef` resolves.
 * - `no-title`, `no-author`, `no-publisher`: a required header part the sources do not state is
 *   written with a bracketed placeholder (`[Untitled]`, `[Unknown]`, `[s.n.]`, the cataloguers'
 *   "sine nomine"), never left empty or invented.
 */
import type { Diagnostic, Edition, Inline, Note, NoteRef, PrintWitness, SourcePosition } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import { forEachEditionBlock } from '../model/walk.js';
import { anchorId } from './context.js';
import { isBlank, ncName, uri } from './xml.js';

/** The placeholders of required header parts the sources leave blank (encoding.md, "Header"). */
export const UNSTATED = { title: '[Untitled]', author: '[Unknown]', publisher: '[s.n.]' } as const;

/** The xml:id of the encoder's respStmt in the header (revisionDesc/change/@who points to it). */
export const ENCODER_ID = 'teikit';

export interface RepairedEdition {
  edition: Edition;
  diagnostics: Diagnostic[];
}

export function repairForTei(original: Edition): RepairedEdition {
  const edition = structuredClone(original);
  const diagnostics: Diagnostic[] = [];
  const fallback = basePosition(edition);
  const warn = (code: string, message: string, pos: SourcePosition | undefined) =>
    diagnostics.push(diagnostic('warning', code, message, pos ?? fallback));

  uniqueIds(edition, warn);
  unlinkMissingNotes(edition, warn);
  unlinkUnsafeLinks(edition, warn);
  dropBlankBackReferences(edition, warn);
  describeEditions(edition, warn);
  headerGaps(edition, warn);
  return { edition, diagnostics };
}

type Warn = (code: string, message: string, pos: SourcePosition | undefined) => void;

/** Where a repair without a position of its own is reported: the start of the base source. */
function basePosition(edition: Edition): SourcePosition {
  const base = edition.witnesses.find((w) => w.id === edition.baseWitness);
  const file = base && base.kind !== 'print' ? base.file : edition.witnesses.find((w) => w.kind !== 'print')?.file;
  return { file: file ?? edition.id, line: 1, column: 1 };
}

/** Every inline list of the edition (nested emphasis, dates and links included), in document order. */
function forEachInlineList(edition: Edition, visit: (list: Inline[]) => void): void {
  const walk = (list: Inline[]): void => {
    visit(list);
    for (const node of list) if ('children' in node) walk(node.children);
  };
  if (edition.notes?.heading) walk(edition.notes.heading);
  forEachEditionBlock(edition, (b) => {
    if ('children' in b) walk(b.children);
    else if (b.type === 'pbBlock') walk([b.pb]);
  });
}

/** Notes and note references in document order (a foot note where its block stands). */
function forEachIdentified(edition: Edition, visit: (node: Note | NoteRef) => void): void {
  const inlines = (list: Inline[]) => {
    for (const node of list) {
      if (node.type === 'noteRef') visit(node);
      else if ('children' in node) inlines(node.children);
    }
  };
  if (edition.notes?.heading) inlines(edition.notes.heading);
  const noteItems = new Set(edition.notes?.items ?? []);
  forEachEditionBlock(edition, (b) => {
    if (b.type === 'noteBlock') visit(b.note);
    else if ('children' in b) inlines(b.children);
  });
  // forEachEditionBlock visits the notes section's notes by their blocks: their own ids come here,
  // after the body, in print order.
  for (const item of noteItems) if (!('pb' in item)) visit(item);
}

function uniqueIds(edition: Edition, warn: Warn): void {
  // Ids the header takes and anchors keep (a back-reference points to an anchor by its id).
  const taken = new Map<string, string>();
  for (const w of edition.witnesses) taken.set(ncName(w.id), `the witness "${w.id}"`);
  taken.set(ENCODER_ID, 'the encoder in the header');
  forEachInlineList(edition, (list) => {
    for (const node of list) if (node.type === 'anchor' && !taken.has(anchorId(node.id))) taken.set(anchorId(node.id), 'an anchor');
  });

  // Notes first, then references: a reference renamed for a note's sake keeps pointing right.
  const notes: Note[] = [];
  const refs: NoteRef[] = [];
  forEachIdentified(edition, (node) => ('noteId' in node ? refs.push(node) : notes.push(node)));
  const where = (pos: SourcePosition | undefined) => (pos ? ` (line ${pos.line})` : '');
  const claim = (id: string, what: string, pos: SourcePosition | undefined): string => {
    const first = taken.get(id);
    if (first === undefined) {
      taken.set(id, `${what}${where(pos)}`);
      return id;
    }
    let k = 2;
    while (taken.has(`${id}-${k}`)) k++;
    const unique = `${id}-${k}`;
    taken.set(unique, `${what}${where(pos)}`);
    warn('duplicate-id', `${what} has the id "${id}" of ${first}: written as xml:id "${unique}"`, pos);
    return unique;
  };
  for (const note of notes) note.id = claim(ncName(note.id), `note [${note.n}]`, note.pos);
  for (const ref of refs) {
    ref.noteId = ncName(ref.noteId);
    ref.id = claim(ncName(ref.id), `the reference [${ref.n}]`, ref.pos);
  }
}

function unlinkMissingNotes(edition: Edition, warn: Warn): void {
  const noteIds = new Set<string>();
  forEachIdentified(edition, (node) => {
    if (!('noteId' in node) && isLabelled(node)) noteIds.add(node.id);
  });
  // a reference its reader has already said has no note (CMPA: `note-missing`, at the reference)
  // is not said again: one warning for one missing note
  const said = new Set(edition.diagnostics.filter((d) => d.code === 'note-missing').map((d) => `${d.file}:${d.line}:${d.column}`));
  forEachInlineList(edition, (list) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i]!;
      if (node.type !== 'noteRef' || (noteIds.has(node.noteId) && !isBlank(node.n))) continue;
      const pos = node.pos;
      if (!pos || !said.has(`${pos.file}:${pos.line}:${pos.column}`)) {
        warn('note-missing', `the reference [${node.n}] points to a note the source does not have: kept as text, unlinked`, pos);
      }
      list[i] = { type: 'text', value: isBlank(node.n) ? '' : `[${node.n}]` };
    }
  });
}

/** A URI scheme (RFC 3986): a link with one other than the web's and e-mail's is not kept. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SAFE_SCHEME = /^(?:https?|mailto|ftp):/i;

/**
 * A link to an address of another kind (`javascript:`, `data:`, `file:`) would run or open
 * something in a reader's page, not lead to a text: its words stay, unlinked.
 */
function unlinkUnsafeLinks(edition: Edition, warn: Warn): void {
  forEachInlineList(edition, (list) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i]!;
      // judged as the writer will write it (tei/xml.ts uri): a colon after what is no scheme
      // (`mailtº:`) is escaped there, and the address is a relative one
      if (node.type !== 'link') continue;
      const written = uri(node.target);
      if (!SCHEME.test(written) || SAFE_SCHEME.test(written)) continue;
      const shown = node.target.length > 60 ? `${node.target.slice(0, 60)}…` : node.target;
      warn('link-unsafe', `the link to "${shown}" is not a web or e-mail address: its words are kept, unlinked`, node.pos);
      list.splice(i, 1, ...node.children);
      i += node.children.length - 1;
    }
  });
}

function dropBlankBackReferences(edition: Edition, warn: Warn): void {
  forEachIdentified(edition, (node) => {
    if ('noteId' in node) return;
    if (node.moreBackRefs?.some((b) => isBlank(b.page))) node.moreBackRefs = node.moreBackRefs.filter((b) => !isBlank(b.page));
    if (!node.backRef || !isBlank(node.backRef.page)) return;
    warn('backref-no-page', `note [${node.n}] ends with a back-reference that names no page: left out`, node.pos);
    delete node.backRef;
    // the next page named, if any, takes its place
    const next = node.moreBackRefs?.shift();
    if (next) node.backRef = next;
  });
}

/** A note TEI can write as `note`: it has a printed label (`@n` is required). */
export function isLabelled(note: Note): boolean {
  return !isBlank(note.n);
}

function describeEditions(edition: Edition, warn: Warn): void {
  const known = new Set(edition.witnesses.map((w) => w.id));
  forEachInlineList(edition, (list) => {
    for (const node of list) {
      if (node.type !== 'pb' || known.has(node.edition)) continue;
      known.add(node.edition);
      const bare: PrintWitness = { kind: 'print', id: node.edition, collection: '', publisher: '', place: '', date: '', printings: [] };
      edition.witnesses.push(bare);
      warn('undescribed-edition', `page ${node.n} is a page of the print edition "${node.edition}", which no title block describes: the header names it without details`, node.pos);
    }
  });
}

function headerGaps(edition: Edition, warn: Warn): void {
  if (isBlank(edition.work.title)) {
    edition.work.title = UNSTATED.title;
    warn('no-title', `the source states no title: the TEI says ${UNSTATED.title}`, undefined);
  }
  if (isBlank(edition.work.author)) {
    warn('no-author', `the source names no author: the TEI says ${UNSTATED.author}`, undefined);
  }
  for (const w of edition.witnesses) {
    if (w.kind === 'print' && isBlank(w.publisher) && isBlank(w.place) && isBlank(w.date)) {
      warn('no-publisher', `the print edition "${w.id}" has no imprint in the source: the TEI says ${UNSTATED.publisher}`, undefined);
    }
  }
}
