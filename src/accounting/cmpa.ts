/**
 * The accounting's inventory of a CMPA Markdown reprint, from the raw text (no reader code): the
 * title block (up to the first `## ` heading), page markers (a line `page 276`, `page 240 [blank]`),
 * note references (`<sup>[1]</sup>`), the notes after `## NOTES` (`[1] text … [p. 275]`, the label
 * and back-reference being apparatus), and the words of the text and of the notes.
 */
import { blank, classifyEndnoteWords, htmlWords, positioner } from './source-text.js';
import { wordList, wordTexts, type Inventory, type SourceMarker, type SourceNote, type SourceNoteRef, type TitleFacts } from './types.js';

const MARKER = /^[ \t]*page[ \t]*([0-9]+[a-z]?|[ivxlcdm]+)[ \t]*(?:\[([a-z][a-z ]*)\])?[ \t]*$/gim;
const NOTE_REF = /<sup>\s*\[?\s*(\d+[a-z]?|\*+)\s*\]?\s*<\/sup>/gi;
/**
 * A note's label in the notes: `[1]` at the start of a line, or `<sup>[1]</sup>` as some reprints
 * mark it, at the start of a paragraph only (on a wrapped line it is a reference within a note).
 * Numbers and asterisks, as the reader takes them.
 */
const NOTE_LABEL = /^[ \t]*\[(\d+[a-z]?|\*+)\][ \t]*|(?<=(?:^|\n)[ \t]*\n)[ \t]*<sup>\s*\[?\s*(\d+[a-z]?|\*+)\s*\]?\s*<\/sup>[ \t]*/gim;
const BACK_REF = /\[\s*pp?\.\s*[\divxlc]+(?:\s*(?:,|and|-)\s*[\divxlc]+)*\s*\]|\[\s*(?:table of contents|pub\. note)\s*\]/gi;
/** Markdown that is not text: a link's address, an autolink, heading marks, rules. */
const MARKUP = /\]\([^)\s]*\)|<(?:https?:|mailto:)[^>\s]*>|^#{1,6}[ \t]|^[ \t]*(?:-{3,}|\*{3,})[ \t]*$/gm;

export function inventoryOfCmpa(bytes: Uint8Array, file: string): Inventory {
  const md = new TextDecoder('utf-8').decode(bytes);
  const position = positioner(md, file);
  const firstHeading = md.search(/^##?[ \t]/m);
  const cut = firstHeading < 0 ? 0 : firstHeading;
  const notesHeading = /^##[ \t]+NOTES[ \t]*$/im.exec(md);
  const notesAt = notesHeading ? notesHeading.index : md.length;
  const markers: SourceMarker[] = [...md.matchAll(MARKER)].map((m) => ({ n: m[1]!, ...(m[2] ? { remark: m[2].trim().toLowerCase() } : {}), pos: position(m.index + m[0].search(/p/i)) }));
  const labels = [...md.matchAll(NOTE_LABEL)].filter((m) => m.index > notesAt);
  const notes: SourceNote[] = labels.map((m) => ({ label: (m[1] ?? m[2])!, place: 'end', pos: position(m.index + m[0].search(/[[<]/)) }));
  // a `<sup>[1]</sup>` that labels a note is the note's, not a reference to it
  const labelSpans = labels.map((m) => [m.index, m.index + m[0].length] as const);
  const refs: SourceNoteRef[] = [...md.matchAll(NOTE_REF)]
    .filter((m) => m.index >= cut && !labelSpans.some(([from, to]) => m.index >= from && m.index < to))
    .map((m) => ({ label: m[1]!, place: 'end', pos: position(m.index) }));
  const noteEnds = [...md.matchAll(BACK_REF)].filter((m) => m.index > notesAt).map((m) => m.index + m[0].length);

  let work = blank(md, MARKER);
  work = blank(work, NOTE_REF);
  work = work.slice(0, notesAt) + blank(blank(work.slice(notesAt), NOTE_LABEL), BACK_REF);
  work = blank(work, MARKUP);
  // the notes end at a closing rule, if any
  const rule = /^[ \t]*-{3,}[ \t]*$/m.exec(md.slice(notesAt));
  const end = notesHeading && rule ? notesAt + rule.index : md.length;
  const mainWords = htmlWords(work, cut, end, 'body');
  classifyEndnoteWords(mainWords, labels.map((l) => l.index), noteEnds);
  const head = md.slice(0, cut);
  const pages = /(?:Vol\.\s*([IVXLC]+|\d+)\s*,\s*)?\bpp?\.\s*(\d+)(?:\s*-\s*(\d+))?/i.exec(head);
  const title: TitleFacts = {
    words: wordTexts(htmlWords(blank(head, MARKUP), 0, cut, 'body')),
    ...(pages?.[1] ? { volume: pages[1] } : {}),
    ...(pages ? { pageFrom: pages[2]! } : {}),
    ...(pages?.[3] ? { pageTo: pages[3] } : {}),
    pos: position(pages ? pages.index : 0),
  };
  return { file, format: 'cmpa', markers, notes, refs, mainWords, footWords: wordList(), title, position };
}
