/**
 * The TEI writer on hand-built model editions: the house encoding of docs/encoding.md, valid
 * tei_all for every block arrangement a reader may produce (late headings, letters, lists, tables,
 * figures, foot notes, several documents), deterministic, and safe with hostile text.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Block, Edition, Inline, PageBreak, Publication } from '../src/model/types.js';
import { writeTei } from '../src/tei/index.js';
import { volumeNumber } from '../src/tei/header.js';
import { validateTei } from '../src/validate/index.js';
import { jingValidate } from './support/jing.js';
import { requireTool, teiAllRng, which } from './support/tools.js';

const pub: Publication = {
  publisher: 'Test Press',
  licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  date: '2026-11-26',
};
const t = (value: string): Inline => ({ type: 'text', value });
const pb = (n: string, attestedBy: string[], wordBreak: PageBreak['wordBreak'] = 'none'): PageBreak => ({
  type: 'pb', n, edition: 'flp', attestedBy, wordBreak,
});
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children, rend: 'indent' });

/** A small model of SU39 merged with the CMPA reprint: the cases encoding.md shows. */
export function sampleEdition(): Edition {
  return {
    id: 'sample',
    work: { title: 'The Identity of Interests', author: 'Mao Tse-tung', date: { text: 'September 28, 1939', when: '1939-09-28' }, language: 'en' },
    witnesses: [
      { kind: 'reprint', id: 'cmpa', publisher: 'Communist (Maoist) Party of Afghanistan (CMPA)', url: 'https://cmpa.af', file: '/x/identity-of-interests.md' },
      { kind: 'transcription', id: 'm2m', transcriber: 'David J. Romagnolo', date: { text: 'October 1999', when: '1999-10' }, url: 'http://www.marx2mao.com/Mao/SU39.html', file: '/x/SU39.html' },
      { kind: 'print', id: 'flp', collection: 'Selected Works of Mao Tse-tung', publisher: 'Foreign Languages Press', place: 'Peking', date: '1967', printings: ['First Edition 1965', 'Second Printing 1967'], volume: 'II', pages: { from: '275', to: '283', text: 'pp. 275-83' } },
    ],
    baseWitness: 'm2m',
    front: [],
    body: [
      { type: 'pbBlock', pb: pb('275', ['m2m']) },
      { type: 'heading', level: 1, children: [t('The Identity of Interests'), { type: 'lb' }, t('between the Soviet Union')] },
      { type: 'dateline', children: [{ type: 'date', when: '1939-09-28', children: [{ type: 'emph', rend: 'italic', children: [t('September 28')] }, t(', 1939')] }] },
      para(
        t('The Soviet Union has long devoted'), { type: 'anchor', id: 'p275' },
        t(' great energy. It has joined the League of Nations,'),
        { type: 'noteRef', noteId: 'n1', id: 'nr1', n: '1' },
        t(' and tried hard to conclude '), pb('276', ['m2m', 'cmpa']),
        t('security pacts. In over'), pb('277', ['m2m', 'cmpa'], 'hyphen'),
        t('looking this plot, it will take sides '), { type: 'norm', orig: '--', reg: '—' },
        t(' in other words, a non-'), pb('278', ['m2m'], 'compound'), t('aggression treaty.'),
      ),
      para(t('Many people are bewildered.'), { type: 'noteRef', noteId: 'n2', id: 'nr2', n: '2' }, t(' Again'), { type: 'noteRef', noteId: 'n1', id: 'nr1-2', n: '1' }),
    ],
    notes: {
      heading: [t('NOTES')],
      items: [
        { id: 'n1', n: '1', place: 'end', blocks: [para(t('The League of Nations.'))], backRef: { page: '275', anchor: 'p275' } },
        { type: 'pbBlock', pb: pb('279', ['m2m', 'cmpa']) },
        { id: 'n2', n: '2', place: 'end', blocks: [para(t('The Treaty.'))], backRef: { page: '278', anchor: 'p278' } },
      ],
    },
    repairs: [
      { kind: 'rejoin-paragraph', witness: 'm2m', message: 'rejoined', pos: { file: 'x.md', line: 40, column: 1 } },
      { kind: 'supply-page-break', witness: 'm2m', message: 'supplied 275', pos: { file: 'x.md', line: 38, column: 1 } },
    ],
    diagnostics: [],
  };
}

/** Every block kind in the arrangements TEI's div content model does not allow as they come. */
function awkwardEdition(): Edition {
  const base = sampleEdition();
  const letter: Block[] = [
    { type: 'heading', level: 1, children: [t('A Letter')] },
    { type: 'salute', children: [t('Dear Comrade,')] },
    { type: 'dateline', children: [t('Yenan, May 1')] },
    para(t('First paragraph.')),
    { type: 'salute', children: [t('Stray salute in the middle')] },
    para(t('Second.')),
    { type: 'signed', children: [t('Mao Tse-tung')] },
    { type: 'pbBlock', pb: pb('281', ['m2m']) },
    { type: 'dateline', children: [t('May 2')] },
  ];
  const body: Block[] = [
    { type: 'pbBlock', pb: pb('275', ['m2m']) },
    { type: 'heading', level: 1, children: [t('Collected Pieces')] },
    para(t('Introductory paragraph with a foot note'), { type: 'noteRef', noteId: 'fn1', id: 'fnr1', n: '*' }, t('.')),
    { type: 'noteBlock', note: { id: 'fn1', n: '*', place: 'foot', blocks: [para(t('A foot note.'))] } },
    { type: 'heading', level: 2, children: [t('I. A section after paragraphs')] },
    para(t('Section text.')),
    { type: 'heading', level: 3, children: [t('1. A subsection')] },
    { type: 'list', kind: 'ordered', items: [
      { label: '(1)', blocks: [para(t('first item'))] },
      { label: '(2)', blocks: [para(t('second item')), { type: 'quote', blocks: [para(t('quoted'))] }] },
    ] },
    { type: 'heading', level: 2, children: [t('II. Another section')] },
    { type: 'quote', blocks: [{ type: 'heading', level: 2, children: [t('Heading in a quote')] }, para(t('Quoted paragraph.'))] },
    { type: 'table', rows: [[{ blocks: [para(t('label'))], role: 'label' }, { blocks: [para(t('a')), para(t('b'))], cols: 2 }]] },
    { type: 'figure', src: 'Mao(250x264).GIF', description: 'Portrait', width: 250, height: 264 },
    { type: 'division', kind: 'document', blocks: letter },
    para(t('A paragraph after a division.')),
    { type: 'pbBlock', pb: pb('282', ['m2m']) },
    { type: 'signed', children: [t('The Editors')] },
  ];
  return { ...base, id: 'awkward', body, notes: undefined, front: [
    { type: 'figure', src: 'cover.gif' },
    { type: 'division', kind: 'contents', blocks: [{ type: 'heading', level: 1, children: [t('Contents')] }, { type: 'list', kind: 'simple', items: [{ blocks: [para(t('Chapter One'))] }] }] },
  ] };
}

/** Degenerate shapes: headings only, empty list/table, notes section with only a page break,
 * repeated anchors, bad dates and URLs with spaces. */
function edgeEdition(): Edition {
  const base = sampleEdition();
  base.work.date = { text: 'Autumn 1939', when: 'autumn' };
  return {
    ...base,
    id: 'edges',
    front: [{ type: 'figure', src: 'cover image.gif' }],
    body: [
      { type: 'division', kind: 'chapter', blocks: [{ type: 'heading', level: 2, children: [t('Only a heading')] }] },
      { type: 'division', kind: 'chapter', blocks: [
        para(t('x'), { type: 'anchor', id: 'p1' }, t(' y'), { type: 'anchor', id: 'p1' }, { type: 'date', when: '1939-13-40', children: [t('bad date')] }),
        { type: 'list', kind: 'simple', items: [] },
        { type: 'table', rows: [[]] },
        para({ type: 'link', target: 'http://example.org/a b', children: [t('link')] }),
      ] },
    ],
    notes: { items: [{ type: 'pbBlock', pb: pb('290', ['m2m']) }] },
  };
}

function parse(xml: string): unknown[] {
  return new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@', processEntities: false }).parse(xml) as unknown[];
}
type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
function nameOf(n: Node): string {
  return Object.keys(n).find((k) => k !== ':@')!;
}
/** All elements named `name`, in document order, with their ancestors' names. */
function findAll(tree: unknown[], name: string, path: string[] = []): { node: Node; path: string[] }[] {
  const out: { node: Node; path: string[] }[] = [];
  for (const n of tree as Node[]) {
    const k = nameOf(n);
    if (k === '#text') continue;
    if (k === name) out.push({ node: n, path });
    out.push(...findAll(n[k] as unknown[], name, [...path, k]));
  }
  return out;
}
function textOf(tree: unknown[]): string {
  return (tree as Node[]).map((n) => { const k = nameOf(n); return k === '#text' ? String(n[k]) : textOf(n[k] as unknown[]); }).join('');
}
const attrs = (n: Node) => n[':@'] ?? {};

describe('writeTei on hand-built editions', () => {
  const sample = writeTei(sampleEdition(), pub);
  const awkward = writeTei(awkwardEdition(), pub);

  it('writes the header of the house encoding', () => {
    const tree = parse(sample);
    const bs = findAll(tree, 'biblStruct')[0]!;
    expect(attrs(bs.node)['@xml:id']).toBe('flp');
    // the texts read are the witnesses of listWit (the print edition stays a biblStruct of listBibl)
    expect(findAll(tree, 'witness').map((b) => attrs(b.node)['@xml:id'])).toEqual(['m2m', 'cmpa']);
    const scopes = findAll(tree, 'biblScope').map((b) => ({ ...attrs(b.node), text: textOf(b.node.biblScope as unknown[]) }));
    expect(scopes).toEqual([
      { '@unit': 'volume', '@n': '2', text: 'II' },
      { '@unit': 'page', '@from': '275', '@to': '283', text: '275-83' },
    ]);
    expect(findAll(tree, 'edition').map((e) => textOf(e.node.edition as unknown[]))).toEqual(['First Edition 1965', 'Second Printing 1967']);
    const licence = findAll(tree, 'licence')[0]!;
    expect(attrs(licence.node)['@target']).toBe(pub.licence.url);
    const change = findAll(tree, 'change')[0]!;
    expect(textOf(change.node.change as unknown[])).toBe('Converted by teikit from SU39.html (base) and identity-of-interests.md.');
    expect(textOf(findAll(tree, 'correction')[0]!.node.correction as unknown[])).toMatch(/#m2m splits 1 paragraph\(s\) in mid-sentence.*1 print page break.*print page break\(s\) 275, 278 are attested by #m2m only/);
    expect(textOf(findAll(tree, 'hyphenation')[0]!.node.hyphenation as unknown[])).toMatch(/rend="hyphen" at page\(s\) 277\. .*compound hyphen .* 278/);
  });

  it('maps page breaks, note references, notes, anchors and normalisations', () => {
    const tree = parse(sample);
    const pbs = findAll(tree, 'pb').map((p) => ({ ...attrs(p.node), in: p.path.at(-1) }));
    expect(pbs).toEqual([
      { '@n': '275', '@edRef': '#flp', '@source': '#m2m', in: 'body' },
      { '@n': '276', '@edRef': '#flp', '@source': '#m2m #cmpa', in: 'p' },
      { '@n': '277', '@edRef': '#flp', '@source': '#m2m #cmpa', '@break': 'no', '@rend': 'hyphen', in: 'p' },
      { '@n': '278', '@edRef': '#flp', '@source': '#m2m', '@break': 'no', in: 'p' },
      { '@n': '279', '@edRef': '#flp', '@source': '#m2m #cmpa', in: 'div' },
    ]);
    const notes = findAll(tree, 'note').filter((n) => n.path.includes('text')).map((n) => attrs(n.node));
    expect(notes).toEqual([
      { '@xml:id': 'n1', '@n': '1', '@place': 'end', '@target': '#nr1 #nr1-2' },
      { '@xml:id': 'n2', '@n': '2', '@place': 'end', '@target': '#nr2' },
    ]);
    const pagerefs = findAll(tree, 'ptr').filter((r) => attrs(r.node)['@type'] === 'pageref').map((r) => attrs(r.node));
    // p278 is not an anchor of this edition: no dangling pointer.
    // pointers, attributed to the transcriber who added them
    expect(pagerefs).toEqual([
      { '@type': 'pageref', '@n': '275', '@resp': '#m2m-resp', '@target': '#a-p275' },
      { '@type': 'pageref', '@n': '278', '@resp': '#m2m-resp' },
    ]);
    expect(sample).toContain('<choice><orig>--</orig><reg>—</reg></choice>');
    expect(sample).toContain('over<pb n="277" edRef="#flp" source="#m2m #cmpa" break="no" rend="hyphen"/>looking');
    expect(sample).toContain('<head>The Identity of Interests<lb/>between the Soviet Union</head>');
  });

  it('is deterministic', () => {
    expect(writeTei(sampleEdition(), pub)).toBe(sample);
    expect(writeTei(awkwardEdition(), pub)).toBe(awkward);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const e = sampleEdition();
    e.work.title = 'A <b>&amp;</b> "title" ]]> \u0001';
    e.body.push(para(t('</p><evil attr="x">&lt;\u0007')));
    const xml = writeTei(e, pub);
    const tree = parse(xml);
    // processEntities is off in this parser: the text shows the escapes as written.
    expect(textOf(findAll(tree, 'title')[0]!.node.title as unknown[])).toBe('A &lt;b&gt;&amp;amp;&lt;/b&gt; "title" ]]&gt;');
    expect(findAll(tree, 'evil')).toHaveLength(0);
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u0007');
  });

  it('restores TEI division structure for awkward block sequences', () => {
    const tree = parse(awkward);
    const divs = findAll(tree, 'div').map((d) => `${d.path.filter((p) => p === 'div').length}:${attrs(d.node)['@type'] ?? '-'}`);
    expect(divs).toEqual(['0:contents', '0:work', '1:section', '2:section', '1:section', '1:document', '1:-']);
    expect(findAll(tree, 'opener')).toHaveLength(1);
    expect(findAll(tree, 'closer')).toHaveLength(2);
    expect(findAll(tree, 'salute').map((s) => s.path.at(-1))).toEqual(['opener']);
    expect(findAll(tree, 'note').filter((n) => attrs(n.node)['@place'] === 'foot').map((n) => ({ ...attrs(n.node), in: n.path.at(-1) }))).toEqual([
      { '@xml:id': 'fn1', '@n': '*', '@place': 'foot', '@target': '#fnr1', in: 'div' },
    ]);
    expect(findAll(tree, 'graphic').map((g) => attrs(g.node))).toEqual([
      { '@url': 'cover.gif' },
      { '@url': 'Mao(250x264).GIF', '@width': '250px', '@height': '264px' },
    ]);
  });

  it('writes degenerate shapes as valid TEI: no repeated ids, no malformed dates or URIs', () => {
    const xml = writeTei(edgeEdition(), pub);
    const tree = parse(xml);
    expect(findAll(tree, 'anchor').map((a) => attrs(a.node)['@xml:id'])).toEqual(['a-p1']);
    expect(findAll(tree, 'date').filter((d) => d.path.includes('body')).map((d) => attrs(d.node)['@when'])).toEqual([undefined]);
    expect(findAll(tree, 'date').filter((d) => d.path.includes('creation')).map((d) => attrs(d.node)['@when'])).toEqual([undefined]);
    expect(findAll(tree, 'list')).toHaveLength(0);
    expect(findAll(tree, 'table')).toHaveLength(0);
    expect(findAll(tree, 'graphic').map((g) => attrs(g.node)['@url'])).toEqual(['cover%20image.gif']);
    expect(findAll(tree, 'ref').filter((r) => r.path.includes('text')).map((r) => attrs(r.node)['@target'])).toEqual(['http://example.org/a%20b']);
  });

  it('reads volume numbers', () => {
    expect(['II', '1', 'XIV', 'iv', 'A'].map(volumeNumber)).toEqual(['2', '1', '14', '4', undefined]);
  });

  it('is valid under teikit\'s own schema and rules too (validateTei)', async () => {
    for (const [name, xml] of [['sample', sample], ['awkward', awkward], ['edges', writeTei(edgeEdition(), pub)]] as const) {
      const errors = (await validateTei(xml, `${name}.xml`)).filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`)).toEqual([]);
    }
  });

  const rng = teiAllRng();
  describe.runIf(requireTool('jing', which('jing')) && requireTool('tei_all.rng', rng))('validity', () => {
    it('is valid against tei_all (one jing run for all)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'teikit-tei-'));
      const files = {
        sample,
        awkward,
        empty: writeTei({ ...sampleEdition(), body: [], notes: undefined, witnesses: [] }),
        edges: writeTei(edgeEdition(), pub),
      };
      const paths = Object.entries(files).map(([name, xml]) => {
        const p = join(dir, `${name}.xml`);
        writeFileSync(p, xml);
        return p;
      });
      expect(await jingValidate(rng!, paths)).toEqual([]);
    });
  });
});
