/**
 * The reader registry (in the spirit of pandoc's Text.Pandoc.Readers): every source format teikit
 * reads (formats.ts), with its extensions, how its content is recognised and its reader. `convert`,
 * `batch`, `build` and edition.json ask this module; a new format is one module exporting a
 * SourceReader and one line in formats.ts.
 */
import { extname } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import type { SourceReader } from './types.js';
import { FORMATS } from './formats.js';

export const READERS: typeof FORMATS = FORMATS;

/** The name of a registered format (`lia`, `marx2mao`, `cmpa`). */
export type SourceFormat = (typeof READERS)[number]['format'];

export const SOURCE_FORMATS: readonly SourceFormat[] = READERS.map((r) => r.format);

/** Every extension some format comes with (`.html`, `.htm`, `.md`, …), for finding sources in folders. */
export const SOURCE_EXTENSIONS: readonly string[] = [...new Set(READERS.flatMap((r) => r.extensions))];

export function readerFor(format: SourceFormat): SourceReader {
  return READERS.find((r) => r.format === format)!;
}

/** How much of a file the sniffers see: the title block and the head of the text. */
const HEAD_BYTES = 16384;

/**
 * The format of `file`: the content decides among the formats that share its extension (two shapes
 * of `.html` page), or among all formats when the extension says nothing (standard input, `.txt`).
 * With a known extension and no shape recognised, its usual format reads it (and may refuse it as
 * not a work); with neither, a UserError (exit 2).
 */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  const ext = extname(file).toLowerCase();
  const byExtension = READERS.filter((r) => (r.extensions as readonly string[]).includes(ext));
  // a UTF-8 byte order mark, read as Latin-1, is not part of the content
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  let best: (typeof READERS)[number] | undefined;
  let bestScore = 0;
  for (const r of byExtension.length > 0 ? byExtension : READERS) {
    const score = r.sniff(head);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  if (best) return best.format;
  if (byExtension[0]) return byExtension[0].format;
  const known = READERS.map((r) => `${r.description} (${r.extensions.join(', ')})`).join(', ');
  throw new UserError(`${file}: unknown source format (expected one of: ${known})`, 2);
}
