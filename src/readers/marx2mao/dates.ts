/** Dates as printed in marx2mao pages (`September 28, 1939`, `October 1999`, `1939`) to ISO 8601. */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** ISO 8601 for a date that is the whole of `text` (a trailing period allowed); undefined otherwise. */
export function isoDate(text: string): string | undefined {
  const t = text.replace(/[\s\u00a0]+/g, ' ').trim().replace(/[.,]$/, '').trim();
  let m = t.match(/^([A-Za-z]+)\.? (\d{1,2}), ?(\d{4})$/);
  if (m) return ymd(m[3]!, m[1]!, m[2]!);
  m = t.match(/^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/);
  if (m) return ymd(m[3]!, m[2]!, m[1]!);
  m = t.match(/^([A-Za-z]+),? (\d{4})$/);
  if (m) return ym(m[2]!, m[1]!);
  m = t.match(/^(\d{4})$/);
  if (m) return m[1];
  return undefined;
}

function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(n));
  return i < 0 ? undefined : i + 1;
}

function ym(year: string, month: string): string | undefined {
  const m = monthOf(month);
  return m ? `${year}-${String(m).padStart(2, '0')}` : undefined;
}

function ymd(year: string, month: string, day: string): string | undefined {
  const base = ym(year, month);
  const d = Number(day);
  if (!base || d < 1 || d > 31) return undefined;
  return `${base}-${String(d).padStart(2, '0')}`;
}
