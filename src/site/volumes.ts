/**
 * The works of one print volume, in print order: works whose headers place them in the same
 * collection and volume (a book of one volume: the same collection), ordered by their first print
 * page, so that a work page can link the previous and the next work of its volume.
 */
import type { WorkEntry } from '../pipeline/work-entry.js';

export interface Neighbours {
  prev?: WorkEntry;
  next?: WorkEntry;
}

function volumeKey(w: WorkEntry): string | undefined {
  return w.print ? `${w.print.collection}\u0000${w.print.volume ?? ''}` : undefined;
}

/** The first print page as a number where it is one (`9` before `10`); others after, by text. */
function firstPage(w: WorkEntry): [number, string] {
  const from = w.print?.pages?.from ?? '';
  return /^\d+$/.test(from) ? [Number(from), ''] : [Number.MAX_SAFE_INTEGER, from];
}

function printOrder(a: WorkEntry, b: WorkEntry): number {
  const [na, ta] = firstPage(a);
  const [nb, tb] = firstPage(b);
  if (na !== nb) return na - nb;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Each work's previous and next work in its volume (by id). */
export function volumeNeighbours(works: WorkEntry[]): Map<string, Neighbours> {
  const volumes = new Map<string, WorkEntry[]>();
  for (const w of works) {
    const key = volumeKey(w);
    if (key !== undefined) volumes.set(key, [...(volumes.get(key) ?? []), w]);
  }
  const out = new Map<string, Neighbours>();
  for (const members of volumes.values()) {
    members.sort(printOrder);
    members.forEach((w, i) => out.set(w.id, { ...(i > 0 ? { prev: members[i - 1] } : {}), ...(i + 1 < members.length ? { next: members[i + 1] } : {}) }));
  }
  return out;
}
