/**
 * The statements of a text's source that the print editions set at its end, and the date over
 * them (src/readers/marx2mao/end-statements.ts): `seg type="statement"` and `dateline` in the
 * text's closer, on real pages and on variants of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Edition } from '../../src/model/types.js';
import { markEndStatements } from '../../src/readers/marx2mao/end-statements.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };

function source(rel: string): string {
  return readFileSync(join(fixtures, rel), 'latin1');
}

function read(html: string, file: string): Edition {
  const r = readMarx2mao(Buffer.from(html, 'latin1'), file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

async function tei(html: string, file: string): Promise<string> {
  const out = writeTei(read(html, file), publication);
  expect((await validateTei(out, file)).filter((d) => d.severity === 'error')).toEqual([]);
  return out;
}

/** The closers of a TEI, whitespace between elements dropped. */
function closers(xml: string): string[] {
  return [...xml.matchAll(/<closer>(.*?)<\/closer>/gs)].map((m) => m[1]!.replace(/>\s+</g, '><').trim());
}

describe('statements of the source at the end of a text', () => {
  it('NCT27: the periodical, its number and date, and "Signed:" are statements in the closer, not paragraphs of the text', async () => {
    const xml = await tei(source('marx2mao-tranche2/Stalin/NCT27.html'), 'NCT27.html');
    expect(closers(xml)).toEqual([
      '<seg type="statement"><hi rend="italic">Pravda,</hi> No. 169,<lb/>July 28, 1927</seg><seg type="statement">Signed: <hi rend="italic">J. Stalin</hi></seg>',
    ]);
    expect(xml).not.toContain('<p>Signed:');
  });

  it('OR24: the date over them is the closer\'s dateline, the edition it is taken from (volume and pages) a statement', async () => {
    const xml = await tei(source('marx2mao-tranche2/Stalin/OR24.html'), 'OR24.html');
    expect(closers(xml)).toEqual([
      '<dateline><date when="1924-12-17">December 17, 1924</date></dateline><seg type="statement">J. V. Stalin, <hi rend="italic">Works</hi>,<lb/>Eng. ed., Vol. 6, pp. 374-420</seg>',
    ]);
  });

  it('ML50: a year typed with the letter I (`July 28, I950`) is read as 1950, kept as printed and reported', async () => {
    const html = source('marx2mao-tranche2/Stalin/ML50.html');
    const xml = await tei(html, 'ML50.html');
    expect(xml).toContain('<dateline><date when="1950-07-28">July 28, I950</date></dateline>');
    const misprints = read(html, 'ML50.html').diagnostics.filter((d) => d.code === 'date-misprint');
    expect(misprints.map((d) => d.message)).toContain('"July 28, I950": the year "I950" is read as 1950 (a letter I typed for the digit 1); the text keeps it as transcribed');
  });

  it('LFA17: a table of statements under a letter\'s signature is the closer\'s, each cell a statement, lines that open none going on with the one before', async () => {
    const html = source('marx2mao-tranche2/Lenin/LFA17.html');
    const xml = await tei(html, 'LFA17.html');
    const all = closers(xml);
    expect(all[0]).toBe(
      '<signed><hi rend="italic">N</hi>. <hi rend="italic">Lenin</hi></signed><seg type="statement">Written on March 1 (20), 1917</seg>' +
        '<seg type="statement">Published in <hi rend="italic">Pravda</hi><lb/>Nos. 14 and 15,<lb/>March 21 and 22, 1917</seg>' +
        '<seg type="statement">Published according to<lb/>a typewritten copy verified<lb/>with the <hi rend="italic">Pravda</hi> text</seg>',
    );
    expect(all).toContain(
      '<seg type="statement">First published<lb/>in the magazine<lb/><hi rend="italic">The Communist International</hi><lb/>No. 3-4, 1924.</seg><seg type="statement">Published according to<lb/>the manuscript</seg>',
    );
    const body = (x: string) => x.slice(x.indexOf('<body>'));
    expect(body(xml).split('<table>').length - 1).toBe(0);
    // a cell that states nothing of the source keeps its table a table
    const other = html.replace('Published according to<BR>\nthe manuscript<BR><BR>&nbsp;<BR>', 'A remark of the editors<BR><BR>&nbsp;<BR>');
    expect(other).not.toBe(html);
    expect(body(await tei(other, 'LFA17.html')).split('<table>').length - 1).toBe(1);
  });

  it('LFC10: statements before the next section\'s heading end the section they stand in', async () => {
    const xml = await tei(source('marx2mao-tranche2/Stalin/LFC10.html'), 'LFC10.html');
    expect(xml).toMatch(/<seg type="statement">Reprinted from the newspaper\. <lb\/>The section "Legal Possibilities"<lb\/>reprinted from the manuscript\.<\/seg>\s*<\/closer>\s*<\/div>\s*<div type="section"[^>]*>\s*<pb n="193"[^>]*\/>\s*<head><anchor xml:id="a-s2"\/>II<lb\/>TIFLIS/);
  });

  it('is none where text follows them', async () => {
    const html = source('marx2mao-tranche2/Stalin/NCT27.html');
    const cut = html.indexOf('&nbsp; <I>Pravda,</I> No. 169,<BR>');
    expect(cut).toBeGreaterThan(0);
    // a paragraph of text after them: they are lines of the text
    const end = html.indexOf('<HR', cut);
    const followed = html.slice(0, end) + '<P>And the text goes on after them.<P>' + html.slice(end);
    const xml = await tei(followed, 'NCT27.html');
    expect(xml).not.toContain('type="statement"');
    expect(xml).toContain('Signed: <hi rend="italic">J. Stalin</hi></p>');
  });

  it('is none where no text of their own stands over them (since the heading before)', () => {
    const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    const h = (value: string): Block => ({ type: 'heading', level: 3, children: [{ type: 'text', value }] });
    const kinds = (blocks: Block[]) => {
      markEndStatements(blocks, []);
      return blocks.map((b) => b.type);
    };
    expect(kinds([h('I'), p('Some text of the section.'), p('Signed: J. Stalin')])).toEqual(['heading', 'paragraph', 'statement']);
    expect(kinds([h('I'), p('Signed: J. Stalin')])).toEqual(['heading', 'paragraph']);
    expect(kinds([p('Text.'), h('II'), p('Signed: J. Stalin'), h('III'), p('More text.')])).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
  });
});
