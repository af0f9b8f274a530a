/** The marx2mao HTML page as a format of the reader registry (../registry.ts). */
import type { SourceReader } from '../types.js';
import { readMarx2mao } from './index.js';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body|title|p|center|h\d)\b/i;

export const marx2maoReader = {
  format: 'marx2mao',
  description: 'marx2mao HTML page',
  extensions: ['.html', '.htm'],
  sniff(head: string): number {
    if (!HTML_START.test(head)) return 0;
    // its own shape: print page markers, the "Prepared … for the Internet" line, the site's name
    if (/<b>\s*(?:\[[^\]<]*\]\s*)?page\s*\d/i.test(head) || /for\s+the\s+Internet/i.test(head) || /marx2mao/i.test(head)) return 2;
    return 1;
  },
  read: (bytes: Uint8Array, file: string) => readMarx2mao(bytes, file),
} as const satisfies SourceReader;
