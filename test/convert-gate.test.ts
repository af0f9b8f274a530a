/**
 * The validation gate (src/convert-gate.ts): whatever the writer produces, `convert`, `batch`,
 * `build` and convertFiles hand out only TEI that teikit's validator accepts. To prove the gate is
 * what guarantees it, the writer is replaced here by one that breaks its own output (a note loses
 * its required @n) for the editions named in `broken.ids`; each command must then refuse with one
 * `invalid-tei` line naming the source and the source position of the failing note, exit 1, and
 * write nothing (TEI and report both or neither).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/batch/index.js';
import { convertFiles } from '../src/convert.js';
import { gateTei, InvalidTeiError } from '../src/convert-gate.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { fixtures, repoRoot } from './support/tools.js';
import { cli } from './support/cli.js';

const broken = vi.hoisted(() => ({ ids: new Set<string>() }));
vi.mock('../src/tei/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/tei/index.js')>();
  return {
    ...real,
    writeTeiWithRepairs: (...args: Parameters<typeof real.writeTeiWithRepairs>) => {
      const out = real.writeTeiWithRepairs(...args);
      if (!broken.ids.has(out.edition.id)) return out;
      // A writer bug: the second endnote written without its printed label (@n is required).
      return { ...out, tei: out.tei.replace(/(<note xml:id="n2") n="2"/, '$1') };
    },
  };
});

const DIAG = /^[^:\n]+:\d+:\d+: (error|warning|info) [a-z0-9]+(-[a-z0-9]+)*: .+$/;
const su39 = 'editions/identity-of-interests/SU39.html';
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `teikit-gate-${name}-`));

/** Where the reader found SU39's second endnote: the position the refusal must name. */
function note2Position(): string {
  const read = readMarx2mao(readFileSync(join(repoRoot, su39)), su39);
  if (!read.ok) throw new Error('SU39 must read');
  const note = read.edition.notes!.items.find((i) => !('pb' in i) && i.id === 'n2') as { pos?: { line: number; column: number } };
  return `${su39}:${note.pos!.line}:${note.pos!.column}`;
}

/** The one refusal line for SU39 with the broken writer. */
function expectRefusal(line: string | undefined): void {
  expect(line).toMatch(DIAG);
  expect(line!.startsWith(`${note2Position()}: error invalid-tei: `)).toBe(true);
  expect(line).toMatch(/TEI line \d+: missing-attribute: <note> needs @n/);
}

beforeEach(() => broken.ids.clear());

describe('gateTei', () => {
  it('lets valid TEI through', async () => {
    const tei = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');
    await expect(gateTei(tei, { file: 'x.html' })).resolves.toBeUndefined();
  });

  it('refuses invalid TEI with one invalid-tei line carrying the first validator message', async () => {
    const tei = readFileSync(join(fixtures, 'invalid/id-duplicate.tei.xml'), 'utf8');
    const err = await gateTei(tei, { file: 'x.html' }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidTeiError);
    const refusal = err as InvalidTeiError;
    expect(refusal.exitCode).toBe(1);
    expect(refusal.message.split('\n')).toHaveLength(1);
    // Without the edition, nothing traces the TEI line back: the source's start.
    expect(refusal.message).toMatch(/^x\.html:1:1: error invalid-tei: .*TEI line \d+: duplicate-id: /);
    expect(refusal.validation.some((d) => d.code === 'duplicate-id')).toBe(true);
  });
});

describe('every path through convertFiles is gated', () => {
  it('convertFiles rejects, and the same call without the fault resolves (the fault is the cause)', async () => {
    await expect(convertFiles([su39])).resolves.toHaveProperty('tei');
    broken.ids.add('SU39');
    const err = await convertFiles([su39]).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidTeiError);
    expectRefusal((err as Error).message);
  });

  it('teikit convert -o --report: exit 1, one line, nothing written', async () => {
    broken.ids.add('SU39');
    const dir = tmp('convert');
    const r = await cli(['convert', su39, '-o', join(dir, 'x.tei.xml'), '--report', join(dir, 'x.report.json')]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expectRefusal(r.lines[0]);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('teikit convert to standard output: exit 1, no TEI on stdout', async () => {
    broken.ids.add('SU39');
    const r = await cli(['convert', su39]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.lines).toHaveLength(1);
  });

  it('teikit batch: the broken page fails alone (exit 1, no files for it), the others are converted', async () => {
    broken.ids.add('SU39');
    const src = tmp('batch-src');
    copyFileSync(join(repoRoot, su39), join(src, 'SU39.html'));
    copyFileSync(join(fixtures, 'marx2mao/Mao/CO47.html'), join(src, 'CO47.html'));
    const out = tmp('batch-out');
    const r = await cli(['batch', src, '-o', out, '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['CO47.report.json', 'CO47.tei.xml']);
    const refusal = r.lines.filter((l) => l.includes(' invalid-tei: '));
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.startsWith(`${join(src, 'SU39.html')}:`)).toBe(true);
    expect(r.stdout).toContain(`failed: ${join(src, 'SU39.html')}\n`);
    expect(r.stdout).toMatch(/^1 converted, 0 refused, 1 failed: /m);
  });

  it('runBatch (the code a batch worker runs) reports the gate\'s line as the failure', async () => {
    broken.ids.add('SU39');
    const out = tmp('runbatch');
    const [result] = await runBatch({ sources: [{ file: su39, stem: 'SU39' }], outDir: out, cwd: repoRoot, jobs: 1 });
    expect(result!.status).toBe('failed');
    expectRefusal(result!.message);
    expect(readdirSync(out)).toEqual([]);
  });

  it('teikit build: the edition fails (exit 1) and nothing of it is written', async () => {
    broken.ids.add('identity-of-interests');
    const root = tmp('build');
    mkdirSync(join(root, 'editions'));
    const from = join(repoRoot, 'editions/identity-of-interests');
    const to = join(root, 'editions/identity-of-interests');
    mkdirSync(to);
    for (const f of readdirSync(from)) copyFileSync(join(from, f), join(to, f));
    const r = await cli(['build', 'editions', '-o', 'out'], root);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.includes(' error invalid-tei: '))).toHaveLength(1);
    expect(r.lines).toContain('teikit build: 1 of 1 edition(s) failed');
    expect(readdirSync(root)).toEqual(['editions']);
  });
});
