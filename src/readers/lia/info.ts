/**
 * The info list under a Lenin Internet Archive page's title: `Written:`, `First Published:`,
 * `Source:`, `Translated:`, `Transcription/HTML Markup:`, `Online Version:` — each fact as the
 * model's witnesses and dates. Nothing the list does not say is filled in.
 */
import type { PageRange, PrintWitness, TranscriptionWitness } from '../../model/types.js';

/** The labels that make an info list, as they are written (the colon may stand inside or after a tag). */
export const INFO_LABELS: Record<string, RegExp> = {
  written: /^written$/i,
  published: /^(?:first\s+)?published$/i,
  source: /^source$/i,
  translated: /^translat(?:ed|ion|or)s?(?:\s+by)?$/i,
  transcription: /^(?:transcription|transcribed|html markup|transcription\s*[/\\]\s*(?:html\s+)?markup)(?:\s+by)?$/i,
  online: /^online\s+version$/i,
};

export type InfoField = keyof typeof INFO_LABELS;

/** `Written: Late March 1918` → ['written', 'Late March 1918']; undefined when not a known label. */
export function infoLine(line: string): [InfoField | 'other', string, string] | undefined {
  const m = /^\s*([A-Za-z][A-Za-z /\\]{1,40}?)\s*:\s*([\s\S]*)$/.exec(line);
  if (!m) return undefined;
  const label = m[1]!.replace(/\s+/g, ' ').trim();
  const field = (Object.keys(INFO_LABELS) as InfoField[]).find((k) => INFO_LABELS[k]!.test(label));
  return [field ?? 'other', label, m[2]!.replace(/\s+/g, ' ').trim()];
}

export interface SourceFacts {
  collection: string;
  printings: string[];
  publisher: string;
  place: string;
  date: string;
  volume?: string;
  pages?: PageRange;
}

/**
 * `Lenin's Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 27, pages
 * 360-364`, in whatever order the parts come: the volume and pages by their words, then each
 * comma-separated part by what it is (an edition statement, a publisher, a year, a place); the
 * first part left is the collection's title.
 */
export function readSource(text: string): SourceFacts {
  let rest = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  let volume: string | undefined;
  let pages: PageRange | undefined;
  rest = rest.replace(/\b(?:Volume|Vol\.)\s*([0-9]+|[IVXLC]+)\b/i, (_, v: string) => ((volume = v), ','));
  rest = rest.replace(/\b(pages?|pp?\.)\s*([0-9]+|[ivxlc]+)(?:\s*[-–]\s*([0-9]+|[ivxlc]+))?/i, (all: string, _w, from: string, to?: string) => {
    pages = { from, to: to ?? from, text: all };
    return ',';
  });
  const facts: SourceFacts = { collection: '', printings: [], publisher: '', place: '', date: '' };
  const parts = rest.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  const unplaced: string[] = [];
  for (const part of parts) {
    const year = /^(.*?)\s*\b(1[5-9]\d\d|20\d\d)$/.exec(part);
    if (/\b(?:edition|printing|impression)\b/i.test(part)) facts.printings.push(part);
    else if (/\b(?:publishers?|press|publishing|verlag|books)\b/i.test(part)) facts.publisher = part;
    else if (year && !facts.date) {
      facts.date = year[2]!;
      if (year[1]) unplaced.push(year[1]);
    } else unplaced.push(part);
  }
  facts.collection = unplaced.shift() ?? '';
  // a place is a name without digits after the collection (`Moscow`); anything else stays unread
  const place = unplaced.find((p) => /^[A-Z][\p{L}.' -]*$/u.test(p));
  if (place) facts.place = place;
  if (volume) facts.volume = volume;
  if (pages) facts.pages = pages;
  return facts;
}

/** A siglum from the publisher's initials (`Progress Publishers` → `pp`, as FLP's is `flp`). */
export function siglum(publisher: string, taken: string[]): string {
  const initials = (publisher.match(/\b\p{Lu}/gu) ?? []).join('').toLowerCase();
  return /^[a-z]{2,}$/.test(initials) && !taken.includes(initials) ? initials : 'print';
}

export function printWitness(source: string, translator: string | undefined, taken: string[]): PrintWitness {
  const facts = readSource(source);
  return {
    kind: 'print',
    id: siglum(facts.publisher, taken),
    collection: facts.collection,
    publisher: facts.publisher,
    place: facts.place,
    date: facts.date,
    printings: facts.printings,
    ...(facts.volume ? { volume: facts.volume } : {}),
    ...(facts.pages ? { pages: facts.pages } : {}),
    ...(translator ? { translator } : {}),
  };
}

/** `Lenin Internet Archive (marxists.org) 2002`: the site, and the year it put the text online. */
export function onlineVersion(text: string): { publisher?: string; date?: { text: string; when: string }; url?: string } {
  const url = /\bhttps?:\/\/\S+/.exec(text)?.[0]?.replace(/[.,;)]+$/, '');
  const year = /[,(\s]*\b(1[5-9]\d\d|20\d\d)\)?\.?$/.exec(text);
  const publisher = (year ? text.slice(0, year.index) : text).replace(url ?? '\0', '').replace(/[\s,;.]+$/, '').trim();
  return {
    ...(publisher ? { publisher } : {}),
    ...(year ? { date: { text: year[1]!, when: year[1]! } } : {}),
    ...(url ? { url } : {}),
  };
}

export function transcriptionWitness(
  fields: Partial<Record<InfoField, string>>,
  labels: Partial<Record<InfoField, string>>,
  file: string,
): TranscriptionWitness {
  const online = fields.online ? onlineVersion(fields.online) : {};
  return {
    kind: 'transcription',
    id: 'lia',
    transcriber: fields.transcription ?? '',
    ...(labels.transcription ? { resp: labels.transcription } : {}),
    ...(online.publisher ? { publisher: online.publisher } : {}),
    ...(online.date ? { date: online.date } : {}),
    ...(online.url ? { url: online.url } : {}),
    file,
  };
}
