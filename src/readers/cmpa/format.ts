/** The CMPA Markdown reprint as a format of the reader registry (../registry.ts). */
import type { SourceReader } from '../types.js';
import { readCmpa } from './index.js';

export const cmpaReader = {
  format: 'cmpa',
  description: 'CMPA Markdown reprint',
  extensions: ['.md', '.markdown'],
  sniff(head: string): number {
    const start = head.trimStart();
    if (start.startsWith('<')) return 0; // markup, not Markdown
    if (/\*\*\s*Republish(?:ed)? by:?\s*\*\*/i.test(head)) return 2;
    return /^(?:\*\*|#{1,6} )/.test(start) ? 1 : 0;
  },
  read: (bytes: Uint8Array, file: string) => readCmpa(Buffer.from(bytes).toString('utf8'), file),
} as const satisfies SourceReader;
