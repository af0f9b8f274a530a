/**
 * A witness of another work is refused, not merged. Before, `teikit convert OSC53.html
 * identity-of-interests.md` ("On State Capitalism", 203 words, with the CMPA reprint of "The
 * Identity of Interests …", 3843) exited 0 with 84 word-difference warnings and wrote a TEI
 * carrying the reprint's page breaks (`<pb n="276" … source="#cmpa"/>`). Now the merge refuses it
 * with one `witness-mismatch` error at the witness's title (file:line:col), giving the share of
 * each witness's words the alignment matched and both titles: exit 1, nothing written, in
 * `convert` and in `build` alike. The threshold (half of each witness's words) is checked here
 * against the real pair and the sample pages the reprint comes nearest to.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { convertFiles } from '../src/convert.js';
import { mergeWitnesses } from '../src/merge/index.js';
import { MIN_MATCHED } from '../src/merge/same-text.js';
import { readCmpa } from '../src/readers/cmpa/index.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import type { Edition, ReadResult, WitnessAlignment } from '../src/model/types.js';
import { UserError } from '../src/model/diagnostics.js';
import { fixtures } from './support/tools.js';

const MD = join(fixtures, 'cmpa/identity-of-interests.md');
const page = (name: string) => join(fixtures, 'marx2mao', name);
const OSC53 = page('Mao/OSC53.html');
const TITLE = 'The Identity of Interests between the Soviet Union and All Mankind';

function ok(r: ReadResult): Edition {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.edition;
}
const m2m = (file: string, name = file) => ok(readMarx2mao(readFileSync(file), name));
const cmpa = (text = readFileSync(MD, 'utf8')) => ok(readCmpa(text, 'identity-of-interests.md'));
/** The share of each witness's words the alignment matched: the smaller of the two. */
const shareOf = (a: WitnessAlignment) => Math.min(a.matched / a.baseWords, a.matched / a.witnessWords);

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: process.stdin, cwd });
  return { code, stdout, lines: stderr.split('\n').filter(Boolean) };
}

describe('a witness of another work (OSC53.html + identity-of-interests.md)', () => {
  it('convertFiles refuses it: one witness-mismatch error at the witness\'s title, with the shares matched and the titles', async () => {
    const err = await convertFiles([OSC53, MD]).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.exitCode).toBe(1);
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(1);
    // line 33 of the reprint is its `## THE IDENTITY OF INTERESTS …` heading
    expect(readFileSync(MD, 'utf8').split('\n')[32]).toMatch(/^## THE IDENTITY OF INTERESTS/);
    expect(lines[0]).toBe(
      `${MD}:33:1: error witness-mismatch: cmpa is not a witness of the base's text, so it is not merged: the word alignment matches 91 words, ` +
        `2.4% of its 3843 and 44.8% of the base's 203 (m2m, ${OSC53}), where two witnesses of one text match at least 50% of each; ` +
        `it is titled "${TITLE}", the base "On State Capitalism"`,
    );
    expect(e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['witness-mismatch']);
  });

  it('the other way round too, at the marx2mao page\'s title', async () => {
    const err = (await convertFiles([MD, OSC53]).then(() => undefined, (e: unknown) => e)) as UserError;
    const source = readFileSync(OSC53, 'latin1').split('\n');
    const [, line, column] = /:(\d+):(\d+): error witness-mismatch: m2m is not a witness/.exec(err.message)!;
    // the heading's text begins there (after `<FONT SIZE=+1>`, its words on a line below)
    expect([source[Number(line) - 1]!.slice(Number(column) - 1), ...source.slice(Number(line), Number(line) + 2)].join('\n')).toMatch(/^\s*&nbsp; ON STATE CAPITALISM/);
    expect(err.message).toContain('44.8% of its 203 and 2.4% of the base\'s 3843');
  });

  it('mergeWitnesses takes nothing from it: no page break, repair, witness entry or alignment', () => {
    const base = m2m(OSC53, 'OSC53.html');
    const merged = mergeWitnesses(base, [cmpa()]);
    // nothing of the reprint's own diagnostics or of the comparison, only the refusal
    expect(merged.diagnostics.filter((d) => !base.diagnostics.includes(d)).map((d) => d.code)).toEqual(['witness-mismatch']);
    // the base's own entries (listed print first), not completed from the reprint's
    expect(merged.witnesses).toHaveLength(base.witnesses.length);
    expect(merged.witnesses).toEqual(expect.arrayContaining(base.witnesses));
    expect(merged.repairs).toEqual(base.repairs);
    expect(merged.alignments).toBeUndefined();
    expect(JSON.stringify(merged.body)).toBe(JSON.stringify(base.body));
    expect(JSON.stringify(merged.body)).not.toContain('"cmpa"');
  });

  it('teikit convert: exit 1, the one error line, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-mismatch-'));
    const r = await cli(['convert', OSC53, MD, '-o', 'mis.xml', '--report', 'mis.report.json'], dir);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => / error /.test(l))).toEqual([expect.stringMatching(/^\S+identity-of-interests\.md:33:1: error witness-mismatch: /)]);
    expect(existsSync(join(dir, 'mis.xml')) || existsSync(join(dir, 'mis.report.json'))).toBe(false);
  });

  it('teikit build: the edition whose edition.json names it fails the same way; the others are built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-mismatch-build-'));
    const publication = { publisher: 'Test', licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, date: '2026-12-07' };
    const edition = (id: string, base: string, files: string[]) => {
      mkdirSync(join(dir, 'editions', id), { recursive: true });
      for (const f of files) copyFileSync(f, join(dir, 'editions', id, f.split('/').pop()!));
      writeFileSync(join(dir, 'editions', id, 'edition.json'), JSON.stringify({
        id, title: TITLE, base: { file: base, format: 'marx2mao' }, witnesses: [{ file: 'identity-of-interests.md', format: 'cmpa' }], publication,
      }));
    };
    edition('wrong', 'OSC53.html', [OSC53, MD]);
    edition('right', 'SU39.html', [page('Mao/SU39.html'), MD]);
    const r = await cli(['build', 'editions', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => / error /.test(l))).toEqual([expect.stringMatching(/^editions\/wrong\/identity-of-interests\.md:33:1: error witness-mismatch: cmpa is not a witness of the base's text/)]);
    expect(existsSync(join(dir, 'out/wrong'))).toBe(false);
    expect(existsSync(join(dir, 'out/right/right.tei.xml'))).toBe(true);
  });
});

describe('the threshold, on real pairs', () => {
  it('witnesses of one text match nearly all of each other\'s words: far above it', () => {
    const su39 = m2m(page('Mao/SU39.html'), 'SU39.html');
    const alignments = [
      ...mergeWitnesses(su39, [cmpa()]).alignments!,
      ...mergeWitnesses(cmpa(), [su39]).alignments!,
      // a reprint with words changed (test/merge-real.test.ts's doctored reprint)
      ...mergeWitnesses(su39, [cmpa(readFileSync(MD, 'utf8').replace('the sugary propaganda', 'the sweet propaganda').replace('Expedition thirteen years', 'Expedition years'))]).alignments!,
      // the accounting's made-up pair: the reprint reads one word more
      ...mergeWitnesses(m2m(join(fixtures, 'accounting/WP12.html'), 'WP12.html'), [ok(readCmpa(readFileSync(join(fixtures, 'accounting/WP12-reprint.md'), 'utf8'), 'WP12-reprint.md'))]).alignments!,
    ];
    expect(alignments).toHaveLength(4);
    for (const a of alignments) expect(shareOf(a) - MIN_MATCHED).toBeGreaterThan(0.45);
  });

  it('the reprint against the sample pages it comes nearest to: far below it, each refused', () => {
    // the pages of the sample whose words the reprint's alignment matches the largest share of
    for (const name of ['Mao/OSC53.html', 'Mao/NYD52.html', 'Mao/CPV50.html', 'Mao/CPV52.html']) {
      const merged = mergeWitnesses(m2m(page(name)), [cmpa()]);
      const refusal = merged.diagnostics.find((d) => d.code === 'witness-mismatch');
      expect(refusal, name).toBeDefined();
      const [, matched, ofWitness, ofBase] = /matches (\d+) words, ([\d.]+)% of its 3843 and ([\d.]+)% of the base's/.exec(refusal!.message)!;
      expect(Number(matched), name).toBeGreaterThan(0);
      // common words, matched here and there: a few percent of the reprint, under half of the page
      expect(MIN_MATCHED * 100 - Number(ofWitness), name).toBeGreaterThan(45);
      expect(Number(ofBase), name).toBeLessThan(MIN_MATCHED * 100);
    }
  });

  it('a long page the alignment gives up on is refused on the bound of what could match', () => {
    const merged = mergeWitnesses(m2m(page('Mao/SCKS45.html')), [cmpa()]);
    expect(merged.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringMatching(/^cmpa is not a witness of the base's text, so it is not merged: the word alignment finds more than 4000 differences, so it matches at most 976 words, 25\.4% of its 3843/),
    ]);
  });

  it('a long witness of the same page with many changed words is not called another work: the merge cannot align it', () => {
    const bytes = readFileSync(page('Lenin/SR17.html'));
    const doctored = Buffer.from(bytes.toString('latin1').replace(/ the /g, ' a '), 'latin1');
    const merged = mergeWitnesses(m2m(page('Lenin/SR17.html'), 'SR17.html'), [ok(readMarx2mao(doctored, 'SR17-doctored.html'))]);
    // every " the " read " a ": more than 4000 differences, yet up to 95% of the words could match
    expect(merged.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file, d.message])).toEqual([[
      'witnesses-unaligned', 'SR17-doctored.html',
      expect.stringMatching(/^m2m differs from the base, m2m \(SR17\.html\), in more than 4000 places: the merge cannot align them, so nothing is taken from it; both are titled "/),
    ]]);
  });
});
