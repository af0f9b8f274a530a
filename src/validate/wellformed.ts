/**
 * Well-formedness (saxes, with line and column) and, in the same single pass, the facts the rules
 * need: ids, pointers, page breaks, notes and references, and the characters around each
 * `pb break="no"`. Streaming keeps a 50 MB file cheap: no tree is built.
 */
import { SaxesParser, type SaxesTagNS } from '../util/saxes.js';
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** An element the rules look at: its local name, position and attributes. */
export interface ElementFact {
  name: string;
  line: number;
  column: number;
  attrs: Record<string, string>;
  /** `n` of the last pb before this element in document order (undefined before the first). */
  page?: string;
  /** Its text content, for the few elements whose words the rules read (note references, dates). */
  text?: string;
  /** The xml:id of the nearest bibliographic entry around it (biblStruct, bibl), for page ranges. */
  owner?: string;
  /** A pb of the back matter (the notes a volume prints after its texts, on pages of their own). */
  inBack?: boolean;
  /** In a teiCorpus, which of its TEI members it is in (1, 2 …); undefined outside any member. */
  member?: number;
}

export interface BreakFact {
  pb: ElementFact;
  /** Last character of running text before the pb; '' at the start of a block. */
  before: string;
  /** First character after it; '' at the end of a block. */
  after: string;
}

export interface Facts {
  root?: { name: string; ns: string; line: number; column: number };
  /** Every element with an xml:id, first occurrence per id. */
  ids: Map<string, ElementFact>;
  duplicateIds: { el: ElementFact; first: ElementFact }[];
  /** TEI elements that carry pointer attributes, with the attribute name. */
  pointers: { el: ElementFact; attr: string; value: string }[];
  pbs: ElementFact[];
  notes: ElementFact[];
  /** Every `ref` and `ptr` (noteref, pageref, links). */
  refs: ElementFact[];
  breaks: BreakFact[];
  /** `xi:include` elements (XInclude), which teikit does not resolve: each is reported as such. */
  xincludes: ElementFact[];
  /** `biblScope` and `citedRange` with unit="page" (`owner`: their biblStruct's id). */
  pageRanges: ElementFact[];
  /** `hyphenation` of each editorialDecl (its @eol): one per TEI of a teiCorpus, and the corpus's. */
  hyphenations: ElementFact[];
  /** The date of the work (`profileDesc/creation/date` without @type) and the dates of the text's datelines. */
  creationDates: ElementFact[];
  datelineDates: ElementFact[];
}

export const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** Attributes whose tokens are pointers (`#id` must resolve). */
const POINTER_ATTRS = ['target', 'edRef', 'source', 'who', 'corresp', 'sameAs', 'next', 'prev', 'resp', 'ref', 'ana', 'facs'];

/** Elements whose start and end interrupt running text (a word cannot run across them). */
const BLOCKS = new Set([
  'p', 'ab', 'head', 'note', 'item', 'cell', 'row', 'quote', 'div', 'list', 'table', 'dateline', 'byline',
  'salute', 'signed', 'opener', 'closer', 'figure', 'figDesc', 'body', 'back', 'front', 'text', 'lb',
]);

export type ParseResult = { ok: true; facts: Facts } | { ok: false; diagnostic: Diagnostic };

/** Called for every element in the TEI namespace with its path of local names (`TEI/teiHeader/…`). */
export type ElementVisitor = (el: ElementFact, path: readonly string[]) => void;

/**
 * Another reader of the same parse: told every element's qualified name and attributes, every
 * text, every end, in document order (the accounting reads the TEI's facts in the gate's parse
 * rather than parsing the TEI again).
 */
export interface SaxTap {
  open(name: string, attrs: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

export function parseWellFormed(text: string, file: string, visit?: ElementVisitor, tap?: SaxTap): ParseResult {
  const facts: Facts = {
    ids: new Map(), duplicateIds: [], pointers: [], pbs: [], notes: [], refs: [], breaks: [], xincludes: [],
    pageRanges: [], creationDates: [], datelineDates: [], hyphenations: [],
  };
  // Elements whose text is being collected (see ElementFact.text), and the bibliographic entries open.
  const collecting: ElementFact[] = [];
  const owners: (string | undefined)[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let page: string | undefined;
  let member: number | undefined;
  const inMember = () => path.lastIndexOf('TEI') > 0;
  // Running-text context: the innermost note (its own text stream) or the main text.
  const contexts: { last: string; pending: BreakFact[] }[] = [{ last: '', pending: [] }];
  const open: { name: string; line: number; column: number }[] = [];
  const path: string[] = [];
  let inOrig = 0;
  const ctx = () => contexts[contexts.length - 1]!;
  const boundary = () => {
    const c = ctx();
    for (const b of c.pending) b.after = '';
    c.pending = [];
    c.last = '';
  };
  let failure: Diagnostic | undefined;

  let start = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    start = tagStart(parser, tag.name);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    open.push({ name: tag.name, ...start });
    path.push(tag.local);
    if (!facts.root) facts.root = { name: tag.name, ns: tag.uri, ...start };
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
    tap?.open(tag.name, attrs);
    // each TEI of a teiCorpus is a text of its own: its header speaks of its text alone
    if (tag.local === 'TEI' && tag.uri === TEI_NS && path.length > 1) member = (member ?? 0) + 1;
    const el: ElementFact = { name: tag.local, line: start.line, column: start.column, attrs, page, ...(member !== undefined && inMember() ? { member } : {}) };
    if (tag.local === 'biblStruct' || tag.local === 'bibl') owners.push(attrs['xml:id']);
    else owners.push(owners.at(-1));
    el.owner = owners.at(-1);
    const id = attrs['xml:id'];
    if (id !== undefined) {
      const first = facts.ids.get(id);
      if (first) facts.duplicateIds.push({ el, first });
      else facts.ids.set(id, el);
    }
    if (tag.uri === XINCLUDE_NS && tag.local === 'include') facts.xincludes.push({ ...el, name: tag.name });
    if (tag.uri !== TEI_NS) return;
    visit?.(el, path);
    for (const attr of POINTER_ATTRS) {
      const value = attrs[attr];
      if (value !== undefined) facts.pointers.push({ el, attr, value });
    }
    const local = tag.local;
    if (local === 'orig') inOrig++;
    collectFacts(facts, el, path, collecting, tag.isSelfClosing);
    if (local === 'note') {
      // a note of the header (a volume's pages, a witness's relation) or of the apparatus is a
      // remark of the edition, not a note of the text that a reference must point to
      if (!path.includes('teiHeader') && !path.includes('standOff')) facts.notes.push(el);
      contexts.push({ last: '', pending: [] });
    } else if (BLOCKS.has(local)) {
      boundary();
    }
    if (local === 'pb') {
      if (path.includes('back')) el.inBack = true;
      facts.pbs.push(el);
      page = attrs.n;
      if (attrs.break === 'no') {
        const fact: BreakFact = { pb: el, before: ctx().last, after: '' };
        facts.breaks.push(fact);
        ctx().pending.push(fact);
      }
    } else if (local === 'ref' || local === 'ptr') {
      facts.refs.push(el);
    }
  });

  let lastClosed: { name: string; line: number } | undefined;
  parser.on('closetag', (tag: SaxesTagNS) => {
    tap?.close(tag.name);
    lastClosed = open.pop();
    path.pop();
    owners.pop();
    if (collecting.length > 0 && tag.uri === TEI_NS && collecting.at(-1)!.name === tag.local && !tag.isSelfClosing) collecting.pop();
    if (tag.uri !== TEI_NS) return;
    if (tag.local === 'orig') inOrig--;
    if (tag.local === 'note') {
      boundary();
      contexts.pop();
    } else if (BLOCKS.has(tag.local)) {
      boundary();
    }
  });

  const onText = (t: string) => {
    tap?.text(t);
    for (const el of collecting) el.text += t;
    if (inOrig > 0 || t.length === 0) return;
    const c = ctx();
    if (c.pending.length > 0) {
      for (const b of c.pending) b.after = t[0]!;
      c.pending = [];
    }
    c.last = t[t.length - 1]!;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('error', (err: Error) => {
    if (!failure) {
      // saxes has already closed the element the bad end tag stood for: name both, and place the
      // message at the bad end tag's `<` (saxes stands just past its `>`, before the next tag).
      const closing = /close tag|closing tag/.test(err.message) ? closingTagBefore(text, parser.position) : undefined;
      const at = closing ? lineColumn(text, closing.index) : { line: parser.line, column: parser.column };
      // A bare & makes saxes stumble somewhere after it (an entity name, a tag never closed, at the
      // end of the file): it is a fault itself, the first one when it comes before: name the & itself.
      const amp = bareAmpersand(text, parser.position);
      if (amp !== undefined) {
        const where = lineColumn(text, amp);
        failure = diagnostic('error', 'unescaped-ampersand', `unescaped & at ${where.line}:${where.column}; write &amp; (in XML an & begins an entity or character reference)`, { file, ...where });
      } else failure = wellFormednessError(err.message, at.line, at.column, file, open, lastClosed, closing?.name);
    }
    throw err;
  });

  try {
    parser.write(text).close();
  } catch {
    /* recorded in `failure` */
  }
  if (failure) return { ok: false, diagnostic: failure };
  return { ok: true, facts };
}

/** Facts of the elements the page-range, note-label, hyphenation and date rules read. */
function collectFacts(facts: Facts, el: ElementFact, path: readonly string[], collecting: ElementFact[], selfClosing: boolean): void {
  const { name, attrs } = el;
  const collect = () => {
    el.text = '';
    if (!selfClosing) collecting.push(el);
  };
  if ((name === 'biblScope' || name === 'citedRange') && attrs.unit === 'page') facts.pageRanges.push(el);
  else if (name === 'hyphenation' && path.includes('editorialDecl')) facts.hyphenations.push(el);
  else if (name === 'ref' && attrs.type === 'noteref') collect();
  else if (name === 'date' && attrs.type === undefined && path.at(-2) === 'creation' && path.includes('profileDesc')) {
    facts.creationDates.push(el);
    collect();
  } else if (name === 'date' && path.includes('dateline') && path.includes('text')) {
    facts.datelineDates.push(el);
    collect();
  }
}

/**
 * Offset of the first & before `limit` that begins no reference (`&amp;`, `&#160;`, `&#xA0;`,
 * `&name;`), outside comments, CDATA sections and processing instructions; undefined if none.
 */
export function bareAmpersand(text: string, limit: number): number | undefined {
  const reference = /^&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][\w.:-]*);/;
  const skips: [string, string][] = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']];
  for (let i = 0; i < text.length && i <= limit; i++) {
    const c = text[i];
    if (c === '<') {
      const skip = skips.find(([open]) => text.startsWith(open, i));
      if (skip) {
        const end = text.indexOf(skip[1], i + skip[0].length);
        if (end < 0) return undefined;
        i = end + skip[1].length - 1;
      }
    } else if (c === '&' && !reference.test(text.slice(i, i + 40))) return i;
  }
  return undefined;
}

/** The end tag that ends just before `position` (a code-unit offset just past its `>`). */
function closingTagBefore(text: string, position: number): { index: number; name: string } | undefined {
  const lt = text.lastIndexOf('</', Math.max(0, position - 1));
  const name = lt >= 0 ? /^<\/([^\s>]+)\s*>/.exec(text.slice(lt, lt + 200))?.[1] : undefined;
  return name !== undefined ? { index: lt, name } : undefined;
}

/** 1-based line and column (in UTF-16 code units, as saxes counts them) of an offset in the text. */
function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** Position of the `<` of a start tag: saxes stands just past the name when `opentagstart` fires. */
function tagStart(parser: SaxesParser<{ xmlns: true; position: true }>, name: string): { line: number; column: number } {
  return { line: parser.line, column: Math.max(1, parser.column - name.length - 1) };
}

/** saxes' message (`3:11: undefined entity.`) → a diagnostic with a stable code and a plain sentence. */
function wellFormednessError(
  raw: string,
  line: number,
  column: number,
  file: string,
  open: { name: string; line: number; column: number }[],
  closed: { name: string; line: number } | undefined,
  closingName: string | undefined,
): Diagnostic {
  const message = raw.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
  const kinds: [RegExp, string, (m: RegExpExecArray) => string][] = [
    [/^unexpected close tag/, 'mismatched-tag', () => {
      const expected = closed ?? open[open.length - 1];
      const name = closingName ? `</${closingName}> ` : '';
      return expected
        ? `closing tag ${name}does not match the open element <${expected.name}> (opened at line ${expected.line}): expected </${expected.name}>`
        : `closing tag ${name}without an open element`;
    }],
    [/^unmatched closing tag: (.*)$/, 'mismatched-tag', (m) => `closing tag </${m[1]}> has no open element of that name`],
    [/^undefined entity/, 'undefined-entity', () => 'undefined entity: XML knows only &amp; &lt; &gt; &quot; &apos; and character references such as &#160;'],
    [/^duplicate attribute: (.*)$/, 'duplicate-attribute', (m) => `attribute ${m[1]} is given twice`],
    [/^unbound namespace prefix: (.*)$/, 'unbound-prefix', (m) => `namespace prefix ${m[1]} is not declared`],
    [/^disallowed character|^malformed/, 'invalid-character', (m) => `${m[0]}: not allowed in XML here`],
    [/^documents may contain only one root|^text data outside of root node/, 'content-after-root', () => 'content after the root element (a document has exactly one root element)'],
    [/^document must contain a root element/, 'no-root-element', () => 'the document has no root element'],
    [/^unquoted attribute value|^value must be quoted|attribute without value/, 'bad-attribute-syntax', () => `${message}: attribute values must be quoted, name="value"`],
  ];
  const unclosed = /^unclosed tag: (.*)$/.exec(message);
  if (unclosed) {
    // Report where the element was opened, not the end of the file where saxes noticed.
    const el = [...open].reverse().find((o) => o.name === unclosed[1]) ?? { line, column };
    return diagnostic('error', 'unclosed-element', `element <${unclosed[1]}> is never closed (expected </${unclosed[1]}> before the end of the file)`, { file, line: el.line, column: el.column });
  }
  for (const [re, code, say] of kinds) {
    const m = re.exec(message);
    if (m) return diagnostic('error', code, say(m), { file, line, column: Math.max(1, column) });
  }
  return diagnostic('error', 'not-well-formed', message, { file, line, column: Math.max(1, column) });
}
