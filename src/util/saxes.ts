/**
 * saxes, loaded with require. It is CommonJS, and importing a CommonJS module from ESM makes Node
 * start its CommonJS export scanner (cjs-module-lexer) first: ~30 ms of every process's start, for
 * the one package here that needs it. Import SaxesParser from this module, never from 'saxes'.
 *
 * The parser exported is saxes's with every handler slot made in its constructor. saxes makes a
 * handler's property on the parser when the handler is set (`on`), after the constructor: a
 * parser given seven handlers was turned by V8 into a dictionary-mode object, every property of
 * its parsing loop looked up by hash, and the loop, shared by every parser, was slow for all of
 * them from then on. On the sample's four largest TEIs (1.09 MB), a parse with four handlers took
 * 10 ms of CPU, with seven 50 ms, and with four again 45 ms after it; with the slots made in the
 * constructor, 10 ms either way (test/saxes-shape.test.ts).
 */
import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';

const require = createRequire(import.meta.url);

const Base = (require('saxes') as typeof Saxes).SaxesParser;

/** saxes's parser, its thirteen handler slots made, empty, by its constructor, in one order. */
class ShapedSaxesParser<O extends Saxes.SaxesOptions> extends Base<O> {
  constructor(opt?: O) {
    super(opt);
    // one assignment per slot, in saxes's order (EVENT_NAME_TO_HANDLER_NAME), so that V8 counts
    // them among the properties an instance is made with
    const slots = this as unknown as Record<string, unknown>;
    slots.xmldeclHandler = undefined;
    slots.textHandler = undefined;
    slots.piHandler = undefined;
    slots.doctypeHandler = undefined;
    slots.commentHandler = undefined;
    slots.openTagStartHandler = undefined;
    slots.attributeHandler = undefined;
    slots.openTagHandler = undefined;
    slots.closeTagHandler = undefined;
    slots.cdataHandler = undefined;
    slots.errorHandler = undefined;
    slots.endHandler = undefined;
    slots.readyHandler = undefined;
  }
}

export const SaxesParser: typeof Saxes.SaxesParser = ShapedSaxesParser as typeof Saxes.SaxesParser;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type SaxesParser<O extends Saxes.SaxesOptions = {}> = Saxes.SaxesParser<O>;
export type { SaxesTagNS } from 'saxes';
