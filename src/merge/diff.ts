/**
 * Myers' O(ND) difference algorithm on word sequences: the longest common subsequence of two
 * witnesses' words, as matched index pairs. Witnesses of one work differ in few words, so D is
 * small; the trace kept for backtracking holds only the live diagonals of each step (D² numbers).
 */

/** Matched positions, increasing in both sequences. */
export type Match = [a: number, b: number];

/** Beyond this many edits the witnesses are not versions of one text: give up rather than swap. */
export const MAX_EDITS = 4000;

export function diffWords(a: readonly string[], b: readonly string[]): Match[] | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  if (!middle) return undefined;
  const out: Match[] = [];
  for (let i = 0; i < start; i++) out.push([i, i]);
  for (const [x, y] of middle) out.push([x + start, y + start]);
  for (let i = 0; i < a.length - endA; i++) out.push([endA + i, endB + i]);
  return out;
}

function myers(a: readonly string[], b: readonly string[]): Match[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d][k + d] = furthest x on diagonal k after d edits.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (v[offset + n - m]! >= n && Math.abs(n - m) <= d && (n - m + d) % 2 === 0) {
      found = d;
      break;
    }
  }
  if (found < 0) return undefined;

  const matches: Match[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const midX = down ? prevX : prevX + 1;
    while (x > midX) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    matches.push([x, y]);
  }
  return matches.reverse();
}
