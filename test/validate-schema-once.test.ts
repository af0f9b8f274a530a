/**
 * An invalid file's messages need the schema's structure (what may come where): it is read and
 * parsed once per schema, beside libxml2's own compilation, and shared by both message readers
 * (content model and allowed-children table), however many invalid files are checked.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const { validateTei } = await import('../src/validate/index.js');

// Made up: a nested grammar, which the content model does not follow, so the message falls back
// to the allowed-children table: both readers ask for the schema's tree.
const SCHEMA = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
  <start><element name="TEI"><oneOrMore><grammar><start><element name="p"><text/></element></start></grammar></oneOrMore></element></start>
</grammar>`;

describe('the schema behind the messages', () => {
  it('is read once for any number of invalid files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-rng-once-'));
    const schema = join(dir, 'nested.rng');
    writeFileSync(schema, SCHEMA);
    const reads = () => vi.mocked(fs.readFileSync).mock.calls.filter(([p]) => String(p) === schema).length;
    const tei = (body: string) => `<TEI xmlns="http://www.tei-c.org/ns/1.0">${body}</TEI>`;
    const first = await validateTei(tei('<q/>'), 'a.xml', { schema });
    const second = await validateTei(tei('<p>x</p><r/>'), 'b.xml', { schema });
    // the allowed-children table words it (the content model could not be read): both readers ran
    expect(first.map((d) => d.message)).toEqual(['<q> is not allowed here in <TEI>; <TEI> may contain <p>, in the order and number the schema sets']);
    expect(second.some((d) => d.severity === 'error' && /\br\b/.test(d.message)), JSON.stringify(second)).toBe(true);
    // once for libxml2's compiled schema, once for the tree both message readers share
    expect(reads()).toBe(2);
  });

  it('is announced once (onCompile) when several files are validated at once against it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-rng-once-'));
    const schema = join(dir, 'nested.rng');
    writeFileSync(schema, SCHEMA);
    let compiles = 0;
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></TEI>`;
    const results = await Promise.all(['a', 'b', 'c'].map((n) => validateTei(tei, `${n}.xml`, { schema, onCompile: () => compiles++ })));
    expect(results).toEqual([[], [], []]);
    expect(compiles).toBe(1);
  });
});
