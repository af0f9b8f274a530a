/**
 * The CMPA title block (everything before the work's `##` heading): author and title in bold, the
 * FLP imprint ("From the *Selected Works…*, Foreign Languages Press / Peking 1967", printing lines,
 * "Vol. II, pp. 275-83."), the marx2mao "Prepared © … by David J. Romagnolo … (October 1999)" line
 * (what the reprint says of the transcription it reprints: kept on the reprint's witness, since that
 * transcription is not read here) and the "Republish by:" block naming the CMPA. Read by the shape
 * of each line, not by position, so that a block with a line more or less still reads; what is
 * missing is left out, never invented.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { Diagnostic, PageRange, PrintWitness, ReprintWitness, TranscriptionWitness } from '../../model/types.js';
import { printSiglum } from '../shared/siglum.js';
import { diagnostic } from '../../model/diagnostics.js';
import { parseDate } from './dates.js';
import { positionOf } from './inlines.js';

export interface TitleBlock {
  author?: string;
  title?: string;
  print?: PrintWitness;
  /** The reprint, with the transcription its "Prepared … for the Internet" line credits (`reprints`). */
  reprint: ReprintWitness;
  /** The block has a "Republish by:" paragraph (whatever it names). */
  republished: boolean;
  diagnostics: Diagnostic[];
}

/** One paragraph of the title block as lines (split at hard breaks), with its links and emphasis. */
interface Lines {
  lines: string[];
  links: string[];
  emphasised: string[];
  /** The whole paragraph is bold (author, title, "Republish by:" entries). */
  bold: boolean;
  node: RootContent;
}

export function readTitleBlock(nodes: readonly RootContent[], file: string): TitleBlock {
  const paras = nodes.flatMap((n) => (n.type === 'paragraph' ? [toLines(n.children, n)] : []));
  const diagnostics: Diagnostic[] = [];
  const reprint: ReprintWitness = { kind: 'reprint', id: 'cmpa', publisher: '', file };
  const republish = paras.findIndex((p) => /^republish(ed)?\s+by\b/i.test(p.lines.join(' ')));
  const result: TitleBlock = { reprint, republished: republish >= 0, diagnostics };

  const before = republish >= 0 ? paras.slice(0, republish) : paras;
  if (republish >= 0) readRepublish(paras.slice(republish), reprint);
  else diagnostics.push(diagnostic('warning', 'reprint-unnamed', 'no "Republish by:" block: the reprint\'s publisher is unknown', { file }));

  const prepared = before.find((p) => /^prepared\b/i.test(p.lines.join(' ').trim()));
  if (prepared) reprint.reprints = readPrepared(prepared);

  const imprintAt = before.findIndex((p) => /^from\s+the\b/i.test(p.lines[0]?.trim() ?? ''));
  const headings = (imprintAt >= 0 ? before.slice(0, imprintAt) : before).filter((p) => p.bold && p !== prepared);
  if (headings.length >= 2) {
    result.author = headings[0]!.lines.join(' ').trim();
    result.title = headings[1]!.lines.map((l) => l.trim()).join(' ');
  } else if (headings.length === 1) {
    result.title = headings[0]!.lines.map((l) => l.trim()).join(' ');
  }
  if (imprintAt >= 0) {
    result.print = readImprint(before.slice(imprintAt).filter((p) => p !== prepared));
    result.print.id = printSiglum(result.print.publisher);
    if (!result.print.publisher || !result.print.place || !result.print.date) {
      diagnostics.push(
        diagnostic('warning', 'imprint-incomplete', 'the title block names the print edition only in part (publisher, place or date missing)', positionOf({ file }, before[imprintAt]!.node)),
      );
    }
  }
  return result;
}

function toLines(children: readonly PhrasingContent[], node: RootContent): Lines {
  const acc: Lines = { lines: [''], links: [], emphasised: [], bold: false, node };
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const n of nodes) {
      if (n.type === 'break') acc.lines.push('');
      else if (n.type === 'text' || n.type === 'inlineCode') acc.lines[acc.lines.length - 1] += n.value.replace(/\n/g, ' ');
      else if (n.type === 'link') {
        acc.links.push(n.url);
        walk(n.children);
      } else if (n.type === 'emphasis') {
        acc.emphasised.push(text(n.children));
        walk(n.children);
      } else if (n.type === 'strong') walk(n.children);
    }
  };
  walk(children);
  const content = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  acc.bold = content.length > 0 && content.every((c) => c.type === 'strong');
  return acc;
}

function text(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? text(n.children as PhrasingContent[]) : '')).join('');
}

/** "Republish by:" then the publisher's name and its site (possibly on the same line). */
function readRepublish(paras: Lines[], reprint: ReprintWitness): void {
  const first = paras[0]!.lines.join(' ').replace(/^republish(ed)?\s+by\s*:?\s*/i, '').trim();
  const names = [first, ...paras.slice(1).filter((p) => p.links.length === 0).map((p) => p.lines.join(' ').trim())];
  reprint.publisher = names.find((n) => n !== '') ?? '';
  const url = paras.flatMap((p) => p.links).find((u) => /^https?:/i.test(u));
  if (url) reprint.url = url;
  // the statement as printed: the reprint's only word on its terms
  const terms = paras.map((p) => p.lines.join(' ').trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ');
  if (terms) reprint.terms = terms;
}

const MONTH_YEAR = /((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})/;

/** `Prepared © for the Internet by David J. Romagnolo, djr@… (October 1999) (Corrected and Updated January 2002)` */
function readPrepared(p: Lines): Omit<TranscriptionWitness, 'file'> {
  const line = p.lines.join(' ').replace(/\s+/g, ' ');
  const transcriber = /\bby\s+([^,(]+?)\s*(?:,|\(|$)/.exec(line)?.[1]?.trim() ?? '';
  // the line it reprints is marx2mao's: "Prepared … for the Internet by …" on From Marx to Mao
  const w: Omit<TranscriptionWitness, 'file'> = { kind: 'transcription', id: 'm2m', transcriber, resp: 'Prepared for the Internet by', publisher: 'From Marx to Mao' };
  const mail = p.links.find((u) => u.startsWith('mailto:'))?.slice('mailto:'.length) ?? /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(line)?.[0];
  if (mail) w.email = mail;
  const updated = new RegExp(`\\((?:corrected|updated)[^)]*?${MONTH_YEAR.source}\\)`, 'i').exec(line);
  const prepared = new RegExp(`\\(${MONTH_YEAR.source}\\)`).exec(line);
  if (prepared) w.date = dated(prepared[1]!);
  if (updated) w.updated = dated(updated[1]!);
  return w;
}

function dated(text: string): { text: string; when?: string } {
  const when = parseDate(text);
  return when ? { text, when } : { text };
}

/** "From the *Collection*, Publisher / Place Year", printing lines, "Vol. II, pp. 275-83." */
function readImprint(paras: Lines[]): PrintWitness {
  const w: PrintWitness = { kind: 'print', id: 'flp', collection: '', publisher: '', place: '', date: '', printings: [] };
  const imprint = paras[0];
  w.collection = imprint!.emphasised[0]?.trim() ?? imprint!.lines[1]?.replace(/,\s*$/, '').trim() ?? '';
  // The lines after the collection: "Foreign Languages Press" / "Peking 1967", or both on one line.
  const tail = imprint!.lines
    .slice(1)
    .join(', ')
    .replace(w.collection, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const part of tail) {
    const placeYear = /^(\p{L}[\p{L} .'-]*?)\s+(\d{4})$/u.exec(part);
    if (/\b(press|publishers?|publishing|verlag)\b/i.test(part)) w.publisher = part;
    else if (placeYear) {
      w.place = placeYear[1]!;
      w.date = placeYear[2]!;
    }
  }
  for (const line of paras.flatMap((p) => p.lines).map((l) => l.trim())) {
    if (/\b(edition|printing|reprint)\b.*\d{4}/i.test(line) && !/^from\b/i.test(line)) w.printings.push(line);
    const vol = /\bVol(?:ume)?\.?\s*([IVXLC]+|\d+)\b/.exec(line);
    if (vol && !w.volume) w.volume = vol[1]!;
    const pages = readPages(line);
    if (pages && !w.pages) w.pages = pages;
  }
  return w;
}

/** `pp. 275-83` → 275 to 283 (the printed short form expanded); `p. 447` → 447 to 447. */
export function readPages(line: string): PageRange | undefined {
  const m = /\b(pp?\.\s*(\d+)(?:\s*[-–]\s*(\d+))?)/.exec(line);
  if (!m) return undefined;
  const from = m[2]!;
  const short = m[3];
  const to = short === undefined ? from : short.length < from.length ? from.slice(0, from.length - short.length) + short : short;
  return { from, to, text: m[1]! };
}
