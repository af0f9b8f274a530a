/**
 * Size and speed: a 50 MB TEI file (generated here, more than 65535 lines) is validated whole and
 * its errors are placed at the right line; a ~100 KB file validates well within the budget once the
 * schema is loaded; each schema is compiled once per process. Exact numbers: `npm run bench`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema, schemaPath, validateTei } from '../src/validate/index.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { fixtures } from './support/tools.js';
import { bigDocument as grow } from './support/big-document.mjs';

const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');

/** The house sample grown to about `bytes` (test/support/big-document.mjs). */
const bigDocument = (bytes: number) => grow(sample, bytes);

describe('large files', () => {
  it('validates a 50 MB file and places an error past line 65535', async () => {
    const { xml } = bigDocument(50 * 1024 * 1024);
    const bytes = Buffer.from(xml);
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'teikit-large-'));
    const file = join(dir, 'big.tei.xml');
    writeFileSync(file, bytes);

    const start = performance.now();
    const valid = await validateTei(readFileSync(file), file);
    const ms = performance.now() - start;
    expect(valid.map(formatDiagnostic)).toEqual([]);
    expect(ms).toBeLessThan(90_000); // generous: about 10 s on the 2-core CI machine

    // One bad attribute near the end (a schema error) and one page out of order (a rule error).
    const lines = xml.split('\n');
    const target = lines.length - 20;
    expect(target).toBeGreaterThan(65535);
    const badLine = lines.findIndex((l, i) => i > target && l.startsWith('        <p>')) + 1;
    const pbLine = lines.findIndex((l, i) => i > target && l.includes('<pb n=')) + 1;
    expect(badLine).toBeGreaterThan(target);
    expect(pbLine).toBeGreaterThan(target);
    lines[badLine - 1] = lines[badLine - 1]!.replace('<p>', '<p style="x">');
    lines[pbLine - 1] = lines[pbLine - 1]!.replace(/<pb n="\d+"/, '<pb n="300"');
    const broken = await validateTei(Buffer.from(lines.join('\n')), file);
    expect(broken.map((d) => [d.code, d.line])).toEqual(
      [['unexpected-attribute', badLine], ['page-order', pbLine]].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
  }, 300_000);
});

describe('speed', () => {
  it('compiles each schema once per process', async () => {
    const path = schemaPath('teikit');
    expect(await loadSchema(path)).toBe(await loadSchema(path));
  });

  it('validates a ~100 KB TEI file in well under the 50 ms budget once the schema is loaded', async () => {
    const { xml } = bigDocument(100 * 1024);
    expect(xml.length).toBeGreaterThan(100 * 1024);
    expect(await validateTei(xml, 'x.xml')).toEqual([]); // loads the schema and warms up
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      const start = performance.now();
      await validateTei(xml, 'x.xml');
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // A generous bound for a loaded CI machine; the bench gives the real number.
    expect(times[3]).toBeLessThan(200);
  });
});
