/**
 * What a volume needs of one member TEI (a work converted by teikit): its id, title and author,
 * the print book its page numbers belong to (collection, volume, editors, editions, imprint, page
 * range) and the print pages it holds, read from the teiHeader that src/tei/sources.ts writes.
 */
import { at, attr, descendants, elements, textOf, type XmlElement } from './tree.js';
import { pageValue } from '../validate/rules.js';

export interface PrintBook {
  collection: string;
  /** Whose collection it is, where the print statement names them (monogr/author). */
  authors: string[];
  /** The volume as printed (`II`) and as a number (`2`), from biblScope unit="volume". */
  volume: { text: string; n?: string };
  editors: string[];
  editions: string[];
  place: string[];
  publisher: string[];
  date: { text: string; when?: string }[];
}

export interface VolumeMember {
  /** The input file, for messages. */
  file: string;
  /** The member's idno (its edition id), also the prefix of its ids in the volume. */
  id: string;
  title: string;
  authors: string[];
  language: string;
  print: PrintBook;
  /** The work's pages in the print volume: the part this source holds where the title block cites one. */
  range?: { from: string; to: string; text: string };
  /** The print pages present (pb/@n of that edition, in document order, each once; not the
   * markers declared out of sequence). */
  pages: string[];
  /** Those of the text itself (front and body): the notes may be printed at the back of the volume. */
  textPages: string[];
  /** The digital edition's publication data (publicationStmt). */
  publication: { publisher: string; licence: string; licenceUrl?: string; date?: string };
  root: XmlElement;
}

/** A print page's place in a volume: roman front-matter pages before arabic ones. */
export function pageKey(n: string): number | undefined {
  const v = pageValue(n.trim());
  if (!v) return undefined;
  return v.kind === 'roman' ? v.value - 100000 : v.value;
}

/**
 * The member's facts, or undefined when its header names no print volume (a book printed alone,
 * a page without a title block): such a TEI belongs to no volume.
 */
export function readMember(root: XmlElement, file: string): VolumeMember | undefined {
  const header = at(root, 'teiHeader');
  if (root.name !== 'TEI' || !header) return undefined;
  const prints = descendants(at(header, 'fileDesc/sourceDesc') ?? header, 'biblStruct').filter((b) => attr(b, 'type') === 'print' || !attr(b, 'type'));
  const text = at(root, 'text');
  const pbs = text ? descendants(text, 'pb') : [];
  // the print edition of the page breaks; else the one no other is based on
  const edRef = pbs.map((pb) => attr(pb, 'edRef')).find(Boolean)?.replace(/^#/, '');
  const bases = new Set(prints.flatMap((b) => elements(b, 'relatedItem').filter((r) => attr(r, 'type') === 'basedOn').map((r) => attr(r, 'target')?.replace(/^#/, ''))));
  const print = prints.find((b) => attr(b, 'xml:id') === edRef) ?? prints.find((b) => !bases.has(attr(b, 'xml:id'))) ?? prints[0];
  const monogr = print && at(print, 'monogr');
  const volumeEl = monogr && elements(monogr, 'biblScope').find((s) => attr(s, 'unit') === 'volume');
  const collection = textOf(monogr && elements(monogr, 'title')[0]);
  if (!monogr || !volumeEl || !collection) return undefined;
  const printId = attr(print!, 'xml:id');
  const pages: string[] = [];
  const textPages: string[] = [];
  const inText = new Set((text ? [...elements(text, 'front'), ...elements(text, 'body')] : []).flatMap((e) => descendants(e, 'pb')));
  for (const pb of pbs) {
    const n = attr(pb, 'n')?.trim();
    const ed = attr(pb, 'edRef')?.replace(/^#/, '');
    // a marker the source prints out of sequence (a misprint the conversion declared) is no page of its own
    if (attr(pb, 'type') === 'out-of-sequence') continue;
    if (!n || (ed !== undefined && ed !== printId)) continue;
    if (!pages.includes(n)) pages.push(n);
    if (inText.has(pb) && !textPages.includes(n)) textPages.push(n);
  }
  const part = elements(print!, 'citedRange').find((c) => attr(c, 'unit') === 'page');
  const whole = elements(monogr, 'biblScope').find((s) => attr(s, 'unit') === 'page');
  const rangeEl = part ?? whole;
  const imprint = at(monogr, 'imprint');
  const titleStmt = at(header, 'fileDesc/titleStmt');
  const texts = (el: XmlElement | undefined, name: string) => (el ? elements(el, name).map(textOf).filter(Boolean) : []);
  return {
    file,
    id: textOf(at(header, 'fileDesc/publicationStmt/idno')) || file.replace(/^.*[\\/]/, '').replace(/\..*$/, ''),
    title: textOf((titleStmt && elements(titleStmt, 'title').find((t) => attr(t, 'type') === 'main')) ?? at(titleStmt, 'title')) || '[Untitled]',
    authors: texts(titleStmt, 'author'),
    language: attr(root, 'xml:lang') ?? 'en',
    print: {
      collection,
      authors: texts(monogr, 'author'),
      volume: { text: textOf(volumeEl), ...(attr(volumeEl, 'n') ? { n: attr(volumeEl, 'n')! } : {}) },
      editors: texts(monogr, 'editor'),
      editions: texts(monogr, 'edition'),
      place: texts(imprint, 'pubPlace'),
      publisher: texts(imprint, 'publisher'),
      date: imprint ? elements(imprint, 'date').map((d) => ({ text: textOf(d), ...(attr(d, 'when') ? { when: attr(d, 'when')! } : {}) })) : [],
    },
    ...(rangeEl && attr(rangeEl, 'from') && attr(rangeEl, 'to')
      ? { range: { from: attr(rangeEl, 'from')!, to: attr(rangeEl, 'to')!, text: textOf(rangeEl) } }
      : {}),
    pages,
    textPages,
    publication: publicationOf(header),
    root,
  };
}

function publicationOf(header: XmlElement): VolumeMember['publication'] {
  const stmt = at(header, 'fileDesc/publicationStmt');
  const licence = at(stmt, 'availability/licence');
  const date = at(stmt, 'date');
  const url = licence && attr(licence, 'target');
  const when = (date && attr(date, 'when')) || textOf(date);
  return { publisher: textOf(at(stmt, 'publisher')), licence: textOf(licence), ...(url ? { licenceUrl: url } : {}), ...(when ? { date: when } : {}) };
}
