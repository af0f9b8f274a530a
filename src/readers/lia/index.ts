/**
 * The Lenin Internet Archive reader: a page in the shape of marxists.org's Lenin works (also found
 * on the marx2mao site) → an Edition of the `lia` transcription, with the print edition the list
 * names (Progress Publishers' Collected Works, its volume and pages). Shape: an author line, an
 * `<h1>` title (often with a note reference), a list of `Written:`, `First Published:`, `Source:`,
 * `Translated:`, `Transcription/HTML Markup:`, `Online Version:`, the text without print page
 * markers, then the notes. See docs/encoding.md.
 */
import { basename, extname } from 'node:path';
import { parseHtmlWithPositions } from '../shared/parse-html.js';
import type { Diagnostic, Edition, ReadResult, Witness } from '../../model/types.js';
import { diagnostic, sortDiagnostics } from '../../model/diagnostics.js';
import { decodeSource } from '../marx2mao/decode.js';
import { attr, childrenOf, collapse, elements, endOffset, findFirst, positionOf, startOffset, tag, textOf, type Element, type Node } from '../marx2mao/dom.js';
import { flatten, inlines, itemNodes, itemStart, toBlocks, type Item } from './blocks.js';
import { dateStatement } from './dates.js';
import { infoLine, printWitness, transcriptionWitness, type InfoField } from './info.js';
import { readNotes } from './notes.js';

export function readLia(source: Uint8Array | string, file: string): ReadResult {
  const html = decodeSource(source);
  const doc = parseHtmlWithPositions(html);
  const body = findFirst(doc, (e) => tag(e) === 'body');
  const refuse = (message: string, at?: Node): ReadResult => ({
    ok: false,
    diagnostics: [diagnostic('error', 'not-a-work', message, at ? positionOf(at, file) : { file })],
  });
  if (!body) return refuse('no HTML body');
  const h1 = findFirst(body, (e) => tag(e) === 'h1');
  if (!h1) return refuse('no <h1> title: not a Lenin Internet Archive page of a work');
  const info = infoList(body, endOffset(h1));
  if (!info) return refuse('no "Written:"/"Source:" list after the <h1> title: not a Lenin Internet Archive page of a work', h1);

  const diagnostics: Diagnostic[] = [];
  const fields: Partial<Record<InfoField, string>> = {};
  const labels: Partial<Record<InfoField, string>> = {};
  for (const { field, label, value, node } of info.lines) {
    if (field === 'other') {
      diagnostics.push(diagnostic('info', 'info-unread', `"${label}:" of the info list is not read into the header`, positionOf(node, file)));
    } else if (value) {
      fields[field] = value;
      labels[field] = label;
    }
  }

  // the page's blocks after the info list, without the navigation that ends it
  const items = dropNavigation(flatten(body).filter((it) => itemStart(it) >= endOffset(info.el)));
  const notes = readNotes(body, items, file, diagnostics);
  const { ctx } = notes;
  const heading = inlines(childrenOf(h1), ctx);
  const bodyBlocks = [
    { type: 'heading' as const, level: 1, children: heading, pos: positionOf(h1, file) },
    ...toBlocks(items.slice(0, notes.start), ctx),
  ];

  const title = collapse(textWithout(h1, new Set(ctx.refs.keys()))).trim();
  const author = authorOf(body, h1, doc, title);
  const witnesses: Witness[] = [];
  if (fields.source) witnesses.push(printWitness(fields.source, fields.translated, ['lia']));
  witnesses.push(transcriptionWitness(fields, labels, file));
  const date = fields.written ? dateStatement(fields.written) : undefined;
  const published = fields.published ? dateStatement(fields.published) : undefined;

  const edition: Edition = {
    id: basename(file, extname(file)),
    work: {
      title: title || collapse(textOf(h1)).trim(),
      ...(author ? { author } : {}),
      ...(date ? { date } : {}),
      ...(published ? { published } : {}),
      language: 'en',
    },
    witnesses,
    baseWitness: 'lia',
    front: [],
    body: bodyBlocks,
    ...(notes.section ? { notes: notes.section } : {}),
    repairs: [],
    diagnostics: sortDiagnostics(diagnostics),
  };
  return { ok: true, edition };
}

interface InfoLine {
  field: InfoField | 'other';
  label: string;
  value: string;
  node: Node;
}

/** The first list (or paragraph of `<br>`-separated lines) after the title with at least two known labels. */
function infoList(body: Node, after: number): { el: Element; lines: InfoLine[] } | undefined {
  for (const el of elements(body)) {
    if (startOffset(el) < after || !['ul', 'ol', 'p', 'div', 'dl'].includes(tag(el))) continue;
    const lines = linesOf(el).flatMap(([text, node]) => {
      const parsed = infoLine(text);
      return parsed ? [{ field: parsed[0], label: parsed[1], value: parsed[2], node }] : [];
    });
    if (lines.filter((l) => l.field !== 'other').length >= 2) return { el, lines };
  }
  return undefined;
}

/** A list's items, or the `<br>`-separated lines of a paragraph, as collapsed text. */
function linesOf(el: Element): [string, Node][] {
  if (tag(el) !== 'p' && tag(el) !== 'div') {
    return childrenOf(el).filter((c) => ['li', 'dt', 'dd'].includes(tag(c))).map((li) => [collapse(textOf(li)).trim(), li]);
  }
  const out: [string, Node][] = [];
  let text = '';
  let first: Node | undefined;
  for (const c of childrenOf(el)) {
    if (tag(c) === 'br') {
      if (first) out.push([collapse(text).trim(), first]);
      [text, first] = ['', undefined];
    } else {
      text += textOf(c);
      first ??= c;
    }
  }
  if (first) out.push([collapse(text).trim(), first]);
  return out;
}

/** The text of an element without the given elements (the note references in a title). */
function textWithout(node: Node, skip: Set<Node>): string {
  if (skip.has(node)) return '';
  if (node.nodeName === '#text') return (node as { value: string }).value;
  if (tag(node) === 'br') return ' ';
  return childrenOf(node).map((c) => textWithout(c, skip)).join('');
}

/**
 * The author: the short line just before the title (`<p class="title">V. I. Lenin</p>`, `<h3>V. I.
 * Lenin</h3>`), else the part of the page's `<title>` before a colon (`Lenin: Title`).
 */
function authorOf(body: Node, h1: Element, doc: Node, title: string): string | undefined {
  const before = elements(body).filter((e) => endOffset(e) <= startOffset(h1) && /^(?:h[2-6]|p)$/.test(tag(e)));
  const line = before.at(-1);
  const text = line ? collapse(textOf(line)).trim() : '';
  if (line && text && text.length <= 60 && !/\d/.test(text) && !elements(line).some((e) => tag(e) === 'a' && attr(e, 'href'))) return text;
  const pageTitle = collapse(textOf(findFirst(doc, (e) => tag(e) === 'title') ?? h1)).trim();
  const m = /^([^:]{2,60}):\s*(.+)$/.exec(pageTitle);
  return m && collapse(m[2]!).toLowerCase() === title.toLowerCase() ? m[1]!.trim() : undefined;
}

/** Trailing blocks that are navigation (mostly links), rules or empty are not text. */
function dropNavigation(items: Item[]): Item[] {
  const out = [...items];
  while (out.length > 0 && isNavigation(out.at(-1)!)) out.pop();
  return out;
}

function isNavigation(item: Item): boolean {
  const nodes = itemNodes(item);
  if (nodes.length === 1 && tag(nodes[0]!) === 'hr') return true;
  const text = nodes.map((n) => collapse(textOf(n)).replace(/[\s|·•[\]]/g, '')).join('');
  if (!text) return true;
  const linked = nodes.flatMap((n) => elements(n)).filter((e) => tag(e) === 'a' && attr(e, 'href')).map((a) => collapse(textOf(a)).replace(/\s/g, '')).join('');
  return linked.length / text.length >= 0.5;
}
