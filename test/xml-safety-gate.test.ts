/**
 * One XML safety gate (src/validate/safety.ts) for every command that reads XML: `validate` and
 * `render` take the same decision on the same file, in the same words.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';
import { fixtures } from './support/tools.js';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: process.stdin, cwd });
  return { code, out, err };
}

const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');
/** The sample with a DOCTYPE put before its root element. */
const withDoctype = (doctype: string) => sample.replace('<TEI xmlns', `${doctype}\n<TEI xmlns`);

describe('one XML safety gate for validate and render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-gate-'));

  it('accepts a DOCTYPE that declares nothing in both commands', async () => {
    writeFileSync(join(dir, 'plain.xml'), withDoctype('<!DOCTYPE TEI>'));
    const v = await cli(['validate', 'plain.xml'], dir);
    expect(v.code, v.err).toBe(0);
    const r = await cli(['render', 'plain.xml', '--to', 'txt', '-o', 'plain.txt'], dir);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).toContain('The Identity of Interests');
  }, 60_000);

  const refused: [string, string, string][] = [
    ['internal', '<!DOCTYPE TEI [<!ENTITY x "text">]>', 'entity-declaration'],
    ['external', '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 'external-entity'],
    ['dtd', '<!DOCTYPE TEI SYSTEM "tei.dtd">', 'external-dtd'],
    ['attlist', '<!DOCTYPE TEI [<!ATTLIST p rend CDATA "bold">]>', 'attlist-declaration'],
  ];
  for (const [name, doctype, code] of refused) {
    it(`refuses ${doctype} with the same line from validate and render`, async () => {
      const file = `${name}.xml`;
      writeFileSync(join(dir, file), withDoctype(doctype));
      const v = await cli(['validate', file], dir);
      const r = await cli(['render', file, '--to', 'html', '-o', `${name}.html`], dir);
      expect(v.code).toBe(1);
      expect(r.code).toBe(1);
      const line = (v.out + v.err).split('\n').find((l) => l.startsWith(`${file}:`))!;
      expect(line).toMatch(new RegExp(`^${name}\\.xml:\\d+:\\d+: error ${code}: `));
      expect(r.err.trim()).toBe(line);
      expect(existsSync(join(dir, `${name}.html`))).toBe(false);
    }, 60_000);
  }
});
