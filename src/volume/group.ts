/**
 * Works → print volumes. Works whose print edition has the same collection title and volume
 * number (docs/encoding.md, "Volumes") are one volume; in it they stand in print order (by first
 * page), and what lies between two works' pages is missing from the collection.
 */
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import { pageKey, type VolumeMember } from './member.js';

export interface MemberSpan {
  member: VolumeMember;
  /** First and last print page of the work: its title block's range and its page breaks together. */
  first?: string;
  last?: string;
}

export interface MissingPages {
  from: string;
  to: string;
  /** The works on either side of the gap. */
  after: VolumeMember;
  before: VolumeMember;
}

export interface Volume {
  /** A file-name-safe id: `selected-works-of-mao-tse-tung-v5`. */
  id: string;
  collection: string;
  volume: { text: string; n?: string };
  /** The works in print order. */
  members: MemberSpan[];
  /** Every print page present (text and notes), in print order, each once: the EPUB's page list. */
  pages: string[];
  /** Pages between two works that no work of the collection holds. */
  missing: MissingPages[];
  diagnostics: Diagnostic[];
}

const norm = (s: string) => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[.,;:\s]+$/, '').trim();

/**
 * The key of a member's print volume: collection title, whose collection it is where the header
 * says (Lenin's *Collected Works* are not Marx and Engels's), publisher and volume number, case and
 * spacing aside.
 */
export function volumeKey(m: VolumeMember): string {
  const { collection, authors, publisher, volume } = m.print;
  return [norm(collection), ...authors.map(norm), ...publisher.map(norm), volume.n ?? norm(volume.text)].join('\u0000');
}

/** Print order of pages: roman (front matter) before arabic; others after, in the order given. */
export function byPrintOrder(pages: string[]): string[] {
  return pages.map((p, i) => ({ p, i, k: pageKey(p) ?? Infinity })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.p);
}

/** A work's place in the volume: its text's pages (its notes may be at the back of the volume) and its title block's range. */
function span(member: VolumeMember): MemberSpan {
  const candidates = [...member.textPages];
  const { range } = member;
  // a range whose end comes before its start (a typo of the title block) gives only its start
  if (range) {
    const [a, b] = [pageKey(range.from), pageKey(range.to)];
    if (a !== undefined) candidates.push(range.from);
    if (a !== undefined && b !== undefined && b >= a) candidates.push(range.to);
  }
  const keyed = candidates.filter((p) => pageKey(p) !== undefined).sort((x, y) => pageKey(x)! - pageKey(y)!);
  return { member, ...(keyed.length ? { first: keyed[0]!, last: keyed.at(-1)! } : {}) };
}

/** Group members by print volume; volumes in order of collection and number, works in print order. */
export function groupVolumes(members: VolumeMember[]): Volume[] {
  const byKey = new Map<string, VolumeMember[]>();
  for (const m of members) {
    const key = volumeKey(m);
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  const volumes = [...byKey.values()].map(makeVolume);
  // ties (one title and number, other authors or publishers) by their key: the same order, and so
  // the same -2 suffixes, whatever the order of the inputs
  const keyOf = (v: Volume) => volumeKey(v.members[0]!.member);
  volumes.sort((a, b) => a.collection.localeCompare(b.collection) || (Number(a.volume.n ?? NaN) - Number(b.volume.n ?? NaN) || a.volume.text.localeCompare(b.volume.text)) || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return distinctIds(volumes);
}

/**
 * Two volumes of one collection title and number (Lenin's and Marx and Engels's *Collected Works*,
 * vol. 2) would be written to one folder, the second over the first: their ids name their authors
 * (`collected-works-lenin-v2`), and volumes still alike (another publisher) take `-2`, `-3`.
 */
function distinctIds(volumes: Volume[]): Volume[] {
  const count = (list: Volume[]) => list.reduce((m, v) => m.set(v.id, (m.get(v.id) ?? 0) + 1), new Map<string, number>());
  const plain = count(volumes);
  const named = volumes.map((v) => {
    if (plain.get(v.id)! < 2) return v;
    const print = v.members[0]!.member.print;
    return { ...v, id: volumeId(v.collection, v.volume.n ?? v.volume.text, print.authors.join(' ')) };
  });
  const seen = new Map<string, number>();
  return named.map((v) => {
    const n = (seen.get(v.id) ?? 0) + 1;
    seen.set(v.id, n);
    return n === 1 ? v : { ...v, id: `${v.id}-${n}` };
  });
}

function makeVolume(list: VolumeMember[]): Volume {
  const first = list[0]!;
  const spans = list.map(span).sort(
    (a, b) => (pageKey(a.first ?? '') ?? Infinity) - (pageKey(b.first ?? '') ?? Infinity) || a.member.id.localeCompare(b.member.id),
  );
  const diagnostics: Diagnostic[] = [];
  const missing: MissingPages[] = [];
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    const end = pageKey(a.last ?? '');
    const start = pageKey(b.first ?? '');
    if (end === undefined || start === undefined) continue;
    if (start > end + 1 && end > 0) missing.push({ from: String(end + 1), to: String(start - 1), after: a.member, before: b.member });
    else if (start < end) {
      diagnostics.push(
        diagnostic('warning', 'volume-overlap', `${b.member.id} (pp. ${b.first}-${b.last}) begins before ${a.member.id} (pp. ${a.first}-${a.last}) ends: two works of one volume share at most a page: a title block may give the whole work's pages for a part, or the wrong volume or pages`, { file: b.member.file }),
      );
    }
  }
  const pages = byPrintOrder([...new Set(spans.flatMap((s) => s.member.pages))]);
  const volume = first.print.volume;
  return {
    id: volumeId(first.print.collection, volume.n ?? volume.text),
    collection: first.print.collection,
    volume,
    members: spans,
    pages,
    missing,
    diagnostics,
  };
}

export function volumeId(collection: string, volume: string, by?: string): string {
  const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const whose = by && slug(by) ? `-${slug(by)}` : '';
  return `${slug(collection) || 'volume'}${whose}-v${slug(volume) || 'x'}`;
}

/** `22, 43-49, 57-58`: pages as ranges (consecutive arabic numbers joined), in the order given. */
export function pageRanges(pages: string[]): string {
  const out: string[] = [];
  let run: [string, number, string] | undefined;
  const flush = () => run && out.push(run[0] === run[2] ? run[0] : `${run[0]}-${run[2]}`);
  for (const p of pages) {
    const n = /^\d+$/.test(p) ? Number(p) : undefined;
    if (run && n !== undefined && n === run[1] + 1) run = [run[0], n, p];
    else {
      flush();
      run = [p, n ?? NaN, p];
    }
  }
  flush();
  return out.join(', ');
}
