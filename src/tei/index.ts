/**
 * The TEI writer: an Edition (src/model/types.ts) → TEI P5 in teikit's house encoding
 * (docs/encoding.md), valid against tei_all. Deterministic: the same edition and publication data
 * give the same bytes; only the default date (today) varies when no publication data is given.
 */
import type { Block, Diagnostic, Edition, Publication } from '../model/types.js';
import { bottomStart, writeBottom, writeDivContent, writeDivision, writeCommonBlock } from './blocks.js';
import { writeApparatus } from './apparatus.js';
import { buildContext, type WriteContext } from './context.js';
import { editionStats } from './declarations.js';
import { defaultPublication, writeHeader } from './header.js';
import { XmlNode } from './builder.js';
import { writeNotesSection } from './notes.js';
import { writeTitlePage } from './title-page.js';
import { repairForTei } from './repair.js';
import { att, child, indent, TEI_NS, type El } from './xml.js';
import { toolVersion } from '../util/version.js';

export { defaultPublication } from './header.js';

/** The TEI of an edition; the repairs it needed are in writeTeiWithRepairs's diagnostics. */
export function writeTei(edition: Edition, publication?: Publication): string {
  return writeTeiWithRepairs(edition, publication).tei;
}

/**
 * The TEI, and a warning for each repair the model needed before TEI could say it validly
 * (repair.ts: duplicate ids, references to missing notes, blank header parts), and the repaired
 * edition the TEI was written from (what it says, for tracing a TEI line back to its source).
 */
export function writeTeiWithRepairs(
  original: Edition,
  publication?: Publication,
): { tei: string; diagnostics: Diagnostic[]; edition: Edition } {
  const { edition, diagnostics } = repairForTei(original);
  return { tei: writeRepaired(edition, publication ?? defaultPublication()), diagnostics, edition };
}

function writeRepaired(edition: Edition, pub: Publication): string {
  const ctx = buildContext(edition);
  const doc = XmlNode.document();
  const tei = doc.ele(TEI_NS, 'TEI');
  att(tei, 'xml:lang', edition.work.language || 'en');
  writeHeader(tei, edition, pub, editionStats(edition));

  const textEl = child(tei, 'text', 1);
  if (edition.front.length > 0) {
    const front = child(textEl, 'front', 2);
    // the title pages first: a book's, and the lines of a title block that hold note references
    let k = 0;
    for (let b = edition.front[k]; b?.type === 'titlePage'; b = edition.front[++k]) writeTitlePage(front, b, ctx, 3);
    const matter = edition.front.slice(k);
    if (matter.length > 0) writeContainer(front, matter, 'titlepage', ctx, 3);
    indent(front, 2);
  }
  const body = child(textEl, 'body', 2);
  writeContainer(body, edition.body, 'work', ctx, 3);
  indent(body, 2);
  if (edition.notes && edition.notes.items.length > 0) {
    const back = child(textEl, 'back', 2);
    writeNotesSection(back, edition.notes, ctx, 3);
    indent(back, 2);
  }
  indent(textEl, 1);
  writeApparatus(tei, edition, ctx);
  indent(tei, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlModel()}\n${doc.end({ headless: true })}\n`;
}

/**
 * Where teikit's schema of this version is published: the npm package carries schema/teikit.rng,
 * and unpkg serves every file of a published package version by this address.
 */
export function schemaUrl(): string {
  return `https://unpkg.com/teikit@${toolVersion()}/schema/teikit.rng`;
}

/** The `xml-model` processing instruction (W3C "Associating Schemas with XML documents"): an XML editor validates with it. */
function xmlModel(): string {
  return `<?xml-model href="${schemaUrl()}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`;
}

/**
 * body or front: the page breaks before the first words stand outside the division (the print page
 * begins before the title); a sequence of divisions is written as is, anything else is the content
 * of one division of type `wrapType` (`div type="work"` for a single work, `div type="titlepage"`
 * for a book's title page in front).
 */
function writeContainer(parent: El, blocks: Block[], wrapType: string, ctx: WriteContext, depth: number): void {
  let i = 0;
  while (i < blocks.length && blocks[i]!.type === 'pbBlock') writeCommonBlock(parent, blocks[i++]!, ctx, depth);
  const rest = blocks.slice(i);
  // divisions only, and what closes them all (a book's statements of its source after its last
  // chapter, a signature): TEI's body takes a closer after its divisions
  const end = bottomStart(rest);
  const main = rest.slice(0, end);
  const closing = rest.slice(end);
  const global = (b: Block) => b.type === 'pbBlock' || b.type === 'noteBlock' || b.type === 'figure';
  const divisionsOnly = main.some((b) => b.type === 'division') && main.every((b) => b.type === 'division' || global(b));
  const closer = closing.some((b) => b.type === 'signed' || b.type === 'statement');
  if (divisionsOnly && (closing.every(global) || closer)) {
    for (const b of main) {
      if (b.type === 'division') writeDivision(parent, b, ctx, depth);
      else writeCommonBlock(parent, b, ctx, depth);
    }
    writeBottom(parent, closing, ctx, depth);
    return;
  }
  const div = att(child(parent, 'div', depth), 'type', wrapType);
  // An empty source still gives a valid document: TEI requires content in a division.
  if (rest.length === 0) div.ele('p');
  else writeDivContent(div, rest, ctx, depth + 1);
  indent(div, depth);
}
