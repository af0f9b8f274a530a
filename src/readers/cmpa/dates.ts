/**
 * Dates as printed in the reprints → ISO 8601: `September 28, 1939` → `1939-09-28`,
 * `October 1999` → `1999-10`, `1939` → `1939`. Anything else gives undefined (never a guess).
 */
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

export function parseDate(text: string): string | undefined {
  const s = text.trim().replace(/\s+/g, ' ').replace(/[.]$/, '');
  let m = /^(\p{L}+)\.? (\d{1,2}),? (\d{4})$/u.exec(s);
  if (m) return iso(m[3]!, m[1]!, m[2]!);
  m = /^(\d{1,2}) (\p{L}+),? (\d{4})$/u.exec(s);
  if (m) return iso(m[3]!, m[2]!, m[1]!);
  m = /^(\p{L}+),? (\d{4})$/u.exec(s);
  if (m) return iso(m[2]!, m[1]!);
  if (/^\d{4}$/.test(s)) return s;
  return undefined;
}

function iso(year: string, monthName: string, day?: string): string | undefined {
  const month = MONTHS.findIndex((name) => name.startsWith(monthName.toLowerCase()) && monthName.length >= 3);
  if (month < 0) return undefined;
  const mm = String(month + 1).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const d = Number(day);
  const last = new Date(Date.UTC(Number(year), month + 1, 0)).getUTCDate();
  if (d < 1 || d > last) return undefined;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}
