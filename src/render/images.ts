/** The media type an image's bytes say it has (EPUB core image types only), or undefined. */
export function sniffImage(b: Uint8Array): string | undefined {
  const ascii = (n: number) => String.fromCharCode(...b.subarray(0, n));
  if (ascii(6) === 'GIF87a' || ascii(6) === 'GIF89a') return 'image/gif';
  if (b[0] === 0x89 && ascii(4).slice(1) === 'PNG') return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (/<svg[\s>]/.test(new TextDecoder().decode(b.subarray(0, 2048)))) return 'image/svg+xml';
  return undefined;
}
