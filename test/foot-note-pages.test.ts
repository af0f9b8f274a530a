/**
 * Every foot note of the sample on its own print page: a note at the foot of a page that a
 * paragraph runs over, not its first, stands inside the paragraph before the page break that
 * ends its page (51 notes of the sample had been put before the paragraph, on an earlier page
 * than their own and before their reference). The page of each source foot block is read from
 * the HTML with regular expressions (the last marker before its rule); each TEI foot note is
 * found in one block by its first six words. The renditions show such a note after its paragraph,
 * the HTML with the page it is printed on, which the site's search reads.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { renderHtml, renderText } from '../src/render/index.js';
import { printPages } from '../src/site/print-pages.js';
import { fixtures } from './support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-06' };

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : /\.html?$/.test(name) ? [path] : [];
  });
}

const words = (text: string) => text.toLowerCase().replace(/--|—/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const MARKER = /<B>\s*(?:<FONT[^>]*>\s*)?page\s*([0-9]+[a-z]?|[ivxlcdm]+)\b/gi;

/** The source's foot blocks (a short left rule to the next page marker): page and words. Those
 * printed after the last NOTES heading (a note on the title, CO47) are placed by their
 * reference, not by their page, and are left out. */
function footBlocks(html: string): { page: string; text: string }[] {
  const markers = [...html.matchAll(MARKER)].map((m) => ({ at: m.index, n: m[1]! }));
  const notes = [...html.matchAll(/>\s*NOTES\s*</g)].at(-1)?.index ?? -1;
  const out: { page: string; text: string }[] = [];
  for (const m of html.matchAll(/<HR\b[^>]*WIDTH=(\d+)%[^>]*ALIGN=left[^>]*>/gi)) {
    if (Number(m[1]) > 25 || (notes >= 0 && m.index > notes)) continue;
    const page = markers.filter((k) => k.at < m.index).at(-1)?.n;
    const end = markers.find((k) => k.at > m.index)?.at ?? html.length;
    if (page) out.push({ page, text: ` ${words(decodeHTML(html.slice(m.index, end).replace(/<[^>]*>/g, ' '))).join(' ')} ` });
  }
  return out;
}

/** Each foot note of a TEI: its first six words and the n of the last page break before it. */
function teiFootNotes(tei: string): { key: string; page: string | undefined }[] {
  const body = tei.slice(tei.search(/<text[\s>]/)).replace(/<orig>[\s\S]*?<\/orig>/g, '');
  const out: { key: string; page: string | undefined }[] = [];
  for (const m of body.matchAll(/<note\b[^>]*place="foot"[^>]*>([\s\S]*?)<\/note>/g)) {
    const page = [...body.slice(0, m.index).matchAll(/<pb n="([^"]*)"/g)].at(-1)?.[1];
    const ws = words(decodeHTML(m[1]!.replace(/<[^>]*>/g, ' ')));
    if (ws.length >= 6) out.push({ key: ` ${ws.slice(0, 6).join(' ')} `, page });
  }
  return out;
}

describe('foot notes on their print page (marx2mao sample)', () => {
  it('each foot note found in one source foot block stands on that block\'s page', () => {
    let matched = 0;
    const wrong: string[] = [];
    for (const file of [...pages(join(fixtures, 'marx2mao')), ...pages(join(fixtures, 'marx2mao-tranche2'))]) {
      const r = readMarx2mao(readFileSync(file), file);
      if (!r.ok) continue;
      const blocks = footBlocks(readFileSync(file, 'latin1'));
      for (const note of teiFootNotes(writeTei(r.edition, publication))) {
        const found = blocks.filter((b) => b.text.includes(note.key));
        if (found.length !== 1) continue;
        matched++;
        if (found[0]!.page !== note.page) wrong.push(`${file.slice(fixtures.length + 1)}: "${note.key.trim()}" on p. ${note.page}, printed on p. ${found[0]!.page}`);
      }
    }
    expect(matched).toBeGreaterThan(700);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('DCRii: the note of page 75 is inside the paragraph of pages 74-75, before page 76, after its reference; the renditions show it after the paragraph', async () => {
    const file = join(fixtures, 'marx2mao-tranche2/Lenin/DCRii.html');
    const r = readMarx2mao(readFileSync(file), file);
    if (!r.ok) throw new Error('refused');
    const tei = writeTei(r.edition, publication);
    const note = /<note xml:id="(fn\d+)"[^>]*><p>"Zemstvo statistics prove/.exec(tei);
    expect(note).not.toBeNull();
    const para = tei.slice(tei.lastIndexOf('<p>', note!.index), tei.indexOf('</p>', tei.indexOf('</note>', note!.index)));
    expect(para.startsWith('<p>It is quite natural')).toBe(true);
    expect(para).toMatch(new RegExp(`<pb n="75"[^>]*/>[\\s\\S]*<ref type="noteref"[^>]*target="#${note![1]}"[\\s\\S]*<note xml:id="${note![1]}"[\\s\\S]*<pb n="76"`));
    const html = await renderHtml(tei);
    const aside = html.indexOf(`<aside id="${note![1]}"`);
    expect(aside).toBeGreaterThan(0);
    // the paragraph ends before the note: its page break to 76 is above, inside the paragraph
    expect(html.lastIndexOf('</p>', aside)).toBeGreaterThan(html.lastIndexOf('id="p76"', aside));
    const text = await renderText(tei);
    expect(text).toMatch(/\n\n\[\*\] "Zemstvo statistics prove/);
    // shown after the paragraph, it names its page: the site's search puts its words on page 75
    expect(html.slice(aside, html.indexOf('>', aside))).toContain('data-page="p75"');
    const pages = printPages(html);
    expect(pages.find((p) => p.n === '75')!.text).toContain('"Zemstvo statistics prove');
    expect(pages.find((p) => p.n === '76')!.text).not.toContain('"Zemstvo statistics prove');
  });

  it('a foot note nothing refers to stays a block before the paragraph (inside it, the renditions would print a mark for it)', () => {
    // DCRii with the mark of the note of page 75 taken out
    const html = readFileSync(join(fixtures, 'marx2mao-tranche2/Lenin/DCRii.html'), 'latin1');
    expect(html).toContain('for the central gubernias of Russia.* The further');
    const dir = mkdtempSync(join(tmpdir(), 'teikit-foot-'));
    const file = join(dir, 'DCRii.html');
    writeFileSync(file, html.replace('for the central gubernias of Russia.* The further', 'for the central gubernias of Russia. The further'), 'latin1');
    const r = readMarx2mao(readFileSync(file), file);
    if (!r.ok) throw new Error('refused');
    const tei = writeTei(r.edition, publication);
    const note = /<note xml:id="(fn\d+)"[^>]*type="unreferenced"[^>]*><p>"Zemstvo statistics prove/.exec(tei);
    expect(note).not.toBeNull();
    // a block: what stands before it (a paragraph, the page's other foot note) is closed
    expect(tei.slice(0, note!.index).trimEnd()).toMatch(/<\/(p|note)>$/);
    // and the paragraph of pages 74-75 holds no note
    const para = tei.slice(tei.indexOf('<p>It is quite natural'), tei.indexOf('</p>', tei.indexOf('<p>It is quite natural')));
    expect(para).toContain('<pb n="75"');
    expect(para).not.toContain('<note');
  });
});
