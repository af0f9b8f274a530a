/**
 * The marx2mao corpus test: every sample page in test/fixtures/marx2mao is converted (reader → TEI
 * writer) and checked against the HTML itself, with expectations computed independently of the
 * reader: the accounting's inventory of the raw page (src/accounting/, which shares no code with
 * the readers and runs on every conversion) and its reading of the TEI with saxes:
 * - TEI valid against tei_all (one jing run for all pages);
 * - the print page breaks exactly as the page markers give them (a dropped marker must be a
 *   repetition of the one before, and be listed as a repair);
 * - every numbered note present with its number, linked from every reference;
 * - every word of the text and of the notes, in order;
 * - title, author, volume and page range in the header when the title block states them;
 * - the accounting finds every source item in the TEI (what the report's fidelity section lists);
 * - pages that are not works (no page markers at all) refused with one clear diagnostic;
 * It prints a table (file, pages, notes, words, ms, result) and fails on any miss.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../src/model/types.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { UNSTATED } from '../src/tei/repair.js';
import { jingValidate } from './support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from './support/tools.js';
import { words } from './support/words.js';
import { compareWithTei, inventoryOfMarx2mao, teiFacts, type Inventory, type SourceFidelity, type TeiFacts } from '../src/accounting/index.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };
/** TEIKIT_CORPUS=<dir> runs the same checks over another copy of the site (<dir>/<Author>/<CODE>.html). */
const isSample = !process.env.TEIKIT_CORPUS;
/** The sample: the first 56 pages and the 100 of the second tranche. */
const corpusDirs = isSample ? [join(fixtures, 'marx2mao'), join(fixtures, 'marx2mao-tranche2')] : [process.env.TEIKIT_CORPUS!];

/**
 * Sample pages the accounting still finds items on, each with the reason. A listed page must still
 * have items (the list cannot go stale); every other page must have none. The one left is the
 * source's own fault.
 */
const IRREGULAR: Record<string, string> = {
  'marx2mao-tranche2/Lenin/IC17.html': 'source: [120] links to #en120, a note the page does not have',
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
    });
}

// ---------------------------------------------------------------------------------------------
// What the HTML says, computed without the reader: the accounting's inventory (src/accounting/),
// which shares no code with src/readers/; and what the TEI says, read back with saxes.
// ---------------------------------------------------------------------------------------------

interface SourceFacts {
  inventory: Inventory;
  markers: { n: string; line: number }[];
  /** Numbered endnotes: anchor name → label. */
  endNotes: Map<string, string>;
  /** Linked references to endnotes, per anchor name. */
  endRefs: Map<string, number>;
  footRefs: number;
}

function sourceFacts(bytes: Uint8Array, file: string): SourceFacts {
  const inventory = inventoryOfMarx2mao(bytes, file);
  const endNotes = new Map<string, string>();
  for (const n of inventory.notes) if (n.place === 'end' && n.key) endNotes.set(n.key, n.label);
  const endRefs = new Map<string, number>();
  for (const r of inventory.refs) if (r.place === 'end' && r.key) endRefs.set(r.key, (endRefs.get(r.key) ?? 0) + 1);
  return {
    inventory,
    markers: inventory.markers.map((m) => ({ n: m.n, line: m.pos.line })),
    endNotes,
    endRefs,
    footRefs: inventory.refs.filter((r) => r.place === 'foot').length,
  };
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

interface Page {
  file: string;
  name: string;
  source: SourceFacts;
  ms: number;
  edition?: Edition;
  refusal?: string;
  tei?: string;
  teiPath?: string;
  facts?: TeiFacts;
  /** The accounting of the page (the report's fidelity section). */
  fidelity?: SourceFidelity;
  misses: string[];
}

const pages: Page[] = [];
let jingErrors: string[] = [];
const outDir = mkdtempSync(join(tmpdir(), 'teikit-corpus-'));
const jing = requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng());

beforeAll(async () => {
  for (const file of corpusDirs.flatMap(htmlFiles)) {
    const bytes = readFileSync(file);
    const name = isSample ? relative(fixtures, file) : relative(corpusDirs[0]!, file);
    const page: Page = { file, name, source: sourceFacts(bytes, file), ms: 0, misses: [] };
    const t0 = performance.now();
    const result = readMarx2mao(bytes, file);
    if (result.ok) {
      page.edition = result.edition;
      page.tei = writeTei(result.edition, publication);
      page.ms = performance.now() - t0; // the conversion: reading and writing TEI
      page.teiPath = join(outDir, `${name.replace(/[/\\&]/g, '_')}.tei.xml`);
      writeFileSync(page.teiPath, page.tei);
      page.facts = teiFacts(page.tei);
      const dropped = result.edition.repairs.filter((r) => r.kind === 'drop-duplicate-page-break').map((r) => r.pos.line);
      page.fidelity = compareWithTei(page.source.inventory, page.facts, { role: 'base', droppedMarkerLines: dropped });
    } else {
      page.refusal = result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
    }
    if (!result.ok) page.ms = performance.now() - t0;
    pages.push(page);
  }
  const files = pages.flatMap((p) => (p.teiPath ? [p.teiPath] : []));
  if (jing) jingErrors = await jingValidate(teiAllRng()!, files);
}, 120_000);

afterAll(() => {
  const rows = pages.map((p) => [
    p.name,
    String(p.facts?.pbs.length ?? '-'),
    String(p.facts?.notes.length ?? '-'),
    String(p.facts ? p.facts.mainWords.h.length + p.facts.footWords.h.length : '-'),
    p.ms.toFixed(0),
    String(p.fidelity?.unaccounted.length ?? '-'),
    p.refusal ? 'refused (not a work)' : p.misses.length ? `MISS: ${p.misses.join(' | ')}` : 'ok',
  ]);
  const head = ['file', 'pages', 'notes', 'words', 'ms', 'unaccounted', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 6 ? 0 : r[i]!.length))));
  const line = (r: string[]) => r.map((c, i) => (i === 6 ? c : i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const slowest = [...pages].sort((a, b) => b.ms - a.ms)[0];
  const works = pages.filter((p) => p.edition);
  console.log(
    [
      line(head),
      ...rows.map(line),
      `${pages.length} pages: ${works.length} works converted, ${pages.length - works.length} refused; ` +
        `${works.reduce((s, p) => s + (p.facts?.pbs.length ?? 0), 0)} page breaks, ` +
        `${works.reduce((s, p) => s + (p.facts?.notes.length ?? 0), 0)} notes, ` +
        `${works.reduce((s, p) => s + (p.facts ? p.facts.mainWords.h.length + p.facts.footWords.h.length : 0), 0)} words; ` +
        `slowest ${slowest?.name} ${(slowest?.ms ?? 0).toFixed(0)} ms (first conversion in the process)`,
    ].join('\n'),
  );
});

/** Run one check of a page; a failure is recorded for the table and fails the test. */
function check(page: Page, what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    page.misses.push(what);
    throw err;
  }
}

describe('marx2mao corpus: every sample page', () => {
  it.runIf(isSample)('has the 156 sample pages', () => {
    expect(pages.length).toBe(156);
  });

  it('refuses exactly the pages without page markers, with one clear diagnostic', () => {
    for (const p of pages) {
      const isWork = p.source.markers.length > 0;
      check(p, 'work/non-work', () => expect(p.refusal === undefined, `${p.name}: ${p.refusal}`).toBe(isWork));
      if (p.refusal) expect(p.refusal).toMatch(/^not-a-work: not a work \(no print page markers/);
    }
    if (isSample) expect(pages.filter((p) => p.refusal).map((p) => p.name).sort()).toEqual(['marx2mao/Mao/Index.html', 'marx2mao/Other/HCPSU39NB.html', 'marx2mao/Stalin/NOTE.html']);
  });

  it.runIf(jing)('gives TEI valid against tei_all (one jing run)', () => {
    for (const p of pages.filter((x) => x.teiPath)) {
      const mine = jingErrors.filter((l) => l.startsWith(p.teiPath!));
      check(p, 'tei_all', () => expect(mine, p.name).toEqual([]));
    }
    expect(jingErrors).toEqual([]);
  });

  it('has the print page breaks exactly as the markers give them', () => {
    for (const p of pages.filter((x) => x.edition)) {
      check(p, 'page breaks', () => {
        const dropped = p.edition!.repairs.filter((r) => r.kind === 'drop-duplicate-page-break').map((r) => r.pos.line);
        const expected: string[] = [];
        p.source.markers.forEach((m, i) => {
          if (dropped.includes(m.line)) {
            // a dropped marker must repeat the page before it
            expect(m.n, `${p.name}:${m.line}`).toBe(p.source.markers[i - 1]?.n);
          } else expected.push(m.n);
        });
        expect(p.facts!.pbs.map((b) => b.n), p.name).toEqual(expected);
        // every break names the print edition transcribed, by the siglum of its publisher
        const printId = p.edition!.witnesses.find((w) => w.kind === 'print' && !p.edition!.witnesses.some((x) => x.kind === 'print' && x.basedOn === w.id))?.id;
        expect(p.facts!.pbs.every((b) => b.edRef === `#${printId}`), p.name).toBe(true);
      });
    }
  });

  it('has every numbered note, with its number, linked from every reference', () => {
    for (const p of pages.filter((x) => x.edition)) {
      check(p, 'notes', () => {
        const f = p.facts!;
        const ends = f.notes.filter((n) => n.place === 'end');
        expect(ends.map((n) => n.n).sort(), p.name).toEqual([...p.source.endNotes.values()].sort());
        const refIds = new Set(f.refs.map((r) => r.id));
        const noteIds = new Map(f.notes.map((n) => [n.id, n]));
        for (const r of f.refs) {
          const note = noteIds.get(r.target.slice(1));
          expect(note, `${p.name}: ref ${r.id} → ${r.target}`).toBeDefined();
          expect(note!.target, `${p.name}: note ${note!.id} points back to ${r.id}`).toContain(`#${r.id}`);
        }
        for (const n of f.notes) for (const t of n.target) expect(refIds.has(t.slice(1)), `${p.name}: note ${n.id} → ${t}`).toBe(true);
        for (const [num, count] of p.source.endRefs) {
          const note = ends.find((n) => n.n === p.source.endNotes.get(num));
          if (!note) continue; // a reference to a missing note: the reader warns (note-missing)
          expect(f.refs.filter((r) => r.target === `#${note.id}`).length, `${p.name}: references to note ${num}`).toBe(count);
        }
        const footRefs = f.refs.filter((r) => noteIds.get(r.target.slice(1))?.place === 'foot').length;
        expect(footRefs, `${p.name}: references to foot notes`).toBeGreaterThanOrEqual(p.source.footRefs);
      });
    }
  });

  it('has every word of the text and of the notes, in order', () => {
    for (const p of pages.filter((x) => x.edition && !IRREGULAR[x.name])) {
      check(p, 'words', () => {
        // the in-order alignment of the accounting: no source word missing, no word added (a
        // marker's remark, `[blank]`, kept as text is the source's own word)
        const wordItems = p.fidelity!.unaccounted.filter((u) => u.kind === 'words' || u.kind === 'added-words');
        expect(wordItems.map((u) => `${u.pos.line}:${u.pos.column} ${u.message}`), p.name).toEqual([]);
      });
    }
  });

  it('has title, author, volume and page range in the header when the title block states them', () => {
    for (const p of pages.filter((x) => x.edition)) {
      check(p, 'header', () => {
        const f = p.facts!;
        const title = words(f.title);
        expect(title.length, p.name).toBeGreaterThan(0);
        const titleWords = p.source.inventory.title.words;
        const tw = titleWords.join(' ');
        if (tw) {
          // a letter-spaced title (`H I S T O R Y`) is compared letter by letter
          const squash = (ws: string[]) => ws.join('').replace(/[^\p{L}\p{N}]/gu, '');
          if (!` ${tw} `.includes(` ${title.join(' ')} `)) expect(squash(titleWords), `${p.name}: title`).toContain(squash(title));
          // a page naming no author gets the writer's declared placeholder, no word of the source
          const author = f.author.trim() === UNSTATED.author ? '' : f.author;
          for (const w of words(author).filter((x) => x !== 'and')) expect(titleWords, `${p.name}: author`).toContain(w);
        }
        const { volume, pageFrom } = p.source.inventory.title;
        if (volume) expect(f.volumes[0], `${p.name}: volume`).toBe(volume);
        if (pageFrom) expect(f.pageFroms[0], `${p.name}: first page`).toBe(pageFrom);
      });
    }
  });

  it('accounts for every source item in the TEI (the fidelity section of the report), but on the listed irregular pages', () => {
    for (const p of pages.filter((x) => x.edition)) {
      check(p, 'accounting', () => {
        const items = p.fidelity!.unaccounted.map((u) => `${p.file}:${u.pos.line}:${u.pos.column} ${u.kind}: ${u.message}`);
        if (IRREGULAR[p.name]) expect(items.length, `${p.name} is listed (${IRREGULAR[p.name]}) but has no unaccounted item`).toBeGreaterThan(0);
        else expect(items).toEqual([]);
      });
    }
    if (isSample) expect(Object.keys(IRREGULAR).filter((n) => !pages.some((p) => p.name === n))).toEqual([]);
  });
});
