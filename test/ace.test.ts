/**
 * EPUB accessibility as Ace by DAISY checks it (npm @daisy/ace-cli, run on Debian's chromium):
 * no violations of any impact on EPUBs of every kind of content teikit writes — endnotes and
 * foot notes, tables, figures, several divisions, a page without print page markers.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../src/index.js';
import { renderEpub } from '../src/render/index.js';
import { bundledEditionTei, compileStylesheets } from './support/render-fixtures.js';
import { fixtures, repoRoot, requireTool } from './support/tools.js';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const ACE = join(repoRoot, 'node_modules/.bin/ace-cli');

interface Sample {
  name: string;
  tei: () => Promise<string>;
  assetsDir: string;
}

const page = (rel: string): Sample => ({
  name: rel.replace(/[^A-Za-z0-9]/g, '_'),
  tei: async () => (await convertFiles([join(fixtures, rel)])).tei,
  assetsDir: join(fixtures, rel, '..'),
});

const samples: Sample[] = [
  { name: 'bundled', tei: bundledEditionTei, assetsDir: join(repoRoot, 'editions/identity-of-interests') },
  { name: 'house-sample', tei: async () => readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8'), assetsDir: join(fixtures, 'tei') },
  page('marx2mao/M&E/CM47.html'), // foot notes, endnotes, tables, a figure, 16 divisions
  page('marx2mao/Lenin/AQR08.html'), // 28 tables
  page('marx2mao/Stalin/PRC26.html'), // a foot note, 11 divisions
  page('lia/Lenin/MW18.html'), // no print page markers
];

interface Violation {
  sample: string;
  rule: string;
  impact: string;
  where: string;
}

/** The violations Ace reports for one EPUB, from its JSON report (an empty list when it passes). */
async function ace(epub: string, outDir: string, sample: string): Promise<Violation[]> {
  await run(ACE, ['--silent', '--force', '--outdir', outDir, epub], {
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM },
    maxBuffer: 16 << 20,
  });
  const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as {
    assertions: { 'earl:testSubject': { url: string }; assertions: { 'earl:test': { 'dct:title': string; 'earl:impact': string } }[] }[];
  };
  return report.assertions.flatMap((doc) =>
    doc.assertions.map((a) => ({ sample, rule: a['earl:test']['dct:title'], impact: a['earl:test']['earl:impact'], where: doc['earl:testSubject'].url })),
  );
}

describe.runIf(requireTool('chromium', existsSync(CHROMIUM)) && requireTool('ace-cli', existsSync(ACE)))('Ace by DAISY', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'teikit-ace-'));
  const epubs: { name: string; path: string }[] = [];

  beforeAll(async () => {
    compileStylesheets();
    for (const s of samples) {
      const path = join(tmp, `${s.name}.epub`);
      writeFileSync(path, await renderEpub(await s.tei(), { assetsDir: s.assetsDir, source: `${s.name}.tei.xml` }));
      epubs.push({ name: s.name, path });
    }
  }, 300_000);

  it('finds no violation in the EPUBs of six kinds of content', async () => {
    expect(epubs).toHaveLength(samples.length);
    const violations: Violation[] = [];
    for (const e of epubs) violations.push(...(await ace(e.path, join(tmp, `${e.name}-report`), e.name)));
    expect(violations).toEqual([]);
  }, 300_000);
});
