/**
 * The marx2mao reader: one HTML page of www.marx2mao.com → an Edition of the `m2m` witness, with the
 * FLP print edition (`flp`) known from the title block and the page markers. See
 * ../../../docs/encoding.md and the conventions in sources.md.
 */
import { basename } from 'node:path';
import type { Block, DateInline, Diagnostic, Edition, ReadResult, TitlePage, Witness } from '../../model/types.js';
import { checkNotes, checkPageEnd, checkPages } from './checks.js';
import { decodeSource } from './decode.js';
import { noteAnchorTest, noteTarget } from './note-anchors.js';
import { attr, pointAnchors, childrenOf, collapse, elements, findFirst, isText, parseHtml, positionOf, startOffset, endOffset, tag, textOf, type Element, type Node } from './dom.js';
import { isPageAnchorName, localLinkTest, navigationStart, navigationTables, pageMarker, samePageFragment } from './recognise.js';
import { dropDanglingLinks, dropUnresolved, forEachInlineList, placeFootnotes, resolveNotes } from './resolve.js';
import { markEndStatements, markOpeningStatements } from './end-statements.js';
import { markDeliveredTitles } from './delivered-texts.js';
import { markForewordsUnderTitles } from './front-parts.js';
import { addressSections, closingLinesNotTitles, divide, markDatelines, markNumeralHeadings, mergeHeadings, sectionsUnderTitleBlock, type Misprint } from './structure.js';
import { markLetterFrames } from './letters.js';
import { closingFacts } from './closing-facts.js';
import { openingFacts } from './opening-facts.js';
import { linkContents } from './contents.js';
import { contentsDateConflicts, titleDateConflict } from './contents-dates.js';
import { readTitlePage } from './title-page.js';
import { linkFootnotesByPosition, linkNotesOnNotes, linkRepeatedMarks, linkUnlinkedFootnotes, refIds } from './unlinked.js';
import { placeFootNotesInParagraphs } from './foot-in-paragraph.js';
import { markBylines } from './bylines.js';
import { markSubtitles, workSubtitle } from './subtitles.js';
import { nestNumberedHeadings, openFirstSubsections, smallSubheadings, splitTrailingNumbers } from './section-numbers.js';
import { frontDivisions, joinLabels, nestNumberedSections, nestParts, opensFrontMatter } from './book.js';
import { readTitleBlock } from './title-block.js';
import { titleBlockRefs } from './title-refs.js';
import { anchorId } from './walk-notes.js';
import { notesHeadingOffsets, TextOrder } from './page-parts.js';
import { endNoteFinder, placeSections } from './sections.js';
import { Walker } from './walk.js';
import type { FlowShared } from './flow.js';
import { refuseNonWork } from './non-work.js';
import { forEachBlock } from '../../model/walk.js';
import { plainText, titleKey } from '../../model/plain-text.js';
import { sensibleCase } from './case.js';
import { basisSiglum, printSiglum } from '../shared/siglum.js';


export function readMarx2mao(source: Uint8Array | string, file: string): ReadResult {
  try {
    return read(source, file);
  } catch (err) {
    // tags nested thousands deep (never seen on the site) exhaust the stack: say so, don't crash
    if (err instanceof RangeError) {
      return { ok: false, diagnostics: [{ severity: 'error', code: 'too-deep', message: 'the page nests its tags too deeply to be read', file, line: 1, column: 1 }] };
    }
    throw err;
  }
}

function read(source: Uint8Array | string, file: string): ReadResult {
  const html = decodeSource(source);
  const doc = parseHtml(html);
  const htmlEl = childrenOf(doc).find((n) => tag(n) === 'html');
  const body = htmlEl ? childrenOf(htmlEl).find((n) => tag(n) === 'body') : undefined;
  if (!body) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'not-a-work', message: 'no HTML body', file, line: 1, column: 1 }] };
  }
  const page = basename(file);
  // every element of the page, in document order, walked once for the tests below
  const all = elements(body);
  const names = new Set(all.flatMap((e) => (tag(e) === 'a' && attr(e, 'name') !== undefined ? [attr(e, 'name')!] : tag(e) === 'br' && attr(e, 'id') !== undefined ? [attr(e, 'id')!] : [])));
  const isLocal = localLinkTest(page, names);
  const isNoteName = noteAnchorTest(body, isLocal);
  // a link to a note with its label (`[<A HREF="ER97.html#en45">45</A>]`), also in the title block
  const isNoteRefLink = (e: Element) => tag(e) === 'a' && noteTarget(attr(e, 'href') ?? '', isNoteName) && isLocal(attr(e, 'href')!) && /^\[?\s*\d{1,3}[a-z]?\s*\]?$/i.test(collapse(textOf(e)).trim());
  const title = readTitleBlock(body, file, isNoteRefLink);
  const start = title?.end ?? 0;
  const end = navigationStart(body) ?? Number.MAX_SAFE_INTEGER;
  const refusal = refuseNonWork(body, { file, hasTitleBlock: !!title, start, end });
  if (refusal) return { ok: false, diagnostics: [refusal] };

  const shared: FlowShared = { file, sourceText: html, repairs: [], diagnostics: [], pageBreaks: [], smallType: new WeakSet(), contentsTargets: new WeakSet() };
  const isNoteAnchor = (e: Element) => tag(e) === 'a' && isNoteName(attr(e, 'name') ?? '') && startOffset(e) >= start;
  const firstNoteEl = findFirst(body, isNoteAnchor);
  const noteAnchors = all.filter(isNoteAnchor).map(startOffset);
  // references to endnotes (`#en1`): where the running text of a document resumes after notes
  const noteLinks = all.filter((e) => tag(e) === 'a' && noteTarget(attr(e, 'href') ?? '', isNoteName) && isLocal(attr(e, 'href')!)).map(startOffset);
  const markers = all.flatMap((e) => { const n = pageMarker(e); return n === undefined ? [] : [{ at: startOffset(e), n }]; });
  const pageMarkers = markers.map((m) => m.at);
  const anchorAliases = misnamedAnchors(all, names, page, start, { isNoteName, printPages: new Set(markers.map((m) => m.n)) }, shared.diagnostics, file);
  const sectionAnchors = contentsAnchors(all, isLocal, isNoteName, anchorAliases);
  const walker = new Walker({
    isLocal, isNoteName, anchorNames: names, anchorAliases,
    file, page, shared, start, end, texts: new TextOrder(body), source: pointAnchors(html), skip: new Set<Node>(navigationTables(body)),
    baseUl: runningTextDepth(body, start, end),
    noteAnchors, noteLinks, pageMarkers, notesHeadings: notesHeadingOffsets(body, noteAnchors), sectionAnchors,
    ...(firstNoteEl ? { firstNote: startOffset(firstNoteEl) } : {}),
  });
  walker.run(body);
  const walked = walker.state;

  let front: Block[] = walked.front;
  let bodyBlocks: Block[] = walked.body;
  // what stands before the first page marker is a book's front matter (publisher's note,
  // contents, title page); on any other page it is the text whose first marker was left out
  const book = !!title?.cover || front.some((b) => b.type === 'table' || b.type === 'division');
  // a volume's publisher's note before the first page stays front matter, not the work's opening
  if (!(book || opensFrontMatter(front)) || bodyBlocks.length === 0) [front, bodyBlocks] = [[], [...front, ...bodyBlocks]];
  // the references set in the title block, kept in the text where it stands (title-refs.ts)
  // (with the title block's anchors, which the notes' back-references may name: not a note's, not
  // a foot block's, nor one the text sets again, whose id the text's anchor has)
  const titleAnchorId = (name: string) => {
    const id = anchorId(name);
    return isNoteName(name) || /^(?:fnp|notes$)/i.test(name) || walked.anchorIds.has(id) ? undefined : id;
  };
  const titleRefs = title ? titleBlockRefs(body, title.linesEnd, isNoteRefLink, file, { ...(title.title ? { title: title.title } : {}), ...(title.author ? { author: title.author } : {}) }, titleAnchorId) : undefined;
  resolveNotes([...(titleRefs?.refs ?? []), ...walked.refs], walked.footnotes, endNoteFinder(walked), isNoteName, shared.diagnostics, pageMarkers);
  placeFootnotes(bodyBlocks, walked.footnotes, walked.refs);
  const notesBlocks = walked.sections.flatMap((s) => s.items).flatMap((i) => ('pb' in i ? [] : i.blocks));
  for (const blocks of [front, bodyBlocks, notesBlocks, titleRefs ? [titleRefs.page] : []]) dropUnresolved(blocks);
  front = frontDivisions(front);
  // a book's title page (with its cover), else the cover alone
  const titlePage = title ? readTitlePage(body, title.end, title.cover, file, title.title) : undefined;
  if (titleRefs) front.unshift(titleRefs.page);
  if (titlePage) front.unshift(titlePage);
  else if (title?.cover) front.unshift(title.cover);

  markBylines(bodyBlocks);
  // a numbered section's title ending in a line of smaller type: its first subsection's
  const firstSubsections = smallSubheadings(bodyBlocks, shared.smallType!);
  mergeHeadings(bodyBlocks);
  // a contents target's title ending in its first section's number (`NOTES` / `I`)
  splitTrailingNumbers(bodyBlocks, shared.contentsTargets!);
  joinLabels(bodyBlocks);
  markNumeralHeadings(bodyBlocks);
  markDeliveredTitles(bodyBlocks);
  markSubtitles(bodyBlocks);
  const misprints: Misprint[] = [];
  const dateline = markDatelines(bodyBlocks, misprints);
  const placed = placeSections(bodyBlocks, walked, (blocks) => divide(blocks, book), book ? 'chapter' : 'document');
  bodyBlocks = nestParts(nestNumberedSections(nestNumberedHeadings(placed.body, firstSubsections)));
  openFirstSubsections(bodyBlocks, firstSubsections);
  bodyBlocks = addressSections(sectionsUnderTitleBlock(bodyBlocks, title?.title ?? pageTitle(htmlEl!)));
  markForewordsUnderTitles(bodyBlocks);
  markEndStatements(bodyBlocks, misprints);
  markOpeningStatements(bodyBlocks, misprints);
  markLetterFrames(bodyBlocks);
  linkContents(front, bodyBlocks);
  closingLinesNotTitles(bodyBlocks);
  dropDanglingLinks([front, bodyBlocks, notesBlocks]);

  const referenced = new Set<string>();
  forEachInlineList([...front, ...bodyBlocks, ...notesBlocks], (list) => {
    for (const i of list) if (i.type === 'noteRef') referenced.add(i.noteId);
  });
  for (const blocks of [front, bodyBlocks, notesBlocks]) {
    linkFootnotesByPosition(blocks, referenced);
    linkUnlinkedFootnotes(blocks, referenced);
    linkNotesOnNotes(blocks, referenced, shared.pageBreaks);
  }
  // reference ids are numbered across the whole page (resolve.ts): the ids taken, once for all
  const taken = refIds([...front, ...bodyBlocks, ...notesBlocks]);
  for (const blocks of [front, bodyBlocks, notesBlocks]) {
    linkRepeatedMarks(blocks, referenced, taken);
    placeFootNotesInParagraphs(blocks, referenced);
  }
  const diagnostics: Diagnostic[] = [...shared.diagnostics];
  checkPageEnd(html, file, diagnostics);
  if (!title) diagnostics.push({ severity: 'warning', code: 'missing-title-block', message: 'no title block ("Prepared … for the Internet"): bibliographic data unknown', file, line: 1, column: 1 });
  const printed = title?.print?.partPages ?? title?.print?.pages;
  checkPages(shared.pageBreaks, Math.min(walked.notesStart, shared.pageBreaks.length), printed, title?.rangePos ?? title?.pos, file, diagnostics);
  // `<A NAME="fnp45">` before a page's foot notes names them: a back-reference `[p. 45]` to it
  // is to a place the page has (the anchor itself is read as the notes' start)
  const footAnchors = new Map(walked.footnotes.filter((f) => f.anchor && f.notes.length > 0).map((f) => [`a-${f.anchor}`, f.notes[0]!.id]));
  const anchors = new Set([...walked.anchorIds, ...(titleRefs?.anchors ?? [])]);
  for (const section of walked.sections) checkNotes(section, referenced, anchors, file, diagnostics, footAnchors, names);
  // a foot note no reference points to, linked or found as its mark on its page: the TEI declares it
  // unreferenced (note type="unreferenced"), and the conversion says so where the note stands
  for (const note of walked.footnotes.flatMap((f) => f.notes)) {
    if (!referenced.has(note.id)) {
      diagnostics.push({ severity: 'warning', code: 'note-unreferenced', message: `foot note ${note.n} is not referenced in the text: no link to it, and no mark "${note.n}" for it found on its page`, file, line: note.pos?.line ?? 1, column: note.pos?.column ?? 1 });
    }
  }

  const witnesses: Witness[] = [];
  const m2m: Witness = {
    kind: 'transcription',
    id: 'm2m',
    transcriber: title?.transcription.transcriber ?? '',
    resp: 'Prepared for the Internet by',
    publisher: 'From Marx to Mao',
    // no url: the page does not state its address, and a local folder's name is not one (the
    // edition.json `url` gives it where it is known)
    file,
  };
  if (title?.transcription.email) m2m.email = title.transcription.email;
  if (title?.transcription.date) m2m.date = title.transcription.date;
  if (title?.transcription.updated) m2m.updated = title.transcription.updated;
  if (title?.transcription.rights) m2m.rights = title.transcription.rights;
  witnesses.push(m2m);
  // the print edition's siglum says its publisher; the page breaks name it
  const printId = printSiglum(title?.print?.publisher);
  const basisId = basisSiglum(title?.basis?.publisher, printId);
  for (const pb of shared.pageBreaks) pb.edition = printId;
  if (title?.print || shared.pageBreaks.length) {
    const print = title?.print;
    const { editor, translator, translatedFrom } = title?.responsibility ?? {};
    witnesses.push({
      kind: 'print', id: printId,
      collection: print?.collection ?? '', publisher: print?.publisher ?? '', place: print?.place ?? '', date: print?.date ?? '',
      printings: print?.printings ?? [],
      ...(print?.collectionAuthor ? { collectionAuthor: print.collectionAuthor } : {}),
      ...(print?.volume ? { volume: print.volume } : {}),
      ...(print?.pages ? { pages: print.pages } : {}),
      ...(print?.partPages ? { partPages: print.partPages } : {}),
      ...(editor ? { editor } : {}),
      ...(translator ? { translator } : {}),
      ...(translatedFrom ? { translatedFrom } : {}),
      ...(title?.rights.length ? { rights: title.rights } : {}),
      ...(title?.statements.length ? { statements: title.statements } : {}),
      ...(title?.basis ? { basedOn: basisId } : {}),
    });
  }
  if (title?.basis) witnesses.push({ kind: 'print', id: basisId, ...title.basis });

  const lineDate = dateline?.children.find((c): c is DateInline => c.type === 'date');
  // the date under the text's title, else the title block's, else what the text's end says: when
  // it was written, else its closing date line (closing-facts.ts); the first printing likewise
  const closing = closingFacts(bodyBlocks);
  const titleOfPage = pageTitle(htmlEl!);
  const workTitle = sourceCasing(title?.title, titleOfPage) ?? titleOfPage ?? firstHeading([...front, ...bodyBlocks]) ?? UNTITLED;
  const opening = openingFacts(bodyBlocks, workTitle);
  const published = title?.published ?? closing.published ?? opening.published;
  const workDate = lineDate
    ? { text: collapse(plainText(lineDate.children)).trim(), ...dateFields(lineDate) }
    : title?.date
      ? { text: title.date.text, ...dateFields(title.date) }
      : closing.written
        ? { text: closing.written.text, ...dateFields(closing.written) }
        : opening.written
          ? { text: opening.written.text, ...dateFields(opening.written) }
          : closing.date && { text: collapse(plainText(closing.date.children)).trim(), ...dateFields(closing.date) };
  if (title?.date?.misprintedYear) misprints.push({ date: title.date, text: title.date.text, pos: title.date.pos });
  for (const m of misprints) diagnostics.push(misprintDiagnostic(m));
  // the dateline dates the work: a title block or contents entry giving another year is said
  const titleConflict = title?.date ? titleDateConflict(title.date, lineDate) : undefined;
  if (titleConflict) diagnostics.push(titleConflict);
  diagnostics.push(...contentsDateConflicts(front, bodyBlocks, file));
  // under the text's heading, else on a book's title page, else in the title block under its title
  const subtitle = workSubtitle(bodyBlocks, workTitle) ?? titlePageSubtitle(titlePage, workTitle, title?.part) ?? title?.subtitle;
  const edition: Edition = {
    id: page.replace(/\.[^.]*$/, ''),
    work: {
      title: workTitle,
      ...(subtitle ? { subtitle } : {}),
      ...(title?.part ? { part: title.part } : {}),
      ...(title?.author ? { author: title.author } : {}),
      ...(workDate ? { date: workDate } : {}),
      ...(published ? { published } : {}),
      language: 'en',
    },
    witnesses,
    baseWitness: 'm2m',
    front,
    body: bodyBlocks,
    ...(placed.notes ? { notes: placed.notes } : {}),
    repairs: shared.repairs,
    diagnostics,
  };
  return { ok: true, edition };
}

/** The ISO fields of a date (`when`, or `from` and `to`), without undefined ones. */
function dateFields(d: { when?: string; from?: string; to?: string }): { when?: string; from?: string; to?: string } {
  return { ...(d.when ? { when: d.when } : {}), ...(d.from && d.to ? { from: d.from, to: d.to } : {}) };
}

function misprintDiagnostic(m: Misprint): Diagnostic {
  const year = m.date.misprintedYear!;
  return {
    severity: 'info', code: 'date-misprint', file: m.pos.file, line: m.pos.line, column: m.pos.column,
    message: `"${collapse(m.text).trim()}": the year "${year}" is read as ${year.replace(/[lI]/g, '1')} (a letter ${/I/.test(year) ? 'I' : 'l'} typed for the digit 1); the text keeps it as transcribed`,
  };
}

/** A fragment without <TITLE> or title block is titled from its first heading, never its file name. */
function firstHeading(blocks: Block[]): string | undefined {
  let found: string | undefined;
  forEachBlock(blocks, (b) => {
    if (found === undefined && b.type === 'heading') found = sensibleCase(collapse(plainText(b.children)).trim()) || undefined;
  });
  return found;
}

/** No title anywhere (the page's missing title block is reported): said plainly, the file name is not a title. */
const UNTITLED = '[Untitled]';

/**
 * The title as the source cases it: a title block printed in capitals is re-cased by rule
 * (`Tu Yu-Ming`), but where the page's <TITLE> gives the same words in mixed case (`Tu Yu-ming`)
 * that is the source's own casing and is kept.
 */
function sourceCasing(title: string | undefined, pageTitle: string | undefined): string | undefined {
  if (!title || !pageTitle || !/\p{Ll}/u.test(pageTitle)) return title;
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return key(title) === key(pageTitle) ? collapse(pageTitle).trim() : title;
}

function pageTitle(html: Node): string | undefined {
  const t = findFirst(html, (e) => tag(e) === 'title');
  const text = t ? collapse(textOf(t)).trim() : '';
  return text || undefined;
}

/**
 * The `<UL>` depth at which most of the running text stands: marx2mao wraps the whole text in a
 * `<UL>` for its margin, so only deeper lists are quotations.
 */
/**
 * The source extents of the anchors a contents table links to (not notes, not print pages): where
 * the sections it lists begin (`<A NAME="s2">`, read as `<BR ID="s2">`, dom.ts pointAnchors).
 */
function contentsAnchors(all: Element[], isLocal: (href: string) => boolean, isNoteName: (name: string) => boolean, aliases: ReadonlyMap<string, string>): { start: number; end: number }[] {
  const linked = new Set(
    all.filter((e) => tag(e) === 'table').flatMap((t) => elements(t))
      .flatMap((e) => { const href = tag(e) === 'a' ? attr(e, 'href') : undefined; return href && isLocal(href) && href.includes('#') ? [href.slice(href.indexOf('#') + 1)] : []; })
      .map((name) => aliases.get(name) ?? name)
      .filter((name) => !isNoteName(name) && !/^p\d/i.test(name)),
  );
  return all.filter((e) => tag(e) === 'br' && linked.has(attr(e, 'id') ?? '')).map((e) => ({ start: startOffset(e), end: endOffset(e) }));
}

/**
 * Links of a contents table to an anchor the page never sets, where it sets one of the same name
 * without its letters (`#s12` and `<A NAME="12">`, IC17; `#s6` and `6`, PRKR64), that no link
 * names, that opens no note and that marks no print page of that number: the links are taken to
 * name that anchor, and a warning says so. Only where one name linked so reaches the anchor; not
 * for links to notes or print pages, read as such (walk-notes.ts).
 */
function misnamedAnchors(
  all: Element[], names: ReadonlySet<string>, page: string, start: number,
  { isNoteName, printPages }: { isNoteName: (name: string) => boolean; printPages: ReadonlySet<string> },
  diagnostics: Diagnostic[], file: string,
): Map<string, string> {
  const local = (e: Element): string | undefined => {
    const href = tag(e) === 'a' ? attr(e, 'href') : undefined;
    return href ? samePageFragment(href, page) : undefined;
  };
  const linked = new Set(all.map(local).filter((n) => n !== undefined));
  // the contents' links to names the page never sets, by the anchor each would name
  const reaching = new Map<string, { el: Element; name: string }[]>();
  for (const e of all.filter((t) => tag(t) === 'table' && startOffset(t) >= start).flatMap((t) => elements(t))) {
    const name = local(e);
    // (a note's or a print page's link is resolved as one, not as a link to an anchor)
    if (name === undefined || names.has(name) || isNoteName(name) || isPageAnchorName(name) || /^(?:e?n|fn)\d/i.test(name)) continue;
    const bare = name.replace(/^[A-Za-z]+(?=\d)/, '');
    if (bare === name || !names.has(bare) || linked.has(bare) || isNoteName(bare) || printPages.has(bare)) continue;
    reaching.set(bare, [...(reaching.get(bare) ?? []), { el: e, name }]);
  }
  const aliases = new Map<string, string>();
  for (const [bare, links] of reaching) {
    if (new Set(links.map((l) => l.name)).size > 1) continue;
    aliases.set(links[0]!.name, bare);
    const p = positionOf(links[0]!.el, file);
    diagnostics.push({ severity: 'warning', code: 'link-anchor-misnamed', message: `the contents' link to "#${links[0]!.name}" names no anchor of the page; taken for the anchor "${bare}", which no link names`, file: p.file, line: p.line, column: p.column });
  }
  return aliases;
}

function runningTextDepth(body: Node, start: number, end: number): number {
  const weight = new Map<number, number>();
  const walk = (n: Node, depth: number) => {
    const s = startOffset(n);
    if (s >= end) return;
    if (isText(n)) {
      if (s >= start) weight.set(depth, (weight.get(depth) ?? 0) + n.value.trim().length);
      return;
    }
    if (tag(n) === 'table') return;
    const d = ['ul', 'ol', 'dl', 'blockquote'].includes(tag(n)) ? depth + 1 : depth;
    for (const c of childrenOf(n)) walk(c, d);
  };
  walk(body, 0);
  let best = 0;
  let bestWeight = -1;
  for (const [d, w] of weight) if (w > bestWeight) [best, bestWeight] = [d, w];
  return best;
}

/**
 * The subtitle a book's title page prints under the work's title (TS19's `A Lecture Delivered` /
 * `at the Sverdlov University,` / `July 11, 1919`), for the header's `title type="sub"`, where the
 * text itself sets none under its heading.
 */
function titlePageSubtitle(page: TitlePage | undefined, workTitle: string, part: string | undefined): string | undefined {
  const at = page?.lines.findIndex((l) => l.role === 'title' && titleKey(l.text.join(' ')) === titleKey(workTitle)) ?? -1;
  const next = at >= 0 ? page!.lines[at + 1] : undefined;
  if (next?.role !== 'subtitle') return undefined;
  const subtitle = collapse(next.text.join(' ')).trim();
  // the part this page holds (`[ Part 2 ]`, ESC76ii) is the header's part title already
  return part && titleKey(subtitle) === titleKey(part) ? undefined : subtitle;
}
