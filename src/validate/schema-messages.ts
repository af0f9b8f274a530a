/**
 * libxml2's RELAX NG messages → teikit diagnostics: a stable code, the element named, its own line
 * and column (found by locate.ts from the error's XPath), and a plain sentence. Follow-on errors ("Element div failed to validate content" after the real problem
 * inside it) are dropped when a more precise error explains them.
 */
import type { ErrorDetail } from 'libxml2-wasm';
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import type { Located } from './locate.js';

interface Mapped {
  code: string;
  message: string;
  /** A consequence of another error (dropped when a precise error exists). */
  cascade: boolean;
}

const DATE_TYPES = new Set(['date', 'gYear', 'gYearMonth', 'dateTime']);

/** "; <div> may contain <head>, <p>, …" from the schema's table (a hint: order is not shown). */
function takes(parent: string | undefined, allowed: Map<string, string[]> | undefined): string {
  const names = parent ? allowed?.get(parent.replace(/^.*:/, '')) : undefined;
  if (!names || names.length === 0) return '';
  const shown = names.slice(0, 16).map((n) => `<${n}>`).join(', ');
  return `; <${parent}> may contain ${shown}${names.length > 16 ? `, … (${names.length} in all)` : ''}, in the order and number the schema sets`;
}

function mapMessage(raw: string, el: string | undefined, parent?: string, allowed?: Map<string, string[]>): Mapped {
  const msg = raw.trim();
  // libxml2 gives local names; the document's own spelling (`vg:letDesc`) is used where known.
  const name = (s: string | undefined) => `<${s && el?.replace(/^.*:/, '') === s ? el : (s ?? el ?? '?')}>`;
  let m: RegExpExecArray | null;
  if ((m = /^Did not expect element (\S+) there/.exec(msg))) {
    return { code: 'unexpected-element', message: `${name(m[1])} is not allowed here${parent ? ` in <${parent}>` : ''}${takes(parent, allowed)}`, cascade: false };
  }
  if ((m = /^Expecting element (\S+), got (\S+)/.exec(msg))) {
    return { code: 'unexpected-element', message: `${name(m[2])} is not allowed at this point${parent ? ` in <${parent}>` : ''}; expected <${m[1]}>`, cascade: false };
  }
  if ((m = /^Expecting an element (\S*), got nothing/.exec(msg))) {
    const what = m[1] ? `<${m[1]}>` : 'a required child element';
    return { code: 'missing-element', message: `${name(undefined)} ends before ${what}`, cascade: !m[1] };
  }
  if ((m = /^Invalid attribute (\S+) for element (\S+)/.exec(msg))) {
    return { code: 'unexpected-attribute', message: `<${m[2]}> does not take @${m[1]} here (or not with this value)`, cascade: false };
  }
  if ((m = /^Type (\S+) doesn't allow value '(.*)'/.exec(msg))) {
    if (DATE_TYPES.has(m[1]!)) {
      return { code: 'bad-date', message: `${name(undefined)}: "${m[2]}" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`, cascade: false };
    }
    return { code: 'bad-value', message: `${name(undefined)}: "${m[2]}" is not a valid ${m[1]}`, cascade: false };
  }
  if ((m = /^Element (\S+) has wrong namespace: expecting (\S+)/.exec(msg))) {
    return { code: 'wrong-namespace', message: `<${m[1]}> is in the wrong namespace: expected ${m[2]} (TEI P5)`, cascade: false };
  }
  if ((m = /^Expecting a namespace for element (\S+)/.exec(msg))) {
    return { code: 'wrong-namespace', message: `<${m[1]}> has no namespace: expected xmlns="http://www.tei-c.org/ns/1.0" (TEI P5)`, cascade: false };
  }
  if ((m = /^Expecting element (\S+), got nothing|^Expecting an element got text/.exec(msg))) {
    return { code: 'missing-element', message: `${name(undefined)}: ${msg}`, cascade: false };
  }
  if ((m = /^ID (\S+) already defined/.exec(msg))) {
    return { code: 'duplicate-id', message: `xml:id "${m[1]}" is used twice`, cascade: false };
  }
  if ((m = /^Element (\S+) has extra content: (\S+)/.exec(msg))) {
    const what = m[2] === 'text' ? 'text' : `<${m[2]}>`;
    return { code: 'unexpected-content', message: `<${m[1]}> holds ${what} where it is not allowed (or a child of it is invalid)`, cascade: true };
  }
  if ((m = /^Element (\S+) failed to validate (attributes|content)/.exec(msg))) {
    const code = m[2] === 'attributes' ? 'invalid-attributes' : 'invalid-content';
    return { code, message: `<${m[1]}> has invalid ${m[2]}`, cascade: true };
  }
  if ((m = /^Error validating value|^Value (.*) does not match/.exec(msg))) {
    return { code: 'bad-value', message: `${name(undefined)}: ${msg}`, cascade: true };
  }
  if ((m = /^Datatype element (\S+) has child elements/.exec(msg))) {
    return { code: 'unexpected-element', message: `${name(m[1])} holds child elements where the schema allows only a value (text)`, cascade: false };
  }
  if ((m = /^Element (\S+) is not empty/.exec(msg))) {
    return { code: 'unexpected-content', message: `${name(m[1])} must be empty here`, cascade: false };
  }
  if (/^Internal error/.test(msg)) {
    // libxml2 sometimes loses track after a first error ("Internal error: no state").
    return { code: 'invalid-content', message: `${name(undefined)}: the document does not match the schema (${msg})`, cascade: true };
  }
  // A libxml2 message this table does not know: say which element, not libxml2's internal words.
  return { code: 'schema-invalid', message: `${name(undefined)} does not match the schema here`, cascade: false };
}

/**
 * Turn libxml2's error details into diagnostics, placed at the element each one names
 * (`located`: XPath → position, from locate.ts).
 */
export function schemaDiagnostics(
  details: ErrorDetail[],
  located: Map<string, Located>,
  file: string,
  allowed?: Map<string, string[]>,
): Diagnostic[] {
  const out: { d: Diagnostic; cascade: boolean }[] = [];
  for (const detail of details) {
    const at = detail.xpath ? located.get(detail.xpath) : undefined;
    const mapped = mapMessage(detail.message, at?.name, at?.parent, allowed);
    const line = at?.line ?? Math.max(detail.line, 1);
    const column = at?.column ?? 1;
    out.push({ d: diagnostic('error', mapped.code, mapped.message, { file, line, column }), cascade: mapped.cascade });
  }
  const precise = out.filter((o) => !o.cascade);
  const kept = precise.length > 0 ? precise : out;
  // One diagnostic per code, position and message.
  const seen = new Set<string>();
  return kept
    .map((o) => o.d)
    .filter((d) => {
      const key = `${d.code}:${d.line}:${d.column}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
