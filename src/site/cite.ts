/**
 * Citations of a work: CSL-JSON (the format Zotero and citeproc read), BibTeX, the Highwire
 * `citation_*` meta tags that Google Scholar and Zotero read from a page, and a plain "Cite this"
 * text. The work is cited as a chapter of its print book (collection, volume, pages), since the
 * page numbers are that book's.
 */
import type { WorkEntry } from '../pipeline/work-entry.js';

/** The page range as CSL writes it (`275-283`), or one page. */
function pageRange(w: WorkEntry): string | undefined {
  const p = w.print?.pages;
  if (!p) return undefined;
  return p.from === p.to ? p.from : `${p.from}-${p.to}`;
}

/** The year of a date statement or printing, where one is stated. */
function yearOf(text: string | undefined): number | undefined {
  const m = text ? /\b(\d{4})\b/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}

export interface CslItem {
  id: string;
  type: 'chapter' | 'book';
  title: string;
  author?: { literal: string }[];
  'container-title'?: string;
  volume?: string;
  page?: string;
  publisher?: string;
  'publisher-place'?: string;
  issued?: { 'date-parts': number[][] };
  'original-date'?: { 'date-parts': number[][]; literal?: string };
}

/** ISO date (`1939-09-28`, `1939-09`, `1939`) to CSL date-parts. */
function dateParts(iso: string | undefined): number[][] | undefined {
  const m = iso ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso) : null;
  return m ? [[m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number)] : undefined;
}

export function cslJson(w: WorkEntry): CslItem[] {
  // a work printed in a collection is a chapter of it; a print book of its own (no collection) a book
  const item: CslItem = { id: w.id, type: w.print && !w.print.collection ? 'book' : 'chapter', title: w.title };
  // Names of Chinese, Russian and German authors in transliteration are kept whole (`Mao Tse-tung`
  // is not family "Tse-tung"): CSL's `literal` says so.
  if (w.author) item.author = [{ literal: w.author }];
  if (w.print) {
    if (w.print.collection) item['container-title'] = w.print.collection;
    if (w.print.volume) item.volume = w.print.volume;
    const page = pageRange(w);
    if (page) item.page = page;
    // a field the print edition does not state is left out, not given empty
    if (w.print.publisher) item.publisher = w.print.publisher;
    if (w.print.place) item['publisher-place'] = w.print.place;
    const year = yearOf(w.print.year);
    if (year !== undefined) item.issued = { 'date-parts': [[year]] };
  }
  const written = dateParts(w.date?.when);
  if (written) item['original-date'] = { 'date-parts': written };
  return [item];
}

/** BibTeX's special characters escaped, so that a title with `&`, `%`, `{` or `_` stays text. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

/** A BibTeX key: the id with anything outside BibTeX's safe key characters replaced. */
function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_:.-]/g, '_');
}

export function bibtex(w: WorkEntry): string {
  const fields: [string, string][] = [];
  // Double braces keep a transliterated name whole (not split into first and last names).
  if (w.author) fields.push(['author', `{${escapeBibtex(w.author)}}`]);
  fields.push(['title', escapeBibtex(w.title)]);
  if (w.print) {
    if (w.print.collection) fields.push(['booktitle', escapeBibtex(w.print.collection)]);
    if (w.print.volume) fields.push(['volume', escapeBibtex(w.print.volume)]);
    const page = pageRange(w);
    if (page) fields.push(['pages', escapeBibtex(page.replace('-', '--'))]);
    if (w.print.publisher) fields.push(['publisher', escapeBibtex(w.print.publisher)]);
    if (w.print.place) fields.push(['address', escapeBibtex(w.print.place)]);
    const year = yearOf(w.print.year);
    if (year !== undefined) fields.push(['year', String(year)]);
  }
  if (w.date) fields.push(['note', `Written ${escapeBibtex(w.date.text)}`]);
  const type = !w.print ? 'misc' : w.print.collection ? 'incollection' : 'book';
  return `@${type}{${bibtexKey(w.id)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** Highwire Press meta tags (name, content), unescaped: the page writer escapes them. */
export function citationMeta(w: WorkEntry): [string, string][] {
  const tags: [string, string][] = [['citation_title', w.title]];
  if (w.author) tags.push(['citation_author', w.author]);
  if (w.print) {
    if (w.print.collection) tags.push(['citation_inbook_title', w.print.collection]);
    if (w.print.volume) tags.push(['citation_volume', w.print.volume]);
    const year = yearOf(w.print.year);
    if (year !== undefined) tags.push(['citation_publication_date', String(year)]);
    if (w.print.pages) {
      tags.push(['citation_firstpage', w.print.pages.from]);
      tags.push(['citation_lastpage', w.print.pages.to]);
    }
    if (w.print.publisher) tags.push(['citation_publisher', w.print.publisher]);
  }
  return tags;
}

/**
 * "Cite this" as plain text (the page escapes it) in three parts, so that the page can name the
 * print page in view in place of the work's page range: what comes before the pages, the pages
 * (`pp. 275-283`; absent without print pages), what comes after.
 */
export function citationParts(w: WorkEntry): { before: string; pages?: string; after: string } {
  const head: string[] = [];
  if (w.author) head.push(`${w.author}.`);
  head.push(`“${w.title}.”`);
  const tail: string[] = [];
  if (w.date) tail.push(`Written ${w.date.text}.`);
  if (!w.print) return { before: head.join(' '), after: tail.length ? ` ${tail.join(' ')}` : '' };
  // only what the print edition states: ESC76ii, a book of its own with no collection or place named, was
  // cited `In . : , .`
  const { collection, volume } = w.print;
  const book = collection ? `In ${collection}${volume ? `, vol. ${volume}` : ''}` : volume ? `Vol. ${volume}` : '';
  const imprint = imprintOf(w.print);
  const after = `${book ? '.' : ''}${[...(imprint ? [`${imprint}.`] : []), ...tail].map((t) => ` ${t}`).join('')}`;
  const lead = head.join(' ');
  if (!w.print.pages) return { before: book ? `${lead} ${book}` : lead, after };
  const pages = `${w.print.pages.from === w.print.pages.to ? 'p.' : 'pp.'} ${pageRange(w)}`;
  return { before: book ? `${lead} ${book}, ` : `${lead} `, pages, after: book ? after : `.${after}` };
}

/** `Place: Publisher, Year`, of what the print edition states ('' when it states none of them). */
export function imprintOf(print: { place: string; publisher: string; year: string }): string {
  const { place, publisher, year } = print;
  const by = place && publisher ? `${place}: ${publisher}` : place || publisher;
  return [by, year].filter(Boolean).join(', ');
}

/** "Cite this" as one line of plain text (the page escapes it). */
export function citationText(w: WorkEntry): string {
  const { before, pages, after } = citationParts(w);
  return `${before}${pages ?? ''}${after}`;
}
