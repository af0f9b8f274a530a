/**
 * A print edition whose title block names its publisher only in the edition's copyright line
 * (real: Other/ESC76ii.html, `This edition, Essays in Self-Criticism, first published 1976` /
 * `© NLB, 1976`, under the author's `© Louis Althusser, 1973` … of the texts' first editions): the
 * holder is the imprint's publisher, as printed; never a person, never where no line names a body.
 * Expectations read from the TEI with a DOM; the site's citations say what the header says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { workEntry } from '../../src/pipeline/work-entry.js';
import { bibtex, citationText } from '../../src/site/cite.js';
import { writeTeiWithRepairs } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { descendants, parseXmlTree, type XElement } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };
const path = join(fixtures, 'marx2mao-tranche2/Other/ESC76ii.html');
const source = readFileSync(path, 'latin1');

function convert(html?: string) {
  const r = readMarx2mao(html === undefined ? readFileSync(path) : Buffer.from(html, 'latin1'), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const { tei, diagnostics } = writeTeiWithRepairs(r.edition, publication);
  return { edition: r.edition, tei, doc: parseXmlTree(tei), codes: diagnostics.map((d) => d.code) };
}
const text = (e: XElement): string => e.children.map((n) => (n.kind === 'text' ? n.value : text(n))).join('');
const publishers = (doc: XElement) => descendants(descendants(doc, 'imprint')[0]!, 'publisher').map(text);
const variant = (from: string | RegExp, to: string) => {
  const html = source.replace(from, to);
  expect(html).not.toBe(source);
  return convert(html);
};

describe('a publisher stated only in the copyright line of the edition (real: Other/ESC76ii.html, `© NLB, 1976`)', () => {
  const c = convert();

  it('is the imprint\'s publisher, as printed; the copyright lines stay notes; valid', async () => {
    expect(source).toMatch(/This edition, <I>Essays in Self-Criticism<\/I>, first published 1976<BR>\s*&copy; NLB, 1976/);
    expect(publishers(c.doc)).toEqual(['NLB']);
    expect(descendants(c.doc, 'note').filter((n) => n.attrs.type === 'rights').map(text)).toEqual(['© Louis Althusser, 1973', '© Louis Althusser, 1974', '© Louis Althusser, 1975', '© NLB, 1976']);
    expect(c.codes).not.toContain('no-publisher');
    // the siglum of a publisher that is none of the known ones
    expect(descendants(c.doc, 'biblStruct')[0]!.attrs['xml:id']).toBe('print');
    expect((await validateTei(c.tei, 'ESC76ii.xml')).filter((d) => d.severity === 'error')).toEqual([]);
    if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-rights-')), 'ESC76ii.xml');
    writeFileSync(file, c.tei);
    expect(await jingValidate(teiAllRng()!, [file]), 'tei_all').toEqual([]);
  });

  it('is the publisher the site\'s citations give, and nothing more', () => {
    const entry = workEntry(c.edition, c.tei, 'ESC76ii');
    expect(citationText(entry)).toBe('Louis Althusser. “Essays in Self-Criticism — Part 2.” NLB.');
    expect(bibtex(entry)).toContain('publisher = {NLB}');
  });

  it('is the line under the edition\'s own statement where several bodies hold rights; the only body otherwise', () => {
    const other = (to: string) => variant('&copy; Louis Althusser, 1975<P>', `${to}<P>`);
    expect(publishers(other('&copy; Verso Books, 1975').doc)).toEqual(['NLB']);
    const noStatement = (html: string) => html.replace(/This edition, <I>Essays in Self-Criticism<\/I>, first published 1976<BR>/, '');
    expect(publishers(convert(noStatement(source)).doc)).toEqual(['NLB']);
    expect(publishers(convert(noStatement(source.replace('&copy; Louis Althusser, 1975<P>', '&copy; Verso Books, 1975<P>'))).doc)).toEqual(['[s.n.]']);
    // a holder's name of several words in capitals is re-cased as a title is
    expect(publishers(variant('&copy; NLB, 1976', 'Copyright &copy; 1976 by NEW LEFT BOOKS').doc)).toEqual(['New Left Books']);
  });

  it('is none where the copyright lines name only persons (the author, the translator, anyone) or there is none', () => {
    expect(publishers(variant('&copy; NLB, 1976', '&copy; Louis Althusser, 1976').doc)).toEqual(['[s.n.]']);
    expect(publishers(variant('&copy; NLB, 1976', '&copy; Grahame Lock, 1976').doc)).toEqual(['[s.n.]']);
    expect(publishers(variant('&copy; NLB, 1976', '&copy; Jane Smith, 1976').doc)).toEqual(['[s.n.]']);
    const none = variant('&copy; NLB, 1976', '');
    expect(publishers(none.doc)).toEqual(['[s.n.]']);
    expect(none.codes).toContain('no-publisher');
  });
});
