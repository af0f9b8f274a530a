/**
 * Page numbers in sequence, shared by the TEI writer (which declares irregular pages as
 * pb/@type) and the validator (which checks them): both must find the same pages irregular.
 */

const ROMAN = /^(?=[mdclxvi])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/;

/** Value of a page number: arabic or roman (case-insensitive); undefined when neither. */
export function pageValue(n: string): { kind: 'arabic' | 'roman'; value: number } | undefined {
  if (/^\d+$/.test(n)) return { kind: 'arabic', value: Number(n) };
  const s = n.toLowerCase();
  if (!ROMAN.test(s)) return undefined;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const cur = v[s[k]!]!;
    const next = v[s[k + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return { kind: 'roman', value: total };
}

/** Why a page is out of sequence, and the regular page it is judged against. */
export interface Irregularity {
  kind: 'out-of-sequence' | 'repeated';
  /** Index of the last regular page before it (undefined: none). */
  prev?: number;
  /** A page higher than the page after it: the index of that next page. */
  next?: number;
}

/**
 * The irregular pages of one sequence (one edition, one kind of number), by index. The numbers
 * must increase; a single wrong number is blamed on itself, not on the correct pages after it: a
 * page higher than the page after it, where that next page follows the page before it, is the one
 * out of place (275, 276, 377, 278: 377). A page not above the last regular page is out of
 * sequence (`repeated` when it is that page again).
 */
export function irregularPages(values: readonly number[]): Map<number, Irregularity> {
  const out = new Map<number, Irregularity>();
  let prev: number | undefined;
  values.forEach((cur, i) => {
    const next = values[i + 1];
    const before = prev === undefined ? undefined : values[prev]!;
    // a page higher than the next is the wrong one where the pages around it agree with each other:
    // the one before and the next, or (first of all) the next and the one after it
    const after = values[i + 2];
    const agreeAround = before === undefined ? after !== undefined && after > next! : next! > before && cur > before;
    if (next !== undefined && next < cur && agreeAround) {
      out.set(i, { kind: 'out-of-sequence', ...(prev !== undefined ? { prev } : {}), next: i + 1 });
      return;
    }
    if (before !== undefined && cur <= before) {
      out.set(i, { kind: cur === before ? 'repeated' : 'out-of-sequence', prev });
      return;
    }
    prev = i;
  });
  return out;
}

/** A printed range as attributes: `to` only where it does not come before `from` (`pp. 50-11`, a misprint). */
export function rangeIsOrdered(from: string, to: string): boolean {
  const a = pageValue(from);
  const b = pageValue(to);
  return !(a && b && a.kind === b.kind && a.value > b.value);
}
