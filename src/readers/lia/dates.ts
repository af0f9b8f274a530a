/**
 * The dates of a Lenin Internet Archive info list (`Written: Late March 1918`, `Written: 1902`,
 * `Written: Between 13 and 26 April, 1918`) as a DateStatement: `when` for one known day; where the
 * source leaves the day open, the first and last days its words allow as `notBefore`/`notAfter`
 * (`Late March 1918` → 1918-03-01 … 1918-03-31: the qualifier stays in the text, no bounds are
 * made up for it).
 */
import type { DateStatement } from '../../model/types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const TO = '\\s*(?:-|–|—|and|to|or)\\s*';

interface Span {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (y: string, m: number, d: string): string | undefined =>
  Number(d) >= 1 && Number(d) <= lastDay(Number(y), m) ? `${y}-${pad(m)}-${pad(Number(d))}` : undefined;

/** Patterns from the most to the least specific; each match is taken out of the text. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => Span | undefined][] = [
  // 13 and 26 April, 1918 · 13-26 April 1918
  [new RegExp(`\\b${DAY}${TO}${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'gi'), (m) => both(day(m[4]!, month(m[3]!), m[1]!), day(m[4]!, month(m[3]!), m[2]!))],
  // March 23-April 2, 1918
  [new RegExp(`\\b${MONTH}\\s+${DAY}${TO}${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'gi'), (m) => both(day(m[5]!, month(m[1]!), m[2]!), day(m[5]!, month(m[3]!), m[4]!))],
  // March 23-28, 1918
  [new RegExp(`\\b${MONTH}\\s+${DAY}${TO}${DAY},?\\s+${YEAR}`, 'gi'), (m) => both(day(m[4]!, month(m[1]!), m[2]!), day(m[4]!, month(m[1]!), m[3]!))],
  // March 13, 1918 · 13 March 1918
  [new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'gi'), (m) => one(day(m[3]!, month(m[1]!), m[2]!))],
  [new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'gi'), (m) => one(day(m[3]!, month(m[2]!), m[1]!))],
  // March 1918
  [new RegExp(`\\b${MONTH},?\\s+${YEAR}`, 'gi'), (m) => ({ from: `${m[2]}-${pad(month(m[1]!))}-01`, to: `${m[2]}-${pad(month(m[1]!))}-${pad(lastDay(Number(m[2]), month(m[1]!)))}` })],
  // 1902
  [new RegExp(`\\b${YEAR}\\b`, 'g'), (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` })],
];

function one(d: string | undefined): Span | undefined {
  return d ? { from: d, to: d } : undefined;
}
function both(a: string | undefined, b: string | undefined): Span | undefined {
  return a && b && a <= b ? { from: a, to: b } : undefined;
}

/** The dates a statement names, as spans of days, in the order of the patterns. */
function spans(text: string): Span[] {
  let rest = text;
  const out: Span[] = [];
  for (const [re, toSpan] of PATTERNS) {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const span = toSpan(m);
      if (span) out.push(span);
      return span ? ' '.repeat(String(args[0]).length) : String(args[0]);
    });
  }
  return out;
}

/** The statement as printed (trimmed) with what its dates allow; `undefined` for an empty one. */
export function dateStatement(printed: string): DateStatement | undefined {
  const text = printed.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const found = spans(text);
  if (found.length === 0) return { text };
  const from = found.map((s) => s.from).sort()[0]!;
  const to = found.map((s) => s.to).sort().at(-1)!;
  return from === to ? { text, when: from } : { text, notBefore: from, notAfter: to };
}
