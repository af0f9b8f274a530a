/**
 * Page markers and title blocks in the shapes the second tranche of the site showed, each on a
 * MADE-UP page in the site's conventions (test/fixtures/marx2mao-made/…, not copies of real pages).
 * Expectations are read from the HTML with regular expressions, not from the reader; every TEI is
 * checked against teikit's schema and rules and against tei_all (jing).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Edition, Inline, PageBreak } from '../../src/model/types.js';
import { forEachBlock } from '../../src/model/walk.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };
const made = (rel: string) => join(fixtures, 'marx2mao-made', rel);

function readMade(rel: string): { ed: Edition; html: string } {
  const path = made(rel);
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return { ed: r.edition, html: readFileSync(path, 'latin1') };
}

/** Every page break of the model, in document order. */
function pageBreaks(blocks: Block[]): PageBreak[] {
  const out: PageBreak[] = [];
  const inl = (list: Inline[]) => {
    for (const i of list) {
      if (i.type === 'pb') out.push(i);
      if ('children' in i) inl(i.children);
    }
  };
  forEachBlock(blocks, (b) => {
    if (b.type === 'pbBlock') out.push(b.pb);
    else if ('children' in b) inl(b.children);
  });
  return out;
}

/** The TEI is valid for teikit (schema and rules) and for tei_all. */
async function expectValid(tei: string, name: string): Promise<void> {
  expect((await validateTei(tei, name)).filter((d) => d.severity === 'error')).toEqual([]);
  if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
  const file = join(mkdtempSync(join(tmpdir(), 'teikit-pages-')), name);
  writeFileSync(file, tei);
  expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
}

describe('page markers without a space or with a remark (made-up Lenin/PM99.html)', () => {
  it('makes a page break of every marker, with its number and its remark', () => {
    const { ed, html } = readMade('Lenin/PM99.html');
    // from the HTML: every `page N` in bold, with a bracketed word before or after it
    const expected = [...html.matchAll(/(?:\[(\w+)\]\s*)?<B>page\s*(\d+)(?:\s*\[(\w+)\])?<\/B>(?:<\/FONT>)?\s*(?:\[(\w+)\])?/g)].map((m) => ({
      n: m[2]!,
      remark: (m[1] ?? m[3] ?? m[4])?.toLowerCase(),
    }));
    expect(expected).toHaveLength(8);
    expect(expected.filter((e) => e.remark).length).toBe(4);
    expect(pageBreaks(ed.body).map((pb) => ({ n: pb.n, remark: pb.remark }))).toEqual(expected);
    expect(ed.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps neither "page52" nor a remark as text: a blank page is not text', () => {
    const { ed } = readMade('Lenin/PM99.html');
    const tei = writeTei(ed, publication);
    const body = tei.slice(tei.indexOf('<text>'));
    expect(body).not.toMatch(/page\s*\d|\[blank\]|\[facsimile\]|>\s*blank\s*</i);
    expect(body).toContain('when the <pb n="52" edRef="#flp" source="#m2m"/>warehouses');
    expect([...body.matchAll(/<pb n="(\d+)"[^>]*type="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['53:facsimile', '54:blank', '56:blank', '57:blank']);
  });

  it('titles the page with every word of its two headings and the word joining them', () => {
    const { ed, html } = readMade('Lenin/PM99.html');
    const [, joining] = html.match(/<\/H2><P><BR>\s*(\w+)<P><BR>/)!;
    expect(joining).toBe('and');
    expect(ed.work.title).toBe('A Letter to the Weavers and on the Printing of Leaflets');
  });

  it('writes TEI valid for teikit and tei_all', async () => {
    await expectValid(writeTei(readMade('Lenin/PM99.html').ed, publication), 'PM99.tei.xml');
  });
});
