/**
 * Bytes → text for XML, as the XML spec says (appendix F): a byte-order mark wins, then the
 * encoding declaration, then UTF-8. Supported: UTF-8, UTF-16 (LE/BE, with a BOM), ISO-8859-1
 * (and its aliases), US-ASCII, windows-1252. Anything else is refused with one clear diagnostic
 * rather than read as mojibake. Invalid UTF-8 is reported at its line and column.
 */
import type { Diagnostic } from '../model/types.js';
import { diagnostic, formatDiagnostic, UserError } from '../model/diagnostics.js';

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const LATIN1 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso_8859-1', 'cp819']);

export function decodeXml(source: Uint8Array | string, file: string): Decoded {
  if (typeof source === 'string') {
    return { ok: true, text: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source };
  }
  const b = source;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8(b.subarray(3), file, 'UTF-8');
  if (b[0] === 0xff && b[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(b.subarray(2)) };
  if (b[0] === 0xfe && b[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(b.subarray(2)) };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(b) };
  }
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(b) };
  }
  const declared = declaredEncoding(b);
  const name = declared?.toLowerCase();
  if (name === undefined || name === 'utf-8' || name === 'utf8') return utf8(b, file, declared ?? 'UTF-8');
  if (name === 'us-ascii' || name === 'ascii') return utf8(b, file, declared!);
  if (LATIN1.has(name)) return { ok: true, text: new TextDecoder('latin1').decode(b) };
  if (name === 'windows-1252' || name === 'cp1252') return { ok: true, text: new TextDecoder('windows-1252').decode(b) };
  if (name === 'utf-16') {
    return fail(file, 1, 1, 'unsupported-encoding', 'encoding="UTF-16" needs a byte-order mark at the start of the file');
  }
  return fail(file, 1, 1, 'unsupported-encoding', `encoding "${declared}" is not supported (use UTF-8)`);
}

/**
 * A TEI file's text, decoded as `teikit validate` decodes it (every command that reads TEI: render,
 * deposit, volume): a file that cannot be decoded is a UserError (exit 1) with the diagnostic.
 */
export function decodeXmlText(source: Uint8Array, file: string): string {
  const decoded = decodeXml(source, file);
  if (!decoded.ok) throw new UserError(formatDiagnostic(decoded.diagnostic), 1, [decoded.diagnostic]);
  return decoded.text;
}

/** The encoding named in `<?xml … encoding="…"?>` at the very start, read as ASCII. */
function declaredEncoding(b: Uint8Array): string | undefined {
  const head = String.fromCharCode(...b.subarray(0, Math.min(b.length, 200)));
  const m = /^<\?xml\s[^>]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head);
  return m?.[2];
}

function utf8(b: Uint8Array, file: string, label: string): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(b) };
  } catch {
    const at = firstInvalidUtf8(b);
    const { line, column } = lineColumnOfByte(b, at);
    const hex = (b[at] ?? 0).toString(16).padStart(2, '0');
    return fail(file, line, column, 'encoding-error', `byte 0x${hex} is not valid ${label} (declare the file's real encoding)`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms and surrogates are invalid too.
    if (c === 0xe0 && b[i + 1]! < 0xa0) return i;
    if (c === 0xed && b[i + 1]! >= 0xa0) return i;
    if (c === 0xf0 && b[i + 1]! < 0x90) return i;
    if (c === 0xf4 && b[i + 1]! >= 0x90) return i;
    i += n + 1;
  }
  return b.length;
}

function lineColumnOfByte(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Column in characters: count the bytes that start a character on this line.
  let column = 1;
  for (let i = start; i < offset; i++) if ((b[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

function fail(file: string, line: number, column: number, code: string, message: string): Decoded {
  return { ok: false, diagnostic: diagnostic('error', code, message, { file, line, column }) };
}
