/**
 * A TEI in UTF-16 or declared ISO-8859-1 is valid XML that `teikit validate` reads; every command
 * that reads a TEI reads it the same way (validate/decode.ts): `deposit` (its renditions, its
 * Dublin Core record, bag-info) and `volume` once wrote U+FFFD for every non-ASCII character, or
 * refused UTF-16 as "content after the root element".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../src/cli/run.js';
import { fixtures } from './support/tools.js';
import { compileStylesheets } from './support/render-fixtures.js';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: Readable.from(['']), cwd });
  return { code, out, err };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/** Every text a file holds (an EPUB's members too). */
function textsOf(file: string): string[] {
  const bytes = readFileSync(file);
  if (file.endsWith('.epub')) return Object.values(unzipSync(bytes)).map((b) => strFromU8(b));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return [bytes.subarray(2).toString('utf16le')];
  return [bytes.toString(file.includes('latin1') ? 'latin1' : 'utf8')];
}

let dir: string;
beforeAll(() => {
  compileStylesheets();
  dir = mkdtempSync(join(tmpdir(), 'teikit-encodings-'));
  // "Café Müller" in the body: characters the two encodings write differently from UTF-8
  const text = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8').replace(/(<body>[\s\S]*?<p(?:\s[^>]*)?>)/, '$1Café Müller ');
  writeFileSync(join(dir, 'utf16.tei.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(/[^\x00-\xff]/gu, (c) => `&#${c.codePointAt(0)};`);
  writeFileSync(join(dir, 'latin1.tei.xml'), Buffer.from(latin, 'latin1'));
});

describe('a TEI in UTF-16 or ISO-8859-1', () => {
  for (const name of ['utf16', 'latin1']) {
    it(`${name}: deposit bags it with its characters intact in every rendition and record`, async () => {
      const r = await cli(['deposit', `${name}.tei.xml`, '-o', `bag-${name}`], dir);
      expect(r.code, r.err).toBe(0);
      const data = filesUnder(join(dir, `bag-${name}`, 'data'));
      expect(data.map((f) => f.split('/').pop()).sort()).toEqual(['dc.xml', `${name}.epub`, `${name}.html`, `${name}.tei.xml`, `${name}.txt`]);
      for (const f of data) for (const t of textsOf(f)) expect(t, f).not.toContain('\uFFFD');
      for (const ext of ['html', 'txt']) expect(readFileSync(join(dir, `bag-${name}`, 'data', `${name}.${ext}`), 'utf8')).toContain('Café Müller');
      expect(textsOf(join(dir, `bag-${name}`, 'data', `${name}.epub`)).some((t) => t.includes('Café Müller'))).toBe(true);
      expect((await cli(['verify', `bag-${name}`], dir)).code).toBe(0);
    });

    it(`${name}: volume reads it as validate does`, async () => {
      const r = await cli(['volume', `${name}.tei.xml`, '-o', `vol-${name}`, '--min-works', '1'], dir);
      expect(r.code, r.err).toBe(0);
      const made = filesUnder(join(dir, `vol-${name}`));
      const tei = made.find((f) => f.endsWith('.tei.xml'))!;
      expect(readFileSync(tei, 'utf8')).toContain('Café Müller');
      for (const f of made) for (const t of textsOf(f)) expect(t, f).not.toContain('\uFFFD');
    });
  }
});
