/**
 * edition.json: the bundled one loads; every wrong or missing field gives one line naming the file
 * and the field's JSON pointer.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEditions, loadEdition, publicationOf } from '../src/edition/index.js';
import { UserError } from '../src/model/diagnostics.js';
import { repoRoot } from './support/tools.js';

const bundled = join(repoRoot, 'editions/identity-of-interests');
const good = () => ({
  id: 'x',
  title: 'A work',
  base: { file: 'SU39.html', format: 'marx2mao' },
  witnesses: [{ file: 'identity-of-interests.md' }],
  publication: { publisher: 'P', licence: { text: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, date: '2026-11-26' },
});

function editionDir(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-edition-'));
  writeFileSync(join(dir, 'edition.json'), typeof json === 'string' ? json : JSON.stringify(json));
  copyFileSync(join(bundled, 'SU39.html'), join(dir, 'SU39.html'));
  copyFileSync(join(bundled, 'identity-of-interests.md'), join(dir, 'identity-of-interests.md'));
  return dir;
}

function errorLines(dir: string): string[] {
  try {
    loadEdition(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message.split('\n');
  }
  throw new Error('expected loadEdition to fail');
}

describe('edition.json', () => {
  it('loads the bundled edition', () => {
    const e = loadEdition(bundled);
    expect(e.config.id).toBe('identity-of-interests');
    expect(e.sources.map((s) => s.path)).toEqual([join(bundled, 'SU39.html'), join(bundled, 'identity-of-interests.md')]);
    expect(e.sources.map((s) => s.format)).toEqual(['marx2mao', 'cmpa']);
    const pub = publicationOf(e.config);
    expect(pub.licence.url).toMatch(/^https:\/\/creativecommons\.org\//);
    expect(pub.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('accepts a minimal valid file', () => {
    expect(loadEdition(editionDir(good())).config.title).toBe('A work');
  });

  it('reports each wrong or missing field with file and JSON pointer', () => {
    const bad = good() as Record<string, any>;
    delete bad.title;
    bad.publication.licence.url = 'not a url';
    bad.publication.date = '26/11/2026';
    bad.base.format = 'docx';
    bad.colour = 'red';
    const dir = editionDir(bad);
    const file = join(dir, 'edition.json');
    expect(errorLines(dir).sort()).toEqual(
      [
        `${file}: error invalid-edition: /title: required field is missing`,
        `${file}: error invalid-edition: /colour: unknown field`,
        `${file}: error invalid-edition: /base/format: must be one of "lia", "marx2mao", "cmpa"`,
        `${file}: error invalid-edition: /publication/licence/url: must match format "uri"`,
        `${file}: error invalid-edition: /publication/licence/url: must match pattern "^https?://"`,
        `${file}: error invalid-edition: /publication/date: must match format "date"`,
      ].sort(),
    );
  });

  it('reports a missing publication block and bad JSON in one line', () => {
    const noPub = good() as Record<string, unknown>;
    delete noPub.publication;
    const dir = editionDir(noPub);
    expect(errorLines(dir)).toEqual([`${join(dir, 'edition.json')}: error invalid-edition: /publication: required field is missing`]);
    const broken = editionDir('{ "id": "x", ');
    expect(errorLines(broken)).toEqual([`${join(broken, 'edition.json')}:1:14: error invalid-json: not valid JSON: expected a property name in double quotes, found the end of the file`]);
  });

  it('says where JSON goes wrong as file:line:col: error invalid-json, what JSON.parse gives an offset for and what it does not', () => {
    const at = (text: string) => {
      const dir = editionDir(text);
      return errorLines(dir).map((l) => l.slice(join(dir, 'edition.json').length));
    };
    expect(at('{\n  "id": "x",\n  title: "y"\n}\n')).toEqual([":3:3: error invalid-json: not valid JSON: expected a property name in double quotes, found 'title'"]);
    // JSON.parse: `Unexpected token '}', "…" is not valid JSON`, no position
    expect(at('{\n  "id": tru\n}')).toEqual([":2:9: error invalid-json: not valid JSON: expected a value (a string in double quotes, a number, an object, an array, true, false or null), found 'tru'"]);
    expect(at('{\n  "id": "x",\n}')).toEqual([":3:1: error invalid-json: not valid JSON: a ',' before '}': JSON allows no comma after the last property"]);
    expect(at('{ "id": "é", "base": [1, 2,] }')).toEqual([":1:28: error invalid-json: not valid JSON: a ',' before ']': JSON allows no comma after the last element"]);
    expect(at('{ "id": "x" } {}')).toEqual([":1:15: error invalid-json: not valid JSON: unexpected '{' after the end of the JSON value"]);
    expect(at('{ "id": "a\tb" }')).toEqual([':1:11: error invalid-json: not valid JSON: a line break or other control character inside a string: write it as \\n, \\t, …']);
    expect(at('{ "id": 01 }')).toEqual([':1:9: error invalid-json: not valid JSON: not a number of JSON (digits, an optional fraction and exponent; no leading zero, no "+")']);
  });

  it('names a source file that does not exist', () => {
    const cfg = good();
    cfg.witnesses = [{ file: 'missing.md' }];
    const dir = editionDir(cfg);
    expect(errorLines(dir)).toEqual([`${join(dir, 'edition.json')}: source file not found: ${join(dir, 'missing.md')}`]);
  });

  it('refuses a source outside the edition\'s folder (its bag and its build\'s cache key would not hold it)', () => {
    const cfg = good();
    cfg.base = { file: '../SU39.html', format: 'marx2mao' };
    cfg.witnesses = [{ file: 'notes/../identity-of-interests.md' }, { file: 'sub/../../x.md' }];
    const dir = editionDir(cfg);
    copyFileSync(join(bundled, 'SU39.html'), join(dir, '..', 'SU39.html'));
    expect(errorLines(dir)).toEqual([
      `${join(dir, 'edition.json')}: /base/file: "../SU39.html" is outside the edition's folder; an edition's sources are files in its folder`,
      `${join(dir, 'edition.json')}: /witnesses/1/file: "sub/../../x.md" is outside the edition's folder; an edition's sources are files in its folder`,
    ]);
  });

  it('finds the folders with an edition.json, in name order', () => {
    const root = mkdtempSync(join(tmpdir(), 'teikit-editions-'));
    for (const name of ['b', 'a', 'empty']) mkdirSync(join(root, name));
    writeFileSync(join(root, 'a', 'edition.json'), '{}');
    writeFileSync(join(root, 'b', 'edition.json'), '{}');
    writeFileSync(join(root, 'stray.json'), '{}');
    expect(findEditions(root)).toEqual([join(root, 'a'), join(root, 'b')]);
    expect(findEditions(join(repoRoot, 'editions'))).toContain(bundled);
  });
});
