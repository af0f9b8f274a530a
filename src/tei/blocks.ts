/**
 * Model blocks → TEI block elements, arranged so that every division satisfies TEI's content
 * model for `div`: a top part (head, byline, dateline, opener, salute), then either paragraph-like content
 * followed by sub-divisions or only sub-divisions, then a bottom part (closer, signed, dateline).
 * `pb`, `anchor`, `note` and `figure` are model.global and may stand anywhere in between.
 *
 * The model does not promise that shape (a reader reports a heading where the source has one), so
 * the writer restores it: a heading after paragraphs (or the first section's, under the title)
 * opens a new `div type="section"` that runs to the next heading of the same or a higher level,
 * holding the numbered divisions that follow it (sectionEnd); paragraph-like blocks after a sub-division are
 * wrapped in an untyped `div`; a salute at the top goes into `opener`, a signature at the end into
 * `closer`; elsewhere they become `p` with @rend naming what they are.
 */
import type { Block, Division, Heading, ListItem, Note } from '../model/types.js';
import type { WriteContext } from './context.js';
import { writeGraphic, writeInlines, writePageBreak } from './inlines.js';
import { anchorId } from './context.js';
import { att, child, indent, ncName, text, type El } from './xml.js';
import { enumerationOf, laterHeadings, opensNumbering, valueIn, type Enumeration } from '../model/enumeration.js';
import { isPostscript, takePageBreaksAtEnd } from '../model/walk.js';

/** Blocks TEI allows anywhere in a division (model.global). */
function isGlobal(b: Block): boolean {
  return b.type === 'pbBlock' || b.type === 'noteBlock' || b.type === 'figure';
}
function isTop(b: Block): boolean {
  return b.type === 'heading' || b.type === 'subtitle' || b.type === 'byline' || b.type === 'dateline' || b.type === 'salute';
}
function isBottom(b: Block): boolean {
  return b.type === 'signed' || b.type === 'dateline' || b.type === 'salute' || b.type === 'statement' || isPostscript(b);
}

/** Write the content of a `div` (or of `body` when it holds a single division's content). */
export function writeDivContent(div: El, blocks: Block[], ctx: WriteContext, depth: number, closerAlways = false): void {
  let i = 0;
  // Top: headings, bylines, datelines, salutes (and globals among them), before any paragraph.
  const top: Block[] = [];
  while (i < blocks.length && (isTop(blocks[i]!) || isGlobal(blocks[i]!) || opensWithStatement(blocks, i, top))) {
    // the first section's heading set right under the division's title opens that section, with
    // the page breaks right before it
    if (top.some((b) => b.type === 'heading') && opensSection(blocks, i, top)) {
      i -= takePageBreaksAtEnd(top).length;
      break;
    }
    top.push(blocks[i++]!);
  }
  writeTop(div, top, ctx, depth);

  // Bottom: a run of signatures/datelines/salutes/statements of the source at the end (globals allowed among them).
  const end = bottomStart(blocks, i);
  const bottom = blocks.slice(end);

  // Middle: paragraph-like content, then sub-divisions.
  let inDivs = false;
  let loose: Block[] = [];
  const flushLoose = (): void => {
    if (loose.length === 0) return;
    if (inDivs && loose.some((b) => !isGlobal(b))) {
      const wrapper = child(div, 'div', depth);
      writeDivContent(wrapper, loose, ctx, depth + 1);
      indent(wrapper, depth);
    } else {
      for (const b of loose) writeCommonBlock(div, b, ctx, depth);
    }
    loose = [];
  };
  while (i < end) {
    const b = blocks[i]!;
    if (b.type === 'division' || b.type === 'heading') {
      // the page breaks right before a heading open its section with it (its page begins with it)
      const carried = b.type === 'heading' ? takePageBreaksAtEnd(loose) : [];
      flushLoose();
      inDivs = true;
      let sub: Division;
      if (b.type === 'division') {
        sub = b;
        i++;
      } else {
        const j = sectionEnd(blocks, i, end);
        // the heading's id is the section's (its head then carries none)
        const { id, ...heading } = b;
        sub = { type: 'division', kind: 'section', blocks: [...carried, heading, ...blocks.slice(i + 1, j)], pos: b.pos, ...(id ? { id } : {}) };
        i = j;
      }
      writeDivision(div, sub, ctx, depth);
    } else {
      loose.push(b);
      i++;
    }
  }
  flushLoose();
  writeBottom(div, bottom, ctx, depth, closerAlways);
}

/**
 * A statement of the source under the division's heading with text after it (a table of them under
 * a work's title, end-statements.ts markOpeningStatements): the top's, in an opener.
 */
function opensWithStatement(blocks: readonly Block[], i: number, top: readonly Block[]): boolean {
  return blocks[i]!.type === 'statement' && top.some((b) => b.type === 'heading') && blocks.slice(i + 1).some((b) => !isTop(b) && !isGlobal(b) && !isBottom(b));
}

/** Where the bottom of `blocks` begins (not before `from`): its closing run of signatures, datelines, salutes, statements and globals. */
export function bottomStart(blocks: readonly Block[], from = 0): number {
  let end = blocks.length;
  while (end > from && (isBottom(blocks[end - 1]!) || isGlobal(blocks[end - 1]!))) end--;
  return end;
}

/**
 * The bottom of a division (or of a body of divisions): in a `closer` where a signature or a
 * statement of the source stands in it (a statement is a seg, which TEI allows in a closer, not
 * among a division's own closing parts), else its parts as they are.
 */
export function writeBottom(parent: El, bottom: readonly Block[], ctx: WriteContext, depth: number, closerAlways = false): void {
  // a postscript stands between the closer it follows and the statements of the source after it
  const ps = bottom.findIndex(isPostscript);
  if (ps >= 0) {
    writeBottom(parent, bottom.slice(0, ps), ctx, depth, closerAlways);
    writeDivision(parent, bottom[ps] as Division, ctx, depth);
    writeBottom(parent, bottom.slice(ps + 1), ctx, depth, closerAlways);
    return;
  }
  // (a postscript's parts are always in a closer: TEI's postscript ends in closers, no bare dateline)
  if (bottom.some((b) => b.type === 'signed' || b.type === 'statement') || (closerAlways && bottom.some((b) => !isGlobal(b)))) {
    // one part a line: the signature and the place and date are separate words of the text
    const closer = child(parent, 'closer', depth);
    for (const b of bottom) writeFramePart(closer, b, ctx, depth + 1);
    indent(closer, depth);
  } else {
    for (const b of bottom) writeFramePart(parent, b, ctx, depth);
  }
}

/**
 * Whether the heading at `blocks[i]`, in a division's top (after its own heading, with no
 * paragraph between), is its first section's: it opens a numbering a later heading continues
 * (`I` … `II`), or it is numbered first under the division's dateline, or, unnumbered, it is a
 * level below the title, something links to it (a contents entry: Heading.id), and later
 * headings of its level follow, none numbered (`THE IMPORTANCE OF THE PEASANT PROBLEM`, then `GET
 * ORGANIZED!`). A second heading set as a subtitle (`Theses for the Tenth Congress`, then `I`,
 * `II`) is none of these and stays in the division's top (a Subtitle block always does). The rule
 * holds for any reader: a heading that opens a numbering
 * opens the section it numbers wherever it is set.
 */
function opensSection(blocks: Block[], i: number, top: Block[]): boolean {
  const h = blocks[i]!;
  if (h.type !== 'heading') return false;
  if (opensNumbering(blocks, i)) return true;
  // a first number under the work's date is its first section's, however the next heading of its
  // level is numbered (TD47: `1. DIRECTIVE OF NOVEMBER 18, 1946`, then `II. CIRCULAR OF APRIL 9, 1947`)
  if (enumerationOf(h.children)?.value === 1 && top.some((b) => b.type === 'dateline')) {
    if (laterHeadings(blocks, i).some((l) => l.level === h.level && enumerationOf(l.children))) return true;
  }
  const title = top.find((b): b is Heading => b.type === 'heading')!;
  if (h.id === undefined || h.level <= title.level || enumerationOf(h.children)) return false;
  const siblings = laterHeadings(blocks, i).filter((l) => l.level === h.level);
  return siblings.length > 0 && siblings.every((l) => !enumerationOf(l.children));
}

/**
 * End (exclusive) of the section a late heading opens: the next heading of the same or higher
 * level, or the next division, except the divisions that follow it, headed below it, numbered
 * from the first on (`1.` … `7.` under `I`; each numbering counted apart, and begun again under the
 * next number of the one above it: `1.`, `A.`, `B.`, `2.`, `A.`; HP27's fourteen under `FOURTEEN
 * GREAT ACHIEVEMENTS`): those are its
 * subsections, as are numbered divisions of any level right under a heading with no text of its
 * own (SCPUSA29's three speeches under `STALIN'S SPEECHES ON THE AMERICAN COMMUNIST PARTY`). A
 * division numbered on from before the heading (`3.` after a heading inside section `2.`) is not.
 * The page breaks right before the next heading are left to it.
 */
function sectionEnd(blocks: Block[], start: number, end: number): number {
  const level = (blocks[start] as Heading).level;
  // the last number of each kind taken, kinds in the order they began (`1.`, then `A.`, `B.`
  // under it: the next `2.` starts the letters again)
  const taken = new Map<Enumeration['kind'], number>();
  // whether the numbered divisions are of the heading's level or above: allowed only where they
  // begin right under it (a title with no text of its own over them), and then for all of them
  let titled = false;
  let j = start + 1;
  while (j < end) {
    const b = blocks[j]!;
    if (b.type === 'division') {
      const h = b.blocks.find((x): x is Heading => x.type === 'heading');
      const under = h !== undefined && (h.level > level || (taken.size > 0 ? titled : blocks.slice(start + 1, j).every(isGlobal)));
      const e = under ? enumerationOf(h.children) : undefined;
      const kind = e && nextIn(taken, e);
      if (!kind) break;
      if (taken.size === 0) titled = h!.level <= level;
      // a number goes on: the numberings begun under it end
      const kinds = [...taken.keys()];
      if (taken.has(kind)) for (const k of kinds.slice(kinds.indexOf(kind) + 1)) taken.delete(k);
      taken.set(kind, valueIn(e, kind)!);
    }
    if (b.type === 'heading' && b.level <= level && !isHeadingRun(blocks, start, j)) break;
    j++;
  }
  if (j < end && blocks[j]!.type === 'heading') while (j > start + 1 && blocks[j - 1]!.type === 'pbBlock') j--;
  return j;
}

/** The numbering `e` goes on with (its next number) or begins (its first), if any. */
function nextIn(taken: Map<Enumeration['kind'], number>, e: Enumeration): Enumeration['kind'] | undefined {
  for (const [kind, last] of taken) if (valueIn(e, kind) === last + 1) return kind;
  if (!taken.has(e.kind) && e.value === 1) return e.kind;
  return undefined;
}


/** Headings right after the opening heading (a title, a second heading under it) are of its section. */
function isHeadingRun(blocks: Block[], start: number, j: number): boolean {
  for (let k = start + 1; k <= j; k++) if (blocks[k]!.type !== 'heading') return false;
  return true;
}

export function writeDivision(parent: El, d: Division, ctx: WriteContext, depth: number): void {
  const div = d.kind === 'postscript' ? child(parent, 'postscript', depth) : att(child(parent, 'div', depth), 'type', d.kind);
  att(div, 'xml:id', d.id === undefined ? undefined : ncName(d.id));
  writeDivContent(div, d.blocks, ctx, depth + 1, d.kind === 'postscript');
  indent(div, depth);
}

/**
 * The top of a division: head, its subtitle (head type="sub"), dateline; salutes (with datelines
 * next to them) in an opener.
 */
function writeTop(div: El, top: Block[], ctx: WriteContext, depth: number): void {
  for (let k = 0; k < top.length; k++) {
    const b = top[k]!;
    if (b.type === 'statement') {
      const opener = child(div, 'opener', depth);
      writeFramePart(opener, b, ctx, depth + 1);
      // page breaks and notes between the statements stay in the opener; those after the last, after it
      while (k + 1 < top.length && (top[k + 1]!.type === 'statement' || (isGlobal(top[k + 1]!) && top.slice(k + 2).some((x) => x.type === 'statement')))) writeFramePart(opener, top[++k]!, ctx, depth + 1);
      indent(opener, depth);
    } else if (b.type === 'salute') {
      const opener = child(div, 'opener', depth);
      writeFramePart(opener, b, ctx, depth + 1);
      while (k + 1 < top.length && (top[k + 1]!.type === 'salute' || top[k + 1]!.type === 'dateline')) {
        writeFramePart(opener, top[++k]!, ctx, depth + 1);
      }
      indent(opener, depth);
    } else if (b.type === 'heading') {
      const head = child(div, 'head', depth);
      // a heading linked to that heads a division: the link's target is a point in the head
      if (b.id) att(child(head, 'anchor'), 'xml:id', ncName(b.id));
      writeInlines(head, b.children, ctx);
    } else if (b.type === 'subtitle') {
      writeInlines(att(child(div, 'head', depth), 'type', 'sub'), b.children, ctx);
    } else {
      writeFramePart(div, b, ctx, depth);
    }
  }
}

/** byline / dateline / salute / signed / statement (seg) and globals as direct children of div, opener or closer. */
function writeFramePart(parent: El, b: Block, ctx: WriteContext, depth?: number): void {
  if (b.type === 'byline' || b.type === 'dateline' || b.type === 'salute' || b.type === 'signed') {
    const el = child(parent, b.type, depth);
    writeInlines(el, b.children, ctx);
  } else if (b.type === 'statement') {
    writeInlines(att(child(parent, 'seg', depth), 'type', 'statement'), b.children, ctx);
  } else {
    writeCommonBlock(parent, b, ctx, depth ?? 0, depth === undefined);
  }
}

/**
 * A block where TEI expects paragraph-like content (div middle, quote, item, cell, note): p, ab
 * (preformatted text), list, table, quote, figure, pb, note. Top/bottom blocks that end up here become `p` with @rend.
 */
export function writeCommonBlock(parent: El, b: Block, ctx: WriteContext, depth: number, inline = false): void {
  const open = (name: string): El => child(parent, name, inline ? undefined : depth);
  switch (b.type) {
    case 'paragraph': {
      const p = open('p');
      if (b.rend === 'center' || b.rend === 'right') att(p, 'rend', b.rend);
      writeInlines(p, b.children, ctx);
      return;
    }
    case 'preformatted': {
      // its lines and spaces are the text: TEI keeps them where xml:space says so
      const ab = att(att(open('ab'), 'type', 'preformatted'), 'rend', b.rend);
      att(ab, 'xml:space', 'preserve');
      writeInlines(ab, b.children, ctx);
      return;
    }
    case 'heading':
    case 'subtitle':
    case 'byline':
    case 'dateline':
    case 'salute':
    case 'signed':
    case 'statement':
      writeInlines(att(open('p'), 'rend', b.type), b.children, ctx);
      return;
    case 'quote': {
      const q = open('quote');
      writeBlocksSpecialPara(q, b.blocks, ctx, depth + 1);
      return;
    }
    case 'list': {
      // TEI requires at least one item in a list and one cell in a row: empty ones are left out.
      if (b.items.length === 0) return;
      if (b.kind === 'contents') return writeContentsList(open('list'), b.items, ctx, depth);
      const list = att(open('list'), 'type', b.kind);
      for (const item of b.items) {
        const it = att(child(list, 'item', depth + 1), 'n', item.label);
        writeBlocksSpecialPara(it, item.blocks, ctx, depth + 2);
      }
      indent(list, depth);
      return;
    }
    case 'table': {
      const rows = b.rows.filter((row) => row.length > 0);
      if (rows.length === 0) return;
      const table = open('table');
      for (const row of rows) {
        const r = child(table, 'row', depth + 1);
        for (const cell of row) {
          const c = r.ele('cell');
          att(c, 'role', cell.role);
          att(c, 'cols', cell.cols && cell.cols > 1 ? cell.cols : undefined);
          att(c, 'rows', cell.rows && cell.rows > 1 ? cell.rows : undefined);
          writeBlocksSpecialPara(c, cell.blocks, ctx, depth + 3);
        }
      }
      indent(table, depth);
      return;
    }
    case 'figure': {
      const fig = open('figure');
      writeGraphic(fig, b);
      if (b.description) text(fig.ele('figDesc'), b.description);
      return;
    }
    case 'pbBlock':
      if (!inline) indent(parent, depth);
      writePageBreak(parent, b.pb, ctx);
      return;
    case 'noteBlock':
      if (!inline) indent(parent, depth);
      writeNote(parent, b.note, ctx, depth);
      return;
    case 'titlePage':
      // A title page stands first in front (title-page.ts); anywhere else its lines are centred text.
      if (b.cover) writeCommonBlock(parent, b.cover, ctx, depth, inline);
      for (const line of b.lines) {
        const p = att(open('p'), 'rend', 'center');
        if (line.inlines) {
          writeInlines(p, line.inlines, ctx);
          continue;
        }
        line.text.forEach((t, i) => {
          if (i > 0) p.ele('lb');
          text(p, t);
        });
      }
      return;
    case 'division':
      // Inside a quote, item or cell a division cannot stand: its blocks are written in its place.
      for (const inner of b.blocks) writeCommonBlock(parent, inner, ctx, depth, inline);
      return;
  }
}

/**
 * Content of quote, item, cell (TEI macro.specialPara): a single paragraph is written as running
 * text; several blocks as blocks.
 */
export function writeBlocksSpecialPara(el: El, blocks: Block[], ctx: WriteContext, depth: number): void {
  const only = blocks.length === 1 ? blocks[0]! : undefined;
  if (only?.type === 'paragraph' && !only.rend) {
    writeInlines(el, only.children, ctx);
    return;
  }
  for (const b of blocks) writeCommonBlock(el, b, ctx, depth);
  if (blocks.length > 0) indent(el, depth - 1);
}

/**
 * A note: `note xml:id n place target`, its blocks, and its back-reference as `ptr type="pageref"`
 * (a pointer, no content), attributed with @resp to the transcriber who added it.
 */
export function writeNote(parent: El, note: Note, ctx: WriteContext, depth: number): void {
  const el = parent.ele('note');
  att(el, 'xml:id', ncName(note.id));
  att(el, 'n', note.n);
  att(el, 'place', note.place);
  const refs = ctx.refsByNote.get(note.id) ?? [];
  // A note the source prints without any reference to it is said to be so, not silently linked.
  if (refs.length === 0) att(el, 'type', 'unreferenced');
  att(el, 'target', refs.map((r) => `#${ncName(r)}`).join(' '));
  for (const b of note.blocks) writeCommonBlock(el, b, ctx, depth + 1, true);
  // one pageref per page named (`[pp. 124, 201]` is two)
  for (const back of note.backRef ? [note.backRef, ...(note.moreBackRefs ?? [])] : []) {
    const ref = el.ele('ptr');
    att(ref, 'type', 'pageref');
    att(ref, 'n', back.page);
    if (ctx.transcriberResp) att(ref, 'resp', `#${ctx.transcriberResp}`);
    // Point to the anchor only when it is written: every #pointer must resolve.
    const id = back.anchor ? anchorId(back.anchor) : undefined;
    if (id && ctx.anchors.has(id)) att(ref, 'target', `#${id}`);
  }
}

/**
 * A printed contents list: per entry an `item` with the printed `label`, the title (its `ref` to
 * the division), the page as `num type="page"` and the sub-entries' list, in the print's order.
 */
function writeContentsList(list: El, items: ListItem[], ctx: WriteContext, depth: number): void {
  att(list, 'type', 'contents');
  for (const item of items) {
    const it = child(list, 'item', depth + 1);
    if (item.label) {
      text(it.ele('label'), item.label);
      it.txt(' ');
    }
    const [title, ...sub] = item.blocks;
    if (title?.type === 'paragraph') writeInlines(it, title.children, ctx);
    if (item.page) {
      it.txt(' ');
      text(att(it.ele('num'), 'type', 'page'), item.page);
    }
    for (const b of sub) writeCommonBlock(it, b, ctx, depth + 2);
  }
  indent(list, depth);
}
