/**
 * Parse once, render several times (issue 11): renditions made from one parseTei() are the same
 * bytes as renditions made from the TEI's text, renderAll makes all three from one parse, and bad
 * input is refused by parseTei with the renderers' own message (file:line:col).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTei, renderAll, renderEpub, renderHtml, renderText } from '../src/render/index.js';
import { UserError } from '../src/model/diagnostics.js';
import { fixtures } from './support/tools.js';
import { bundledEditionTei, compileStylesheets } from './support/render-fixtures.js';

const assetsDir = join(fixtures, '..', '..', 'editions/identity-of-interests');

describe('parse-once rendering', () => {
  let tei: string;
  beforeAll(async () => {
    compileStylesheets();
    tei = await bundledEditionTei();
  }, 120_000);

  it('gives the same HTML, EPUB and text as rendering from the text', async () => {
    const opts = { assetsDir, source: 'edition.tei.xml' };
    const parsed = parseTei(tei, opts);
    expect(await renderHtml(parsed, opts)).toBe(await renderHtml(tei, opts));
    expect(Buffer.from(await renderEpub(parsed, opts)).equals(Buffer.from(await renderEpub(tei, opts)))).toBe(true);
    expect(await renderText(parsed, { ...opts, params: { pages: 'true' } })).toBe(await renderText(tei, { ...opts, params: { pages: 'true' } }));
  }, 120_000);

  it('renderAll makes the three renditions of one parse, or only those asked for', async () => {
    const opts = { assetsDir };
    const all = await renderAll(tei, opts);
    expect(all.html).toBe(await renderHtml(tei, opts));
    expect(all.txt).toBe(await renderText(tei, opts));
    expect(all.epub && Buffer.from(all.epub).equals(Buffer.from(await renderEpub(tei, opts)))).toBe(true);
    const some = await renderAll(tei, opts, ['txt']);
    expect(Object.keys(some)).toEqual(['txt']);
  }, 120_000);

  it('a made-up TEI whose ids are counted (no xml:id) renders the same from a parse', async () => {
    const made = readFileSync(join(fixtures, 'tei-other/blocks-in-p.xml'), 'utf8');
    const parsed = parseTei(made);
    const html = await renderHtml(parsed);
    expect(html).toBe(await renderHtml(made));
    expect(html).toMatch(/id="t-div-1"/);
  });

  it('numbers elements without xml:id among their namesakes, in document order (made-up TEI)', async () => {
    // Nested and sibling divisions, some with xml:id: the ids skip those and follow document order.
    const made = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Ids</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<text><body><div><head>A</head><div><head>A.1</head><p>a</p></div><div xml:id="named"><head>A.2</head><p>b</p></div></div>
<div><head>B</head><figure><head>F</head></figure><p>c</p></div><div><head>C</head><figure><head>G</head></figure><p>d</p></div></body></text></TEI>`;
    const html = await renderHtml(parseTei(made));
    const ids = [...html.matchAll(/<(?:section|figure) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['t-div-1', 't-div-2', 'named', 't-div-3', 't-figure-1', 't-div-4', 't-figure-2']);
  });

  it('refuses malformed XML where it is parsed, naming file, line and column', () => {
    let caught: unknown;
    try {
      parseTei('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><p>open</text></TEI>', { source: 'bad.xml' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as Error).message).toMatch(/^bad\.xml:2:\d+: error \S+: /);
  });
});

describe('an XInclude in a rendered TEI', () => {
  const xml = [
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">',
    '<teiHeader><fileDesc><titleStmt><title>Included</title></titleStmt><publicationStmt><p>Made up.</p></publicationStmt><sourceDesc><p>None.</p></sourceDesc></fileDesc></teiHeader>',
    '<text><body><p>Before the chapter.</p>',
    '<xi:include href="chapter.xml"/>',
    '<p>After the chapter.</p></body></text></TEI>',
  ].join('\n');

  it('is not resolved: each rendition says so, with its position, and keeps the rest of the text', async () => {
    compileStylesheets();
    for (const render of [renderHtml, renderText, renderEpub]) {
      const warnings: string[] = [];
      const out = await render(xml, { source: 'inc.tei.xml', onWarning: (w) => warnings.push(w) });
      expect(warnings.filter((w) => w.includes('xinclude'))).toEqual([
        'inc.tei.xml:4:32: warning xinclude-unresolved: <xi:include href="chapter.xml"> is not resolved: the rendition is made without what it includes (resolve it first, e.g. xmllint --xinclude)',
      ]);
      if (typeof out === 'string') expect(out).toMatch(/Before the chapter\.[\s\S]*After the chapter\./);
    }
  });
});
