/**
 * Several texts delivered under one title (src/readers/marx2mao/delivered-texts.ts): JPCC27 prints
 * under a plenum's title and dates three speeches, the first and third titled by a centred line in
 * capitals over `Speech Delivered on …`, the second by `SPEECH DELIVERED ON AUGUST 5` alone. Each is
 * a `div type="document"` of the work, the first holding its numbered sections, and the contents
 * entries lead to them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';
import { childElements, descendants, parseXmlTree, type XElement } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };
const path = join(fixtures, 'marx2mao-tranche2/Stalin/JPCC27.html');
const html = readFileSync(path, 'latin1');

async function convert(source: string): Promise<XElement> {
  const r = readMarx2mao(Buffer.from(source, 'latin1'), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  expect((await validateTei(tei, 'JPCC27.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  return parseXmlTree(tei);
}
/** An element's text, a line break read as a space. */
const line = (e: XElement | undefined): string => {
  const walk = (x: XElement): string => x.children.map((c) => (c.kind === 'text' ? c.value : c.name === 'lb' ? ' ' : walk(c))).join('');
  return (e ? walk(e) : '').replace(/\s+/g, ' ').trim();
};
const heads = (div: XElement) => childElements(div, 'head').map((h) => [h.attrs['type'] ?? '', line(h)]);
const work = (doc: XElement) => childElements(descendants(doc, 'body')[0]!, 'div').find((d) => d.attrs['type'] === 'work')!;
/** The source's centred lines, as the page sets them: collapsed, tags and entities gone. */
const plain = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&nbsp;?/g, ' ').replace(/\s+/g, ' ').trim();

describe('speeches under a meeting\'s title (real: Stalin/JPCC27.html)', () => {
  it('are a document each in the work, under its title and dates; the first holds its four sections', async () => {
    const doc = await convert(html);
    const w = work(doc);
    expect(line(childElements(w, 'head')[0])).toMatch(/^JOINT PLENUM OF THE CENTRAL/);
    expect(childElements(w, 'dateline').map((d) => descendants(d, 'date')[0]!.attrs['from'])).toEqual(['1927-07-29']);
    const docs = childElements(w, 'div');
    expect(docs.map((d) => d.attrs['type'])).toEqual(['document', 'document', 'document']);
    // the titles and lines under them, read from the page: the centred line in capitals before
    // each `Speech Delivered on` line, or that line alone in capitals
    const delivered = [...html.matchAll(/<A NAME="s[156]">\s*(?:<CENTER>)?([^]*?)<P>/g)].map((m) => plain(m[1]!));
    expect(delivered).toEqual(['Speech Delivered on August 1', 'SPEECH DELIVERED ON AUGUST 5', 'WITH REFERENCE TO THE OPPOSITION\'S "DECLARATION" OF AUGUST 8, 1927']);
    const first = plain(html.match(/<BR>\s*(THE INTERNATIONAL SITUATION AND<BR>[^<]*)<P>/)![1]!);
    const third = plain(html.match(/<I>\s*(Speech Delivered on August 9)<P>/)![1]!);
    expect(docs.map(heads)).toEqual([
      [['', first], ['sub', delivered[0]]],
      [['', delivered[1]]],
      [['', delivered[2]], ['sub', third]],
    ]);
    const sections = childElements(docs[0]!, 'div');
    expect(sections.map((s) => line(childElements(s, 'head')[0]).split(' ')[0])).toEqual(['I.', 'II.', 'III.', 'IV.']);
    // the second speech holds no third: no heading or centred line of it is left in the second
    expect(descendants(docs[1]!, 'p').filter((p) => p.attrs['rend'] === 'center').map(line)).toEqual([]);
  });

  it('the contents entries lead to the speeches and the sections', async () => {
    const doc = await convert(html);
    const divs = childElements(work(doc), 'div');
    const idOf = (d: XElement) => `#${d.attrs['xml:id']}`;
    const refs = descendants(descendants(doc, 'front')[0]!, 'ref').map((r) => [line(r), r.attrs['target']]);
    const to = (words: string) => refs.find(([t]) => t!.startsWith(words))?.[1];
    expect(to('The International Situation')).toBe(idOf(divs[0]!));
    expect(to('Speech Delivered on August 5')).toBe(idOf(divs[1]!));
    expect(to('With Reference to')).toBe(idOf(divs[2]!));
    const sections = childElements(divs[0]!, 'div');
    expect(to('The Attacks of the Opposition')).toBe(idOf(sections[0]!));
    expect(to('About China')).toBe(idOf(sections[1]!));
    // the label `I`, which the source links to the anchor set before the first speech's subtitle
    expect(refs.filter(([t]) => t === 'I').map(([, target]) => target)).toEqual([idOf(sections[0]!)]);
  });

  it('needs two texts at least: one speech titled so under a title stays as it was', async () => {
    // the second and third speeches' titles made ordinary lines of the text
    const one = html.replace('SPEECH DELIVERED ON AUGUST 5', 'THE DISCUSSION GOES ON').replace(/<I>\s*Speech Delivered on August 9<P>/, '<I>Continued on August 9<P>');
    expect(one).not.toBe(html);
    const w = work(await convert(one));
    expect(childElements(w, 'div').filter((d) => d.attrs['type'] === 'document')).toEqual([]);
    expect(childElements(w, 'p').filter((p) => line(p).startsWith('THE INTERNATIONAL SITUATION'))).toHaveLength(1);
    // one speech titled by its delivery alone is no more than one
    const alone = html.replace(/THE INTERNATIONAL SITUATION AND<BR>\s*THE DEFENCE OF THE U.S.S.R./, 'The International Situation and<BR>the Defence of the U.S.S.R.').replace(/<I>\s*Speech Delivered on August 9<P>/, '<I>Continued on August 9<P>');
    expect(alone).toContain('SPEECH DELIVERED ON AUGUST 5');
    expect(childElements(work(await convert(alone)), 'div').filter((d) => d.attrs['type'] === 'document')).toEqual([]);
  });

  it('does not take the page\'s own title for one of its texts, though it says a speech was delivered', async () => {
    const titled = html.replace(/(<A NAME="p765">\s*<CENTER><B>\s*)JOINT PLENUM/, '$1SPEECH DELIVERED AT THE JOINT PLENUM');
    expect(titled).not.toBe(html);
    const w = work(await convert(titled));
    expect(line(childElements(w, 'head')[0])).toMatch(/^SPEECH DELIVERED AT THE JOINT PLENUM/);
    expect(childElements(w, 'div').map((d) => d.attrs['type'])).toEqual(['document', 'document', 'document']);
  });

  it('takes no centred line in lower case, nor a numbered section title, for a text\'s title', async () => {
    const lower = html.replace(/THE INTERNATIONAL SITUATION AND<BR>\s*THE DEFENCE OF THE U.S.S.R./, 'The International Situation and<BR>the Defence of the U.S.S.R.');
    expect(lower).not.toBe(html);
    const docs = childElements(work(await convert(lower)), 'div').filter((d) => d.attrs['type'] === 'document');
    // the second and third are texts still; the first is not titled by the line in lower case
    expect(docs.map((d) => line(childElements(d, 'head')[0]).slice(0, 20))).toEqual(['SPEECH DELIVERED ON ', 'WITH REFERENCE TO TH']);
    const numbered = html.replace(/THE INTERNATIONAL SITUATION AND<BR>/, 'A. THE INTERNATIONAL SITUATION AND<BR>');
    const docs2 = childElements(work(await convert(numbered)), 'div').filter((d) => d.attrs['type'] === 'document');
    expect(docs2.map((d) => line(childElements(d, 'head')[0]).slice(0, 20))).toEqual(['SPEECH DELIVERED ON ', 'WITH REFERENCE TO TH']);
  });
});
