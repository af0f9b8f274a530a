/**
 * The one XML safety gate of teikit: every command that reads XML (validate, render, deposit) runs
 * checkProlog first and refuses with the same codes and words. Refuse dangerous XML before any
 * parser sees it. A DOCTYPE is the only way XML can make a parser
 * fetch files (external DTDs and entities: `<!ENTITY x SYSTEM "file:///etc/passwd">`) or expand
 * text exponentially (billion laughs: entities defined through other entities). The house
 * encoding has no DOCTYPE, so teikit reads the prolog itself and refuses every entity declaration
 * and every external subset with a clear code, at the position of the declaration. Nothing is
 * ever expanded or fetched: the later parsers only get documents this check passed. A DOCTYPE that
 * declares nothing (`<!DOCTYPE TEI>`) is harmless and accepted. Attribute-list declarations are
 * refused too: a conforming parser applies their defaults and teikit's parsers do not, so the same
 * file would mean two things.
 */
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';

/** Check the prolog (everything before the root element). Returns errors; empty when safe. */
export function checkProlog(text: string, file: string): Diagnostic[] {
  const doctype = findDoctype(text);
  if (doctype === undefined) return [];
  const out: Diagnostic[] = [];
  const at = (offset: number) => ({ file, ...lineColumn(text, offset) });
  const { start, externalId, subsetStart, subsetEnd } = doctype;
  if (externalId) {
    out.push(diagnostic('error', 'external-dtd', `DOCTYPE refers to an external DTD (${externalId}); teikit never loads external files: remove the DOCTYPE`, at(start)));
  }
  if (subsetStart !== undefined) {
    const decls = entityDeclarations(text, subsetStart, subsetEnd ?? text.length);
    const names = new Set(decls.map((d) => d.name));
    for (const d of decls) {
      const what = `${d.parameter ? 'parameter entity %' : 'entity &'}${d.name};`;
      if (d.external) {
        out.push(diagnostic('error', 'external-entity', `${what} is declared as the external resource ${d.external}; teikit never reads external entities`, at(d.offset)));
      } else if (/[&%][A-Za-z_:][\w.:-]*;/.test(d.value) && [...d.value.matchAll(/[&%]([A-Za-z_:][\w.:-]*);/g)].some((m) => names.has(m[1]!))) {
        out.push(diagnostic('error', 'entity-expansion', `${what} is defined through other entities (an entity expansion attack such as "billion laughs"); refused without expanding it`, at(d.offset)));
      } else {
        out.push(diagnostic('error', 'entity-declaration', `${what} is declared in the DOCTYPE; teikit does not expand entity declarations: write the text itself or a character reference`, at(d.offset)));
      }
    }
    for (const offset of attlistDeclarations(text, subsetStart, subsetEnd ?? text.length)) {
      out.push(diagnostic('error', 'attlist-declaration', 'attribute-list declaration in the DOCTYPE; teikit does not apply DTD attribute defaults: write the attributes in the document', at(offset)));
    }
    if (subsetEnd === undefined) {
      out.push(diagnostic('error', 'not-well-formed', 'DOCTYPE internal subset is not closed with "]>"', at(subsetStart)));
    }
  }
  return out;
}

interface Doctype {
  start: number;
  externalId?: string;
  subsetStart?: number;
  subsetEnd?: number;
}

/** Find `<!DOCTYPE` in the prolog, skipping the XML declaration, comments, PIs and white space. */
function findDoctype(text: string): Doctype | undefined {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      return parseDoctype(text, i);
    } else {
      return undefined; // the root element (or garbage the well-formedness check will report)
    }
  }
  return undefined;
}

function parseDoctype(text: string, start: number): Doctype {
  let i = start + '<!DOCTYPE'.length;
  const result: Doctype = { start };
  // Name, then optional SYSTEM "uri" | PUBLIC "id" "uri", then optional [subset], then >.
  // A quoted literal: "…" or '…' (either may contain the other quote).
  const lit = `(?:"([^"]*)"|'([^']*)')`;
  const head = new RegExp(`^\\s+[^\\s[>]+\\s*(?:SYSTEM\\s*${lit}|PUBLIC\\s*${lit}\\s*${lit})?\\s*`).exec(text.slice(i, i + 4096));
  if (head) {
    const system = head[1] ?? head[2];
    const publicId = head[3] ?? head[4];
    if (system !== undefined) result.externalId = `SYSTEM "${system}"`;
    if (publicId !== undefined) result.externalId = `PUBLIC "${publicId}" "${head[5] ?? head[6]}"`;
    i += head[0].length;
  }
  if (text[i] === '[') {
    result.subsetStart = i + 1;
    result.subsetEnd = subsetEnd(text, i + 1);
  }
  return result;
}

/** End of the internal subset (`]`), skipping quoted strings, comments and PIs; undefined if none. */
function subsetEnd(text: string, from: number): number | undefined {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (c === ']') {
      return i;
    } else {
      i++;
    }
  }
  return undefined;
}

interface EntityDecl {
  offset: number;
  name: string;
  parameter: boolean;
  external?: string;
  value: string;
}

function entityDeclarations(text: string, from: number, to: number): EntityDecl[] {
  const subset = text.slice(from, to);
  const out: EntityDecl[] = [];
  // Comments may hide declarations that are not real: blank them out, keeping offsets.
  const visible = subset.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  const lit = `(?:"([^"]*)"|'([^']*)')`;
  // name, then SYSTEM lit | PUBLIC lit lit | a value lit
  const re = new RegExp(`<!ENTITY\\s+(%\\s+)?([^\\s"'>]+)\\s*(?:SYSTEM\\s*${lit}|PUBLIC\\s*${lit}\\s*${lit}|${lit})?`, 'g');
  for (const m of visible.matchAll(re)) {
    const system = m[3] ?? m[4];
    const publicUri = m[7] ?? m[8];
    const external = system !== undefined ? `SYSTEM "${system}"` : publicUri !== undefined ? `PUBLIC … "${publicUri}"` : undefined;
    out.push({ offset: from + m.index!, name: m[2]!, parameter: !!m[1], external, value: m[9] ?? m[10] ?? '' });
  }
  return out;
}

/** Offsets of `<!ATTLIST` outside comments in the internal subset. */
function attlistDeclarations(text: string, from: number, to: number): number[] {
  const visible = text.slice(from, to).replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  return [...visible.matchAll(/<!ATTLIST\s/g)].map((m) => from + m.index!);
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
