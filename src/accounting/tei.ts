/**
 * What the TEI says, read with saxes from the serialised TEI (not from the model): page breaks,
 * notes and references, the words of the text per region, and the header's title, author, volume
 * and page ranges. The TEI's declared normalisations are read back as the source has them: the
 * `orig` of a `choice`, the printed hyphen of a `pb break="no" rend="hyphen"`.
 */
import { SaxesParser } from '../util/saxes.js';
import { addWords } from './source-text.js';
import { wordList, type Region, type Span, type WordList } from './types.js';

export interface TeiFacts {
  pbs: { n: string; edRef?: string; source?: string }[];
  /** Body and endnote words in document order. */
  mainWords: WordList;
  /** Where the text's tables and lists are ([start, end) offsets of mainWords' text): their words
   * are compared as multisets (tables.ts). */
  tables: Span[];
  /** Page-foot note words, in the order of the notes' numbers (fn1, fn2…). */
  footWords: WordList;
  notes: { id: string; n: string; place: string; target: string[] }[];
  refs: { id: string; target: string }[];
  title: string;
  author: string;
  volumes: string[];
  pageFroms: string[];
}

const TEI_BLOCKS = new Set(['p', 'ab', 'head', 'item', 'cell', 'row', 'dateline', 'salute', 'signed', 'note', 'quote', 'lb', 'list', 'table', 'figure', 'div', 'opener', 'closer', 'label', 'byline', 'docTitle', 'titlePart', 'figDesc']);

/** One open element; every field always present, so that the frames share one shape. */
interface Frame {
  name: string;
  skip: boolean;
  region: Region;
  foot: string | undefined;
  capture: 'title' | 'author' | 'volume' | undefined;
  inHeader: boolean;
  inTitleStmt: boolean;
  /** Inside `hi rend="letter-spaced"`: the source prints each letter apart. */
  spaced: boolean;
}

/** Words of a text whose regions change at the given offsets. */
function regionWords(text: string, marks: { at: number; region: Region }[]): WordList {
  const normal = text.normalize('NFC');
  const out = wordList(normal);
  const shift = normal.length === text.length;
  let m = 0;
  const regionAt = (i: number): Region => {
    while (shift && m + 1 < marks.length && marks[m + 1]!.at <= i) m++;
    return marks[m]?.region ?? 'body';
  };
  addWords(out, normal, regionAt, (i) => i);
  return out;
}

/** The TEI's facts gathered from parse events: from a parse of its own (teiFacts), or from one shared with the validation gate. */
export interface TeiFactsCollector {
  /** An element's qualified name (the TEI has no prefixes) and its attributes by qualified name. */
  open(name: string, attrs: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
  /** The facts, once the whole document has passed. */
  finish(): TeiFacts;
}

/**
 * @param suppliedNotesHead the source has no NOTES line: the writer's own `<head>` of the notes
 *   division is editorial, not a word of the source
 */
export function teiFacts(xml: string, suppliedNotesHead = false): TeiFacts {
  const collector = collectTeiFacts(suppliedNotesHead);
  // no positions: the facts need none, and saxes counts lines and columns at every character otherwise
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => collector.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('text', (text) => collector.text(text));
  parser.on('closetag', (tag) => collector.close(tag.name));
  parser.write(xml).close();
  return collector.finish();
}

/** See teiFacts. */
export function collectTeiFacts(suppliedNotesHead = false): TeiFactsCollector {
  const facts: TeiFacts = { pbs: [], mainWords: wordList(), tables: [], footWords: wordList(), notes: [], refs: [], title: '', author: '', volumes: [], pageFroms: [] };
  const stack: Frame[] = [];
  const notesDivs = new WeakSet<Frame>();
  // the text is kept in pieces and joined once: a string grown piece by piece is a deep rope that
  // every later pass over it (normalisation, the word scan) must first flatten
  const main: string[] = [];
  let mainLength = 0;
  const marks: { at: number; region: Region }[] = [];
  const foot = new Map<string, string>();
  const footOrder: string[] = [];
  let volume = '';
  // the outermost table or list open (its start in the main text, its depth in the stack), or -1
  let tableStart = -1;
  let tableDepth = -1;
  const append = (text: string, frame: { foot?: string; region: Region }) => {
    if (frame.foot) {
      foot.set(frame.foot, foot.get(frame.foot)! + text);
      return;
    }
    if (marks.at(-1)?.region !== frame.region) marks.push({ at: mainLength, region: frame.region });
    main.push(text);
    mainLength += text.length;
  };
  const open = (name: string, a: Record<string, string>): void => {
    const parent = stack.at(-1);
    // the apparatus (standOff) is the edition's account of its witnesses, like the header: not text
    const inHeader = name === 'teiHeader' || name === 'standOff' || (parent?.inHeader ?? false);
    const frame: Frame = {
      name,
      skip: parent?.skip ?? false,
      region: parent?.region ?? 'body',
      foot: parent?.foot,
      capture: parent?.capture,
      inHeader,
      inTitleStmt: name === 'titleStmt' || (parent?.inTitleStmt ?? false),
      spaced: (name === 'hi' && /\bletter-spaced\b/.test(a.rend ?? '')) || (parent?.spaced ?? false),
    };
    if (name === 'teiHeader' || name === 'standOff') frame.skip = true;
    if (name === 'title' && a.type === 'main' && !facts.title) frame.capture = 'title';
    if (name === 'author' && !facts.author && frame.inTitleStmt) frame.capture = 'author';
    if (name === 'biblScope' && a.unit === 'volume') frame.capture = 'volume';
    if (name === 'biblScope' && a.unit === 'page' && a.from) facts.pageFroms.push(a.from);
    if ((name === 'ref' && a.type === 'noteref') || ((name === 'ref' || name === 'ptr') && a.type === 'pageref')) frame.skip = true;
    if (name === 'ref' && a.type === 'noteref') facts.refs.push({ id: a['xml:id'] ?? '', target: a.target ?? '' });
    // the source's spelling is the orig of a choice; a figure's description (and the desc of an
    // image in a line) is an image's ALT attribute in the source, not text
    if (name === 'orig' || name === 'figDesc' || (name === 'desc' && parent?.name === 'graphic')) frame.skip = true;
    // a book's title page is the source's title block, which the inventory reads as title facts
    if (name === 'titlePage') frame.skip = true;
    if (name === 'head' && suppliedNotesHead && parent?.name === 'div' && notesDivs.has(parent)) frame.skip = true;
    if (name === 'div' && a.type === 'notes') notesDivs.add(frame);
    if (name === 'note' && !inHeader) {
      facts.notes.push({ id: a['xml:id'] ?? '', n: a.n ?? '', place: a.place ?? '', target: (a.target ?? '').split(/\s+/).filter(Boolean) });
      if (a.place === 'foot') {
        frame.foot = a['xml:id'] ?? '';
        frame.region = 'foot';
        foot.set(frame.foot, '');
        footOrder.push(frame.foot);
      } else frame.region = 'endnotes';
    }
    if (name === 'pb' && !frame.skip) {
      facts.pbs.push({ n: a.n ?? '', ...(a.edRef ? { edRef: a.edRef } : {}), ...(a.source ? { source: a.source } : {}) });
      // the printed hyphen of a word split across pages is restored, as the source prints it
      if (a.break === 'no' && a.rend === 'hyphen') append('-', frame);
      else if (a.break !== 'no') append(' ', frame);
    }
    if (TEI_BLOCKS.has(name) && !inHeader) append(' ', frame);
    if ((name === 'table' || name === 'list') && !frame.skip && !frame.foot && tableStart < 0) {
      tableStart = mainLength;
      tableDepth = stack.length;
    }
    stack.push(frame);
  };
  const text = (value: string): void => {
    const top = stack.at(-1);
    if (top?.capture === 'title') facts.title += value;
    if (top?.capture === 'author') facts.author += value;
    if (top?.capture === 'volume') volume += value;
    if (!top || top.skip) return;
    // a letter-spaced word is read back as the source prints it, one letter at a time
    append(top.spaced ? value.replace(/(\p{L})(?=\p{L})/gu, '$1 ') : value, top);
  };
  const close = (name: string): void => {
    const top = stack.pop();
    if (tableStart >= 0 && stack.length === tableDepth) {
      facts.tables.push([tableStart, mainLength]);
      tableStart = -1;
    }
    if (top?.capture === 'volume' && stack.at(-1)?.capture !== 'volume') {
      facts.volumes.push(volume.trim());
      volume = '';
    }
    if (TEI_BLOCKS.has(name) && top && !top.skip) append(' ', name === 'note' ? (stack.at(-1) ?? top) : top);
  };
  const finish = (): TeiFacts => {
    facts.mainWords = regionWords(main.join(''), marks);
    // offsets are those of the text before normalisation: where it changed length they are not
    if (facts.mainWords.text.length !== mainLength) facts.tables = [];
    // foot notes are numbered in the order the source has them (fn1, fn2…): compare in that order
    const byNumber = [...footOrder].sort((x, y) => Number(x.replace(/\D/g, '')) - Number(y.replace(/\D/g, '')));
    facts.footWords = regionWords(byNumber.map((id) => foot.get(id)).join(' '), [{ at: 0, region: 'foot' }]);
    return facts;
  };
  return { open, text, close, finish };
}
