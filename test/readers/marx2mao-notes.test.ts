/**
 * Note patterns of marx2mao pages beyond the first sample, each in a MADE-UP fixture written in the
 * site's conventions (test/fixtures/marx2mao-made/…; not copies of real pages):
 * - Lenin/SCHEMES17.html: endnote anchors of two naming schemes (`en1`, `n3`), a letter-suffixed
 *   note (`4a`), two notes sharing one anchor name, a note printed twice, an unlinked small-type
 *   reference `[5]` to an endnote, a section anchor `n1`
 *   left unclosed before a heading (no note) and `<A NAME="NOTES">` left unclosed before NOTES;
 * - Stalin/FEET27.html: foot-note rules inside a quotation in small type, `1)` `2)` inside a
 *   running `*` note, a foot-note FONT never closed (it ends at the next page marker);
 * - Other/NUMBERED76.html: numbered foot notes (`1.`, `2.`) in a block without a rule, referenced
 *   through the page's block (`#fnp5`) or not linked, numbering again from 1 in the next chapter.
 * Expectations are read from the HTML with regular expressions and a plain parse5 walk, not from
 * the reader; the TEI is checked with teikit's validator and with jing against tei_all.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { accountConversion } from '../../src/accounting/index.js';
import type { Edition } from '../../src/model/types.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';
import { firstDifference, words } from '../support/words.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };

function load(rel: string): { path: string; html: string; edition: Edition; tei: string } {
  const path = join(fixtures, 'marx2mao-made', rel);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  // the fixture's comment describes the patterns in their own markup: blanked (lines kept)
  const html = readFileSync(path, 'latin1').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  return { path, html, edition: r.edition, tei: writeTei(r.edition, publication) };
}

const lineOf = (html: string, at: number) => html.slice(0, at).split('\n').length;

/** The text of an HTML fragment as a browser shows it, blocks as spaces. */
function htmlWords(fragment: string): string[] {
  let out = '';
  const walk = (n: { nodeName: string; value?: string; childNodes?: unknown[]; tagName?: string }) => {
    if (n.nodeName === '#text') out += n.value;
    if (n.tagName) out += ' ';
    for (const c of (n.childNodes ?? []) as (typeof n)[]) walk(c);
    if (n.tagName) out += ' ';
  };
  walk(parseFragment(fragment) as never);
  return words(out);
}

/** The page's words between the title block and the navigation table, the apparatus taken out. */
function sourceRegion(html: string): string {
  const start = html.search(/<HR SIZE=2[^>]*>\s*<\/CENTER>/i);
  const end = html.search(/<TABLE BORDER=1/i);
  return html
    .slice(start, end)
    .replace(/<B>page\s+\d+<\/B>/gi, ' ')
    .replace(/\[p\.\s*<A\b[^>]*>[^<]*<\/A>\]/gi, ' ')
    .replace(/<A NAME="[^"]*">\s*\[[^\]<]*\]<\/A>/gi, ' ')
    .replace(/\[<A HREF="[^"]*#[^"]*">[^<]*<\/A>\]/gi, ' ')
    .replace(/<FONT SIZE=-2>\[\d+\]<\/FONT>/gi, ' ');
}

interface TeiFacts {
  words: string[];
  footWords: string[];
  notes: { id: string; n: string; place: string; type?: string; target: string[] }[];
  refs: { id: string; n: string; target: string }[];
}

function teiFacts(xml: string): TeiFacts {
  const facts: TeiFacts = { words: [], footWords: [], notes: [], refs: [] };
  const parser = new SaxesParser({ xmlns: false });
  const stack: { skip: boolean; foot: boolean }[] = [];
  let inText = false;
  let main = '';
  let foot = '';
  parser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'text') inText = true;
    const parent = stack.at(-1) ?? { skip: false, foot: false };
    const skip = parent.skip || (t.name === 'ref' && a.type === 'noteref') || (t.name === 'ptr' && a.type === 'pageref') || t.name === 'orig';
    const isFoot = parent.foot || (t.name === 'note' && a.place === 'foot');
    stack.push({ skip, foot: isFoot });
    if (t.name === 'note' && inText) {
      facts.notes.push({ id: a['xml:id']!, n: a.n!, place: a.place!, ...(a.type ? { type: a.type } : {}), target: (a.target ?? '').split(/\s+/).filter(Boolean) });
    }
    if (t.name === 'ref' && a.type === 'noteref') facts.refs.push({ id: a['xml:id']!, n: a.n!, target: a.target! });
    if (isFoot) foot += ' ';
    else main += ' ';
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (!inText || !top || top.skip) return;
    if (top.foot) foot += t;
    else main += t;
  });
  parser.on('closetag', () => {
    stack.pop();
    main += ' ';
    foot += ' ';
  });
  parser.write(xml).close();
  facts.words = words(main);
  facts.footWords = words(foot);
  return facts;
}

/** Every reference points to a note that points back, and every pointer of a note resolves. */
function expectLinkedBothWays(f: TeiFacts): void {
  const notes = new Map(f.notes.map((n) => [n.id, n]));
  const refs = new Set(f.refs.map((r) => r.id));
  for (const r of f.refs) {
    const note = notes.get(r.target.slice(1));
    expect(note, `ref ${r.id}`).toBeDefined();
    expect(note!.n, `ref ${r.id}`).toBe(r.n);
    expect(note!.target).toContain(`#${r.id}`);
  }
  for (const n of f.notes) for (const t of n.target) expect(refs.has(t.slice(1)), `${n.id} → ${t}`).toBe(true);
}

async function expectValid(tei: string, name: string): Promise<void> {
  expect((await validateTei(tei, name)).filter((d) => d.severity === 'error')).toEqual([]);
  if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
  const file = join(mkdtempSync(join(tmpdir(), 'teikit-notes-')), name);
  writeFileSync(file, tei);
  expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
}

describe('marx2mao endnotes of several naming schemes, shared anchors and notes printed twice', () => {
  const page = load('Lenin/SCHEMES17.html');
  const f = teiFacts(page.tei);
  const anchors = [...page.html.matchAll(/<A NAME="([a-z]*)(\d+[a-z]?)">\s*\[(\d+[a-z]?)\]<\/A>/gi)];

  it('has every note with its printed number, in print order, with unique ids', () => {
    expect(anchors.length).toBe(8);
    expect(f.notes.map((n) => n.n)).toEqual(anchors.map((m) => m[3]));
    expect(new Set(f.notes.map((n) => n.id)).size).toBe(f.notes.length);
    expect(f.notes.every((n) => n.place === 'end')).toBe(true);
  });

  it('links every reference of either scheme, and an unlinked one in small type, to its note, and the note back', () => {
    const links = [...page.html.matchAll(/\[<A HREF="[^"#]*#([a-z]+\d+[a-z]?)">(\d+[a-z]?)<\/A>\]|<FONT SIZE=-2>\[(\d+)\]<\/FONT>/gi)];
    expect(links.some((m) => m[3])).toBe(true);
    expect(f.refs.map((r) => r.n)).toEqual(links.map((m) => m[2] ?? m[3]));
    expectLinkedBothWays(f);
    // the section anchor n1 (no label) is no note: no note 1 of the n scheme appears twice
    expect(f.notes.filter((n) => n.n === '1')).toHaveLength(1);
  });

  it('declares the second note of a shared name and the note printed twice, with their positions', () => {
    const seen = new Set<string>();
    const repeated = anchors.filter((m) => {
      const key = m[1]! + m[2]!;
      const again = seen.has(key);
      seen.add(key);
      return again;
    });
    expect(repeated.map((m) => m[3])).toEqual(['2', '4']);
    const warnings = page.edition.diagnostics.filter((d) => d.code === 'note-duplicate');
    expect(warnings.map((d) => d.line)).toEqual(repeated.map((m) => lineOf(page.html, m.index!)));
    // the later copies are unreferenced and say so in the TEI
    const unreferenced = f.notes.filter((n) => n.type === 'unreferenced');
    expect(unreferenced.map((n) => n.n)).toEqual(['2', '4']);
    expect(unreferenced.every((n) => n.target.length === 0)).toBe(true);
  });

  it('has every word of the text and of the notes, in order', () => {
    expect(firstDifference(htmlWords(sourceRegion(page.html)), f.words)).toBeUndefined();
  });

  it('is valid for teikit and for tei_all', async () => {
    await expectValid(page.tei, 'SCHEMES17.tei.xml');
  });
});

describe('marx2mao foot-of-page notes inside small type, with numbered points, left unclosed', () => {
  const page = load('Stalin/FEET27.html');
  const f = teiFacts(page.tei);
  /** Each foot-note block: from its FONT to its closing tag or to the next page marker. */
  const blocks = [...page.html.matchAll(/<HR SIZE=1 WIDTH=12% ALIGN=left NOSHADE>\s*<FONT SIZE=-1>([\s\S]*?)(?=<\/FONT>|<P[^>]*><FONT SIZE=-2><B>page)/gi)].map((m) => m[1]!);

  it('has one foot note per block, each labelled *, linked both ways', () => {
    expect(blocks).toHaveLength(3);
    const foot = f.notes.filter((n) => n.place === 'foot');
    expect(foot.map((n) => n.n)).toEqual(blocks.map((b) => b.match(/^[\s\u00a0&nbsp]*(\*+)/)?.[1]));
    expectLinkedBothWays(f);
    expect(f.refs).toHaveLength([...page.html.matchAll(/#fnp\d+">\*<\/A>/g)].length);
  });

  it('keeps 1) and 2) as text of the running * note', () => {
    const withPoints = blocks.find((b) => /\b1\)/.test(b))!;
    expect(f.footWords.join(' ')).toContain(htmlWords(withPoints.replace(/^[^*]*\*/, '')).join(' '));
  });

  it('ends an unclosed note at the next page marker: the next page is running text', () => {
    const after = page.html.slice(page.html.lastIndexOf('<B>page'));
    const text = htmlWords(after.slice(0, after.search(/<\/UL>/i)).replace(/<B>page\s+\d+<\/B>/, ' '));
    expect(f.words.join(' ')).toContain(text.join(' '));
    expect(f.footWords.join(' ')).not.toContain(text.join(' '));
  });

  it('has every word of the text in order, and of the foot notes in order', () => {
    const region = sourceRegion(page.html);
    const cut = region.replace(/<HR SIZE=1 WIDTH=12% ALIGN=left NOSHADE>\s*<FONT SIZE=-1>[\s\S]*?(?=<\/FONT>|<P[^>]*><FONT SIZE=-2><B>page|<B>page)/gi, ' ');
    expect(firstDifference(htmlWords(cut), f.words)).toBeUndefined();
    const footSource = blocks.flatMap((b) => htmlWords(b.replace(/^[\s\S]*?\*/, '')));
    expect(firstDifference(footSource, f.footWords)).toBeUndefined();
  });

  it('is valid for teikit and for tei_all', async () => {
    await expectValid(page.tei, 'FEET27.tei.xml');
  });
});

describe('marx2mao numbered foot notes referenced through the page block, with and without a rule', () => {
  const page = load('Other/NUMBERED76.html');
  const f = teiFacts(page.tei);
  /** The labels that open a note: `N.` at the start of a block line, not indented as a point. */
  const labels = [...page.html.matchAll(/^(\d{1,3})\.&nbsp;/gm)].map((m) => m[1]);
  const refs = [...page.html.matchAll(/<FONT SIZE=-2>\[(?:<A HREF="[^"]*#fnp\d+">)?(\d+)(?:<\/A>)?\]<\/FONT>/g)].map((m) => m[1]);

  it('has one foot note per label, numbering again in the second chapter', () => {
    expect(labels).toEqual(['1', '2', '1']);
    expect(f.notes.filter((n) => n.place === 'foot').map((n) => n.n)).toEqual(labels);
  });

  it('links each reference, to the block or unlinked, to the note of its label on its page', () => {
    expect(f.refs.map((r) => r.n)).toEqual(refs);
    expectLinkedBothWays(f);
    expect(f.notes.every((n) => n.target.length === 1)).toBe(true);
  });

  it('keeps the points 1. and 2. inside note 2 as its text', () => {
    const points = [...page.html.matchAll(/^ {6}(\d)\.&nbsp;(.*)$/gm)].flatMap((m) => words(`${m[1]} ${m[2]}`));
    expect(points.length).toBeGreaterThan(0);
    expect(f.footWords.join(' ')).toContain(points.join(' '));
  });

  it('has every word of the text in order, the notes outside it', () => {
    const region = sourceRegion(page.html).replace(/<FONT SIZE=-1>\s*&nbsp; &nbsp;\s*\n\d\.&nbsp;[\s\S]*?<\/FONT>/g, ' ');
    expect(firstDifference(htmlWords(region), f.words)).toBeUndefined();
  });

  it('is valid for teikit and for tei_all', async () => {
    await expectValid(page.tei, 'NUMBERED76.tei.xml');
  });
});

describe('the accounting of the made-up note pages (its inventory knows the patterns independently)', () => {
  for (const rel of ['Lenin/SCHEMES17.html', 'Stalin/FEET27.html', 'Other/NUMBERED76.html']) {
    it(`finds every source item of ${rel} in its TEI`, () => {
      const page = load(rel);
      const fidelity = accountConversion([{ bytes: readFileSync(page.path), file: page.path, format: 'marx2mao', role: 'base' }], page.tei, page.edition);
      expect(fidelity.sources.flatMap((s) => s.unaccounted.map((u) => `${u.pos.line}: ${u.kind}: ${u.message}`))).toEqual([]);
      // the inventory's notes are the TEI's: numbered blocks without a rule included
      expect(fidelity.sources[0]!.source.notes).toBe(teiFacts(page.tei).notes.length);
    });
  }
});
