/**
 * The structure of every sample page (test/fixtures/marx2mao/, 56 pages, and the second tranche,
 * 100 pages): divisions per level, title pages, letter parts and contents links, counted and
 * printed, and checked against what the source shows: no chapter label or numbered section title
 * left as a paragraph, no page remark as text, no letter-spaced word left in pieces, every
 * contents link pointing at a headed division.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { fixtures } from './support/tools.js';
import { childElements, descendants, parseXmlTree, textContent, type XElement } from './support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

interface Counts {
  name: string;
  /** Divisions of the body at each depth (1 = top). */
  levels: number[];
  titlePages: number;
  openers: number;
  closers: number;
  spaced: number;
  contentsLinks: number;
  /** Printed contents as lists (outermost), their entries (items at any depth), and as tables. */
  contentsLists: number;
  contentsEntries: number;
  contentsTables: number;
  root: XElement;
}

function depthCounts(el: XElement, depth: number, out: number[]): void {
  for (const d of childElements(el, 'div')) {
    out[depth - 1] = (out[depth - 1] ?? 0) + 1;
    depthCounts(d, depth + 1, out);
  }
}

const sets = { sample: join(fixtures, 'marx2mao'), tranche2: join(fixtures, 'marx2mao-tranche2') };
const pages: Record<keyof typeof sets, Counts[]> = { sample: [], tranche2: [] };

beforeAll(() => {
  for (const [set, dir] of Object.entries(sets) as [keyof typeof sets, string][]) {
    for (const file of htmlFiles(dir)) {
      const r = readMarx2mao(readFileSync(file), file);
      if (!r.ok) continue;
      const root = parseXmlTree(writeTei(r.edition, publication));
      const body = descendants(root, 'body')[0]!;
      const levels: number[] = [];
      depthCounts(body, 1, levels);
      pages[set].push({
        name: relative(dir, file), levels, root,
        titlePages: descendants(root, 'titlePage').length,
        openers: descendants(root, 'opener').length,
        closers: descendants(root, 'closer').length,
        spaced: descendants(root, 'hi').filter((h) => h.attrs.rend === 'letter-spaced').length,
        contentsLinks: descendants(root, 'front').flatMap((f) => descendants(f, 'ref')).filter((r) => r.attrs.target?.startsWith('#div')).length,
        ...contentsCounts(root),
      });
    }
  }
}, 120_000);

function contentsCounts(root: XElement): Pick<Counts, 'contentsLists' | 'contentsEntries' | 'contentsTables'> {
  const divs = descendants(root, 'div').filter((d) => d.attrs.type === 'contents');
  const lists = divs.flatMap((d) => childElements(d, 'list')).filter((l) => l.attrs.type === 'contents');
  return {
    contentsLists: lists.length,
    contentsEntries: lists.reduce((n, l) => n + descendants(l, 'item').length, 0),
    contentsTables: divs.flatMap((d) => childElements(d, 'table')).length,
  };
}

const sum = (list: Counts[], f: (c: Counts) => number) => list.reduce((n, c) => n + f(c), 0);

describe('structure of the sample pages', () => {
  it('counts divisions per level, title pages, letter parts and contents links', () => {
    for (const [set, list] of Object.entries(pages)) {
      const levels = [0, 1, 2, 3].map((k) => sum(list, (c) => c.levels[k] ?? 0));
      console.log(`${set}: ${list.length} works; body divisions per level ${levels.join('/')}; title pages ${sum(list, (c) => c.titlePages)}; openers ${sum(list, (c) => c.openers)}; closers ${sum(list, (c) => c.closers)}; letter-spaced ${sum(list, (c) => c.spaced)}; contents links ${sum(list, (c) => c.contentsLinks)}; contents lists ${sum(list, (c) => c.contentsLists)} (${sum(list, (c) => c.contentsEntries)} entries), contents tables kept ${sum(list, (c) => c.contentsTables)}`);
    }
    const sample = pages.sample;
    expect(sample).toHaveLength(53);
    // the books with a printed title page beside their cover (SR17, WLC47, CM47, CWF71, LLL60, …)
    expect(sample.filter((c) => c.titlePages === 1).map((c) => c.name).sort()).toEqual(expect.arrayContaining(['Lenin/SR17.html', 'M&E/WLC47.html']));
    expect(sum(sample, (c) => c.levels[1] ?? 0)).toBeGreaterThan(0);
    expect(sum(sample, (c) => c.closers)).toBeGreaterThanOrEqual(9);
    expect(sum(sample, (c) => c.openers)).toBeGreaterThanOrEqual(1);
    // printed contents: read as lists where the columns line up, kept as tables where they do not
    const both = [...pages.sample, ...pages.tranche2];
    expect(sum(both, (c) => c.contentsLists)).toBeGreaterThanOrEqual(45);
    expect(sum(both, (c) => c.contentsEntries)).toBeGreaterThanOrEqual(400);
    expect(sum(both, (c) => c.contentsTables)).toBeLessThanOrEqual(14);
  });

  it('leaves no section heading nothing: a heading closing a division is its closing line (CM47\'s slogan)', () => {
    for (const c of [...pages.sample, ...pages.tranche2]) {
      const empty = descendants(descendants(c.root, 'body')[0]!, 'div').filter(
        (d) => d.attrs.type === 'section' && d.children.every((n) => n.kind === 'text' || ['head', 'pb', 'note', 'anchor'].includes(n.name)),
      );
      expect(empty.map((d) => textContent(childElements(d, 'head')[0])), c.name).toEqual([]);
    }
    // CM47: read from the page, the centred bold line after the last paragraph closes chapter IV
    const html = readFileSync(join(sets.sample, 'M&E/CM47.html'), 'latin1');
    const slogan = html.match(/<CENTER><B>\s*([^<]+?)\s*<\/B><\/CENTER>\s*<P><BR>\s*<HR/)![1]!;
    const cm = pages.sample.find((c) => c.name === 'M&E/CM47.html')!;
    const last = childElements(descendants(cm.root, 'body')[0]!, 'div').at(-1)!;
    expect(childElements(last).at(-1)).toMatchObject({ name: 'p', attrs: { rend: 'center' } });
    expect(textContent(childElements(last).at(-1))).toBe(slogan);
  });

  it('gives every entry of a contents list a title, and its page as the print has it', () => {
    for (const c of [...pages.sample, ...pages.tranche2]) {
      for (const item of descendants(c.root, 'list').filter((l) => l.attrs.type === 'contents').flatMap((l) => childElements(l, 'item'))) {
        const title = item.children.filter((n) => n.kind === 'text' || !['label', 'num', 'list'].includes(n.name));
        expect(title.map((n) => textContent(n.kind === 'text' ? { kind: 'element', name: '', attrs: {}, children: [n] } : n)).join('').trim(), c.name).not.toBe('');
        for (const num of childElements(item, 'num')) expect(textContent(num), c.name).toMatch(/^(\d+|[ivxlc]+)$/i);
      }
    }
  });

  it('leaves no chapter label, page remark or letter-spaced word as plain text', () => {
    for (const c of [...pages.sample, ...pages.tranche2]) {
      const body = descendants(c.root, 'body')[0]!;
      const paras = descendants(body, 'p').filter((p) => p.attrs.rend === 'center').map(textContent);
      expect(paras.filter((t) => /^(CHAPTER|PART)\s+([IVXLC]+|\d+)\.?$/i.test(t)), c.name).toEqual([]);
      expect(descendants(c.root, 'p').map(textContent).filter((t) => /^\[(blank|facsimile)\]$/.test(t)), c.name).toEqual([]);
      const text = textContent(descendants(c.root, 'text')[0]);
      expect(text.match(/(?<![\p{L}\p{N}])\p{L}(?: \p{L}){4,}(?![\p{L}\p{N}])/gu) ?? [], c.name).toEqual([]);
    }
  });

  it('puts the page break of a marker printed just before the NOTES line before the heading, not after it', () => {
    // `<B>page 437</B> … <B>NOTES</B>` with no words between: the notes begin on page 437
    const marker = /<B>\s*page\s+([\w-]+)\s*<\/B>((?:(?!<B>\s*page)[\s\S]){0,400}?)<B>\s*NOTES\s*<\/B>/i;
    let checked = 0;
    for (const [set, dir] of Object.entries(sets) as [keyof typeof sets, string][]) {
      for (const page of pages[set]) {
        const m = marker.exec(readFileSync(join(dir, page.name), 'latin1'));
        if (!m || /[A-Za-z0-9]/.test(m[2]!.replace(/<[^>]*>|&nbsp;?/gi, ''))) continue;
        const notes = descendants(page.root, 'div').find((d) => d.attrs.type === 'notes' && childElements(d, 'head').length > 0);
        if (!notes) continue;
        // the page the heading is on: the last page break before it in document order
        let page_: string | undefined;
        let onPage: string | undefined;
        const visit = (el: XElement): boolean => {
          if (el.name === 'pb') page_ = el.attrs.n;
          if (el.name === 'head' && childElements(notes, 'head')[0] === el) {
            onPage = page_;
            return true;
          }
          return el.children.some((c) => c.kind === 'element' && visit(c));
        };
        visit(page.root);
        expect(onPage, page.name).toBe(m[1]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(60);
  });

  it('gives the first section a division of its own where its heading is set under the work\'s title', () => {
    const all = [...pages.sample, ...pages.tranche2];
    const page = (name: string) => all.find((c) => c.name === name)!;
    const headText = (h: XElement) => textContent(h).replace(/\s+/g, ' ').trim();
    const heads = (d: XElement) => childElements(d, 'head').map(headText);
    const sections = (d: XElement) => childElements(d, 'div');
    const work = (name: string) => descendants(descendants(page(name).root, 'body')[0]!, 'div')[0]!;
    // no division keeps, among its headings, a first `I` whose `II` heads one of its sections
    const first = /^(?:I|1)\.?(?: |$)/;
    const second = /^(?:II|2)\.?(?: |$)/;
    const kept = all.flatMap((c) => descendants(c.root, 'div')
      .filter((d) => heads(d).slice(1).some((h) => first.test(h)) && sections(d).some((s) => second.test(heads(s)[0] ?? '')))
      .map(() => c.name));
    expect(kept).toEqual([]);
    // `I` under the title and its dateline (CTA55, RCP49, SDVNQ04)
    for (const name of ['Mao/CTA55.html', 'Mao/RCP49.html', 'Stalin/SDVNQ04.html']) {
      const w = work(name);
      expect(heads(w), name).toHaveLength(1);
      expect(sections(w).slice(0, 2).map((s) => heads(s)[0]), name).toEqual(['I', 'II']);
    }
    // `I` in the title's own centred block (PS06: after line breaks; PRG05: after a paragraph)
    for (const name of ['Stalin/PS06.html', 'Stalin/PRG05.html']) {
      expect(heads(work(name))[0], name).not.toMatch(/I$/); // (the title's last line was `I`)
      expect(heads(sections(work(name))[0]!)[0], name).toBe('I');
    }
    // a subtitle stays the work's: section I is the one the contents entry "I. The Capitalist System…" opens
    const itnq = work('Stalin/ITNQ21.html');
    expect(heads(itnq)[1]).toMatch(/^Theses for the Tenth Congress .*Endorsed by the Central Committee of the Party/);
    const sectionOne = sections(itnq)[0]!;
    expect(heads(sectionOne)[0]).toMatch(/^I ?THE CAPITALIST SYSTEM ?AND NATIONAL OPPRESSION$/);
    const entry = descendants(page('Stalin/ITNQ21.html').root, 'ref').find((r) => /^The Capitalist System/.test(textContent(r)))!;
    expect(entry.attrs.target).toBe(`#${sectionOne.attrs['xml:id']}`);
    // unnumbered sections a contents table links to, the first set under the title (HP27, CPRJ37)
    expect(heads(sections(work('Mao/HP27.html'))[0]!)[0]).toBe('THE IMPORTANCE OF THE PEASANT PROBLEM');
    expect(heads(sections(work('Mao/CPRJ37.html'))[0]!)[0]).toMatch(/^THE PRESENT STAGE DEVELOPMENT OF CHINA'S/);
  });

  it('nests numbered subsections in the section they belong to, and ends them at the next section', () => {
    const all = [...pages.sample, ...pages.tranche2];
    const work = (name: string) => childElements(descendants(all.find((c) => c.name === name)!.root, 'body')[0]!, 'div')[0]!;
    // each division as its heading's first words, its sections nested
    type Tree = [string, Tree[]];
    const tree = (d: XElement): Tree => [textContent(childElements(d, 'head')[0]).replace(/\s+/g, ' ').trim().slice(0, 12), childElements(d, 'div').map(tree)];
    const flat = (...heads: string[]): Tree[] => heads.map((h) => [h, []]);
    // SDD26: I (1.-7.), II (1.-7.), III, IV side by side in the work; II, III and IV were inside I's section 7
    const sdd = tree(work('Stalin/SDD26.html'))[1];
    expect(sdd.map(([h]) => h)).toEqual(['ITHE STAGES ', 'IITHE PRINCI', 'IIITHE POLIT', 'IVSOME CONCL']);
    expect(sdd[0]![1].map(([h, sub]) => [h.slice(0, 2), sub.length])).toEqual([['1.', 0], ['2.', 0], ['3.', 0], ['4.', 0], ['5.', 0], ['6.', 0], ['7.', 0]]);
    expect(sdd[1]![1].map(([h]) => h.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(sdd.slice(2).map(([, sub]) => sub)).toEqual([[], []]);
    // HP27: the fourteen achievements are FOURTEEN GREAT ACHIEVEMENTS' sections
    const achievements = tree(work('Mao/HP27.html'))[1].find(([h]) => h.startsWith('FOURTEEN'))!;
    expect(achievements[1].map(([h]) => h.split('.')[0])).toEqual(Array.from({ length: 14 }, (_, k) => String(k + 1)));
    // SCPUSA29: the three speeches under the title set over them (was a heading of the first speech)
    const speeches = tree(work('Stalin/SCPUSA29.html'))[1].find(([h]) => h.startsWith("STALIN'S"))!;
    expect(speeches[1]).toEqual(flat('1. Speech De', '2. First Spe', '3. Second Sp'));
    // JPCC27: three speeches, each a division of the work (delivered-texts.ts), the first holding
    // its sections I-IV, the second's title no part of IV; FSAT37: II's three unnumbered headed
    // subsections stay II's, the first too (set in small type under II's title, in its centred block)
    const jpcc = tree(work('Stalin/JPCC27.html'))[1];
    expect(jpcc.map(([h, sub]) => [h, sub.length])).toEqual([['THE INTERNAT', 4], ['SPEECH DELIV', 0], ['WITH REFEREN', 0]]);
    const fsat = tree(work('Mao/FSAT37.html'))[1];
    expect(fsat.map(([h, sub]) => [h.slice(0, 3), sub.map(([sh]) => sh)])).toEqual([['I. ', []], ['II.', ['INSIDE THE P', 'IN THE COUNT', 'THE RELATION']]]);
  });

  it('makes a document of each dated speech, its date read from an ordinal day', () => {
    const all = [...pages.sample, ...pages.tranche2];
    const root = (name: string) => all.find((c) => c.name === name)!.root;
    // SCPUSA29: the three speeches side by side (the second was inside the first: `(May 14th, 1929.)` was no date)
    const docs = descendants(root('Stalin/SCPUSA29.html'), 'div').filter((d) => d.attrs.type === 'document');
    expect(docs.map((d) => descendants(d, 'date')[0]?.attrs.when)).toEqual(['1929-05-06', '1929-05-14', '1929-05-14']);
    expect(docs.every((d) => descendants(d, 'div').every((s) => s.attrs.type !== 'document'))).toBe(true);
    // TD47: dated by its two documents' months, its sections numbered `1.` and `II.` both divisions
    const td = root('Mao/TD47.html');
    expect(descendants(descendants(td, 'creation')[0]!, 'date')[0]!.attrs).toMatchObject({ from: '1946-11', to: '1947-04' });
    const tdWork = childElements(descendants(td, 'body')[0]!, 'div')[0]!;
    expect(childElements(tdWork, 'head')).toHaveLength(1);
    expect(childElements(tdWork, 'div').map((d) => textContent(childElements(d, 'head')[0]).slice(0, 3))).toEqual(['1. ', 'II.']);
    // CM47: Engels's preface of 1888 ends in a closer, signature and dated place
    const closers = descendants(root('M&E/CM47.html'), 'closer').map((c) => `${textContent(descendants(c, 'signed')[0])} ${descendants(c, 'date')[0]?.attrs.when}`);
    expect(closers).toContain('F. Engels 1888-01-30');
  });

  it('points every contents link at a division with a heading, or at a point in a division\'s heading', () => {
    let links = 0;
    for (const c of [...pages.sample, ...pages.tranche2]) {
      const divs = descendants(c.root, 'div');
      const ids = new Map(divs.filter((d) => d.attrs['xml:id']).map((d) => [d.attrs['xml:id']!, childElements(d, 'head').length]));
      // a section a heading opens in the middle of a division, or a work's title over its text
      for (const d of divs) for (const h of childElements(d, 'head')) for (const a of descendants(h, 'anchor')) if (a.attrs['xml:id']) ids.set(a.attrs['xml:id'], 1);
      // links to other pages of the site stay what they are
      for (const ref of descendants(c.root, 'front').flatMap((f) => descendants(f, 'ref')).filter((r) => r.attrs.target?.startsWith('#div'))) {
        expect(ids.get((ref.attrs.target ?? '').slice(1)), `${c.name}: ${ref.attrs.target}`).toBeGreaterThan(0);
        links++;
      }
    }
    // 428 in the sample: sections a heading opens (not divisions of the reader's own) are linked too
    expect(links).toBeGreaterThanOrEqual(420);
  });
});
