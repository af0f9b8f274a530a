/**
 * The accounting on the command line: each unaccounted item is a warning at its source position,
 * `--strict` makes it an error (exit 1, nothing written) on `convert` and `build`, and `build`
 * counts them per edition. The made-up edition is a small marx2mao page (WP12.html) and a reprint
 * of it that reads one word more ("quietly"): the TEI keeps the base text, so the reprint's word
 * is a variant the TEI does not carry, which the accounting must say, at the reprint's position.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { accountConversion, fidelityDiagnostics } from '../src/accounting/index.js';
import { fixtures, repoRoot, teiAllRng, which } from './support/tools.js';
import { jingValidate } from './support/jing.js';

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: process.stdin, cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-accounting-'));
  const ed = join(dir, 'editions/wp12');
  mkdirSync(ed, { recursive: true });
  for (const f of ['WP12.html', 'WP12-reprint.md']) copyFileSync(join(fixtures, 'accounting', f), join(ed, f));
  writeFileSync(join(ed, 'edition.json'), JSON.stringify({
    id: 'wp12',
    title: 'A Made-up Work on Words',
    base: { file: 'WP12.html', format: 'marx2mao' },
    witnesses: [{ file: 'WP12-reprint.md', format: 'cmpa' }],
    publication: { publisher: 'Test', licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, date: '2026-12-04' },
  }));
  return dir;
}

const reprint = readFileSync(join(fixtures, 'accounting/WP12-reprint.md'), 'utf8');
const quietly = (() => {
  const lines = reprint.split('\n');
  const i = lines.findIndex((l) => l.includes('quietly'));
  return `${i + 1}:${lines[i]!.indexOf('quietly') + 1}`;
})();

describe('the accounting on the command line', () => {
  it('convert: a warning at the source position, the report\'s fidelity section; --strict: exit 1, nothing written', async () => {
    const dir = workDir();
    const files = ['editions/wp12/WP12.html', 'editions/wp12/WP12-reprint.md'];
    const ok = await cli(['convert', ...files, '-o', 'wp12.tei.xml', '--report', 'wp12.report.json'], dir);
    expect(ok.code).toBe(0);
    expect(ok.lines).toContain(`editions/wp12/WP12-reprint.md:${quietly}: warning unaccounted-words: 1 word(s) of the body not in the TEI: «quietly»`);
    const report = JSON.parse(readFileSync(join(dir, 'wp12.report.json'), 'utf8'));
    expect(report.fidelity.unaccounted).toBe(1);
    expect(report.fidelity.sources.map((s: { role: string; unaccounted: unknown[] }) => [s.role, s.unaccounted.length])).toEqual([['base', 0], ['witness', 1]]);
    expect(report.fidelity.sources[0].recall).toEqual({ body: 1, endnotes: 1, foot: 1 });
    expect(report.diagnostics.filter((d: { code: string }) => d.code.startsWith('unaccounted-'))).toHaveLength(1);

    const strict = await cli(['convert', ...files, '-o', 'strict.tei.xml', '--report', 'strict.report.json', '--strict'], dir);
    expect(strict.code).toBe(1);
    // the conversion's warnings too, in the same order: only the unaccounted item became an error
    const warning = `editions/wp12/WP12-reprint.md:${quietly}: warning unaccounted-words: 1 word(s) of the body not in the TEI: «quietly»`;
    expect(strict.lines).toEqual(ok.lines.map((l) => (l === warning ? warning.replace(': warning ', ': error ') : l)));
    expect(strict.lines.filter((l) => / error /.test(l))).toHaveLength(1);
    expect(existsSync(join(dir, 'strict.tei.xml')) || existsSync(join(dir, 'strict.report.json'))).toBe(false);
    // the base alone is fully accounted for: --strict converts it
    expect((await cli(['convert', files[0]!, '-o', 'base.tei.xml', '--strict'], dir)).code).toBe(0);
  });

  it('build: the count on the edition\'s line; --strict fails the edition and writes nothing', async () => {
    const dir = workDir();
    const built = await cli(['build', 'editions', '-o', 'out'], dir);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^wp12: .*, 1 unaccounted$/m);
    const strict = await cli(['build', 'editions', '-o', 'strict-out', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.lines).toContain(`editions/wp12/WP12-reprint.md:${quietly}: error unaccounted-words: 1 word(s) of the body not in the TEI: «quietly»`);
    expect(existsSync(join(dir, 'strict-out/wp12'))).toBe(false);
  });

  it('the bundled edition (marx2mao base, CMPA witness) is fully accounted for: --strict converts it', async () => {
    const ed = 'editions/identity-of-interests';
    const r = await cli(['convert', `${ed}/SU39.html`, `${ed}/identity-of-interests.md`, '-o', '-', '--strict'], repoRoot);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines.filter((l) => l.includes('unaccounted'))).toEqual([]);
  });

  it('a CMPA reference whose note is lost: one warning at the reference, the mark kept as text, not words the TEI added', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-orphan-ref-'));
    const real = readFileSync(join(fixtures, 'cmpa/identity-of-interests.md'), 'utf8');
    const lines = real.split('\n');
    const note3 = lines.findIndex((l) => l.startsWith('[3] '));
    expect(note3).toBeGreaterThan(0);
    writeFileSync(join(dir, 'copy.md'), [...lines.slice(0, note3), ...lines.slice(note3 + 1)].join('\n'));
    const refLine = lines.findIndex((l) => l.includes('knows this.<sup>[3]</sup>'));
    const at = `copy.md:${refLine + 1}:${lines[refLine]!.indexOf('<sup>[3]') + 1}`;
    const about = (r: { lines: string[] }) => r.lines.filter((l) => /note-|unaccounted-/.test(l));
    const r = await cli(['convert', 'copy.md', '-o', 'copy.tei.xml', '--report', 'copy.report.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(about(r)).toEqual([
      `${at}: warning note-missing: reference [3] has no note 3 in the notes section: the TEI keeps its mark, [3], as text, unlinked, unless another witness has the note`,
    ]);
    const tei = readFileSync(join(dir, 'copy.tei.xml'), 'utf8');
    expect(tei).toContain('knows this.[3] It was');
    expect(tei).not.toContain('target="#n3"');
    // the accounting has nothing to say: --strict, which fails on what it finds, writes the TEI
    const strict = await cli(['convert', 'copy.md', '-o', 'strict.tei.xml', '--strict'], dir);
    expect([strict.code, about(strict)]).toEqual([0, about(r)]);
    expect(JSON.parse(readFileSync(join(dir, 'copy.report.json'), 'utf8')).fidelity.unaccounted).toBe(0);
    // a mark the TEI lost is still unaccounted for (the accounting of the same source, directly)
    const lost = accountConversion([{ file: at.split(':')[0]!, format: 'cmpa', bytes: readFileSync(join(dir, 'copy.md')), role: 'base' }], tei.replace('this.[3] It', 'this. It'));
    expect(fidelityDiagnostics(lost).map((d) => `${d.file}:${d.line}:${d.column}: ${d.code}`)).toEqual([`${at}: unaccounted-noteref`]);
    // the TEI stays valid: teikit's gate passed it; tei_all too
    const rng = teiAllRng();
    if (which('jing') && rng) expect(await jingValidate(rng, [join(dir, 'copy.tei.xml')])).toEqual([]);
    // with a witness that has the note (the marx2mao page as base), the reference is linked: the
    // reprint's note-missing stays true of the reprint, and the accounting of either finds nothing
    copyFileSync(join(repoRoot, 'editions/identity-of-interests/SU39.html'), join(dir, 'SU39.html'));
    const merged = await cli(['convert', 'SU39.html', 'copy.md', '-o', 'merged.tei.xml'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.lines.filter((l) => /unaccounted-/.test(l))).toEqual([]);
    expect(readFileSync(join(dir, 'merged.tei.xml'), 'utf8')).toContain('knows this.<ref type="noteref" xml:id="nr3" n="3" target="#n3">3</ref> It');
  }, 60_000);
});
