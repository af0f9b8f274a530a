/**
 * A page cut short (checks.ts, checkPageEnd): the conversion says so where the page ends, instead
 * of publishing the text as if it were whole. Made from real pages cut at a byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { fixtures } from '../support/tools.js';

function codes(html: string, path: string): { code: string; line: number; column: number; message: string }[] {
  const r = readMarx2mao(Buffer.from(html, 'latin1'), path);
  const diagnostics = r.ok ? r.edition.diagnostics : r.diagnostics;
  return diagnostics.filter((d) => d.code === 'source-truncated').map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message }));
}

describe('a page cut short', () => {
  const path = join(fixtures, 'marx2mao/Mao/SU39.html');
  const html = readFileSync(path, 'latin1');

  it('is said at its last line, with its last words (SU39 cut in its text and inside a tag)', () => {
    const inText = html.slice(0, html.indexOf('Soviet Union', 5000) + 'Soviet U'.length);
    const lines = inText.split('\n');
    expect(codes(inText, path)).toEqual([
      expect.objectContaining({ code: 'source-truncated', line: lines.length, column: lines.at(-1)!.length + 1 }),
    ]);
    expect(codes(inText, path)[0]!.message).toMatch(/in its text \(….*Soviet U\): it looks cut short/);
    const inTag = html.slice(0, html.indexOf('<FONT', 8000) + 4);
    expect(codes(inTag, path)[0]!.message).toMatch(/inside a tag/);
    // cut right after a tag: a page marker's, with nothing after it
    const afterTag = html.slice(0, html.indexOf('<B>page 277</B></FONT><P>') + '<B>page 277</B></FONT><P>'.length);
    expect(codes(afterTag, path)[0]!.message).toMatch(/after a tag \(….*page 277\)/);
  });

  it('is not said of whole pages, with or without </HTML> (SU39; SC36 and PRKR64 end at their closing rule)', () => {
    expect(codes(html, path)).toEqual([]);
    for (const page of ['marx2mao-tranche2/Stalin/SC36.html', 'marx2mao-tranche2/Other/PRKR64.html']) {
      const p = join(fixtures, page);
      const source = readFileSync(p, 'latin1');
      expect(source).not.toMatch(/<\/html>/i);
      expect(codes(source, p)).toEqual([]);
      // what a server appends after the closing rule (a counter's text) does not make it cut short
      expect(codes(`${source}\nvisits: 12`, p)).toEqual([]);
    }
  });
});
