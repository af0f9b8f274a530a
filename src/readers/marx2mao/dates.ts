/**
 * Dates as printed in marx2mao pages to ISO 8601: `September 28, 1939`, `October 1999`, `1939`;
 * also in parentheses or brackets (`(December 16, 1966)`, `[1946]`), after a phrase that says what
 * the date is (`Speech Delivered on July 5, 1928`, `Written in March 1921`), ranges (`July
 * 26-August 3, 1917`, `March 14-16, 1918`, months joined by "and", `September and October 1948`:
 * `from`/`to`), days as ordinals (`May 14th, 1929`), and a year typed with a letter l for the
 * digit 1 (`l942`, read as 1942 and reported), a day in both the Old Style and the New (`October 8
 * (21), 1917`: the New); a space typed before a comma (`November 12 , 1937`)
 * does not keep a date from being read (the text keeps it as transcribed), nor does a day of the
 * week before it (`Saturday, May 5, 1928`).
 */

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

export interface ReadDate {
  /** A single day, month or year. */
  when?: string;
  /** A range: its first and last day (or month). */
  from?: string;
  to?: string;
  /** The year as printed when it was read with a letter l as the digit 1 (`l942`). */
  misprintedYear?: string;
}

/** A phrase before a date saying what it dates (speeches, reports, letters, writing). */
// (not "Published in": a publication date does not date the work)
// (Lenin's title blocks: `Written August-September 1916`, `Dictated December 30-31, 1922`,
// `Written between December 1847 and January 1848`; `Witten` as one page misprints it)
const LEAD = /^(?:(?:speech|report|address|article|letter|telegram|interview|talk)\s+)?(?:(?:delivered|given|dated)\s+(?:on|in)|(?:written|witten|dictated)(?:\s+(?:on|in|between))?)\s+/i;

/**
 * The date that is the whole of `text` (a trailing period, surrounding brackets, a leading phrase
 * such as "Speech Delivered on" and ordinal days allowed); undefined when the text is anything else.
 */
export function readDate(text: string): ReadDate | undefined {
  let t = text.replace(/[\s\u00a0]+/g, ' ').replace(/ ,/g, ',').trim().replace(/[.,]$/, '').trim();
  const bracketed = t.match(/^[([]\s*(.*?)\s*[)\]]$/);
  if (bracketed) t = bracketed[1]!.replace(/[.,]$/, '');
  t = t.replace(LEAD, '');
  // a day of the week before the date (`Saturday, May 5, 1928`)
  t = t.replace(/^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday),?\s+/i, '');
  // a day as an ordinal (`May 14th, 1929`, `1st May 1919`)
  t = t.replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/gi, '$1');
  // a year printed with the letter l or I for the digit 1 (`l942`, `19l7`, `I950`)
  let misprintedYear: string | undefined;
  t = t.replace(/\b([1lI][0-9lI]{3})$/, (y) => {
    if (!/\d/.test(y)) return y;
    if (/[lI]/.test(y)) misprintedYear = y;
    return y.replace(/[lI]/g, '1');
  });
  const found = single(t) ?? range(t) ?? bothStyles(t);
  if (!found) return undefined;
  return misprintedYear ? { ...found, misprintedYear } : found;
}

/** ISO 8601 for a single date that is the whole of `text`; undefined otherwise (also for ranges). */
export function isoDate(text: string): string | undefined {
  return readDate(text)?.when;
}

function single(t: string): ReadDate | undefined {
  let m = t.match(/^([A-Za-z]+)\.? (\d{1,2}),? ?(\d{4})$/);
  let when: string | undefined;
  if (m) when = ymd(m[3]!, m[1]!, m[2]!);
  else if ((m = t.match(/^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/))) when = ymd(m[3]!, m[2]!, m[1]!);
  else if ((m = t.match(/^([A-Za-z]+),? (\d{4})$/))) when = ym(m[2]!, m[1]!);
  else if ((m = t.match(/^(\d{4})$/))) when = m[1];
  return when ? { when } : undefined;
}

/**
 * A span: `July 26-August 3, 1917`, `March 14-16, 1918` (`November 5 and 6, 1926` too),
 * `December 1922-January 1923`,
 * `August-September 1916`; and months joined by "and", which date a work of two documents or
 * written between them (`between December 1847 and January 1848`, `September and October 1948`,
 * `November 1946 and April 1947`): the work was written from the first to the second, and the
 * element's text keeps the "and".
 */
function range(t: string): ReadDate | undefined {
  const dash = String.raw`\s*[-–]\s*`;
  const to = String.raw`(?:${dash}| and )`;
  // July 26-August 3, 1917
  let m = t.match(new RegExp(String.raw`^([A-Za-z]+)\.? (\d{1,2})${dash}([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$`));
  if (m) return pair(ymd(m[5]!, m[1]!, m[2]!), ymd(m[5]!, m[3]!, m[4]!));
  // March 14-16, 1918; November 5 and 6, 1926 (an article printed in two issues)
  m = t.match(new RegExp(String.raw`^([A-Za-z]+)\.? (\d{1,2})${to}(\d{1,2}),? (\d{4})$`));
  if (m) return pair(ymd(m[4]!, m[1]!, m[2]!), ymd(m[4]!, m[1]!, m[3]!));
  // December 1922-January 1923; December 1847 and January 1848
  m = t.match(new RegExp(String.raw`^([A-Za-z]+),? (\d{4})${to}([A-Za-z]+),? (\d{4})$`));
  if (m) return pair(ym(m[2]!, m[1]!), ym(m[4]!, m[3]!));
  // August-September 1916; September and October 1948
  m = t.match(new RegExp(String.raw`^([A-Za-z]+)${to}([A-Za-z]+),? (\d{4})$`));
  if (m) return pair(ym(m[3]!, m[1]!), ym(m[3]!, m[2]!));
  return undefined;
}

/** Days from 1970-01-01 of an ISO day (`1917-10-21`). */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** The ISO day `months` months from `year`-`month` (1-12), on `day`; undefined for no such day. */
function shifted(year: number, month: number, months: number, day: string): string | undefined {
  const m = month - 1 + months;
  const y = year + Math.floor(m / 12);
  const iso = ymd(String(y), MONTHS[((m % 12) + 12) % 12]!, day);
  return iso && new Date(`${iso}T00:00:00Z`).getUTCDate() === Number(day) ? iso : undefined;
}

/**
 * A day in both styles, one in parentheses (`October 8 (21), 1917`, `March 26 (April 8), 1917`,
 * `March 22 (9), 1917`, `September 13-14 (26-27), 1917`): Russia's Old Style (Julian) and the New
 * (Gregorian), which TEI's @when is in. Which one comes first varies (Lenin dated letters from
 * abroad in the New), so the New is the one 12 days later (13 from March 1900): the date is read
 * only where one reading gives that, as the New Style's day (or days); a misprint (`March 1 (20)`)
 * is no date.
 */
function bothStyles(t: string): ReadDate | undefined {
  const m = t.match(/^([A-Za-z]+)\.? (\d{1,2})(?:-(\d{1,2}))? ?\((?:([A-Za-z]+)\.? )?(\d{1,2})(?:-(\d{1,2}))?\),? (\d{4})$/);
  if (!m) return undefined;
  const [, month1, a1, b1, month2, a2, b2, yearText] = m;
  const year = Number(yearText);
  const first = monthOf(month1!);
  const named = month2 ? monthOf(month2) : undefined;
  if (!first || (month2 && !named) || (b1 === undefined) !== (b2 === undefined)) return undefined;
  const firstFrom = ymd(yearText!, month1!, a1!);
  if (!firstFrom) return undefined;
  // the parenthesised day a month on or back from the first's, or in the month named
  for (const months of named ? [named - first, named - first + 12, named - first - 12] : [0, 1, -1]) {
    const other = shifted(year, first, months, a2!);
    if (!other) continue;
    const diff = dayNumber(other) - dayNumber(firstFrom);
    if (Math.abs(diff) !== 12 && Math.abs(diff) !== 13) continue;
    const newStyle = diff > 0 ? { month: first + months, a: a2!, b: b2 } : { month: first, a: a1!, b: b1 };
    const from = shifted(year, newStyle.month, 0, newStyle.a);
    if (!from) return undefined;
    if (newStyle.b === undefined) return { when: from };
    const to = shifted(year, newStyle.month, Number(newStyle.b) < Number(newStyle.a) ? 1 : 0, newStyle.b);
    return to ? pair(from, to) : undefined;
  }
  return undefined;
}

function pair(from: string | undefined, to: string | undefined): ReadDate | undefined {
  return from && to && from < to ? { from, to } : undefined;
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

/** A place's name of one to three capitalised words (`Yenan`, `New York`, `St. Petersburg`). */
const PLACE = /^\s*(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}) ?,\s*/u;

/** Periodicals the works are dated by (`Pravda, August 2, 1950`): no place's names. */
export const PERIODICAL_NAMES = String.raw`pravda|izvestia|iskra|vperyod|proletary|zvezda|bolshevik|sotsial-demokrat|people's daily|jenmin jih pao|hsinhua`;

/**
 * Words that begin no place's name: a division's label, a number, a day, a month, a season, an
 * address, a newspaper the works date themselves by (`Pravda, August 2, 1950`). A name with an
 * initial (`J. V. Stalin, 1924`) is a person's: placeThenDate refuses it too.
 */
const NO_PLACE = new RegExp(
  String.raw`^(?:part|chapter|section|book|vol|volume|no|number|article|letter|speech|a|an|comrades?|friends|citizens|` +
    String.raw`preface|foreword|introduction|afterword|postscript|appendix|supplement|notes?|` +
    String.raw`${PERIODICAL_NAMES}|` +
    String.raw`sunday|monday|tuesday|wednesday|thursday|friday|saturday|spring|summer|autumn|fall|winter|` +
    String.raw`${MONTHS.join('|')}|[ivxlcdm]+)\b`,
  'i',
);

/** `Yenan, January 20, 1941`: the date after the place, and where in the text it starts. */
export function placeThenDate(text: string): { date: ReadDate; at: number } | undefined {
  const place = PLACE.exec(text);
  if (!place || NO_PLACE.test(place[1]!) || /(?:^|\s)\p{Lu}\.(?:\s|$)/u.test(place[1]!)) return undefined;
  const date = readDate(text.slice(place[0].length));
  return date ? { date, at: place[0].length } : undefined;
}
