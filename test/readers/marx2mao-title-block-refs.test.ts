/**
 * Note references set in a title block (Lenin/ER97.html: the subtitle's `[44]`, the first
 * publication's `Novoye Slovo,[45]`): the header's values are read without them, and the lines that
 * hold them are kept in the text, in `front/titlePage`, with the reference where the source has it,
 * so that every note the source references is referenced in the TEI (not `type="unreferenced"`);
 * and the title block's anchors that the notes point back to (`[p. <A HREF="ER97.html#tp">129</A>]`)
 * are kept in those lines, so that the back-references reach them.
 * The expectations are read from the page's HTML.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { convertPage, testPublication } from '../support/convert-page.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';

const PAGE = 'marx2mao-tranche2/Lenin/ER97.html';

/** The note references of the source's title block (before the transcriber's "Prepared" line): their labels. */
function titleBlockRefs(html: string): string[] {
  const block = html.slice(0, html.search(/Prepared[\s\S]{0,40}?for\s+the\s+Internet/i));
  return [...block.matchAll(/\[\s*<A HREF="[^"#]*#en(\d+)"\s*>\s*\1\s*<\/A>\s*\]/gi)].map((m) => m[1]!);
}

describe('note references in a title block (ER97, real)', async () => {
  const { html, tei } = await convertPage(PAGE);
  const labels = titleBlockRefs(html);
  const header = tei.slice(0, tei.indexOf('</teiHeader>'));
  const front = tei.slice(tei.indexOf('<front>'), tei.indexOf('</front>'));

  it('the page has references in its title block', () => {
    expect(labels).toEqual(['44', '45']);
  });

  it.each(labels)('note %s is referenced from the title page, both ways', (n) => {
    expect(front).toContain(`<ref type="noteref" xml:id="nr${n}" n="${n}" target="#n${n}">${n}</ref>`);
    expect(tei).toMatch(new RegExp(`<note xml:id="n${n}" n="${n}" place="end" target="#nr${n}">`));
  });

  it('the lines keep their words and are said for what they are', () => {
    expect(front).toContain('<titlePart type="sub"><anchor xml:id="a-tp"/>(SISMONDI AND OUR NATIVE SISMONDISTS)<ref type="noteref" xml:id="nr44"');
    expect(front).toContain('<docEdition><anchor xml:id="a-tp2"/>First published in the<lb/>magazine Novoye Slovo,<ref type="noteref" xml:id="nr45" n="45" target="#n45">45</ref><lb/>issues 7-10, April-July 1897.</docEdition>');
  });

  it('the header keeps clean values: no printed label of a reference', () => {
    expect(header).toContain('<date type="published" when="1897-07">First published in the magazine Novoye Slovo, issues 7-10, April-July 1897.</date>');
    for (const n of labels) expect(header).not.toContain(`[${n}]`);
  });

  const r = readMarx2mao(readFileSync(join(fixtures, PAGE)), PAGE);
  if (!r.ok) throw new Error('not read');

  it('no note is warned unreferenced for them', () => {
    const unreferenced = r.edition.diagnostics.filter((d) => d.code === 'note-unreferenced').map((d) => d.message);
    for (const n of labels) expect(unreferenced).not.toContain(`note ${n} is not referenced in the text`);
  });

  // the notes' back-references `[p. <A HREF="ER97.html#tp">129</A>]` name anchors of the title block
  const backRefs = titleBlockBackRefs(html);

  it('the notes point back to anchors of the title block', () => {
    expect(backRefs.map((b) => b.note)).toEqual(['44', '45']);
  });

  it.each(backRefs)('note $note points back to the title block\'s anchor $name, kept in the title page', ({ note, name, page }) => {
    // the anchor is kept in the title page, and the back-reference reaches it
    expect(front).toContain(`<anchor xml:id="a-${name}"/>`);
    expect(tei.slice(tei.indexOf('</front>'))).not.toContain(`xml:id="a-${name}"`);
    const n = tei.slice(tei.indexOf(`<note xml:id="n${note}"`));
    expect(n.slice(0, n.indexOf('</note>'))).toContain(`<ptr type="pageref" n="${page}" resp="#m2m-resp" target="#a-${name}"/>`);
    const missing = r.edition.diagnostics.filter((d) => d.code === 'backref-target-missing').map((d) => d.message);
    expect(missing.filter((m) => m.startsWith(`note ${note}:`))).toEqual([]);
  });

});

/** ER97's page changed as other pages of the site set their title blocks; its TEI, checked valid. */
async function variant(change: (html: string) => string): Promise<string> {
  const html = readFileSync(join(fixtures, PAGE), 'latin1');
  const changed = change(html);
  expect(changed).not.toBe(html);
  const r = readMarx2mao(Buffer.from(changed, 'latin1'), PAGE);
  if (!r.ok) throw new Error('not read');
  const tei = writeTei(r.edition, testPublication);
  expect((await validateTei(tei, PAGE)).filter((d) => d.severity === 'error')).toEqual([]);
  return tei.slice(tei.indexOf('<front>'), tei.indexOf('</front>'));
}

describe('note references in a title block, as other pages set them (ER97 changed)', () => {
  it('a reference whose link holds its number in markup (<A><SUP>44</SUP></A>) keeps its label', async () => {
    const front = await variant((h) => h.replace('[<A HREF="ER97.html#en44">44</A>]', '<A HREF="ER97.html#en44"><SUP>44</SUP></A>'));
    expect(front).toContain('<ref type="noteref" xml:id="nr44" n="44" target="#n44">44</ref>');
  });

  it('a reference on the last line of a title set on two keeps the whole title', async () => {
    // the reference moved from the subtitle to the end of the title's second line
    const front = await variant((h) => h
      .replace('<SUP><FONT SIZE=-2>[<A HREF="ER97.html#en44">44</A>]</FONT></SUP>', '')
      .replace('OF ECONOMIC ROMANTICISM</H2>', 'OF ECONOMIC ROMANTICISM[<A HREF="ER97.html#en44">44</A>]</H2>'));
    expect(front).toMatch(/<titlePart type="main">(?:<anchor[^>]*\/>)?A CHARACTERISATION<lb\/>OF ECONOMIC ROMANTICISM<ref type="noteref" xml:id="nr44" n="44" target="#n44">44<\/ref><\/titlePart>/);
  });
});

/** The back-references of the notes to anchors set in the source's title block: note, anchor name, page. */
function titleBlockBackRefs(html: string): { note: string; name: string; page: string }[] {
  const end = html.search(/Prepared[\s\S]{0,40}?for\s+the\s+Internet/i);
  const names = new Set([...html.slice(0, end).matchAll(/<A\s+NAME="([^"]+)"/gi)].map((m) => m[1]!));
  const out: { note: string; name: string; page: string }[] = [];
  let note = '';
  for (const m of html.slice(end).matchAll(/<A\s+NAME="en(\d+)"|\[p\.\s*<A HREF="[^"#]*#([^"]+)"\s*>(\d+)<\/A>\]/gi)) {
    if (m[1]) note = m[1];
    else if (names.has(m[2]!)) out.push({ note, name: m[2]!, page: m[3]! });
  }
  return out;
}
