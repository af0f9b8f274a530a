/**
 * teikit's saxes parser (src/util/saxes.ts) makes every handler slot in its constructor, so that
 * setting handlers adds no property to a parser: saxes made them as they were set, and a parser
 * given seven handlers became a dictionary-mode object in V8, its parsing loop five times slower
 * for every parser of the process from then on. What can be checked without timing: the slots are
 * there, in one order, before any handler is set, and setting handlers adds none; and the parser
 * still parses and calls its handlers.
 */
import { describe, expect, it } from 'vitest';
import { SaxesParser } from '../src/util/saxes.js';

const SLOTS = ['xmldeclHandler', 'textHandler', 'piHandler', 'doctypeHandler', 'commentHandler', 'openTagStartHandler',
  'attributeHandler', 'openTagHandler', 'closeTagHandler', 'cdataHandler', 'errorHandler', 'endHandler', 'readyHandler'];

describe('the saxes parser teikit makes', () => {
  it('has all thirteen handler slots, empty and in one order, from its constructor', () => {
    for (const opt of [{}, { xmlns: true, position: true }, { xmlns: false, position: false }]) {
      const keys = Object.keys(new SaxesParser(opt));
      expect(keys.filter((k) => k.endsWith('Handler'))).toEqual(SLOTS);
      expect(SLOTS.every((s) => (new SaxesParser(opt) as unknown as Record<string, unknown>)[s] === undefined)).toBe(true);
    }
  });

  it('gets no new property from its handlers, and calls them', () => {
    const parser = new SaxesParser({ xmlns: true });
    const before = Object.keys(parser);
    const seen: string[] = [];
    parser.on('opentag', (t) => seen.push(`<${t.local}>`));
    parser.on('text', (t) => seen.push(t));
    parser.on('cdata', (t) => seen.push(`cdata:${t}`));
    parser.on('comment', (t) => seen.push(`comment:${t}`));
    parser.on('processinginstruction', (pi) => seen.push(`pi:${pi.target}`));
    parser.on('closetag', (t) => seen.push(`</${t.local}>`));
    parser.on('end', () => seen.push('end'));
    expect(Object.keys(parser)).toEqual(before);
    parser.write('<a xmlns="urn:x"><!--c--><?p q?>t<![CDATA[d]]></a>').close();
    expect(seen).toEqual(['<a>', 'comment:c', 'pi:p', 't', 'cdata:d', '</a>', 'end']);
  });
});
