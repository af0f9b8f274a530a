/**
 * Links of a work to other pages of its source site (src/site/links.ts, xslt/common/inline.xsl):
 * the HTML rendition keeps their words unlinked with the address in data-href (no page beside it
 * answers it); the collection's site links them to the work's page where it has the work, and
 * leaves the words with the address in a tooltip where it has not. Real page: CPRJ37's notes link
 * `TAJI35.html` and `SCKS36.html`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles } from '../src/convert.js';
import { renderHtml } from '../src/render/index.js';
import { linkWithinCollection } from '../src/site/links.js';
import { workEntry } from '../src/pipeline/work-entry.js';
import { fixtures } from './support/tools.js';

describe('links to other pages of the source site', () => {
  it('the rendition keeps their words and addresses, linking none of them (real: Mao/CPRJ37.html)', async () => {
    const path = join(fixtures, 'marx2mao-tranche2/Mao/CPRJ37.html');
    const source = readFileSync(path, 'latin1');
    const targets = [...source.matchAll(/<A HREF="([A-Z][A-Za-z0-9]*\.html)">/g)].map((m) => m[1]!).filter((t) => t !== 'CPRJ37.html' && t !== 'Index.html');
    // (the page's own anchors and its navigation, `Index.html`, are not links of the text)
    expect(targets).toEqual(expect.arrayContaining(['TAJI35.html', 'SCKS36.html']));
    const html = await renderHtml((await convertFiles([path])).tei);
    const spans = [...html.matchAll(/<span class="source-link" data-href="([^"]*)">/g)].map((m) => m[1]);
    expect(spans.sort()).toEqual([...targets].sort());
    expect(html).not.toMatch(/<a href="[A-Z][A-Za-z0-9]*\.html/);

    const site = linkWithinCollection(html, new Map([['CPRJ37', 'CPRJ37'], ['TAJI35', 'TAJI35']]));
    expect(site.linked).toBe(targets.filter((t) => t === 'TAJI35.html').length);
    expect(site.unlinked).toBe(targets.length - site.linked);
    expect(site.text).toContain('<a class="source-link" href="TAJI35.html">On Tactics Against Japanese Imperialism</a>');
    expect(site.text).toContain('<span class="source-link offsite" title="not in this collection: SCKS36.html">A Statement on Chiang Kai-shek\'s Statement</span>');
    expect(site.text).not.toContain('data-href');
  });

  it('keeps a link\'s words whole across a page break, and its folders and anchor out of the name it looks for', () => {
    const text = '<p><span class="source-link" data-href="../M&amp;E/C2/Ch.20.html#C2XXvi">Capital, <span class="pb" id="p12"></span>Vol. II</span> and <span class="source-link" data-href="../Mao/TAJI35.html#s2">tactics</span>.</p>';
    const site = linkWithinCollection(text, new Map([['TAJI35', 'TAJI35']]));
    // the anchor `s2` of the page is `a-s2` in the renditions, as the TEI keeps it
    expect(site.text).toBe('<p><span class="source-link offsite" title="not in this collection: ../M&amp;E/C2/Ch.20.html#C2XXvi">Capital, <span class="pb" id="p12"></span>Vol. II</span> and <a class="source-link" href="TAJI35.html#a-s2">tactics</a>.</p>');
  });

  it('knows the page a work of another id was read from (real: the bundled edition, SU39.html)', async () => {
    const base = join(fixtures, 'marx2mao/Mao/SU39.html');
    const result = await convertFiles([base], { id: 'identity-of-interests' });
    expect(workEntry(result.edition, result.tei, 'identity-of-interests').sourcePage).toBe('SU39');
    const own = await convertFiles([base]);
    expect(workEntry(own.edition, own.tei, 'SU39').sourcePage).toBeUndefined();
  });

  it('leads a link to the page a work was read from to that work, and a link to a note to the note', () => {
    // the bundled edition identity-of-interests was read from SU39.html (workEntry's sourcePage)
    const ids = new Map([['SU39', 'identity-of-interests'], ['identity-of-interests', 'identity-of-interests']]);
    const site = linkWithinCollection('<span class="source-link" data-href="SU39.html#en3">note 3</span> <span class="source-link" data-href="SU39.html#p277">p. 277</span>', ids);
    expect(site.text).toBe('<a class="source-link" href="identity-of-interests.html#n3">note 3</a> <a class="source-link" href="identity-of-interests.html#a-p277">p. 277</a>');
  });
});
