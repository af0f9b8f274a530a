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
        `${file}: /title: required field is missing`,
        `${file}: /colour: unknown field`,
        `${file}: /base/format: must be one of "lia", "marx2mao", "cmpa"`,
        `${file}: /publication/licence/url: must match format "uri"`,
        `${file}: /publication/licence/url: must match pattern "^https?://"`,
        `${file}: /publication/date: must match format "date"`,
      ].sort(),
    );
  });

  it('reports a missing publication block and bad JSON in one line', () => {
    const noPub = good() as Record<string, unknown>;
    delete noPub.publication;
    const dir = editionDir(noPub);
    expect(errorLines(dir)).toEqual([`${join(dir, 'edition.json')}: /publication: required field is missing`]);
    const broken = editionDir('{ "id": "x", ');
    const lines = errorLines(broken);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${join(broken, 'edition.json').replace(/[.]/g, '\\.')}: not valid JSON: `));
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
