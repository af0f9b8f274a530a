/**
 * The formats teikit reads: one line each. A new format is a module exporting a SourceReader
 * (types.ts) and one line here; registry.ts gives the list to convert, batch, build, edition.json
 * and detection. Order matters only between equal sniffing scores: the first one wins.
 */
import { liaReader } from './lia/format.js';
import { marx2maoReader } from './marx2mao/format.js';
import { cmpaReader } from './cmpa/format.js';

export const FORMATS = [
  liaReader,
  marx2maoReader,
  cmpaReader,
] as const;
