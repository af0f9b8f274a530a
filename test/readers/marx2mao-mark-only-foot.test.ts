/**
 * A foot note whose small FONT holds its mark alone (`<FONT SIZE=-1>&nbsp &nbsp * </FONT>`), its
 * words printed after the FONT up to the next page marker (SR17, p. 92 of the sample). On every
 * sample page with that pattern (found in the HTML with regular expressions, not by the reader):
 * the note's first words are in the TEI's foot note, not in the running text, and the conversion
 * accounts for every word and note of the page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles } from '../../src/convert.js';
import { fixtures } from '../support/tools.js';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : /\.html?$/.test(name) ? [path] : [];
  });
}

const RULE_THEN_FONT = /<HR\b[^>]*ALIGN=left[^>]*>\s*(?:<A\s[^>]*>\s*)*<FONT SIZE=-1>((?:(?!<FONT)[\s\S])*?)<\/FONT>([\s\S]{0,400})/gi;
const plain = (html: string) => html.replace(/<[^>]*>|&nbsp;?/gi, ' ').replace(/\s+/g, ' ').trim();

/** The first words printed after each mark-only foot FONT of a page. */
function markOnlyNotes(html: string): string[] {
  return [...html.matchAll(RULE_THEN_FONT)]
    .filter((m) => /^(?:\[?\*{1,4}\]?|\[\d{1,3}\]|\d{1,3}\.)$/.test(plain(m[1]!)))
    .map((m) => plain(m[2]!).replace(/^\*+/, '').split(' ').slice(0, 6).join(' '));
}

const sample = [...pages(join(fixtures, 'marx2mao')), ...pages(join(fixtures, 'marx2mao-tranche2'))];
const found = sample.map((path) => ({ path, notes: markOnlyNotes(readFileSync(path, 'latin1')) })).filter((p) => p.notes.length > 0);

describe('a foot note whose FONT holds its mark alone (marx2mao)', () => {
  it('the sample has the pattern', () => {
    expect(found.map((p) => p.path.slice(fixtures.length + 1))).toEqual(['marx2mao/Lenin/SR17.html']);
  });

  it.each(found.map((p) => [p.path.slice(fixtures.length + 1), p]))('%s: the words after the mark are the note, and all is accounted for', async (_name, page) => {
    const { tei, diagnostics } = await convertFiles([page.path], {});
    const notes = [...tei.matchAll(/<note\b[^>]*place="foot"[^>]*>([\s\S]*?)<\/note>/g)].map((m) => plain(m[1]!));
    const body = plain(tei.slice(tei.search(/<text[\s>]/)).replace(/<note\b[\s\S]*?<\/note>/g, ' '));
    for (const first of page.notes) {
      expect(first.split(' ')).toHaveLength(6);
      expect(notes.some((n) => n.includes(first)), first).toBe(true);
      expect(body, first).not.toContain(first);
    }
    expect(notes.every((n) => n.length > 0)).toBe(true);
    expect(diagnostics.filter((d) => d.code.startsWith('unaccounted'))).toEqual([]);
  });

  it('SDVNQ04: small type opening with a star after the page\'s foot notes, before the page ends, is a foot note too (a note on a note), linked from its mark in the note before it', async () => {
    const path = join(fixtures, 'marx2mao-tranche2/Stalin/SDVNQ04.html');
    const html = readFileSync(path, 'latin1');
    // the source: the foot FONT closed, then <P><FONT SIZE=-2> * I must observe …</FONT>, then the page marker
    expect(html).toMatch(/<\/FONT>\s*<P>\s*<FONT SIZE=-2>\s*&nbsp &nbsp\s*\* I must observe[^<]*<\/FONT>\s*<P ALIGN=right><FONT SIZE=-2><B>page 53<\/B>/);
    const { tei, diagnostics } = await convertFiles([path], {});
    expect(tei).toMatch(/<note xml:id="fn\d+" n="\*" place="foot" target="#fnr\d+"><p>I must observe that some abnormal "individuals"/);
    expect(tei).not.toMatch(/<p>\* I must observe/);
    expect(diagnostics.filter((d) => d.code.startsWith('unaccounted'))).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'note-unreferenced' && d.line === 382)).toEqual([]);
  });

  it('SR17: the word broken over pages 92 and 93 around that note is one word, its page break inside it', async () => {
    const { tei } = await convertFiles([join(fixtures, 'marx2mao/Lenin/SR17.html')], {});
    expect(tei).toMatch(/the right of na<pb n="93"[^>]*break="no"[^>]*\/>tions to self-determination/);
  });
});
