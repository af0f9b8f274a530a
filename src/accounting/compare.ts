/**
 * The comparison of one source's inventory with the TEI: counts on both sides, word recall and
 * precision per region from an in-order alignment, and every source item the TEI does not account
 * for, at its source position. Declared repairs account for what they say (a repeated marker
 * dropped at its line; page breaks another witness supplied are not this source's).
 */
import type { SourcePosition } from '../model/types.js';
import { UNSTATED } from '../tei/repair.js';
import { align } from './align.js';
import { matchTablesAsMultisets } from './tables.js';
import type { TeiFacts } from './tei.js';
import { REGIONS, regionOf, type FidelityCounts, type Inventory, type RegionCounts, type SourceFidelity, type Span, type Unaccounted, type WordList, wordText, wordTexts } from './types.js';
import { words } from './source-text.js';

export interface CompareOptions {
  role: 'base' | 'witness';
  /** The witness id of the source (its page breaks name it in pb/@source). */
  witness?: string;
  /** Lines of the source where the conversion dropped a repeated page marker (declared repairs). */
  droppedMarkerLines?: number[];
}

const zero = (): RegionCounts => ({ body: 0, endnotes: 0, foot: 0 });
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 10000) / 10000);
/** Add to `all` the words of each region, and to `hits` those the alignment matched. */
function tally(regions: Uint8Array, matched: Uint8Array, all: RegionCounts, hits: RegionCounts): void {
  const total = new Int32Array(REGIONS.length);
  const found = new Int32Array(REGIONS.length);
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i]!;
    total[r]! += 1;
    found[r]! += matched[i]!;
  }
  REGIONS.forEach((r, code) => {
    all[r] += total[code]!;
    hits[r] += found[code]!;
  });
}
const quote = (ws: string[]) => (ws.length > 8 ? `${ws.slice(0, 8).join(' ')} …` : ws.join(' '));

export function compareWithTei(inv: Inventory, tei: TeiFacts, options: CompareOptions): SourceFidelity {
  const unaccounted: Unaccounted[] = [];
  const miss = (kind: Unaccounted['kind'], message: string, pos: SourcePosition) => unaccounted.push({ kind, message, pos });

  // Page breaks: this source's markers, in order, against the TEI's breaks that it attests.
  const attested = tei.pbs.some((p) => p.source) && options.witness ? tei.pbs.filter((p) => !p.source || p.source.split(/\s+/).includes(`#${options.witness}`)) : tei.pbs;
  const pages = align(inv.markers.map((m) => m.n), attested.map((p) => p.n));
  inv.markers.forEach((m, i) => {
    if (pages.a[i]) return;
    if (m.n !== inv.markers[i - 1]?.n || !options.droppedMarkerLines?.includes(m.pos.line)) miss('page', `page ${m.n}${m.remark ? ` [${m.remark}]` : ''}: the source's page marker has no page break in the TEI`, m.pos);
  });

  // Notes: endnotes by their labels, in order; foot notes by their number and labels.
  const teiEnd = tei.notes.filter((n) => n.place !== 'foot');
  const teiFoot = tei.notes.filter((n) => n.place === 'foot');
  const srcEnd = inv.notes.filter((n) => n.place === 'end');
  const srcFoot = inv.notes.filter((n) => n.place === 'foot');
  const ends = align(srcEnd.map((n) => n.label), teiEnd.map((n) => n.n));
  srcEnd.forEach((n, i) => ends.a[i] || miss('note', `note ${n.label}: the source's note is not in the TEI`, n.pos));
  if (srcFoot.length > teiFoot.length) {
    const feet = align(srcFoot.map((n) => n.label), teiFoot.map((n) => n.n));
    let surplus = srcFoot.length - teiFoot.length;
    srcFoot.forEach((n, i) => !feet.a[i] && surplus-- > 0 && miss('note', `foot note ${n.label}: the source's page-foot note is not in the TEI`, n.pos));
  }

  // References: per endnote, as many in the TEI as in the source; page-foot references in all.
  const labelOfKey = new Map(srcEnd.flatMap((n) => (n.key ? [[n.key, n.label] as const] : [])));
  const noteById = new Map(tei.notes.map((n) => [n.id, n]));
  const teiRefs = new Map<string, number>();
  let teiFootRefs = 0;
  for (const r of tei.refs) {
    const note = noteById.get(r.target.replace(/^#/, ''));
    if (note?.place === 'foot') teiFootRefs++;
    else if (note) teiRefs.set(note.n, (teiRefs.get(note.n) ?? 0) + 1);
  }
  // an unlinked `[1]` where the page has no endnote 1 refers to a numbered page-foot note
  const endLabels = new Set(srcEnd.map((n) => n.label));
  const isFootRef = (r: (typeof inv.refs)[number]) => r.place === 'foot' || (!r.key && !endLabels.has(r.label) && srcFoot.length > 0);
  const srcRefs = new Map<string, typeof inv.refs>();
  for (const r of inv.refs.filter((x) => !isFootRef(x))) {
    const label = (r.key && labelOfKey.get(r.key)) || r.label;
    srcRefs.set(label, [...(srcRefs.get(label) ?? []), r]);
  }
  const noteLabels = new Set(srcEnd.map((n) => n.label));
  // A CMPA reference whose note the source does not have (a note lost from the reprint) can only
  // be kept as its printed mark, `[3]`: that the TEI does, unlinked, and the reader says so
  // (`note-missing`, at the reference). Where the TEI has the mark's number as a word at the
  // reference's place, the reference is accounted for and the number is the source's mark, not
  // words the TEI added. (A marx2mao page's dangling link stays unaccounted, as documented; its
  // unlinked `[1]` with no note the reader takes for text without a word, so it is not done there.)
  const orphans = new Set<(typeof inv.refs)[number]>();
  const unlinkedRefs: (typeof inv.refs)[number][] = [];
  for (const [label, list] of srcRefs) {
    for (const r of list.slice(teiRefs.get(label) ?? 0)) {
      unlinkedRefs.push(r);
      if (inv.format === 'cmpa' && !r.key && !noteLabels.has(label)) orphans.add(r);
    }
  }
  const before = (a: SourcePosition, b: SourcePosition) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  /** The orphan reference whose mark the TEI's word `word` is, the source's words around it being `from` and `to`. */
  const orphanKeptAs = (word: string, from: SourcePosition | undefined, to: SourcePosition | undefined) => {
    for (const r of orphans) {
      if (r.label === word && (!from || before(from, r.pos)) && (!to || before(r.pos, to))) {
        orphans.delete(r);
        return true;
      }
    }
    return false;
  };
  const srcFootRefs = inv.refs.filter(isFootRef);
  for (const r of srcFootRefs.slice(teiFootRefs)) miss('noteref', `reference [${r.label}] to a page-foot note: not linked in the TEI`, r.pos);

  // Words, per region, by an in-order alignment.
  const recallHits = zero();
  const precisionHits = zero();
  const src = zero();
  const out = zero();
  const remarks = new Set(inv.markers.flatMap((m) => (m.remark ? words(m.remark) : [])));
  const wordsOf = (list: WordList, teiList: WordList, tables?: { source: readonly Span[]; tei: readonly Span[] }) => {
    const al = align(list.h, teiList.h);
    if (tables) matchTablesAsMultisets(list, tables.source, teiList, tables.tei, al);
    const n = list.h.length;
    const m = teiList.h.length;
    tally(list.region, al.a, src, recallHits);
    tally(teiList.region, al.b, out, precisionHits);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && !al.a[i]) {
        const start = i;
        while (i < n && !al.a[i]) i++;
        miss('words', `${i - start} word(s) of the ${regionOf(list, start)} not in the TEI: «${quote(wordTexts(list, start, i))}»`, inv.position(list.at[start]!));
      } else if (j < m && !al.b[j]) {
        const start = j;
        while (j < m && !al.b[j]) j++;
        // words the TEI has and the source has not, placed at the source word they follow (a
        // reference kept as text follows the word it was printed after, not the next paragraph)
        const at = list.at[Math.max(0, Math.min(i, n) - 1)] ?? 0;
        // a marker's remark (`[blank]`) kept as text is the source's, not an addition; so is the
        // number of a reference kept as its printed mark, having no note to link to
        const one = j - start === 1 ? wordText(teiList, start) : undefined;
        const remarkKept = one !== undefined && remarks.has(one);
        const markKept = one !== undefined && !remarkKept
          && orphanKeptAs(one, i > 0 ? inv.position(list.at[i - 1]!) : undefined, i < n ? inv.position(list.at[i]!) : undefined);
        if (options.role === 'base' && !remarkKept && !markKept) miss('added-words', `${j - start} word(s) in the ${regionOf(teiList, start)} of the TEI that the source does not have: «${quote(wordTexts(teiList, start, j))}»`, inv.position(at));
      } else {
        i++;
        j++;
      }
    }
    if (al.gaveUp) miss('words', 'the source and the TEI differ in too many words to be aligned exactly', inv.position(list.at[0] ?? 0));
  };
  wordsOf(inv.mainWords, tei.mainWords, { source: inv.tables ?? [], tei: tei.tables });
  wordsOf(inv.footWords, tei.footWords);

  // The references the TEI does not link (an orphan kept as its mark, found above, excepted).
  for (const r of unlinkedRefs) {
    const label = (r.key && labelOfKey.get(r.key)) || r.label;
    // a link to an anchor the page does not have is the source's fault: say so
    if (r.key && !labelOfKey.has(r.key) && !noteLabels.has(label)) miss('noteref', `reference [${r.label}] links to #${r.key}, a note the source page does not have (kept as text in the TEI)`, r.pos);
    else if (inv.format === 'cmpa' && !r.key && !noteLabels.has(label) && !orphans.has(r)) continue;
    else miss('noteref', `reference [${r.label}] to note ${label}: not linked to its note in the TEI`, r.pos);
  }

  // The title block's facts in the header.
  const t = inv.title;
  if (t.words.length > 0) {
    const block = ` ${t.words.join(' ')} `;
    const title = words(tei.title);
    // display type may be letter-spaced (`H I S T O R Y`): the title's letters, in order, suffice
    const squash = (ws: string[]) => ws.join('').replace(/[^\p{L}\p{N}]/gu, '');
    const inBlock = block.includes(` ${title.join(' ')} `) || squash(t.words).includes(squash(title));
    if (title.length === 0 || !inBlock) miss('title', `the TEI's title «${tei.title.trim()}» is not the title block's`, t.pos);
    // the writer's declared placeholder for a source that names no author is no claim about it
    const author = tei.author.trim() === UNSTATED.author ? '' : tei.author;
    const stray = words(author).filter((w) => w !== 'and' && !t.words.includes(w));
    if (options.role === 'base' && stray.length > 0) miss('author', `the TEI's author «${tei.author.trim()}» is not in the title block`, t.pos);
  }
  if (t.volume && !tei.volumes.includes(t.volume)) miss('volume', `volume ${t.volume} of the title block is not in the TEI header`, t.pos);
  if (t.pageFrom && !tei.pageFroms.includes(t.pageFrom)) miss('page-range', `page range from ${t.pageFrom} of the title block is not in the TEI header`, t.pos);

  const counts = (pagesN: number, notesN: number, refsN: number, w: RegionCounts): FidelityCounts => ({ pages: pagesN, notes: notesN, noteRefs: refsN, words: w });
  return {
    file: inv.file,
    format: inv.format,
    role: options.role,
    source: counts(inv.markers.length, inv.notes.length, inv.refs.length, src),
    tei: counts(tei.pbs.length, tei.notes.length, tei.refs.length, out),
    recall: Object.fromEntries(REGIONS.map((r) => [r, ratio(recallHits[r], src[r])])) as RegionCounts,
    precision: Object.fromEntries(REGIONS.map((r) => [r, ratio(precisionHits[r], out[r])])) as RegionCounts,
    repaired: 0,
    unaccounted: unaccounted.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column),
  };
}
