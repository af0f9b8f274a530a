/**
 * The em dash a few marx2mao pages typed as the byte 0x8B (windows-1252 `‹`) between two words:
 * on every sample page (test/fixtures/marx2mao, marx2mao-tranche2), each such byte becomes one
 * regularised dash (choice/orig `‹` /reg `—`), counted in the header's normalization, and no `‹`
 * is left in the text. Expectations are counted in the source bytes, not by the reader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles } from '../../src/convert.js';
import { normaliseDashes } from '../../src/readers/marx2mao/inlines.js';
import { fixtures } from '../support/tools.js';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : /\.html?$/.test(name) ? [path] : [];
  });
}

/** The 0x8B bytes of a page with a non-space byte on both sides. */
function dashBytes(bytes: Buffer): number {
  let n = 0;
  for (let i = 1; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x8b && !/\s/.test(String.fromCharCode(bytes[i - 1]!)) && !/\s/.test(String.fromCharCode(bytes[i + 1]!))) n++;
  }
  return n;
}

const sample = [...pages(join(fixtures, 'marx2mao')), ...pages(join(fixtures, 'marx2mao-tranche2'))];
const withDash = sample.filter((p) => dashBytes(readFileSync(p)) > 0);

describe('a 0x8B byte typed for an em dash (marx2mao)', () => {
  it('the sample has such pages, across authors', () => {
    expect(withDash.length).toBe(9);
    expect(new Set(withDash.map((p) => p.split('/').at(-2))).size).toBeGreaterThanOrEqual(3);
  });

  it('a ‹ beside a space or before punctuation is an angle quotation mark, left as it is', () => {
    for (const quoted of ['›Wort‹. x ‹q› y', '(‹Die Neue Zeit›)', '"‹quoted›"', 'a ‹‹Iskra››']) expect(normaliseDashes(quoted)).toEqual([{ type: 'text', value: quoted }]);
    expect(normaliseDashes('(Labour)‹the')).toEqual([{ type: 'text', value: '(Labour)' }, { type: 'norm', orig: '‹', reg: '—' }, { type: 'text', value: 'the' }]);
  });

  it.each(withDash.map((p) => [p.slice(fixtures.length + 1), p]))('%s: each is a regularised dash, counted in the header', async (_name, path) => {
    const expected = dashBytes(readFileSync(path));
    const { tei } = await convertFiles([path], {});
    const dashes = tei.match(/<choice><orig>‹<\/orig><reg>—<\/reg><\/choice>/g) ?? [];
    expect(dashes).toHaveLength(expected);
    const body = tei.slice(tei.search(/<text[\s>]/));
    // no ‹ outside those choices
    expect(body.replace(/<orig>‹<\/orig>/g, '')).not.toContain('‹');
    expect(tei).toMatch(new RegExp(`"‹" is regularised to "—" \\(${expected} time\\(s\\)\\)`));
  });
});
