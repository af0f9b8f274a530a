/**
 * Small helpers shared by the TEI writer modules: safe text, valid ids, readable indentation.
 */
import type { XmlNode } from './builder.js';

export type El = XmlNode;

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML can carry it. The builder (./builder.js) escapes `<` and `>`, but leaves an `&` alone when it looks
 * like the start of an entity (`&amp;`, `&copy;`), which would turn a literal "&copy;" in a source
 * into an undefined entity. So every `&` is escaped here, and the builder leaves the result as is.
 */
export function xmlText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;');
}

/** The characters of `s` that XML can hold: what a reader of the TEI will see (`2\x129` is `29`). */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML, '');
}

/** True when nothing visible would be written (absent, empty, white space or characters XML cannot hold). */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || xmlText(s).trim() === '';
}

/** Append text, skipping empty strings (an empty text node is noise in the output). */
export function text(el: El, s: string): void {
  const clean = xmlText(s);
  if (clean) el.txt(clean);
}

/** Set an attribute whose value comes from a source: cleaned of characters XML cannot hold. */
export function att(el: El, name: string, value: string | number | undefined): El {
  if (value === undefined || value === '') return el;
  if (name.startsWith('xml:')) return el.att(XML_NS, name, xmlText(String(value)));
  return el.att(name, xmlText(String(value)));
}

/**
 * An xml:id from an id a source or reader gave: an NCName (letters, digits, `.-_`, not starting with
 * a digit, dot or hyphen). Ids that are already valid are kept unchanged, so `#pointers` still match.
 */
export function ncName(id: string): string {
  let s = id.normalize('NFC').replace(/[^\p{L}\p{N}._-]/gu, '_');
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  return s;
}

/** Line break and indentation before a child in element-only content (never inside mixed content). */
export function indent(el: El, depth: number): void {
  el.txt(`\n${'  '.repeat(depth)}`);
}

/** A child element on its own indented line (element-only content); `depth` undefined: no indent. */
export function child(parent: El, name: string, depth?: number): El {
  if (depth !== undefined) indent(parent, depth);
  return parent.ele(name);
}

/** An ISO 8601 date TEI's @when accepts (`1939`, `1939-09`, `1939-09-28`), else undefined. */
export function isoDate(when: string | undefined): string | undefined {
  return when && /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(when) ? when : undefined;
}

/** An IPv6 host (`http://[::1]/`): the one place where a URI may hold brackets. */
const IP_LITERAL = /^[a-z][a-z0-9+.-]*:\/\/\[[0-9a-f:.]+\]/i;

/**
 * A URI reference as @target/@url need it (xsd:anyURI): spaces, brackets and other characters URIs
 * cannot hold are escaped, a `%` that starts no escape becomes `%25`, and a second `#` (a fragment
 * cannot hold one) `%23`. Characters XML cannot hold at all are dropped first. A colon before any
 * `/`, `?` or `#` where no scheme stands (`mailtº:djr@…`, a scheme with a character no scheme
 * has) would make a relative reference that no URI parser accepts: it is escaped too (`%3A`).
 */
export function uri(s: string): string {
  const clean = s.replace(NOT_XML, '').trim();
  const host = IP_LITERAL.exec(clean)?.[0] ?? '';
  let fragment = false;
  const rest = clean.slice(host.length).replace(/%(?![0-9A-Fa-f]{2})|#|[^\x21-\x7E]|[<>"{}|\\^`[\]]/gu, (c) => {
    if (c !== '#') return encodeURIComponent(c);
    if (fragment) return '%23';
    fragment = true;
    return c;
  });
  const colon = /^[^/?#:]*:/.exec(rest);
  if (!host && colon && !/^[A-Za-z][A-Za-z0-9+.-]*:$/.test(colon[0])) return `${colon[0].slice(0, -1)}%3A${rest.slice(colon[0].length)}`;
  return host + rest;
}
