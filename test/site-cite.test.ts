/**
 * The site's citation writers (src/site/cite.ts) and HTML escaping on made-up works: CSL-JSON and
 * BibTeX fields, BibTeX's special characters, citation_* meta tags, a work without a print book.
 */
import { describe, expect, it } from 'vitest';
import { bibtex, citationMeta, citationText, cslJson, escapeBibtex } from '../src/site/cite.js';
import { escapeHtml, hrefOf } from '../src/site/escape.js';
import { workEntry, type WorkEntry } from '../src/pipeline/work-entry.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';

const work: WorkEntry = {
  id: 'X_1',
  title: 'On 50% of {Braces} & $Money_Things #1 ~ ^ \\',
  author: 'Ann Example',
  date: { text: 'March 3, 1950', when: '1950-03-03' },
  print: { collection: 'Collected Examples', volume: 'III', publisher: 'Foreign Languages Press', place: 'Peking', year: '1971', pages: { from: '41', to: '42', text: 'pp. 41-42' } },
  firstPageAnchor: 'p41',
  files: { html: 'X_1/X_1.html', epub: 'X_1/X_1.epub', tei: 'X_1/X_1.tei.xml', text: 'X_1/X_1.txt' },
};

describe('citations', () => {
  it('CSL-JSON: a chapter of its print book, the author kept whole, dates as date-parts', () => {
    expect(cslJson(work)).toEqual([{
      id: 'X_1', type: 'chapter', title: work.title, author: [{ literal: 'Ann Example' }],
      'container-title': 'Collected Examples', volume: 'III', page: '41-42', publisher: 'Foreign Languages Press',
      'publisher-place': 'Peking', issued: { 'date-parts': [[1971]] }, 'original-date': { 'date-parts': [[1950, 3, 3]] },
    }]);
    const onePage = cslJson({ ...work, print: { ...work.print!, pages: { from: '101', to: '101', text: 'p. 101' } }, date: { text: 'July 1953', when: '1953-07' } })[0]!;
    expect(onePage.page).toBe('101');
    expect(onePage['original-date']).toEqual({ 'date-parts': [[1953, 7]] });
  });

  it('BibTeX: every special character escaped, the name braced, an en-dash range', () => {
    expect(escapeBibtex('50% {a} & $b_c #1 ~ ^ \\')).toBe('50\\% \\{a\\} \\& \\$b\\_c \\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    const bib = bibtex(work);
    expect(bib).toBe([
      '@incollection{X_1,',
      '  author = {{Ann Example}},',
      `  title = {${escapeBibtex(work.title)}},`,
      '  booktitle = {Collected Examples},',
      '  volume = {III},',
      '  pages = {41--42},',
      '  publisher = {Foreign Languages Press},',
      '  address = {Peking},',
      '  year = {1971},',
      '  note = {Written March 3, 1950}',
      '}',
      '',
    ].join('\n'));
    // Braces balance whatever the title holds: BibTeX would otherwise read past the field.
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce((d, c) => d + (c === '{' ? 1 : c === '}' ? -1 : 0), 0);
    expect(depth).toBe(0);
  });

  it('a work without a print book is a @misc with title and author only', () => {
    const bare: WorkEntry = { id: 'lia page', title: 'T', author: 'A', files: work.files };
    expect(bibtex(bare)).toBe('@misc{lia_page,\n  author = {{A}},\n  title = {T}\n}\n');
    expect(cslJson(bare)).toEqual([{ id: 'lia page', type: 'chapter', title: 'T', author: [{ literal: 'A' }] }]);
    expect(citationMeta(bare)).toEqual([['citation_title', 'T'], ['citation_author', 'A']]);
  });

  it('citation_* meta tags and the Cite this text', () => {
    expect(Object.fromEntries(citationMeta(work))).toEqual({
      citation_title: work.title, citation_author: 'Ann Example', citation_inbook_title: 'Collected Examples', citation_volume: 'III',
      citation_publication_date: '1971', citation_firstpage: '41', citation_lastpage: '42', citation_publisher: 'Foreign Languages Press',
    });
    expect(citationText(work)).toBe(`Ann Example. “${work.title}.” In Collected Examples, vol. III, pp. 41-42. Peking: Foreign Languages Press, 1971. Written March 3, 1950.`);
  });

  it('a print book of its own that names no collection or place, its publisher only as its copyright\'s holder, is cited with what it states (real: ESC76ii)', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Other/ESC76ii.html');
    const r = readMarx2mao(readFileSync(path), path);
    if (!r.ok) throw new Error('not converted');
    const w = workEntry(r.edition, writeTei(r.edition, { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' }), 'ESC76ii');
    // the page's title block names no collection and no place, its publisher in the edition's
    // copyright line (`© NLB, 1976`): nothing empty is written for them
    expect(w.print?.collection).toBe('');
    const text = citationText(w);
    expect(text).toBe('Louis Althusser. “Essays in Self-Criticism — Part 2.” NLB.');
    expect(text).not.toMatch(/\bIn \.|: ,|, \.|\s\.\s|\.\./);
    expect(bibtex(w)).toMatch(/^@book\{ESC76ii,/);
    expect(bibtex(w)).not.toMatch(/= \{\}/);
    expect(cslJson(w)[0]).toMatchObject({ type: 'book' });
    expect(cslJson(w)[0]).not.toHaveProperty('container-title');
    expect(citationMeta(w).filter(([, v]) => !v)).toEqual([]);
    // a collection without publisher or place: the book, then the year alone
    const noImprint = { ...work, date: undefined, print: { ...work.print!, publisher: '', place: '' } };
    expect(citationText(noImprint)).toBe(`Ann Example. “${work.title}.” In Collected Examples, vol. III, pp. 41-42. 1971.`);
    expect(citationText({ ...noImprint, print: { ...noImprint.print, collection: '', volume: undefined, pages: undefined } })).toBe(`Ann Example. “${work.title}.” 1971.`);
  });

  it('HTML escaping covers text and attribute values; hrefs are percent-encoded per segment', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(hrefOf('../../M&E/CM 47.html')).toBe('../../M%26E/CM%2047.html');
  });
});
