/**
 * Anchors named for a print page (`<A NAME="p149">`, a second one `p156a`): the places the notes'
 * back-references `[p. 149]` point to. The source sets many of them after a page's last words,
 * before its foot notes and the next page's marker; they must stay on the page they name, not
 * land after the marker with the next words (which made `teikit validate` report the note's
 * `ptr type="pageref"` as pointing to another page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };

/** Each `<A NAME="pN…">` of the source with the page it stands on (the last marker before it). */
function sourceAnchors(html: string): Map<string, string> {
  const out = new Map<string, string>();
  let page = '';
  for (const m of html.matchAll(/<B>page (\d+)<\/B>|<A NAME="(p\d+[a-z]?)">/gi)) {
    if (m[1]) page = m[1];
    else out.set(`a-${m[2]!}`, page);
  }
  return out;
}

/** Each anchor of the TEI with the page it stands on. */
function teiAnchors(tei: string): Map<string, string> {
  const out = new Map<string, string>();
  let page = '';
  for (const m of tei.matchAll(/<pb n="([^"]+)"|<anchor xml:id="(a-p\d+[a-z]?)"\/>/g)) {
    if (m[1]) page = m[1];
    else out.set(m[2]!, page);
  }
  return out;
}

describe('an anchor named for its page stays on it', () => {
  it.each(['Lenin/ER97.html', 'Lenin/HWR97.html', 'Lenin/OSF04.html', 'Lenin/APSD02.html', 'Stalin/ML50.html'])('%s (real)', (page) => {
    const path = join(fixtures, 'marx2mao-tranche2', page);
    const html = readFileSync(path, 'latin1');
    const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const tei = teiAnchors(writeTei(r.edition, publication));
    // the anchors the source sets on the page they name, before the next page's marker
    const onTheirPage = [...sourceAnchors(html)].filter(([id, on]) => id.replace(/^a-p|[a-z]$/g, '') === on);
    expect(onTheirPage.length).toBeGreaterThan(0);
    const misplaced = onTheirPage.filter(([id, on]) => tei.get(id) !== on).map(([id, on]) => `${id} on page ${tei.get(id)}, not ${on}`);
    expect(misplaced).toEqual([]);
  });

  it('ER97: the back-reference target before page 149\'s foot notes stays before the marker of page 150', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Lenin/ER97.html');
    const html = readFileSync(path, 'latin1');
    expect(html).toMatch(/<A NAME="p149">\s*<HR SIZE=1[^>]*>[\s\S]{0,3000}?<B>page 150<\/B>/);
    const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
    if (!r.ok) throw new Error('not converted');
    const tei = writeTei(r.edition, publication);
    expect(tei).toMatch(/<anchor xml:id="a-p149"\/><note [^>]*place="foot"[\s\S]*?<\/note><pb n="150"/);
  });
});
