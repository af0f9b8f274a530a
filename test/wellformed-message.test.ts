/**
 * One well-formedness message for one fault: `validate` and `render` name the bad end tag, at its
 * own line and column, and say which end tag was expected.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './support/cli.js';

const doc = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n  <p>x</q></body></text></TEI>\n';
const expected = 'bad.xml:2:7: error mismatched-tag: closing tag </q> does not match the open element <p> (opened at line 2): expected </p>';

describe('well-formedness message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-wf-'));
  writeFileSync(join(dir, 'bad.xml'), doc);

  it('validate names </q> at its own position', async () => {
    const r = await cli(['validate', 'bad.xml'], dir);
    expect(r.code).toBe(1);
    // validate's diagnostics are its result: on standard output
    expect(r.stdout.split('\n')).toContain(expected);
  });

  it('render words the same fault the same way', async () => {
    const r = await cli(['render', 'bad.xml', '--to', 'txt', '-o', 'bad.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expected]);
  });

  it('another error is not placed at an earlier end tag', async () => {
    writeFileSync(join(dir, 'ent.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>a</p>\n<p>&nbsp;</p></body></text></TEI>\n');
    const r = await cli(['render', 'ent.xml', '--to', 'txt', '-o', 'ent.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^ent\.xml:2:\d+: error undefined-entity: /);
  });
});
