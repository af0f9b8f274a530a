import { describe, expect, it } from 'vitest';
import { XmlNode } from '../src/tei/builder.js';
import { schemaValidator, compileSchemaNow } from '../src/edition/json-schema.js';
import { readFileSync } from 'node:fs';

describe('the TEI writer\'s XML builder', () => {
  it('serializes namespace, attributes, text and empty elements as xmlbuilder2 did', () => {
    const doc = XmlNode.document();
    const tei = doc.ele('http://www.tei-c.org/ns/1.0', 'TEI').att('http://www.w3.org/XML/1998/namespace', 'xml:lang', 'en');
    const p = tei.ele('p').att('rend', 'a "b" <c> & d &amp; &#38; &x;');
    p.txt('x < y > z & w &amp; &#160; &#xA0;');
    p.ele('lb');
    p.ele('hi').att('rend', 'i').txt('it').up().txt('tail');
    expect(doc.end({ headless: true })).toBe(
      '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><p rend="a &quot;b&quot; &lt;c&gt; &amp; d &amp; &#38; &x;">' +
        'x &lt; y &gt; z &amp; w &amp; &#160; &amp;#xA0;<lb/><hi rend="i">it</hi>tail</p></TEI>',
    );
  });
  it('keeps the last value of an attribute set twice, in its first place', () => {
    const doc = XmlNode.document();
    doc.ele('a').att('x', '1').att('y', '2').att('x', '3');
    expect(doc.end()).toBe('<a x="3" y="2"/>');
  });
});

describe('JSON Schema validators', () => {
  it('the precompiled report and edition validators judge as ajv compiling the schema does', () => {
    for (const name of ['edition', 'report'] as const) {
      const fresh = compileSchemaNow(readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8'));
      const used = schemaValidator(name);
      for (const data of [{}, { id: 7 }, { tool: { name: 'x' } }, []]) {
        expect(used(data)).toBe(fresh(data));
        expect(used.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(fresh.errors?.map((e) => `${e.instancePath} ${e.keyword}`));
      }
    }
  });
});
