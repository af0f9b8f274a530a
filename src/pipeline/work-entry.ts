/**
 * What the site and the citations know of one built work, taken from the converted edition: its
 * title and author, the print book it is in (collection, volume, publisher, place, year, pages)
 * and the date of writing, and where its files are (paths relative to the output folder).
 */
import type { Edition, PrintWitness } from '../model/types.js';

export interface WorkEntry {
  id: string;
  /** The work's title; for a page holding one part of a work, with that part (`Anti-Dühring —
   * Part II: Political Economy`), so that the parts are told apart in the catalogue and citations. */
  title: string;
  author?: string;
  /** When the work was written (or first published), as printed and as ISO 8601 where known. */
  date?: { text: string; when?: string };
  /** The print book the page numbers are of. */
  print?: {
    collection: string;
    volume?: string;
    publisher: string;
    place: string;
    /** Year of the printing, as printed. */
    year: string;
    pages?: { from: string; to: string; text: string };
  };
  /** The anchor of the first print page in the HTML rendition (`p275`), when it has page breaks. */
  firstPageAnchor?: string;
  /** Files of the work, relative to the output folder (`SU39/SU39.html`). */
  files: { html: string; epub: string; tei: string; text: string };
  /**
   * The name of the source site's page it was read from, without extension, where it is not the id
   * (`SU39` for the bundled edition identity-of-interests): other works' links to that page lead here.
   */
  sourcePage?: string;
}

/** The page anchor the HTML rendition gives a page break `n` (xslt/common/util.xsl t:page-id, first occurrence). */
export function pageAnchor(n: string): string {
  return `p${n.trim().replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** The base witness's print book: the print witness the page breaks and title block refer to. */
function printOf(edition: Edition): PrintWitness | undefined {
  const prints = edition.witnesses.filter((w): w is PrintWitness => w.kind === 'print');
  // A reprint "based on" another edition names both; the pages are the one that is not the basis.
  const bases = new Set(prints.map((p) => p.basedOn).filter(Boolean));
  return prints.find((p) => !bases.has(p.id)) ?? prints[0];
}

/** The first print page of the text: the first `<pb n>` of the TEI body (the HTML's first page anchor). */
function firstPageBreak(tei: string): string | undefined {
  const body = tei.indexOf('<body');
  const m = body < 0 ? null : /<pb\b[^>]*?\bn="([^"]+)"/.exec(tei.slice(body));
  return m?.[1];
}

export function workEntry(edition: Edition, tei: string, stem: string): WorkEntry {
  const print = printOf(edition);
  // The part this source holds, where the print range names the whole work beside it.
  const pages = print?.partPages ?? print?.pages;
  const date = edition.work.date ?? edition.work.published;
  const first = firstPageBreak(tei) ?? print?.pages?.from;
  const transcription = edition.witnesses.find((w) => w.kind === 'transcription');
  const read = transcription?.kind === 'transcription' ? transcription.file : undefined;
  const sourcePage = read?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return {
    id: edition.id,
    title: edition.work.part ? `${edition.work.title} — ${edition.work.part}` : edition.work.title,
    ...(edition.work.author ? { author: edition.work.author } : {}),
    ...(date ? { date: { text: date.text, ...(date.when ?? date.notBefore ?? date.from ? { when: date.when ?? date.notBefore ?? date.from } : {}) } } : {}),
    ...(print
      ? {
          print: {
            collection: print.collection,
            ...(print.volume ? { volume: print.volume } : {}),
            publisher: print.publisher,
            place: print.place,
            year: print.date,
            ...(pages ? { pages: { from: pages.from, to: pages.to, text: pages.text } } : {}),
          },
        }
      : {}),
    ...(first ? { firstPageAnchor: pageAnchor(first) } : {}),
    files: { html: `${stem}/${stem}.html`, epub: `${stem}/${stem}.epub`, tei: `${stem}/${stem}.tei.xml`, text: `${stem}/${stem}.txt` },
    ...(sourcePage && sourcePage !== edition.id ? { sourcePage } : {}),
  };
}
