/**
 * saxes, loaded with require. It is CommonJS, and importing a CommonJS module from ESM makes Node
 * start its CommonJS export scanner (cjs-module-lexer) first: ~30 ms of every process's start, for
 * the one package here that needs it. Import SaxesParser from this module, never from 'saxes'.
 */
import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';

const require = createRequire(import.meta.url);

export const SaxesParser: typeof Saxes.SaxesParser = (require('saxes') as typeof Saxes).SaxesParser;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type SaxesParser<O extends Saxes.SaxesOptions = {}> = Saxes.SaxesParser<O>;
export type { SaxesTagNS } from 'saxes';
