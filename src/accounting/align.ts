/**
 * In-order alignment of two word sequences: which words of each side have a counterpart, in order,
 * on the other (a longest common subsequence by Myers' O((N+M)·D) diff, after the common prefix and
 * suffix). Conversions differ from their source in a handful of words, so D is small; past `maxD`
 * differences the middle is left unmatched (the comparison says so rather than taking seconds).
 */

export interface Alignment {
  /** 1 where the word of `a` has its counterpart in `b`. */
  a: Uint8Array;
  b: Uint8Array;
  /** The alignment gave up (more than maxD differences): the unmatched middle is not exact. */
  gaveUp: boolean;
}

export function align<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>, maxD = 2000): Alignment {
  const ma = new Uint8Array(a.length);
  const mb = new Uint8Array(b.length);
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) {
    ma[lo] = mb[lo] = 1;
    lo++;
  }
  let ea = a.length;
  let eb = b.length;
  while (ea > lo && eb > lo && a[ea - 1] === b[eb - 1]) {
    ma[--ea] = 1;
    mb[--eb] = 1;
  }
  if (ea === lo || eb === lo) return { a: ma, b: mb, gaveUp: false };
  const [x0, y0] = a instanceof Float64Array && b instanceof Float64Array ? [a.subarray(lo, ea), b.subarray(lo, eb)] : codes(a, b, lo, ea, eb);
  const gaveUp = !myers(x0, y0, maxD, (i, j) => {
    ma[lo + i] = 1;
    mb[lo + j] = 1;
  });
  slideGaps(a, ma);
  slideGaps(b, mb);
  return { a: ma, b: mb, gaveUp };
}

/** The middles of two lists of strings as numbers: comparisons in Myers' inner loop are then
 * number compares (word hashes are numbers already). */
function codes<T>(a: ArrayLike<T>, b: ArrayLike<T>, lo: number, ea: number, eb: number): [Int32Array, Int32Array] {
  const ids = new Map<T, number>();
  const code = (w: T) => {
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    return id;
  };
  const x = new Int32Array(ea - lo);
  const y = new Int32Array(eb - lo);
  for (let i = lo; i < ea; i++) x[i - lo] = code(a[i]!);
  for (let j = lo; j < eb; j++) y[j - lo] = code(b[j]!);
  return [x, y];
}

/**
 * Move each run of unmatched words as early as it can go (`x [y x] z` rather than `[x y] x z`):
 * the same words are unmatched, and the run is reported from its first word, as a reader would.
 */
function slideGaps<T>(words: ArrayLike<T>, matched: Uint8Array): void {
  for (let i = 0; i < words.length; i++) {
    if (matched[i]) continue;
    let end = i;
    while (end < words.length && !matched[end]) end++;
    let start = i;
    while (start > 0 && matched[start - 1] && words[start - 1] === words[end - 1]) {
      matched[start - 1] = 0;
      matched[end - 1] = 1;
      start--;
      end--;
    }
    i = end;
  }
}

/** Myers' greedy diff; calls `match` for each pair of the common subsequence. False past maxD. */
function myers(a: Int32Array | Float64Array, b: Int32Array | Float64Array, maxD: number, match: (i: number, j: number) => void): boolean {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        backtrack(trace, d, n, m, match);
        return true;
      }
    }
  }
  return false;
}

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number, match: (i: number, j: number) => void): void {
  let x = n;
  let y = m;
  for (let d = dEnd; d >= 0; d--) {
    const saved = trace[d]!;
    // saved holds v[k] for k in [-d-1, d+1] at index k + d + 1
    const at = (k: number) => saved[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      match(x, y);
    }
    x = prevX;
    y = prevY;
  }
}
