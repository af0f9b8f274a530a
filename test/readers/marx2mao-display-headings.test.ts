/**
 * Headings laid out otherwise than in a centred block (src/readers/marx2mao/display-headings.ts):
 * a number and its title in the two cells of a one-row table (HCPSU39iii), and a block wholly in
 * larger type outside a centred block, right-aligned or not (ESC76ii), whose numbered ones are the
 * book's chapters, the headings between two of them sections of the first (structure.ts divide).
 * Real pages; the numbers and titles expected are read from the page's HTML.
 */
import { describe, expect, it } from 'vitest';
import { convertPage } from '../support/convert-page.js';
import { childElements, descendants, parseXmlTree, textContent, type XElement } from '../support/xml-tree.js';
import { divisions, headText, htmlWords, type Div } from '../support/tei-divisions.js';

const words = htmlWords;

const headed = (all: Div[], head: string): Div => {
  const d = all.find((x) => x.head === head);
  if (!d) throw new Error(`no division headed "${head}"`);
  return d;
};

describe('a number and its title set in a one-row table (HCPSU39iii, real)', async () => {
  const { html, tei } = await convertPage('marx2mao-tranche2/Other/HCPSU39iii.html');
  const all = divisions(tei);
  // the running text's tables of one row of two cells, a number in the first
  const text = html.slice(html.search(/<B>page \d+<\/B>/));
  const laid = [...text.matchAll(/<TABLE[^>]*>\s*<TR>\s*<TD>([\s\S]*?)<\/TD>\s*<TD>([\s\S]*?)<\/TD>\s*<\/TR>\s*<\/TABLE>/gi)]
    .map((m) => ({ at: m.index!, number: words(m[1]!), title: words(m[2]!) }))
    .filter((t) => /^\d+\.$/.test(t.number));
  const chapters = [...text.matchAll(/C H A P T E R &nbsp; ([A-Z ]+?)<P>/g)].map((m) => ({ at: m.index!, name: m[1]!.replace(/ /g, '') }));

  it('the page sets eleven section titles so, in three chapters', () => {
    expect(chapters.map((c) => c.name)).toEqual(['TEN', 'ELEVEN', 'TWELVE']);
    expect(laid.map((t) => t.number).join(' ')).toBe('1. 2. 3. 1. 2. 3. 4. 1. 2. 3. 4.');
  });

  it('each opens a section headed by its number and title, in its chapter, in order', () => {
    chapters.forEach((c, k) => {
      const chapter = all.find((d) => d.div.attrs.type === 'chapter' && d.head.startsWith(`CHAPTER ${c.name}`))!;
      expect(chapter).toBeDefined();
      const own = laid.filter((t) => t.at > c.at && t.at < (chapters[k + 1]?.at ?? Infinity));
      const sections = all.filter((d) => d.parent === chapter.div && /^\d+\. /.test(d.head));
      expect(sections.map((s) => s.head)).toEqual(own.map((t) => `${t.number} ${t.title}`));
      expect(sections.every((s) => s.div.attrs.type === 'section')).toBe(true);
      // the number on the title's first line, as the print sets it beside the title (the cell's
      // line breaks only aligned it)
      for (const s of sections) {
        const first = childElements(s.div, 'head')[0]!.children.find((n) => n.kind === 'text' || n.name === 'lb')!;
        expect(first.kind === 'text' && first.value.split(' ').length).toBeGreaterThan(2);
      }
    });
  });

  it('no table is left in the body; the contents\' tables of numbers (three rows each) stay tables', () => {
    const root = parseXmlTree(tei);
    expect(descendants(descendants(root, 'body')[0]!, 'table')).toEqual([]);
    const contents = descendants(root, 'div').find((d) => d.attrs.type === 'contents')!;
    // (each a list of its linked numbers, as before)
    const numbers = descendants(contents, 'list').map((l) => childElements(l, 'item').map((i) => textContent(i).trim()).join(' '));
    expect(numbers).toEqual(['1. 2. 3.', '1. 2. 3. 4.', '1. 2. 3. 4.']);
  });
});

describe('a block in larger type outside a centred block (ESC76ii, real)', async () => {
  const { html, tei } = await convertPage('marx2mao-tranche2/Other/ESC76ii.html');
  const all = divisions(tei);
  const text = html.slice(html.search(/<B>page \d+<\/B>/));
  // `<B><FONT SIZE=+2>` … up to its `</FONT>` or `</B>`, not in a centred block or a table
  const display = [...text.matchAll(/<B><FONT SIZE=\+2>([\s\S]*?)<\/(?:FONT|B)>/gi)]
    .filter((m) => {
      const before = text.slice(0, m.index!);
      const open = (re: RegExp) => (before.match(re) ?? []).length;
      return open(/<TABLE\b/gi) === open(/<\/TABLE>/gi) && open(/<CENTER>/gi) === open(/<\/CENTER>/gi);
    })
    .map((m) => words(m[1]!));
  const numbered = display.filter((t) => /^\d+\. /.test(t));
  const between = (a: string, b: string) => display.slice(display.indexOf(a) + 1, display.indexOf(b));

  it('the page sets two numbered essays and four titles so', () => {
    expect(display).toEqual(['2. Elements of Self-Criticism', 'Foreword', 'Elements of Self-Criticism', 'On the Evolution of the Young Marx', '3. Is it Simple to be a Marxist in Philosophy?', 'Something New']);
  });

  it('each is the head of a division', () => {
    for (const t of display) expect(headed(all, t).head).toBe(t);
  });

  it('the numbered ones are chapters of the body, the titles between them sections of the first', () => {
    for (const n of numbered) {
      expect(headed(all, n).div.attrs.type).toBe('chapter');
      expect(headed(all, n).parent).toBeUndefined();
    }
    const first = headed(all, numbered[0]!);
    expect(all.filter((d) => d.parent === first.div).map((d) => d.head)).toEqual(between(numbered[0]!, numbered[1]!));
    // the essay's own numbered sections stay inside the section they follow
    const essay = headed(all, 'Elements of Self-Criticism');
    expect(all.filter((d) => d.parent === essay.div).map((d) => d.head.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.']);
  });
});

describe('a first word or capital in larger type is no heading (real)', () => {
  it.each([
    ['marx2mao/M&E/CM47.html', 'A spectre is haunting Europe'],
    ['marx2mao-tranche2/Other/PRKR64.html', 'THE present article'],
    ['marx2mao-tranche2/Lenin/TS19.html', 'COMRADES, according to the plan'],
  ])('%s', async (page, opening) => {
    const { html, tei } = await convertPage(page);
    // the page sets its first letters or word in <FONT SIZE=+…>, the rest of the sentence after it
    expect(html).toMatch(/<FONT SIZE=\+[12]>/i);
    const root = parseXmlTree(tei);
    const heads = descendants(root, 'head').map(headText);
    expect(heads.filter((h) => opening.startsWith(h) || h.includes(opening))).toEqual([]);
    expect(descendants(root, 'p').map(headText).some((p) => p.startsWith(opening))).toBe(true);
  });
});
