/** The Lenin Internet Archive page as a format of the reader registry (../registry.ts). */
import type { SourceReader } from '../types.js';
import { readLia } from './index.js';

/** A label of the info list at the start of an item or line (`<li><b>Written:</b>`, `<span class="info">Source:</span>`). */
const LABEL = /(?:<li\b[^>]*>|<br\s*\/?>|<span\b[^>]*>|<p\b[^>]*>)\s*(?:<(?:b|strong|i|em|span)\b[^>]*>\s*)*(Written|First\s+Published|Published|Source|Translated|Transcription\s*[/\\]?\s*(?:HTML\s+)?Markup|Online\s+Version)\s*(?:<\/(?:b|strong|i|em|span)>\s*)?:/gi;

export const liaReader = {
  format: 'lia',
  description: 'Lenin Internet Archive HTML page',
  extensions: ['.html', '.htm'],
  sniff(head: string): number {
    if (!/<h1\b/i.test(head)) return 0;
    const labels = new Set([...head.matchAll(LABEL)].map((m) => m[1]!.toLowerCase().replace(/\W+/g, '')));
    // a `Source:` and at least one other fact, as list items: more specific than any marx2mao page
    return labels.has('source') && labels.size >= 2 ? 3 : 0;
  },
  read: (bytes: Uint8Array, file: string) => readLia(bytes, file),
} as const satisfies SourceReader;
