/**
 * The CMPA Markdown reader: a reprint (Communist (Maoist) Party of Afghanistan) of a marx2mao page
 * → an Edition of one witness, `cmpa`, naming the print edition (`flp`) from its title block. The
 * transcription it says it reprints (`m2m`) is not read here, so it is no witness of this edition:
 * the title block's credit to it stays on the reprint's entry (`reprints`).
 *
 * Shape of the file: title block, `## TITLE`, an italic dateline, paragraphs with `page N` marker
 * lines, `## NOTES` with `[1] … [p. 275]` notes. Parsed with mdast-util-from-markdown, which gives
 * every node its line and column for diagnostics and repairs.
 */
import { basename, extname } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Heading as MdHeading, RootContent } from 'mdast';
import type { Block, Edition, Heading, NotesSection, Paragraph, ReadResult, Witness } from '../../model/types.js';
import { diagnostic, sortDiagnostics } from '../../model/diagnostics.js';
import { parseDate } from './dates.js';
import { convertInlines, newInlineContext, positionOf, type InlineContext } from './inlines.js';
import { plainText } from '../../model/plain-text.js';
import { readNotes } from './notes.js';
import { checkPages, pageBreaks } from './pages.js';
import { rejoinParagraphs, type Item, type JoinContext } from './paragraphs.js';
import { readTitleBlock } from './title-block.js';
import { titleCase } from './title-case.js';

export function readCmpa(source: string, file: string): ReadResult {
  const tree = fromMarkdown(source);
  const nodes = tree.children;
  const titleAt = nodes.findIndex((n) => n.type === 'heading');
  if (titleAt < 0) {
    return {
      ok: false,
      diagnostics: [diagnostic('error', 'not-a-work', 'no "## TITLE" heading: this is not a CMPA reprint of a work', { file })],
    };
  }
  const titleBlock = readTitleBlock(nodes.slice(0, titleAt), file);
  // Any Markdown has headings: a reprint of a work also has the title block of one (the
  // "Prepared … for the Internet" line, the "From the …" imprint or the "Republish by:" block).
  if (!titleBlock.reprint.reprints && !titleBlock.print && !titleBlock.republished) {
    const message = 'no CMPA title block before the first heading (no "Prepared … for the Internet" line, no "From the …" imprint, no "Republish by:" block): this is not a CMPA reprint of a work';
    return { ok: false, diagnostics: [diagnostic('error', 'not-a-work', message, { file })] };
  }
  const notesAt = nodes.findIndex((n, i) => i > titleAt && n.type === 'heading' && /^\s*notes\s*$/i.test(mdText(n)));
  const ictx = newInlineContext(file);
  const jctx: JoinContext = { file, source, witness: 'cmpa', repairs: [], diagnostics: [] };

  const bodyNodes = nodes.slice(titleAt, notesAt < 0 ? undefined : notesAt);
  const items = bodyNodes.flatMap((n, i) => toItems(n, ictx, jctx, i === 0));
  markDateline(items);
  const body = rejoinParagraphs(items, jctx);

  let notes: NotesSection | undefined;
  if (notesAt >= 0) {
    const heading = nodes[notesAt] as MdHeading;
    const noteBlocks = nodes.slice(notesAt + 1).flatMap((n) => toItems(n, ictx, jctx, false)).map((it) => (it.kind === 'para' ? it.paragraph : it.block));
    notes = { heading: convertInlines(heading.children, ictx), items: readNotes(noteBlocks, jctx), pos: positionOf(ictx, heading) };
  }

  const heading = body.find((b): b is Heading => b.type === 'heading');
  const dateline = body.find((b) => b.type === 'dateline');
  const dateText = dateline && 'children' in dateline ? plainText(dateline.children).trim() : undefined;
  const dateWhen = dateText ? parseDate(dateText) : undefined;
  const title = titleBlock.title ?? (heading ? plainText(heading.children) : basename(file));

  // what was read: the reprint, and the print edition it states it gives
  const witnesses: Witness[] = titleBlock.print ? [titleBlock.print, titleBlock.reprint] : [titleBlock.reprint];
  // the page breaks name the print edition by its siglum (from its publisher)
  if (titleBlock.print) for (const pb of pageBreaks(body, notes)) pb.edition = titleBlock.print.id;
  const end = { file, line: tree.position?.end.line ?? 1, column: 1 };
  const diagnostics = [
    ...titleBlock.diagnostics,
    ...ictx.diagnostics,
    ...jctx.diagnostics,
    ...checkNotes(ictx, notes),
    ...checkPages(pageBreaks(body, notes), titleBlock.print?.pages, positionOf(ictx, nodes[titleAt]), end),
  ];
  const edition: Edition = {
    id: basename(file, extname(file)),
    work: {
      title: titleCase(title),
      ...(titleBlock.author ? { author: titleBlock.author } : {}),
      ...(dateText ? { date: dateWhen ? { text: dateText, when: dateWhen } : { text: dateText } } : {}),
      language: 'en',
    },
    witnesses,
    baseWitness: 'cmpa',
    front: [],
    body,
    ...(notes ? { notes } : {}),
    repairs: jctx.repairs,
    diagnostics: sortDiagnostics(diagnostics),
  };
  return { ok: true, edition };
}

function mdText(node: RootContent): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(mdText).join('');
  return '';
}

/** One mdast block → the items the paragraph pass works on. */
function toItems(node: RootContent, ictx: InlineContext, jctx: JoinContext, isTitle: boolean): Item[] {
  const pos = positionOf(ictx, node);
  switch (node.type) {
    case 'paragraph':
      if (looksLikeTable(node)) {
        ictx.diagnostics.push(diagnostic('warning', 'markdown-unsupported', 'a table (GitHub Markdown) in a reprint is read as plain text, its rows as lines of one paragraph', pos));
      }
      return [{ kind: 'para', paragraph: { type: 'paragraph', children: convertInlines(node.children, ictx), pos } }];
    case 'heading':
      // `##` is the work's title (level 1 in the model); deeper headings are its sections.
      return [{ kind: 'block', block: { type: 'heading', level: isTitle ? 1 : Math.max(2, node.depth - 1), children: convertInlines(node.children, ictx), pos } }];
    case 'blockquote': {
      const inner = node.children.flatMap((c) => toItems(c, ictx, jctx, false));
      return [{ kind: 'block', block: { type: 'quote', blocks: rejoinParagraphs(inner, jctx), pos } }];
    }
    case 'list':
      return [{
        kind: 'block',
        block: {
          type: 'list',
          kind: node.ordered ? 'ordered' : 'unordered',
          items: node.children.map((li) => ({ blocks: rejoinParagraphs(li.children.flatMap((c) => toItems(c, ictx, jctx, false)), jctx) })),
          pos,
        },
      }];
    case 'code':
      ictx.diagnostics.push(diagnostic('warning', 'markdown-unsupported', 'an indented or fenced code block in a reprint is read as plain text', pos));
      return [{ kind: 'para', paragraph: { type: 'paragraph', children: [{ type: 'text', value: node.value }], pos } }];
    case 'thematicBreak':
      return []; // the reprint's `---` rules are layout, not text
    case 'html':
      ictx.diagnostics.push(diagnostic('warning', 'html-dropped', `raw HTML block ${JSON.stringify(node.value.slice(0, 40))} left out`, pos));
      return [];
    default:
      ictx.diagnostics.push(diagnostic('warning', 'markdown-unsupported', `Markdown ${node.type} is not expected in a CMPA reprint and was left out`, pos));
      return [];
  }
}

/** A GitHub Markdown table (`| a | b |` over `|---|---|`), which CommonMark reads as a paragraph. */
function looksLikeTable(node: Extract<RootContent, { type: 'paragraph' }>): boolean {
  const text = node.children.map((c) => ('value' in c && typeof c.value === 'string' ? c.value : '\u0000')).join('');
  const [head, rule] = text.split('\n');
  // the delimiter row: cells of dashes (with alignment colons) between bars, one cell at least
  return head !== undefined && rule !== undefined && head.includes('|') && rule.includes('|') && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(rule);
}

/** The first paragraph after the title, when it is nothing but a date (`*September 28, 1939*`). */
function markDateline(items: Item[]): void {
  const at = items.findIndex((it) => it.kind === 'para');
  const item = items[at];
  if (!item || item.kind !== 'para' || at !== 1) return;
  const p: Paragraph = item.paragraph;
  const text = plainText(p.children).trim();
  const when = parseDate(text);
  if (!when) return;
  const block: Block = { type: 'dateline', children: [{ type: 'date', when, children: p.children }], ...(p.pos ? { pos: p.pos } : {}) };
  items[at] = { kind: 'block', block };
}

/** Every reference has its note, every note is referenced. */
function checkNotes(ictx: InlineContext, notes: NotesSection | undefined) {
  const list = (notes?.items ?? []).flatMap((it) => ('type' in it ? [] : [it]));
  const ids = new Set(list.map((n) => n.id));
  const referenced = new Set(ictx.refs.map((r) => r.noteId));
  const out = [];
  for (const ref of ictx.refs) {
    if (!ids.has(ref.noteId)) {
      out.push(diagnostic('warning', 'note-missing', `reference [${ref.n}] has no note ${ref.n} in the notes section: the TEI keeps its mark, [${ref.n}], as text, unlinked, unless another witness has the note`, ref.pos ?? { file: ictx.file }));
    }
  }
  for (const note of list) {
    if (!referenced.has(note.id)) {
      out.push(diagnostic('warning', 'note-unreferenced', `note [${note.n}] is not referenced in the text`, note.pos ?? { file: ictx.file }));
    }
  }
  return out;
}
