/**
 * Bylines on the real sample pages: the line under a title naming who the text is by becomes a
 * Byline block (TEI `byline`) instead of a heading or a centred paragraph, and nothing else does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Edition } from '../../src/model/types.js';
import { forEachBlock } from '../../src/model/walk.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { plainText } from '../../src/model/plain-text.js';
import { markBylines } from '../../src/readers/marx2mao/bylines.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };

function read(rel: string): Edition {
  const path = join(fixtures, 'marx2mao', rel);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}

function bylines(ed: Edition): string[] {
  const out: string[] = [];
  forEachBlock(ed.body, (b) => {
    if (b.type === 'byline') out.push(plainText(b.children).replace(/\s+/g, ' ').trim());
  });
  return out;
}

function headings(ed: Edition): string[] {
  const out: string[] = [];
  forEachBlock(ed.body, (b) => {
    if (b.type === 'heading') out.push(plainText(b.children).replace(/\s+/g, ' ').trim());
  });
  return out;
}

/** What markBylines makes of a centred line of `text` under a title, before running text. */
function markBylinesOf(text: string): string {
  const blocks: Block[] = [
    { type: 'heading', level: 1, children: [{ type: 'text', value: 'A TITLE' }] },
    { type: 'paragraph', rend: 'center', children: [{ type: 'text', value: text }] },
    { type: 'paragraph', children: [{ type: 'text', value: 'The text.' }] },
  ];
  markBylines(blocks);
  return blocks[1]!.type;
}

/** The blocks before the first paragraph of each chapter/document division, as `type:text`. */
function tops(ed: Edition): string[][] {
  return ed.body.filter((b) => b.type === 'division').map((d) => {
    const blocks = (d as { blocks: Block[] }).blocks;
    const end = blocks.findIndex((b) => b.type === 'paragraph' && b.rend !== 'center');
    return blocks.slice(0, end < 0 ? blocks.length : end).filter((b) => 'children' in b).map((b) => `${b.type}:${plainText((b as { children: never[] }).children).replace(/\s+/g, ' ').trim()}`);
  });
}

describe('bylines on the sample pages', () => {
  it('LLL60: the three articles each have their byline, under the title (and subtitle), none is a heading', () => {
    const ed = read('Other/LLL60.html');
    expect(bylines(ed)).toEqual([
      'By THE EDITORIAL DEPARTMENT OF "HONGQI"',
      'By THE EDITORIAL DEPARTMENT OF "RENMIN RIBAO"',
      'LU TING-YI',
    ]);
    // three articles, three chapters: the byline no longer opens a chapter of its own
    const t = tops(ed);
    expect(t).toHaveLength(3);
    expect(t[0]!.slice(0, 3)).toEqual(['heading:LONG LIVE LENINISM!', 'subtitle:In Commemoration of the 90th Anniversary of the Birth of Lenin', 'byline:By THE EDITORIAL DEPARTMENT OF "HONGQI"']);
    expect(t[1]!.slice(0, 2)).toEqual(['heading:FORWARD ALONG THE PATH OF THE GREAT LENIN!', 'byline:By THE EDITORIAL DEPARTMENT OF "RENMIN RIBAO"']);
    expect(t[2]![0]).toBe("heading:UNITE UNDER LENlN'S REVOLUTIONARY BANNER!");
    expect(t[2]![2]).toBe('byline:LU TING-YI');
    // the section number under the first byline stays a heading of its own
    expect(t[0]![3]).toBe('heading:I');
  });

  it('LLL60: written as TEI byline in the division top, after a subtitle (head type="sub") too; valid teikit', async () => {
    const tei = writeTei(read('Other/LLL60.html'), publication);
    expect(tei).toMatch(/<\/head>\s*<byline>By THE EDITORIAL DEPARTMENT <lb\/>OF "RENMIN RIBAO"<ref type="noteref"[^>]*>1<\/ref><\/byline>/);
    expect(tei).toMatch(/<\/head>\s*<head type="sub">(?:(?!<\/head>).)*to <\/hi><lb\/><hi rend="italic">Commemorate the 90th Anniversary(?:(?!<\/head>).)*<\/head>\s*<byline>LU TING-YI<\/byline>\s*<opener>\s*<salute>Comrades, Friends:<\/salute>/s);
    expect(tei).not.toContain('rend="byline"');
    const errors = (await validateTei(tei, 'LLL60.tei.xml')).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('PRKR64: a byline of thirteen words and two brackets standing apart (a bracket is no word; fourteen words at most) is one; the date under it the dateline', async () => {
    const ed = read('../marx2mao-tranche2/Other/PRKR64.html');
    expect(bylines(ed)).toEqual(["by the Editorial Departments of Renmin Ribao (People's Daily ) and Hongqi (Red Flag )"]);
    const tei = writeTei(ed, publication);
    expect(tei).toMatch(/<\/head>\s*<byline>by the Editorial Departments(?:(?!<\/byline>).)*<\/byline>\s*<dateline><date when="1964-03-31">/s);
    expect((await validateTei(tei, 'PRKR64.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
    // fourteen words are a byline, fifteen are not
    expect(markBylinesOf('by the Editorial Departments of Renmin Ribao (People\'s Daily ) and Hongqi (Red Flag ) today')).toBe('byline');
    expect(markBylinesOf('by the Editorial Departments of Renmin Ribao (People\'s Daily ) and Hongqi (Red Flag ) of today')).toBe('paragraph');
  });

  it('LLL60 (variant): a place and date under a byline (and a subtitle) is still read as the dateline under the title', () => {
    const path = join(fixtures, 'marx2mao/Other/LLL60.html');
    const html = readFileSync(path, 'latin1').replace(/(\n\s*LU TING-YI\n<\/B>)/, '$1<P>Peking, April 22, 1960');
    expect(html).toContain('Peking, April 22, 1960');
    const r = readMarx2mao(html, path);
    if (!r.ok) throw new Error('refused');
    const third = tops(r.edition)[2]!;
    expect(third.slice(1, 4)).toEqual([expect.stringMatching(/^subtitle:Report Delivered/), 'byline:LU TING-YI', 'dateline:Peking, April 22, 1960']);
  });

  it('CWF71: "by Frederick Engels" under the Introduction is its byline', async () => {
    const ed = read('M&E/CWF71.html');
    expect(bylines(ed)).toEqual(['by Frederick Engels']);
    const tei = writeTei(ed, publication);
    expect(tei).toMatch(/<head>(?:(?!<\/head>).)*INTRODUCTION(?:(?!<\/head>).)*<\/head>\s*<byline><hi rend="italic">by Frederick Engels<\/hi><\/byline>/s);
    expect((await validateTei(tei, 'CWF71.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('no other sample page has a byline (section titles in capitals, "BY MARX IN 1852" in a title stay headings)', () => {
    const dir = join(fixtures, 'marx2mao');
    const found: string[] = [];
    for (const author of readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory())) {
      for (const page of readdirSync(join(dir, author)).filter((f) => f.endsWith('.html'))) {
        const path = join(dir, author, page);
        const r = readMarx2mao(readFileSync(path), path);
        if (r.ok && bylines(r.edition).length) found.push(`${author}/${page}`);
      }
    }
    expect(found.sort()).toEqual(['M&E/CWF71.html', 'Other/LLL60.html']);
    // the pages whose capitals come closest: a speech's parts and a numbered section title
    expect(headings(read('Mao/SNC55.html'))).toEqual(expect.arrayContaining(['OPENING SPEECH', 'CONCLUDING SPEECH']));
    expect(headings(read('Stalin/PRC26.html'))).toContain('VIII SOME CONCLUSIONS');
  });

  it('AD78ii: a part\'s label alone (`PART II`) is no title; the line under it is the part\'s title, not a byline', () => {
    const path = join(fixtures, 'marx2mao-tranche2/M&E/AD78ii.html');
    const html = readFileSync(path, 'latin1');
    expect(html).toMatch(/PART&nbsp;II<\/FONT><P>\s*POLITICAL ECONOMY<\/B>/);
    const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
    if (!r.ok) throw new Error('not converted');
    expect(bylines(r.edition)).toEqual([]);
    expect(headings(r.edition)).toContain('PART II POLITICAL ECONOMY');
  });

  it('made-up blocks: a "By …" last line of a title is split off as its byline; "BY MARX IN 1852" in capitals stays in its title', () => {
    const t = (value: string) => ({ type: 'text' as const, value });
    const blocks: Block[] = [
      { type: 'heading', level: 1, children: [t('LONG LIVE LENINISM!'), { type: 'lb' }, t('By the Editorial Department of '), { type: 'emph', rend: 'italic', children: [t('Hongqi')] }] },
      { type: 'paragraph', children: [t('April 22 of this year …')] },
      { type: 'heading', level: 2, children: [t('THE PRESENTATION OF THE QUESTION'), { type: 'lb' }, t('BY MARX IN 1852')] },
      { type: 'paragraph', children: [t('In 1852 …')] },
    ];
    markBylines(blocks);
    expect(blocks.map((b) => `${b.type}:${plainText((b as { children: never[] }).children).trim()}`)).toEqual([
      'heading:LONG LIVE LENINISM!',
      'byline:By the Editorial Department of Hongqi',
      'paragraph:April 22 of this year …',
      'heading:THE PRESENTATION OF THE QUESTION BY MARX IN 1852',
      'paragraph:In 1852 …',
    ]);
  });
});
