/**
 * A subtitle set only in a page's title block, under the title (src/readers/marx2mao/
 * title-subtitle.ts): the header's `title type="sub"`, where neither the text under its heading nor
 * a book's title page sets one. On real sample pages (Lenin/ER97.html, Mao/PWU67.html and others)
 * and variants of them: a part's label, a date, a statement, a periodical's issue, the imprint, a
 * byline or a line in running type is never taken for one. Expectations read from the TEI with a DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectValidTei } from '../support/jing.js';
import { fixtures } from '../support/tools.js';
import { convertAccounted, elementLine } from '../support/convert-page.js';
import { childElements, descendants, type XElement } from '../support/xml-tree.js';

const convert = convertAccounted;
const line = elementLine;
const headerTitles = (doc: XElement) => childElements(descendants(doc, 'titleStmt')[0]!, 'title').map((t) => [t.attrs.type ?? '', line(t)]);
const headerSubtitles = (doc: XElement) => headerTitles(doc).filter(([type]) => type === 'sub').map(([, t]) => t);

const valid = (tei: string): Promise<void> => expectValidTei(tei, 'subtitle.xml');

describe('a subtitle set only in the title block (real: Lenin/ER97.html, `(SISMONDI AND OUR NATIVE SISMONDISTS)[44]`)', () => {
  const path = join(fixtures, 'marx2mao-tranche2/Lenin/ER97.html');
  const c = convert(path);

  it('is the header\'s title type="sub", re-cased as the title is, without its note reference; valid, every word accounted for', async () => {
    await valid(c.tei);
    expect(c.unaccounted).toBe(0);
    expect(headerTitles(c.doc)).toEqual([['main', 'A Characterisation of Economic Romanticism'], ['sub', '(Sismondi and Our Native Sismondists)']]);
  });

  it('stays in the title page of the text as printed, with its note reference', () => {
    const part = descendants(descendants(c.doc, 'titlePage')[0]!, 'titlePart')[0]!;
    expect([part.attrs.type, line(part)]).toEqual(['sub', '(SISMONDI AND OUR NATIVE SISMONDISTS)44']);
  });
});

describe('a subtitle set as a smaller heading under the title (real: Mao/PWU67.html, `<H5>Statements Supporting …`)', () => {
  const path = join(fixtures, 'marx2mao/Mao/PWU67.html');
  const source = readFileSync(path, 'latin1');
  const h5 = /<H5>[\s\S]*?<\/H5>/;
  const variant = (to: string) => {
    const html = source.replace(h5, to);
    expect(html).not.toBe(source);
    return convert(path, html);
  };

  it('is the header\'s title type="sub", its four lines one; valid', async () => {
    const c = convert(path);
    await valid(c.tei);
    expect(headerSubtitles(c.doc)).toEqual(['Statements Supporting the Afro-Americans and the Peoples of Southern Vietnam, Panama, Japan, the Congo (L.) and the Dominican Republic in Their Just Struggle Against U.S. Imperialism']);
  });

  it('is none where the line under the title is a part\'s label, a date, a statement, an issue, the imprint, a byline, an epigraph, or one word', () => {
    // a part's label is the header's title of part, once, not a subtitle too
    expect(headerSubtitles(variant('<H5>[Part 2 -- Chapter II]</H5>').doc)).toEqual(['Part 2 -- Chapter II']);
    expect(headerSubtitles(variant('<H5>Part II: Political Economy</H5>').doc)).toEqual(['Part II: Political Economy']);
    for (const to of ['<H6>-- Section 2 --</H6>', '<H5>(January 25, 1926)</H5>', '<H5>Peking, May 4, 1967</H5>',
      '<H5>Written in spring 1897</H5>', '<H5>First published in 1902</H5>', '<H5>Translated from the Russian</H5>', '<H5>Edited by George Hanna</H5>',
      '<H5>&copy; NLB, 1976</H5>', '<H5>Vol. 2, pp. 129-265.</H5>', '<H5><I>Pravda</I>, No. 29,<BR>February 10, 1921</H5>',
      '<H5><I>Chveni Tskhovreba</I><BR>(<I>Our Life</I>), No. 1,<BR>February 18, 1907</H5>', '<H5>PROLETARIAN PUBLISHERS</H5>',
      '<H5>Progress Publishers, Moscow, 1972</H5>', '<H5>Second (Enlarged) Edition 1966</H5>', '<H5>by the Editorial Departments of <I>Renmin Ribao</I></H5>',
      '<H5>"Workers of all countries, unite!"</H5>', '<H5>Statements</H5>',
      // an author's name in the title block's type, a dedication
      '<P><B>MAO TSE-TUNG</B><P>', '<P><B>J. V. STALIN</B><P>', '<P><I>Dedicated to the memory of Comrade N. E. Fedoseyev</I><P>', '<H5>In memory of Comrade Norman Bethune</H5>']) {
      expect(headerSubtitles(variant(to).doc), to).toEqual([]);
    }
  });

  it('is none where the line under the title is in running type, not a heading, italics or bold', () => {
    expect(headerSubtitles(variant('<P>Statements Supporting the Afro-Americans in Their Just Struggle<P>').doc)).toEqual([]);
    expect(headerSubtitles(variant('<P><I>Statements Supporting</I> the Afro-Americans in Their Just Struggle<P>').doc)).toEqual([]);
    expect(headerSubtitles(variant('<P><I>Statements Supporting the Afro-Americans in Their Just Struggle</I><P>').doc)).toEqual(['Statements Supporting the Afro-Americans in Their Just Struggle']);
    expect(headerSubtitles(variant('<P><B>STATEMENTS SUPPORTING THE AFRO-AMERICANS</B><P>').doc)).toEqual(['Statements Supporting the Afro-Americans']);
  });

  it('ends at a date or statement set under it in the same block, and leaves out the comma leading to it', () => {
    expect(headerSubtitles(variant('<H5><I>Statements Supporting the Afro-Americans,<BR>August 8, 1963</I></H5>').doc)).toEqual(['Statements Supporting the Afro-Americans']);
    expect(headerSubtitles(variant('<H5><I>Statements Supporting the Afro-Americans<BR>First published in 1963</I></H5>').doc)).toEqual(['Statements Supporting the Afro-Americans']);
  });
});

describe('subtitles set only in the title blocks of other sample pages', () => {
  const header = (page: string) => headerTitles(convert(join(fixtures, page)).doc);

  it('Lenin/OSF04.html (`<H6>(THE CRISIS IN OUR PARTY)`), Other/PRKR64.html (the byline and date under it left out)', () => {
    expect(header('marx2mao-tranche2/Lenin/OSF04.html')).toEqual([['main', 'One Step Forward, Two Steps Back'], ['sub', '(The Crisis in Our Party)']]);
    expect(header('marx2mao-tranche2/Other/PRKR64.html')).toEqual([['main', "The Proletarian Revolution and Khrushchov's Revisionism"], ['sub', 'Eighth Comment on the Open Letter of the Central Committee of the CPSU']]);
  });

  it('Lenin/DCR99i.html, Other/HCPSU39iii.html: the subtitle, then the part\'s label the page holds, both titles of part', () => {
    expect(header('marx2mao-tranche2/Lenin/DCR99i.html')).toEqual([
      ['main', 'The Development of Capitalism in Russia'], ['sub', 'The Process of the Formation of a Home Market for Large-Scale Industry'], ['sub', 'Part 1 -- Prefaces & Chapter I'],
    ]);
    expect(header('marx2mao-tranche2/Other/HCPSU39iii.html').slice(1)).toEqual([['sub', 'Short Course'], ['sub', 'Part 3 -- Chapters 10-12']]);
  });

  it('Stalin/RME25.html: the subtitle names the kind of text, the header classes it so', () => {
    const doc = convert(join(fixtures, 'marx2mao-tranche2/Stalin/RME25.html')).doc;
    expect(headerSubtitles(doc)).toEqual(['Interview Given to Mr. Fuse, Japanese Correspondent of Nichi-Nichi']);
    expect(descendants(doc, 'catRef')[0]?.attrs.target).toBe('#kind-interview');
  });

  it('Stalin/ECSP07.html, CAQ06.html (a periodical\'s name and issue), Lenin/LFA17.html, Stalin/CQL26.html (a date), Lenin/AO17.html (statements): none', () => {
    for (const page of ['marx2mao-tranche2/Stalin/ECSP07.html', 'marx2mao-tranche2/Stalin/CAQ06.html', 'marx2mao-tranche2/Lenin/LFA17.html', 'marx2mao-tranche2/Stalin/CQL26.html', 'marx2mao-tranche2/Lenin/AO17.html']) {
      expect(headerSubtitles(convert(join(fixtures, page)).doc), page).toEqual([]);
    }
  });

  it('Stalin/ITNQ21.html: the subtitle the text sets under its heading stays the header\'s', () => {
    expect(headerSubtitles(convert(join(fixtures, 'marx2mao-tranche2/Stalin/ITNQ21.html')).doc)).toEqual(['Theses for the Tenth Congress of the R.C.P.(B.) Endorsed by the Central Committee of the Party']);
  });
});
