/**
 * The marx2mao corpus test: every sample page in test/fixtures/marx2mao is converted (reader → TEI
 * writer) and checked against the HTML itself, with expectations computed independently of the
 * reader (regular expressions and a plain parse5 text walk over the raw page):
 * - TEI valid against tei_all (one jing run for all pages);
 * - the print page breaks exactly as the page markers give them (a dropped marker must be a
 *   repetition of the one before, and be listed as a repair);
 * - every numbered note present with its number, linked from every reference;
 * - every word of the text and of the notes, in order;
 * - title, author, volume and page range in the header when the title block states them;
 * - pages that are not works (no page markers at all) refused with one clear diagnostic;
 * - each page converted in under 2 s.
 * It prints a table (file, pages, notes, words, ms, result) and fails on any miss.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseFragment } from 'parse5';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../src/model/types.js';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { writeTei } from '../src/tei/index.js';
import { jingValidate } from './support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from './support/tools.js';
import { firstDifference, words } from './support/words.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };
/** TEIKIT_CORPUS=<dir> runs the same checks over another copy of the site (<dir>/<Author>/<CODE>.html). */
const corpusDir = process.env.TEIKIT_CORPUS ?? join(fixtures, 'marx2mao');
const isSample = !process.env.TEIKIT_CORPUS;
const LIMIT_MS = 2000;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
    });
}

// ---------------------------------------------------------------------------------------------
// What the HTML says, computed without the reader
// ---------------------------------------------------------------------------------------------

/** The page's text: UTF-8 when the bytes are valid UTF-8 with non-ASCII, else windows-1252. */
function decode(bytes: Uint8Array): string {
  try {
    if (bytes.some((b) => b > 0x7f)) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Latin-1 bytes
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

// `page 277`, also `page57` (no space) and `page 57 [blank]` (a remark inside the B)
const MARKER = /<B>(?:\s*<FONT[^>]*>)?\s*page(?:\s+|(?=\d))([^<\s[]+)\s*(?:\[[A-Za-z]+\]\s*)?(?:<\/FONT>\s*)?<\/B>/gi;

interface Marker {
  n: string;
  line: number;
}

function markersOf(html: string): Marker[] {
  return [...html.matchAll(MARKER)].map((m) => ({ n: m[1]!, line: html.slice(0, m.index).split('\n').length }));
}

/** End of the title block: the rule after "Prepared … for the Internet" (0 when there is none). */
function titleBlockEnd(html: string): number {
  const m = /Prepared[\s\S]{0,40}?for\s+the\s+Internet/i.exec(html);
  if (!m) return 0;
  const hr = /<HR\b[^>]*>/gi;
  hr.lastIndex = m.index;
  const rule = hr.exec(html);
  return rule ? rule.index + rule[0].length : m.index;
}

/** The navigation tables (they link to the site's home page) are cut, and everything after the last. */
function withoutNavigation(html: string): string {
  const tables = [...html.matchAll(/<TABLE\b[\s\S]*?<\/TABLE>/gi)];
  let out = html;
  const nav = tables.filter((t) => /HREF="\.\.\/index\.html"/i.test(t[0]));
  const last = nav.at(-1);
  if (last && !/<TABLE\b/i.test(html.slice(last.index! + last[0].length))) out = html.slice(0, last.index);
  for (const t of nav.slice(0, last ? -1 : undefined)) out = out.replace(t[0], ' ');
  return out;
}

/** Foot-of-page note blocks: the FONT after a short left rule, balanced over nested FONTs. */
function cutFootnoteBlocks(html: string): { main: string; feet: string[] } {
  const feet: string[] = [];
  let main = '';
  let at = 0;
  const rule = /<HR\b[^>]*ALIGN=left[^>]*>/gi;
  for (let m = rule.exec(html); m; m = rule.exec(html)) {
    const width = /WIDTH=(\d+)%/i.exec(m[0]);
    if (!width || Number(width[1]) > 25 || m.index < at) continue;
    const open = /<FONT\b[^>]*>/gi;
    open.lastIndex = m.index + m[0].length;
    const first = open.exec(html);
    if (!first || html.slice(m.index + m[0].length, first.index).replace(/<\/?A\b[^>]*>|<BR[^>]*>|\s/gi, '') !== '') continue;
    const tokens = /<(\/?)FONT\b[^>]*>/gi;
    tokens.lastIndex = first.index;
    let depth = 0;
    let end = html.length;
    for (let t = tokens.exec(html); t; t = tokens.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    // an unclosed FONT ends at the next page marker: the next page's text is no foot note
    const marker = html.slice(first.index, end).search(/<B>\s*page/i);
    if (marker >= 0) end = first.index + marker;
    main += html.slice(at, m.index);
    feet.push(html.slice(first.index, end));
    at = end;
    rule.lastIndex = end;
  }
  return { main: main + html.slice(at), feet };
}

const BLOCKISH = new Set(['p', 'br', 'div', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dd', 'dt', 'table', 'tr', 'td', 'th', 'hr', 'blockquote']);

/** Text of an HTML fragment as a browser shows it (entities decoded), block boundaries as spaces. */
function htmlText(fragment: string): string {
  let out = '';
  const walk = (n: { nodeName: string; value?: string; childNodes?: unknown[]; tagName?: string }) => {
    if (n.nodeName === '#text') out += n.value;
    if (n.tagName && ['script', 'style', 'title'].includes(n.tagName)) return;
    if (n.tagName && BLOCKISH.has(n.tagName)) out += ' ';
    for (const c of (n.childNodes ?? []) as (typeof n)[]) walk(c);
    if (n.tagName && BLOCKISH.has(n.tagName)) out += ' ';
  };
  walk(parseFragment(fragment) as never);
  return out;
}

/** Strip what is not running text: page markers, back-references, note labels and references. */
function stripApparatus(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // a marker with the transcription's one-word remark beside it (`[facsimile] <B>page 253</B>`,
    // `<B>page 14</B> [blank]`): the remark is said on the page break, not text
    .replace(/(?:\[[A-Za-z]+\]\s*)?<B>(?:\s*<FONT[^>]*>)?\s*page\s*[^<]*(?:<\/FONT>\s*)?<\/B>(?:\s*(?:<\/FONT>)?\s*\[[A-Za-z]+\])?/gi, ' ')
    .replace(/\[\s*pp?\.\s*<A\b[^>]*>[^<]*<\/A>\s*\]/gi, ' ')
    .replace(/<A\s+NAME="?en\d+[^>]*>[^<]*<\/A>/gi, ' ')
    .replace(NOTE_ANCHOR, ' ')
    .replace(/\[\s*<A\s+HREF="[^"]*#(?:en|fnp)[^"]*">[^<]*<\/A>\s*\]/gi, ' ')
    .replace(NOTE_LINK, (all, name: string) => (noteNames.has(name.toLowerCase()) ? ' ' : all))
    .replace(/<FONT SIZE=-2>\s*(?:<SUP>)?\s*\[\s*\d+\s*\]\s*(?:<\/SUP>)?\s*<\/FONT>/gi, ' ');
}

/**
 * Endnote anchors of any naming scheme: `<A NAME="en7">`, or an anchor closed around its own
 * label whose name ends in it (`<A NAME="n7">[7]</A>`, `<A NAME="en56a">[56a]</A>`).
 */
const NOTE_ANCHOR = /<A\s+NAME="?([A-Za-z]*?)"?(\d+[a-z]?)"?>\s*\[?\s*\2\s*\]?\s*<\/A>/gi;
const NOTE_LINK = /\[\s*<A\s+HREF="[^"#]*#([^"]*)">\s*\d{1,3}[a-z]?\s*<\/A>\s*\]/gi;
/** The note anchor names of the page being read (set by sourceFacts before stripApparatus runs). */
let noteNames = new Set<string>();

interface SourceFacts {
  markers: Marker[];
  mainWords: string[];
  footWords: string[];
  /** Numbered endnotes: number → label. */
  endNotes: Map<string, string>;
  /** References to endnotes, per note number. */
  endRefs: Map<string, number>;
  footRefs: number;
  titleWords: string[];
  volume?: string;
  pageFrom?: string;
}

function sourceFacts(html: string): SourceFacts {
  const cut = titleBlockEnd(html);
  const region = withoutNavigation(html.slice(cut).replace(/<\/BODY>[\s\S]*$/i, ''));
  // in the notes (from the first note on), `[<A HREF="#pref1">preface</A>]` is a back-reference too
  const anchors = [...region.matchAll(NOTE_ANCHOR)];
  noteNames = new Set(anchors.map((m) => (m[1]! + m[2]!).toLowerCase()));
  const firstNote = Math.min(...[region.search(/<A\s+NAME="?en\d/i), anchors[0]?.index ?? -1].map((i) => (i < 0 ? Infinity : i)));
  const notesPart = firstNote === Infinity ? '' : region.slice(firstNote).replace(/\[\s*<A\s+HREF="[^"]*#[^"]*">\s*[A-Za-z][^<]*<\/A>\s*\]/gi, ' ');
  const { main, feet } = cutFootnoteBlocks(firstNote === Infinity ? region : region.slice(0, firstNote) + notesPart);
  const titleText = htmlText(html.slice(0, cut));
  const endNotes = new Map<string, string>();
  for (const m of region.matchAll(/<A\s+NAME="?(en\d+)"?>([^<]*)<\/A>/gi)) endNotes.set(m[1]!.toLowerCase(), m[2]!.replace(/[[\]\s.]/g, ''));
  for (const m of anchors) endNotes.set((m[1]! + m[2]!).toLowerCase(), m[2]!);
  const endRefs = new Map<string, number>();
  for (const m of region.matchAll(NOTE_LINK)) {
    const name = m[1]!.toLowerCase();
    if (endNotes.has(name) || /^en\d/.test(name)) endRefs.set(name, (endRefs.get(name) ?? 0) + 1);
  }
  // the first page statement of the title block, with the volume when it is stated with it
  const pages = /(?:Vol\.\s*([IVXLC]+|\d+)\s*,\s*)?\bpp?\.\s*(\d+)/i.exec(titleText);
  return {
    markers: markersOf(html),
    mainWords: words(htmlText(stripApparatus(main))),
    footWords: words(feet.map((f) => htmlText(stripApparatus(f))).join(' ')),
    endNotes,
    endRefs,
    footRefs: [...region.matchAll(/\[\s*<A\s+HREF="[^"#]*#fnp[^"]*">[^<]*<\/A>\s*\]/gi)].length,
    titleWords: words(titleText),
    ...(pages?.[1] ? { volume: pages[1] } : {}),
    ...(pages ? { pageFrom: pages[2]! } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// What the TEI says
// ---------------------------------------------------------------------------------------------

interface TeiFacts {
  pbs: { n: string; edRef?: string }[];
  mainWords: string[];
  footWords: string[];
  notes: { id: string; n: string; place: string; target: string[] }[];
  refs: { id: string; target: string }[];
  title: string;
  author: string;
  volume?: string;
  pageFrom?: string;
}

const TEI_BLOCKS = new Set(['p', 'head', 'item', 'cell', 'row', 'dateline', 'salute', 'signed', 'note', 'quote', 'lb', 'list', 'table', 'figure', 'div', 'opener', 'closer', 'label', 'byline', 'docTitle', 'titlePart', 'figDesc']);

/**
 * @param suppliedNotesHead the source has no NOTES line: the writer's own `<head>` of the notes
 *   division is editorial, not a word of the source
 */
function teiFacts(xml: string, suppliedNotesHead = false): TeiFacts {
  const facts: TeiFacts = { pbs: [], mainWords: [], footWords: [], notes: [], refs: [], title: '', author: '' };
  const parser = new SaxesParser({ xmlns: false });
  const stack: { name: string; skip: boolean; foot?: string; capture?: 'title' | 'author' | 'volume'; notesDiv?: boolean }[] = [];
  let main = '';
  const foot = new Map<string, string>();
  const footOrder: string[] = [];
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    const parent = stack.at(-1);
    let skip = parent?.skip ?? false;
    let footId = parent?.foot;
    let capture = parent?.capture;
    if (tag.name === 'teiHeader') skip = true;
    if (tag.name === 'title' && a.type === 'main' && !facts.title) capture = 'title';
    if (tag.name === 'author' && !facts.author && stack.some((s) => s.name === 'titleStmt')) capture = 'author';
    // the first print edition's volume (an edition it is "Based on" may state its own)
    if (tag.name === 'biblScope' && a.unit === 'volume' && facts.volume === undefined) capture = 'volume';
    if (tag.name === 'biblScope' && a.unit === 'page' && a.from) facts.pageFrom ??= a.from;
    if (tag.name === 'ref' && (a.type === 'noteref' || a.type === 'pageref')) skip = true;
    if (tag.name === 'ref' && a.type === 'noteref') facts.refs.push({ id: a['xml:id'] ?? '', target: a.target ?? '' });
    if (tag.name === 'orig') skip = true;
    if (tag.name === 'head' && suppliedNotesHead && parent?.name === 'div' && parent.notesDiv) skip = true;
    if (tag.name === 'note' && !stack.some((s) => s.name === 'teiHeader')) {
      facts.notes.push({ id: a['xml:id'] ?? '', n: a.n ?? '', place: a.place ?? '', target: (a.target ?? '').split(/\s+/).filter(Boolean) });
      if (a.place === 'foot') {
        footId = a['xml:id'] ?? '';
        foot.set(footId, '');
        footOrder.push(footId);
      }
    }
    if (tag.name === 'pb' && !skip) {
      facts.pbs.push({ n: a.n ?? '', edRef: a.edRef });
      // the printed hyphen of a word split across pages is restored, as the source prints it
      if (a.break === 'no' && a.rend === 'hyphen') append('-', footId);
      else if (a.break !== 'no') append(' ', footId);
    }
    if (TEI_BLOCKS.has(tag.name)) append(' ', footId);
    stack.push({ name: tag.name, skip, ...(footId ? { foot: footId } : {}), ...(capture ? { capture } : {}), ...(tag.name === 'div' && a.type === 'notes' ? { notesDiv: true } : {}) });
  });
  const append = (text: string, footId: string | undefined) => {
    if (footId) foot.set(footId, foot.get(footId)! + text);
    else main += text;
  };
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top?.capture === 'title') facts.title += text;
    if (top?.capture === 'author') facts.author += text;
    if (top?.capture === 'volume') facts.volume = (facts.volume ?? '') + text;
    if (!top || top.skip) return;
    append(text, top.foot);
  });
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    if (TEI_BLOCKS.has(tag.name)) append(' ', top?.foot && tag.name !== 'note' ? top.foot : stack.at(-1)?.foot);
  });
  parser.write(xml).close();
  facts.mainWords = words(main);
  // foot notes are numbered in the order the source has them (fn1, fn2…): compare in that order
  const byNumber = [...footOrder].sort((x, y) => Number(x.replace(/\D/g, '')) - Number(y.replace(/\D/g, '')));
  facts.footWords = words(byNumber.map((id) => foot.get(id)).join(' '));
  return facts;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

interface Page {
  file: string;
  name: string;
  html: string;
  source: SourceFacts;
  ms: number;
  /** The first time, when it was over the limit and the page was converted again. */
  firstMs?: number;
  edition?: Edition;
  refusal?: string;
  tei?: string;
  teiPath?: string;
  facts?: TeiFacts;
  misses: string[];
}

const pages: Page[] = [];
let jingErrors: string[] = [];
const outDir = mkdtempSync(join(tmpdir(), 'teikit-corpus-'));
const jing = requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng());

beforeAll(async () => {
  for (const file of htmlFiles(corpusDir)) {
    const bytes = readFileSync(file);
    const html = decode(bytes);
    const name = relative(corpusDir, file);
    const page: Page = { file, name, html, source: sourceFacts(html), ms: 0, misses: [] };
    const t0 = performance.now();
    const result = readMarx2mao(bytes, file);
    if (result.ok) {
      page.edition = result.edition;
      page.tei = writeTei(result.edition, publication);
      page.ms = performance.now() - t0; // the conversion: reading and writing TEI
      page.teiPath = join(outDir, `${name.replace(/[/\\&]/g, '_')}.tei.xml`);
      writeFileSync(page.teiPath, page.tei);
      page.facts = teiFacts(page.tei, !!result.edition.notes && !result.edition.notes.heading?.length);
    } else {
      page.refusal = result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
    }
    if (!result.ok) page.ms = performance.now() - t0;
    if (page.ms >= LIMIT_MS) {
      // over the limit: convert once more, so that a load spike on a shared machine is not taken
      // for the converter's own time (both times are in the table)
      const t1 = performance.now();
      const again = readMarx2mao(bytes, file);
      if (again.ok) writeTei(again.edition, publication);
      page.firstMs = page.ms;
      page.ms = performance.now() - t1;
    }
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
    String(p.facts ? p.facts.mainWords.length + p.facts.footWords.length : '-'),
    p.firstMs ? `${p.ms.toFixed(0)} (first ${p.firstMs.toFixed(0)})` : p.ms.toFixed(0),
    p.refusal ? 'refused (not a work)' : p.misses.length ? `MISS: ${p.misses.join(' | ')}` : 'ok',
  ]);
  const head = ['file', 'pages', 'notes', 'words', 'ms', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 5 ? 0 : r[i]!.length))));
  const line = (r: string[]) => r.map((c, i) => (i === 5 ? c : i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const slowest = [...pages].sort((a, b) => (b.firstMs ?? b.ms) - (a.firstMs ?? a.ms))[0];
  const works = pages.filter((p) => p.edition);
  console.log(
    [
      line(head),
      ...rows.map(line),
      `${pages.length} pages: ${works.length} works converted, ${pages.length - works.length} refused; ` +
        `${works.reduce((s, p) => s + (p.facts?.pbs.length ?? 0), 0)} page breaks, ` +
        `${works.reduce((s, p) => s + (p.facts?.notes.length ?? 0), 0)} notes, ` +
        `${works.reduce((s, p) => s + (p.facts ? p.facts.mainWords.length + p.facts.footWords.length : 0), 0)} words; ` +
        `slowest ${slowest?.name} ${(slowest?.firstMs ?? slowest?.ms ?? 0).toFixed(0)} ms (first conversion in the process)`,
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
  it.runIf(isSample)('has the 56 sample pages', () => {
    expect(pages.length).toBe(56);
  });

  it('refuses exactly the pages without page markers, with one clear diagnostic', () => {
    for (const p of pages) {
      const isWork = p.source.markers.length > 0;
      check(p, 'work/non-work', () => expect(p.refusal === undefined, `${p.name}: ${p.refusal}`).toBe(isWork));
      if (p.refusal) expect(p.refusal).toMatch(/^not-a-work: not a work \(no print page markers/);
    }
    if (isSample) expect(pages.filter((p) => p.refusal).map((p) => p.name).sort()).toEqual(['Mao/Index.html', 'Other/HCPSU39NB.html', 'Stalin/NOTE.html']);
  });

  it('converts every page in under 2 s', () => {
    for (const p of pages) check(p, `time ${p.ms.toFixed(0)} ms`, () => expect(p.ms, p.name).toBeLessThan(LIMIT_MS));
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
        expect(p.facts!.pbs.every((b) => b.edRef === '#flp'), p.name).toBe(true);
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
    for (const p of pages.filter((x) => x.edition)) {
      check(p, 'words', () => {
        expect(firstDifference(p.source.mainWords, p.facts!.mainWords), `${p.name} (text and endnotes)`).toBeUndefined();
        expect(firstDifference(p.source.footWords, p.facts!.footWords), `${p.name} (foot notes)`).toBeUndefined();
      });
    }
  });

  it('has title, author, volume and page range in the header when the title block states them', () => {
    for (const p of pages.filter((x) => x.edition)) {
      check(p, 'header', () => {
        const f = p.facts!;
        const title = words(f.title);
        expect(title.length, p.name).toBeGreaterThan(0);
        const tw = p.source.titleWords.join(' ');
        if (tw) {
          expect(` ${tw} `, `${p.name}: title`).toContain(` ${title.join(' ')} `);
          for (const w of words(f.author).filter((x) => x !== 'and')) expect(p.source.titleWords, `${p.name}: author`).toContain(w);
        }
        if (p.source.volume) expect(f.volume?.trim(), `${p.name}: volume`).toBe(p.source.volume);
        if (p.source.pageFrom) expect(f.pageFrom, `${p.name}: first page`).toBe(p.source.pageFrom);
      });
    }
  });
});
