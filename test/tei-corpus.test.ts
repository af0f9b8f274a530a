/**
 * The TEI writer on the reader's output for every marx2mao fixture page: valid tei_all (one jing
 * run for all pages), every xml:id unique, every #pointer resolving, every page break and note of
 * the model written, same bytes on a second run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { countEdition } from '../src/report/index.js';
import type { Edition } from '../src/model/types.js';
import { jingValidate } from './support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from './support/tools.js';

const pub = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

type Attrs = Record<string, string>;
/** Every element's name and attributes, in document order. */
function elements(xml: string): { name: string; attrs: Attrs }[] {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false }).parse(xml) as unknown[];
  const out: { name: string; attrs: Attrs }[] = [];
  const walk = (nodes: unknown[]) => {
    for (const n of nodes as Record<string, unknown>[]) {
      const name = Object.keys(n).find((k) => k !== ':@')!;
      if (name === '#text' || name === '?xml') continue;
      out.push({ name, attrs: (n[':@'] ?? {}) as Attrs });
      walk(n[name] as unknown[]);
    }
  };
  walk(tree);
  return out;
}

const pages: { file: string; edition: Edition; tei: string }[] = [];
const unread: string[] = [];

beforeAll(() => {
  for (const file of htmlFiles(join(fixtures, 'marx2mao'))) {
    let result;
    try {
      result = readMarx2mao(readFileSync(file), file);
    } catch (err) {
      // A reader crash is the reader's corpus test's to report; this test is about the writer.
      unread.push(`${relative(fixtures, file)}: ${String(err).slice(0, 80)}`);
      continue;
    }
    if (result.ok) pages.push({ file, edition: result.edition, tei: writeTei(result.edition, pub) });
  }
  if (unread.length) console.warn(`[tei-corpus] reader failed on: ${unread.join('; ')}`);
});

describe('writeTei over the marx2mao fixtures', () => {
  it('converts the works of the sample', () => {
    expect(pages.length).toBeGreaterThanOrEqual(50);
  });

  it('gives unique ids, resolving pointers, and every page break and note of the model', () => {
    for (const { file, edition, tei } of pages) {
      const els = elements(tei);
      const ids = els.map((e) => e.attrs['xml:id']).filter((x): x is string => !!x);
      expect(new Set(ids).size, file).toBe(ids.length);
      const known = new Set(ids);
      for (const e of els) {
        for (const key of ['target', 'edRef', 'source', 'who']) {
          for (const token of (e.attrs[key] ?? '').split(/\s+/).filter((t) => t.startsWith('#'))) {
            expect(known.has(token.slice(1)), `${file}: <${e.name} ${key}="${e.attrs[key]}">`).toBe(true);
          }
        }
      }
      const { counts } = countEdition(edition);
      expect(els.filter((e) => e.name === 'pb').length, file).toBe(counts.pageBreaks);
      // the text's notes: the header's notes (rights, title-block statements) are no notes of the text
      const text = tei.slice(tei.search(/<text[\s>]/), tei.lastIndexOf('</text>') + '</text>'.length);
      expect(elements(text).filter((e) => e.name === 'note').length, file).toBe(counts.notes);
      expect(els.filter((e) => e.name === 'ref' && e.attrs.type === 'noteref').length, file).toBe(counts.noteRefs);
    }
  });

  it('is deterministic', () => {
    for (const { file, edition, tei } of pages) expect(writeTei(edition, pub) === tei, file).toBe(true);
  });

  const rng = teiAllRng();
  describe.runIf(requireTool('jing', which('jing')) && requireTool('tei_all.rng', rng))('validity', () => {
    it('every page is valid tei_all (one jing run)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'teikit-corpus-'));
      const files = pages.map(({ file, tei }, i) => {
        const p = join(dir, `${i}-${file.split('/').pop()}.xml`);
        writeFileSync(p, tei);
        return p;
      });
      expect(await jingValidate(rng!, files)).toEqual([]);
    });
  });
});
