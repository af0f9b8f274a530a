/**
 * Where a work's sections begin and end (src/model/enumeration.ts, src/tei/blocks.ts,
 * src/readers/marx2mao/book.ts), on MADE-UP pages in the site's conventions
 * (test/fixtures/marx2mao-patterns/Stalin/NS99.html); structure-corpus.test.ts
 * shows the same on the sample's real pages. Every TEI is checked against teikit's schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';
import { childElements, descendants, parseXmlTree, textContent, type XElement } from '../support/xml-tree.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };

async function made(rel: string): Promise<XElement> {
  const path = join(fixtures, 'marx2mao-patterns', rel);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const tei = writeTei(r.edition, publication);
  expect((await validateTei(tei, rel)).filter((d) => d.severity === 'error')).toEqual([]);
  return descendants(parseXmlTree(tei), 'body')[0]!;
}

/** A division as its heading, its page breaks and its sections, nested. */
interface Outline {
  head: string;
  pages: string[];
  sections: Outline[];
}
function outline(div: XElement): Outline {
  return {
    head: textContent(childElements(div, 'head')[0]).replace(/\s+/g, ' ').trim(),
    pages: childElements(div, 'pb').map((p) => p.attrs.n!),
    sections: childElements(div, 'div').map(outline),
  };
}
const leaf = (head: string, pages: string[] = []): Outline => ({ head, pages, sections: [] });

describe('the sections of a work', () => {
  it('opens section I at its number set in the title block, nests each section\'s numbered sections in it, and ends them at II or at a heading numbering anew', async () => {
    const work = childElements(await made('Stalin/NS99.html'), 'div')[0]!;
    expect(outline(work)).toEqual({
      head: 'THE STAGES OFTHE VALLEY BLOC',
      pages: [],
      sections: [
        {
          head: 'I',
          pages: [],
          sections: [
            leaf('1. THE FIRST STAGE'),
            // a heading of no number inside section 2 is section 2's, and 3. is not its
            { head: '2. THE SECOND STAGE', pages: [], sections: [leaf('DRAFT RESOLUTION')] },
            // B. goes on from A. inside 3., not from anything before 3.: both are 3.'s own
            { head: '3. THE THIRD STAGE', pages: [], sections: [leaf('A. THE BREAK'), leaf('B. THE AFTERMATH')] },
          ],
        },
        // the page that begins with II opens II's division; A. and B. stand with the numbers
        {
          head: 'II',
          pages: ['246'],
          sections: [
            leaf('1. ON THE MILLS'), leaf('A. THE OLD MILLS'), leaf('B. THE NEW MILLS'), leaf('C. THE MILLS TO COME'),
            // the last section's resolution is its own, not a section beside II
            { head: '2. ON THE ROADS', pages: [], sections: [leaf("THE BLOC'S RESOLUTION")] },
          ],
        },
        leaf('III', ['247', '248']),
        // a heading whose points number from 1. again is no part of III or of II's 2.
        { head: 'REPLY TO THE DISCUSSION', pages: [], sections: [leaf('1. THE FIRST POINT'), leaf('2. THE SECOND POINT')] },
      ],
    });
  });

});

describe('a heading at the level of the numbered sections, after the last (variants of the real Mao/FSAT37.html)', () => {
  const path = join(fixtures, 'marx2mao/Mao/FSAT37.html');
  const source = readFileSync(path, 'latin1');
  const real = 'IN THE COUNTRY AS A WHOLE, OPPOSE <BR>';
  async function sections(html: string): Promise<string[]> {
    const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const tei = writeTei(r.edition, publication);
    expect((await validateTei(tei, 'FSAT37.html')).filter((d) => d.severity === 'error')).toEqual([]);
    const work = childElements(descendants(parseXmlTree(tei), 'body')[0]!, 'div')[0]!;
    return childElements(work, 'div').map((d) => textContent(childElements(d, 'head')[0]).replace(/\s+/g, ' ').trim().slice(0, 24));
  }

  it('stays in the last section where it names a kind of text but is no title of a text delivered', async () => {
    expect(source).toContain(real);
    for (const variant of ['RESOLUTION ON THE COUNTRY AS A WHOLE, OPPOSE <BR>', 'TALKS WITH THE COUNTRY AS A WHOLE, OPPOSE <BR>', 'ORDER IN THE COUNTRY AS A WHOLE, OPPOSE <BR>']) {
      expect((await sections(source.replace(real, variant))).map((h) => h.slice(0, 3)), variant).toEqual(['I. ', 'II.']);
    }
  });

  it('ends the last section where it is the title of a speech or report delivered', async () => {
    const heads = await sections(source.replace(real, 'SPEECH DELIVERED ON NOVEMBER 12 <BR>'));
    expect(heads.slice(0, 3)).toEqual([expect.stringMatching(/^I\. /), expect.stringMatching(/^II\. /), 'SPEECH DELIVERED ON NOVE']);
  });
});
