/**
 * marx2mao pages are ASCII or Latin-1 (served as windows-1252 in practice). A page that is valid
 * UTF-8 and contains non-ASCII bytes was re-saved as UTF-8 somewhere along the way: read it as such.
 */
export function decodeSource(source: Uint8Array | string): string {
  if (typeof source === 'string') return source;
  const hasNonAscii = source.some((b) => b > 0x7f);
  if (hasNonAscii) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      // not UTF-8: fall through to windows-1252
    }
  }
  return decodeWindows1252(source);
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
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? C1_AS_1252[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
