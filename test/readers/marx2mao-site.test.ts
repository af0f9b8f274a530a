/**
 * The marx2mao reader on the conventions of the whole site (sources.md), each on a real page of the
 * sample: foot-of-page notes, unlinked note marks, repeated markers at the notes, navigation tables
 * inside a page, books with front matter, letters, warnings for inconsistent transcriptions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Edition, Inline, Note } from '../../src/model/types.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { fixtures } from '../support/tools.js';

function read(name: string): Edition {
  const path = join(fixtures, 'marx2mao', name);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

/** Top-level body blocks as short labels: `pb133`, `heading`, `foot:fn1`, `paragraph[pb134]`. */
function outline(blocks: Block[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'pbBlock') return `pb${b.pb.n}`;
    if (b.type === 'noteBlock') return `foot:${b.note.id}`;
    if ('children' in b) {
      const pbs = b.children.filter((c) => c.type === 'pb').map((c) => (c as { n: string }).n);
      return pbs.length ? `${b.type}[pb${pbs.join(',pb')}]` : b.type;
    }
    return b.type;
  });
}

function refsIn(list: Inline[]): { id: string; noteId: string; n: string }[] {
  return list.flatMap((i) => (i.type === 'noteRef' ? [i] : 'children' in i ? refsIn(i.children) : []));
}

const codes = (ed: Edition) => ed.diagnostics.map((d) => `${d.line} ${d.code}`);

describe('readMarx2mao across the site', () => {
  it('moves a [*] note transcribed after the notes to the foot of its page (CO47)', () => {
    const ed = read('Mao/CO47.html');
    expect(outline(ed.body)).toEqual(['pb133', 'heading', 'dateline', 'paragraph', 'paragraph', 'foot:fn1', 'paragraph[pb134]', 'paragraph', 'paragraph', 'paragraph']);
    const heading = ed.body[1] as { children: Inline[] };
    expect(refsIn(heading.children)).toEqual([expect.objectContaining({ id: 'fnr1', noteId: 'fn1', n: '*' })]);
    const foot = (ed.body[5] as { note: Note }).note;
    expect(foot).toMatchObject({ id: 'fn1', n: '*', place: 'foot' });
    expect(JSON.stringify(foot.blocks)).toMatch(/^\[\{"type":"paragraph","children":\[\{"type":"text","value":"This telegram was sent/);
  });

  it('links a foot note to its unlinked mark on the same page (CM47: Lassalleans*)', () => {
    const ed = read('M&E/CM47.html');
    const all = JSON.stringify(ed.body);
    const note = /"note":\{"id":"(fn\d+)","n":"\*","place":"foot","blocks":\[\{"type":"paragraph","children":\[\{"type":"text","value":"Lassalle personally, to us, always acknowledged himself to be a disciple/.exec(all);
    expect(note).not.toBeNull();
    expect(all).toContain(`Lassalleans"},{"type":"noteRef","noteId":"${note![1]}"`);
    expect(all).not.toContain('Lassalleans*');
  });

  it('reads a book: title page with its cover figure and contents in the front, 62 notes, pages 1…', () => {
    const ed = read('M&E/CM47.html');
    // the printed title page beside the cover (issue 9): the cover is kept in it
    expect(ed.front[0]).toMatchObject({ type: 'titlePage', cover: { type: 'figure', src: 'M&E(225x224).GIF', width: 225, height: 224 } });
    expect(ed.front.some((b) => b.type === 'table')).toBe(true);
    expect(ed.work).toMatchObject({ title: 'Manifesto of the Communist Party', author: 'Karl Marx and Frederick Engels' });
    expect(ed.witnesses.find((w) => w.id === 'm2m')).toMatchObject({
      date: { text: 'November 1997', when: '1997-11' },
      updated: { text: 'Corrected and Updated January 2002', when: '2002-01' },
    });
    expect(ed.witnesses.find((w) => w.id === 'flp')).toMatchObject({
      publisher: 'Foreign Languages Press', place: 'Peking', date: '1970',
      printings: ['First Edition 1965', 'Second Printing 1968', 'Third Printing 1970'],
    });
    expect(ed.notes!.items.filter((i) => !('pb' in i))).toHaveLength(62);
  });

  it('drops the marker repeated at the notes, keeps a repeated number inside the text and warns (QCML43, LC02)', () => {
    const q = read('Mao/QCML43.html');
    expect(q.repairs).toEqual([expect.objectContaining({ kind: 'drop-duplicate-page-break', pos: expect.objectContaining({ line: 127 }) })]);
    expect(q.notes!.items.map((i) => ('pb' in i ? `pb${i.pb.n}` : i.id))).toEqual(['n1', 'n2']);
    // the navigation table standing before the notes is not text
    expect(JSON.stringify([q.body, q.notes])).not.toMatch(/Reading|Collection|From Marx/);
    const l = read('Lenin/LC02.html');
    expect(l.repairs).toEqual([]);
    expect(codes(l)).toEqual(expect.arrayContaining(['128 page-out-of-sequence', '138 page-gap']));
  });

  it('warns about notes without back-reference and back-references to missing anchors (HP27, LR48)', () => {
    const hp = read('Mao/HP27.html');
    expect(codes(hp).filter((c) => c.endsWith('note-no-backref'))).toHaveLength(35);
    const lr = read('Mao/LR48.html');
    expect(codes(lr)).toContain('82 backref-target-missing');
    expect((lr.notes!.items[0] as Note).backRef).toEqual({ page: '202' });
  });

  it('warns when the title block page range disagrees with the markers (AQR08), not for notes at the back of the volume', () => {
    const ed = read('Lenin/AQR08.html');
    const range = ed.diagnostics.filter((d) => d.code === 'page-range-mismatch');
    expect(range.map((d) => d.message)).toEqual(['the title block gives pp. 69-147 (69-147) but the page markers of the text run 71-147']);
    expect(ed.diagnostics.some((d) => d.code === 'page-gap' && d.message.includes('148'))).toBe(false);
  });

  it('keeps a title set over several lines as one heading, and reads letters (SPQ19, CPV50, MS48)', () => {
    const s = read('Stalin/SPQ19.html');
    expect(outline(s.body).slice(0, 3)).toEqual(['pb258', 'heading', 'dateline']);
    const c = read('Mao/CPV50.html');
    expect(outline(c.body).slice(0, 4)).toEqual(['pb43', 'heading', 'dateline', 'salute']);
    const m = read('Mao/MS48.html');
    expect(m.body.filter((b) => b.type === 'signed')).toHaveLength(1);
  });

  it('moves foot notes displaced into the notes section and reads [*] blocks with several notes (AQR08)', () => {
    const ed = read('Lenin/AQR08.html');
    const feet: Note[] = [];
    const visit = (bs: Block[]) => bs.forEach((b) => (b.type === 'noteBlock' ? feet.push(b.note) : (b.type === 'quote' || b.type === 'division') && visit(b.blocks)));
    visit(ed.body);
    expect(feet.map((n) => n.n).join(' ')).toContain('* **');
    expect(feet.length).toBe(17);
    expect(feet.every((n) => n.place === 'foot' && /^fn\d+$/.test(n.id))).toBe(true);
  });

  it('divides a page of several dated documents, a book into prefaces and chapters (PWU67, SNC55, CM47)', () => {
    const pwu = read('Mao/PWU67.html');
    const docs = pwu.body.filter((b) => b.type === 'division');
    expect(docs.map((d) => (d as { kind: string }).kind)).toEqual(Array(6).fill('document'));
    for (const d of docs) expect(outline((d as { blocks: Block[] }).blocks).filter((x) => !x.startsWith('pb')).slice(0, 2)).toEqual(['heading', 'dateline']);
    const snc = read('Mao/SNC55.html');
    expect(outline(snc.body).filter((x) => !x.startsWith('pb'))).toEqual(['heading', 'dateline', 'division', 'division']);
    const cm = read('M&E/CM47.html');
    const kinds = cm.body.filter((b) => b.type === 'division').map((d) => (d as { kind: string }).kind);
    expect(kinds).toEqual([...Array(7).fill('preface'), ...Array(4).fill('chapter')]);
    expect(cm.front.some((b) => b.type === 'division' && b.kind === 'contents')).toBe(true);
  });
});
