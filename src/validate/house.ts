/**
 * The requirements of schema/teikit.rng that matter most, checked again in plain code so that
 * each violation gets a precise message at the element's own line. libxml2's RELAX NG messages are
 * often vague ("Element p has extra content: text", no element name for a missing child, line 0
 * for a missing attribute); these checks name the element and what was expected. They run only
 * with the teikit schema; RELAX NG stays the authority (these never accept what it refuses).
 */
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import type { ElementFact } from './wellformed.js';
import { houseRuleLabel } from './rules.js';

/** Required attributes per element (for `ref`, per @type). */
const REQUIRED_ATTRS: Record<string, string[]> = {
  TEI: ['xml:lang'],
  pb: ['n', 'edRef'],
  note: ['xml:id', 'n', 'place'],
  'ref[noteref]': ['xml:id', 'n', 'target'],
  'ref[pageref]': ['n'],
  'ptr[pageref]': ['n'],
  ref: ['target'],
  anchor: ['xml:id'],
  graphic: ['url'],
  hi: ['rend'],
  ab: ['type', 'xml:space'],
  list: ['type'],
  biblStruct: ['xml:id', 'type'],
  bibl: [],
  witness: ['xml:id'],
  app: ['from'],
  language: ['ident'],
  change: ['when'],
  relatedItem: ['type'],
  ptr: ['target'],
};

/** Attributes with a closed list of values in the house encoding. */
const ENUMS: Record<string, string[]> = {
  'note@place': ['end', 'foot'],
  'hi@rend': ['italic', 'bold', 'underline', 'smallcaps', 'superscript', 'subscript', 'letter-spaced'],
  'list@type': ['ordered', 'unordered', 'simple', 'contents'],
  'num@type': ['page'],
  'div@type': ['work', 'document', 'chapter', 'section', 'preface', 'contents', 'appendix', 'part', 'notes', 'front', 'titlepage'],
  'ab@type': ['preformatted'],
  'ab@rend': ['center'],
  'ab@xml:space': ['preserve'],
  'p@rend': ['center', 'right', 'indent', 'heading', 'subtitle', 'dateline', 'byline', 'salute', 'signed', 'statement'],
  'cell@role': ['label', 'data'],
  'head@type': ['sub'],
};

/** Header parts every teikit document has: parent path → required children, in order. */
const REQUIRED_PARTS: [string, string[]][] = [
  ['TEI', ['teiHeader', 'text']],
  ['TEI/teiHeader', ['fileDesc', 'profileDesc']],
  ['TEI/teiHeader/fileDesc', ['titleStmt', 'publicationStmt', 'sourceDesc']],
  ['TEI/teiHeader/fileDesc/titleStmt', ['title', 'author']],
  ['TEI/teiHeader/fileDesc/publicationStmt', ['publisher', 'date', 'availability', 'idno']],
  ['TEI/teiHeader/profileDesc', ['langUsage']],
  ['TEI/text', ['body']],
];

/** ISO 8601 as the house encoding writes it: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const y = Number(m[1]);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day >= 1 && day <= days[month - 1]!;
}

export class HouseChecks {
  readonly diagnostics: Diagnostic[] = [];
  /** path → position of its first element, for the header-part check. */
  private seen = new Map<string, ElementFact>();

  constructor(private readonly file: string) {}

  visit = (el: ElementFact, path: readonly string[]): void => {
    if (path.length <= 5) {
      const key = path.join('/');
      if (!this.seen.has(key)) this.seen.set(key, el);
    }
    const type = el.attrs.type;
    // a note of the header or of the apparatus is a remark of the edition, not a note of the text
    const meta = el.name === 'note' && (path.includes('teiHeader') || path.includes('standOff'));
    const pointer = (el.name === 'ref' && type === 'noteref') || ((el.name === 'ref' || el.name === 'ptr') && type === 'pageref');
    const key = pointer ? `${el.name}[${type}]` : meta ? 'note[meta]' : el.name;
    for (const attr of REQUIRED_ATTRS[key] ?? []) {
      if (el.attrs[attr] === undefined || el.attrs[attr]!.trim() === '') {
        const what = key === el.name ? `<${el.name}>` : `<${el.name} type="${type}">`;
        this.error(el, 'missing-attribute', `${what} needs @${attr}${ATTR_HINT[`${el.name}@${attr}`] ?? ''}`);
      }
    }
    for (const [attr, value] of Object.entries(el.attrs)) {
      const allowed = ENUMS[`${el.name}@${attr}`];
      if (allowed && !allowed.includes(value)) {
        this.error(el, 'bad-value', `<${el.name} ${attr}="${value}">: expected one of ${allowed.map((v) => `"${v}"`).join(', ')}`);
      }
    }
    const when = el.attrs.when;
    if (when !== undefined && !isIsoDate(when)) {
      this.error(el, 'bad-date', `<${el.name} when="${when}">: @when must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) that exists`);
    }
    if (el.name === 'pb') {
      const brk = el.attrs.break;
      if (brk !== undefined && brk !== 'no') {
        this.error(el, 'bad-break', `<pb break="${brk}">: the house encoding writes break="no" (a word runs across the pages) or no @break at all`);
      }
      if (el.attrs.rend !== undefined && (brk !== 'no' || el.attrs.rend !== 'hyphen')) {
        this.error(el, 'bad-break', `<pb rend="${el.attrs.rend}">: @rend on pb is only "hyphen", together with break="no"`);
      }
    }
  };

  /** After the pass: the header parts that were never seen. */
  finish(): Diagnostic[] {
    if (!this.seen.has('TEI')) return this.diagnostics; // wrong root or namespace: RELAX NG says so
    for (const [parent, parts] of REQUIRED_PARTS) {
      const at = this.seen.get(parent);
      if (!at) continue; // the missing parent itself is reported at its own parent
      const missing = parts.filter((p) => !this.seen.has(`${parent}/${p}`));
      if (missing.length > 0) {
        const name = parent.split('/').pop()!;
        const code = parent.startsWith('TEI/teiHeader') || missing.includes('teiHeader') ? 'missing-header-part' : 'missing-element';
        this.error(at, code, `<${name}> lacks ${missing.map((m) => `<${m}>`).join(', ')} (expected ${parts.map((p) => `<${p}>`).join(', ')}, in this order)`);
      }
    }
    // a sourceDesc lists the print editions (listBibl) or the witnesses read (listWit), or both
    const sources = this.seen.get('TEI/teiHeader/fileDesc/sourceDesc');
    if (sources && !this.seen.has('TEI/teiHeader/fileDesc/sourceDesc/listBibl') && !this.seen.has('TEI/teiHeader/fileDesc/sourceDesc/listWit')) {
      this.error(sources, 'missing-header-part', '<sourceDesc> lacks <listBibl> or <listWit> (the print editions, the witnesses read)');
    }
    return this.diagnostics;
  }

  private error(el: ElementFact, code: string, message: string): void {
    this.diagnostics.push(diagnostic('error', code, message + houseRuleLabel('house'), { file: this.file, line: el.line, column: el.column }));
  }
}

const ATTR_HINT: Record<string, string> = {
  'pb@n': ' (the printed page number)',
  'pb@edRef': ' (the print edition whose page this is, e.g. "#flp")',
  'note@n': ' (the label as printed)',
  'note@xml:id': ' (so that references can point to it)',
  'note@place': ' ("end" or "foot")',
};
