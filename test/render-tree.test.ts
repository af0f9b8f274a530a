/**
 * One pass over a TEI for its check and its tree (issue 11, render/saxon-tree.ts): the tree built
 * from the check's saxes events must be the tree SaxonJS's own parser builds. Each document is
 * rendered both ways, from its text (SaxonJS parses it: runChecked with a string) and from the
 * tree, and serialized both ways; the bytes must be the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkAndBuildTree, runChecked } from '../src/render/saxon.js';
import { parseTei } from '../src/render/parsed.js';
import { renderText } from '../src/render/index.js';
import { fixtures } from './support/tools.js';
import { bundledEditionTei, compileStylesheets } from './support/render-fixtures.js';
import { convertPage } from './support/convert-page.js';

const require = createRequire(import.meta.url);
const saxon = require('saxon-js') as { XPath: { evaluate(e: string, c: unknown, o: object): unknown } };

/** What a stylesheet sees, as XML: XPath's serialize() over the tree. */
const serialized = (tree: unknown): string => saxon.XPath.evaluate('serialize($tree)', null, { params: { tree } }) as string;
const saxonParse = (xml: string): unknown => saxon.XPath.evaluate('parse-xml($xml)', null, { params: { xml } });

/** Every edge the builder copies from SaxonJS's parser, in one made-up TEI. */
const EDGES = `<?xml version="1.0" encoding="UTF-8"?>
<!-- before the root -->
<?teikit before?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>Edges &amp; corners</title></titleStmt>
  <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <div xml:id="  spaced
      id  " type="chapter"><head>One</head>
      <p>Text, <![CDATA[a <cdata> section]]> and more; &lt;escaped&gt; &#x263A; &#9731; in a line.</p>
      <p rend="center"><!-- a comment --><?a-pi with body?>After the comment.<lb/>Line two.</p>
      <p xmlns:ex="urn:example" ex:attr="namespaced">An <hi rend="italic">italic</hi> word.</p>
      <p>   </p>
    </div>
  </body></text>
</TEI>
<!-- after the root -->
`;

describe('the tree built in the check pass', () => {
  const docs: { name: string; tei: string }[] = [];
  beforeAll(async () => {
    compileStylesheets();
    docs.push({ name: 'bundled edition', tei: await bundledEditionTei() });
    docs.push({ name: 'house sample', tei: readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8') });
    for (const f of ['blocks-in-p.xml', 'drama.xml', 'entries.xml', 'foreign-pointers.xml', 'images.xml'])
      docs.push({ name: f, tei: readFileSync(join(fixtures, 'tei-other', f), 'utf8') });
    docs.push({ name: 'ER97 (converted)', tei: (await convertPage('marx2mao-tranche2/Lenin/ER97.html')).tei });
    docs.push({ name: 'edges', tei: EDGES });
  }, 180_000);

  it('is the tree SaxonJS parses, node for node', () => {
    for (const d of docs) {
      const { tree } = checkAndBuildTree(d.tei, d.name);
      expect(serialized(tree), d.name).toBe(serialized(saxonParse(d.tei)));
    }
  });

  it('gives the same renditions as SaxonJS parsing the text', () => {
    for (const d of docs) {
      const parsed = parseTei(d.tei, { source: d.name });
      for (const sheet of ['builtin:html', 'builtin:text', 'builtin:epub', 'builtin:dc']) {
        const fromText = runChecked(sheet, d.tei, d.name, {});
        const fromTree = runChecked(sheet, parsed, d.name, {});
        expect(fromTree.principal, `${d.name} ${sheet}`).toBe(fromText.principal);
        expect([...fromTree.documents], `${d.name} ${sheet}`).toEqual([...fromText.documents]);
      }
    }
  }, 120_000);

  it('keeps what SaxonJS keeps of the edges: collapsed xml:id, CDATA joined to its text, nodes outside the root', async () => {
    const { tree } = checkAndBuildTree(EDGES, 'edges.xml');
    const xml = serialized(tree);
    expect(xml).toContain('xml:id="spaced id"');
    expect(xml).toContain('Text, a &lt;cdata&gt; section and more;');
    expect(xml).toMatch(/^<!-- before the root --><\?teikit before\?><TEI/);
    expect(xml).toMatch(/<!-- after the root -->$/);
    expect(await renderText(EDGES)).toContain('Text, a <cdata> section and more; <escaped> ☺ ☃ in a line.');
  });
});
