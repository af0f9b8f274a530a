/**
 * marx2mao pages are ASCII or Latin-1 (served as windows-1252 in practice). A page that is valid
 * UTF-8 and contains non-ASCII bytes was re-saved as UTF-8 somewhere along the way: read it as such.
 */
export function decodeSource(source: Uint8Array | string): string {
  if (typeof source === 'string') return source;
  const latin1 = latin1Of(source);
  if (/[\x80-\xff]/.test(latin1)) {
    try {
      return UTF8.decode(source);
    } catch {
      // not UTF-8: fall through to windows-1252
    }
  }
  return windows1252FromLatin1(latin1);
}

/**
 * windows-1252 as the WHATWG Encoding Standard defines it. Node's own TextDecoder('windows-1252')
 * (without full ICU) decodes 0x80–0x9F as C1 control characters, which are not text and are
 * invalid in HTML: SR17.html's 0x8B must become ‹, not U+008B.
 */
const C1_AS_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252FromLatin1(latin1Of(bytes));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Each byte as the character of that number (native, fast): non-ASCII bytes are found in it. */
function latin1Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Latin-1 text (a character per byte) as windows-1252: only 0x80–0x9F differ. */
function windows1252FromLatin1(latin1: string): string {
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(C1_AS_1252[c.charCodeAt(0) - 0x80]!));
}
