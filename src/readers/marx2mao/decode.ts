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
  return new TextDecoder('windows-1252').decode(source);
}
