/**
 * A foreword printed under a work's title, its heading a centred line of the title's block
 * (src/readers/marx2mao/front-parts.ts): a division of its own, from that line to its signature
 * and the statements under it, the work's text after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/types.js';
import { markForewordsUnderTitles } from '../../src/readers/marx2mao/front-parts.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };
const path = join(fixtures, 'marx2mao-tranche2/Lenin/RSP17.html');
const html = readFileSync(path, 'latin1');

async function tei(source: string): Promise<string> {
  const r = readMarx2mao(Buffer.from(source, 'latin1'), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const out = writeTei(r.edition, publication);
  expect((await validateTei(out, 'RSP17.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  return out.replace(/>\s+</g, '><');
}

describe('a foreword under a work\'s title (real: Lenin/RSP17.html, `FOREWORD TO THE SECOND EDITION`)', () => {
  it('is a preface division inside the work, closed by its date line, signature and statements; the work\'s text follows in a division of its own; the contents entry links to it', async () => {
    const xml = await tei(html);
    expect(xml).toMatch(/<div type="work"><head><anchor xml:id="div1"\/><anchor xml:id="a-p87"\/>CAN THE BOLSHEVIKS<lb\/>RETAIN STATE POWER\?<ref[^>]*>49<\/ref><\/head><div type="preface" xml:id="div2"><head>FOREWORD TO THE SECOND EDITION<\/head><p>The present pamphlet/);
    expect(xml).toContain(
      '<closer><dateline>St. Petersburg, <date when="1917-11-09">November 9, 1917.</date></dateline><signed><hi rend="italic">N. Lenin</hi></signed><seg type="statement">First published in <date when="1918">1918</date>',
    );
    expect(xml).toContain('<seg type="statement">Published according<lb/>to the pamphlet</seg></closer></div><div><pb n="90"');
    expect(xml).toContain('<item><ref target="#div2">Forward to the Second Edition');
  });

  it('stays a centred line where no signature ends it before the text goes on', async () => {
    const signature = '<P ALIGN=right><I>N.&nbsp;Lenin</I>';
    expect(html).toContain(signature);
    const xml = await tei(html.replace(signature, '<P><I>N.&nbsp;Lenin</I>'));
    expect(xml).toContain('<p rend="center">FOREWORD TO THE SECOND EDITION</p>');
    expect(xml).not.toContain('type="preface"');
  });

  it('is a foreword, preface or introduction by its line alone, with the work\'s text after its signature', () => {
    const p = (value: string, rend?: 'center' | 'right'): Block => ({ type: 'paragraph', ...(rend ? { rend } : {}), children: [{ type: 'text', value }] });
    const kinds = (line: string, after: Block[] = [p('The work begins.')]) => {
      const blocks: Block[] = [{ type: 'heading', level: 2, children: [{ type: 'text', value: 'TITLE' }] }, p(line, 'center'), p('Its text.'), p('N. Lenin', 'right'), ...after];
      markForewordsUnderTitles(blocks);
      return blocks.map((b) => (b.type === 'division' ? `${b.kind}` : b.type));
    };
    expect(kinds("AUTHOR'S PREFACE")).toEqual(['heading', 'preface', 'paragraph']);
    expect(kinds('INTRODUCTION TO THE GERMAN EDITION')).toEqual(['heading', 'preface', 'paragraph']);
    // a speech's title under the occasion's (JPCC27), a signature with no text after it
    expect(kinds('THE INTERNATIONAL SITUATION')).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(kinds('FOREWORD', [])).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    // no signature at all: where it ends is not known
    const unsigned: Block[] = [{ type: 'heading', level: 2, children: [{ type: 'text', value: 'TITLE' }] }, p('FOREWORD', 'center'), p('Its text.'), p('More text.')];
    markForewordsUnderTitles(unsigned);
    expect(unsigned.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  describe('where it ends (made-up blocks)', () => {
    const p = (value: string, rend?: 'center' | 'right'): Block => ({ type: 'paragraph', ...(rend ? { rend } : {}), children: [{ type: 'text', value }] });
    const title: Block = { type: 'heading', level: 2, children: [{ type: 'text', value: 'TITLE' }] };
    const marked = (blocks: Block[]) => {
      markForewordsUnderTitles(blocks);
      return blocks.map((b) => (b.type === 'division' ? `${b.kind}(${b.blocks.length})` : b.type));
    };

    it('takes the place and date under its signature (CM47, AP46 set them so), and the statements under them', () => {
      expect(marked([title, p('PREFACE', 'center'), p('Its text.'), p('F. Engels', 'right'), p('London, May 1, 1890'), p('Published according to the manuscript'), p('The work begins.')])).toEqual(['heading', 'preface(5)', 'paragraph']);
    });

    it('is none where only a date line follows its signature: the page holds the preface alone', () => {
      expect(marked([title, p("AUTHOR'S PREFACE", 'center'), p('Its text.'), p('J. Stalin', 'right'), p('January 1946')])).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    });

    it('takes no right-aligned date line or bracketed source for its signature', () => {
      expect(marked([title, p('FOREWORD', 'center'), p('Its text.'), p('St. Petersburg, November 9, 1917.', 'right'), p('N. Lenin', 'right'), p('The work begins.')])).toEqual(['heading', 'preface(4)', 'paragraph']);
      expect(marked([title, p('FOREWORD', 'center'), p('Its text.'), p('(Rech, September 1917)', 'right'), p('The work begins.')])).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    });

    it('reads the heading of an edition\'s or another hand\'s foreword', () => {
      for (const line of ['PREFACE TO THE GERMAN EDITION OF 1872', 'INTRODUCTION BY FREDERICK ENGELS', 'AUTHOR’S PREFACE', 'FOREWORD TO THE SECOND EDITION']) {
        expect(marked([title, p(line, 'center'), p('Its text.'), p('N. Lenin', 'right'), p('The work begins.')])).toEqual(['heading', 'preface(3)', 'paragraph']);
      }
    });
  });
});
