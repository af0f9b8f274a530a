/**
 * A hyphen before a print page break (src/readers/shared/word-break.ts): the page's own words
 * decide first, then the words of the FLP texts (data/flp-lexicon.txt), then the prefixes FLP
 * hyphenates as compounds. Real pages: BSEP26 breaks `pre-` / page 177 / `pare`, which the prefix
 * rule alone kept as `pre-pare`; TUTB21 breaks `school-` / page 95 / `of-communism`, which was
 * joined as `schoolof-communism`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideHyphen } from '../../src/readers/shared/word-break.js';
import { lexiconCount } from '../../src/readers/lexicon.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { fixtures } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-07' };

function tei(page: string): { html: string; tei: string } {
  const path = join(fixtures, page);
  const html = readFileSync(path, 'latin1');
  const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return { html, tei: writeTei(r.edition, publication) };
}

describe('a hyphen at a page break, decided by the FLP texts where the page says nothing', () => {
  it('joins `pre-` / `pare` as `prepare` (real: Stalin/BSEP26.html, page 177)', () => {
    const { html, tei: xml } = tei('marx2mao-tranche2/Stalin/BSEP26.html');
    // the source breaks the word there, and the page has neither form elsewhere
    expect(html).toMatch(/to pre-\s*<P ALIGN=right><FONT SIZE=-2><B>page 177<\/B><\/FONT><P>\s*pare /);
    expect(html.match(/\bprepare\b|\bpre-pare\b/gi)).toBeNull();
    expect(xml).toMatch(/to pre<pb n="177"[^>]* break="no" rend="hyphen"\/>pare /);
    expect(xml).toMatch(/<hyphenation eol="none">/);
  });

  it('keeps `school-` / `of-communism` hyphenated, as the page prints it elsewhere (real: Lenin/TUTB21.html)', () => {
    const { html, tei: xml } = tei('marx2mao-tranche2/Lenin/TUTB21.html');
    expect(html).toMatch(/the school-\s[\s\S]{0,3000}?page 95<\/B><\/FONT><P>\s*of-communism idea/);
    // the evidence: the whole compound, not only `school-of`, is what the page has elsewhere
    expect(html.match(/school-of-communism/g)).toHaveLength(1);
    expect(xml).toMatch(/the school-<pb n="95"[^>]* break="no"\/>of-communism idea/);
  });

  it('joins a compound\'s first word split at the break (`coun-` / `ter-revolutionary`; variant of BSEP26)', () => {
    const path = join(fixtures, 'marx2mao-tranche2/Stalin/BSEP26.html');
    const source = readFileSync(path, 'latin1');
    const html = source.replace(/is to pre-(\s*<P ALIGN=right><FONT SIZE=-2><B>page 177<\/B><\/FONT><P>\s*)pare their forces/, 'is to fight the coun-$1ter-revolutionary forces');
    expect(html).not.toBe(source);
    // the page prints the compound nowhere else, whole or hyphenated
    expect(html.match(/counter-revolutionary|coun-ter-revolutionary/gi)).toBeNull();
    const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
    if (!r.ok) throw new Error('not converted');
    expect(writeTei(r.edition, publication)).toMatch(/the coun<pb n="177"[^>]* break="no" rend="hyphen"\/>ter-revolutionary forces/);
    for (const [before, after, word] of [['work-', 'ing-class', 'hyphen'], ['pet-', 'ty-bourgeois', 'hyphen'], ['semi-', 'colonial-minded', 'compound']] as const) {
      expect(decideHyphen(before, after, '').wordBreak, `${before}${after}`).toBe(word);
    }
  });

  it('takes the page\'s own evidence over the lexicon, and the lexicon over the prefix rule', () => {
    // the page has the hyphenated form: kept, whatever the lexicon says
    expect(decideHyphen('pre-', 'pare', 'we must pre-pare them').wordBreak).toBe('compound');
    // no evidence on the page: the FLP texts have `prepare`, never `pre-pare`
    expect(lexiconCount('prepare')).toBeGreaterThan(10);
    expect(lexiconCount('pre-pare')).toBe(0);
    const prepare = decideHyphen('pre-', 'pare', '');
    expect(prepare.wordBreak).toBe('hyphen');
    expect(prepare.evidence).toMatch(/FLP texts have "prepare" \d+ time/);
    // and they have `non-aggression`, never `nonaggression`
    expect(decideHyphen('non-', 'aggression', '').wordBreak).toBe('compound');
    // a part after the break hyphenated on: a compound's, whatever else is known
    const chain = decideHyphen('zqx-', 'of-wvy', '');
    expect([chain.wordBreak, chain.evidence]).toEqual(['compound', 'the second part "of-wvy" is itself hyphenated']);
    // neither form known anywhere: the prefix rule, as before
    expect(decideHyphen('pre-', 'zqxw', '').wordBreak).toBe('compound');
    expect(decideHyphen('zqx-', 'wvy', '').wordBreak).toBe('hyphen');
  });
});
