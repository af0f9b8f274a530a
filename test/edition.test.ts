/**
 * edition.json: the bundled one loads; every wrong or missing field gives one line naming the file,
 * the line and column of the value (or of the object missing it) and the field's JSON pointer.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEditions, loadEdition, publicationOf } from '../src/edition/index.js';
import { UserError } from '../src/model/diagnostics.js';
import { jsonPlaces } from '../src/util/json-syntax.js';
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
    // in the file's order, each at its value (a missing field: the object that lacks it; an unknown
    // one: its name), here all on the one line JSON.stringify writes
    expect(errorLines(dir)).toEqual([
      `${file}:1:1: error invalid-edition: /title: required field is missing`,
      `${file}:1:47: error invalid-edition: /base/format: must be one of "lia", "marx2mao", "cmpa"`,
      `${file}:1:170: error invalid-edition: /publication/licence/url: must match pattern "^https?://"`,
      `${file}:1:170: error invalid-edition: /publication/licence/url: must match format "uri"`,
      `${file}:1:190: error invalid-edition: /publication/date: must match format "date"`,
      `${file}:1:204: error invalid-edition: /colour: unknown field`,
    ]);
  });

  it('puts each schema error at the line and column of its value, in a real edition.json broken several ways', () => {
    const real = readFileSync(join(bundled, 'edition.json'), 'utf8');
    const broken = (edits: [string, string][]) => {
      let text = real;
      for (const [from, to] of edits) {
        expect(text, from).toContain(from);
        text = text.replace(from, to);
      }
      const dir = editionDir(text);
      return errorLines(dir).map((l) => l.slice(join(dir, 'edition.json').length));
    };
    // a field missing: the object that lacks it (the whole file's `{`, the licence's `{`)
    expect(broken([['  "title": "The Identity of Interests between the Soviet Union and All Mankind",\n', '']])).toEqual([
      ':1:1: error invalid-edition: /title: required field is missing',
    ]);
    expect(broken([['"url": "https://creativecommons.org/licenses/by-sa/4.0/"', '"href": "https://creativecommons.org/licenses/by-sa/4.0/"']])).toEqual([
      ':9:16: error invalid-edition: /publication/licence/url: required field is missing',
      ':9:42: error invalid-edition: /publication/licence/href: unknown field',
    ]);
    // a wrong type two levels down, a value outside an enum in an array's member, a bad date:
    // the value itself; an unknown field: its name; in the file's order
    expect(broken([
      ['"url": "https://creativecommons.org/licenses/by-sa/4.0/"', '"url": 4'],
      ['"format": "cmpa"', '"format": "docx"'],
      ['"date": "2026-11-26"', '"date": "26/11/2026"'],
      ['"encoder": "teikit"', '"encoder": "teikit",\n    "colour": "red"'],
    ])).toEqual([
      ':6:65: error invalid-edition: /witnesses/0/format: must be one of "lia", "marx2mao", "cmpa"',
      ':9:49: error invalid-edition: /publication/licence/url: must be string',
      ':10:13: error invalid-edition: /publication/date: must match format "date"',
      ':12:5: error invalid-edition: /publication/colour: unknown field',
    ]);
    // the diagnostics go with the error, for a caller of the library
    try {
      loadEdition(editionDir(real.replace('"id": "identity-of-interests"', '"id": "Not An Id"')));
      expect.unreachable();
    } catch (err) {
      expect((err as UserError).diagnostics.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
        [3, 9, 'invalid-edition', '/id: must match pattern "^[a-z0-9][a-z0-9._-]*$"'],
      ]);
    }
  });

  it('reports a missing publication block and bad JSON in one line', () => {
    const noPub = good() as Record<string, unknown>;
    delete noPub.publication;
    const dir = editionDir(noPub);
    expect(errorLines(dir)).toEqual([`${join(dir, 'edition.json')}:1:1: error invalid-edition: /publication: required field is missing`]);
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

  it('finds the place of each value by its JSON Pointer (jsonPlaces)', () => {
    const places = jsonPlaces('{ "é": "x",\r\n  "a\\u002Fb~": [1, {"c": null}],\n "d": 1, "d": [] }');
    expect(places?.get('')).toEqual({ line: 1, column: 1 });
    expect(places?.get('/é')).toEqual({ line: 1, column: 8, name: { line: 1, column: 3 } });
    // a name as JSON.parse reads it, escaped as a pointer (RFC 6901: ~ as ~0, / as ~1)
    expect(places?.get('/a~1b~0')).toEqual({ line: 2, column: 16, name: { line: 2, column: 3 } });
    expect(places?.get('/a~1b~0/1/c')).toEqual({ line: 2, column: 26, name: { line: 2, column: 21 } });
    // a name given twice: the last, the value JSON.parse keeps
    expect(places?.get('/d')).toEqual({ line: 3, column: 15, name: { line: 3, column: 10 } });
    expect(jsonPlaces('{ "a": }')).toBeUndefined();
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
