/**
 * Model inlines → TEI phrase-level elements (encoding.md, "Text" and "Rules").
 */
import type { Image, Inline, PageBreak } from '../model/types.js';
import type { WriteContext } from './context.js';
import { anchorId } from './context.js';
import { splitBrackets, transcriberSpans } from './transcriber-notes.js';
import { writeNote } from './blocks.js';
import { att, isoDate, ncName, text, uri, type El } from './xml.js';

export function writeInlines(parent: El, inlines: Inline[], ctx: WriteContext): void {
  const resp = ctx.transcriberResp;
  if (!resp || !inlines.some((n) => n.type === 'text' && n.value.includes('['))) {
    for (const node of inlines) writeInline(parent, node, ctx);
    return;
  }
  // the transcriber's bracketed additions, attributed to them (transcriber-notes.ts)
  const list = splitBrackets(inlines);
  let i = 0;
  for (const [start, end] of transcriberSpans(list, ctx.transcriberInitials)) {
    while (i < start) writeInline(parent, list[i++]!, ctx);
    const seg = att(att(parent.ele('seg'), 'type', 'transcriberNote'), 'resp', `#${resp}`);
    while (i <= end) writeInline(seg, list[i++]!, ctx);
  }
  while (i < list.length) writeInline(parent, list[i++]!, ctx);
}

function writeInline(parent: El, node: Inline, ctx: WriteContext): void {
  switch (node.type) {
    case 'text':
      text(parent, node.value);
      return;
    case 'emph':
      writeInlines(att(parent.ele('hi'), 'rend', node.rend), node.children, ctx);
      return;
    case 'noteRef': {
      const ref = parent.ele('ref');
      att(ref, 'type', 'noteref');
      att(ref, 'xml:id', ncName(node.id));
      att(ref, 'n', node.n);
      att(ref, 'target', `#${ncName(node.noteId)}`);
      text(ref, node.n);
      return;
    }
    case 'pb':
      writePageBreak(parent, node, ctx);
      return;
    case 'norm': {
      const choice = parent.ele('choice');
      text(choice.ele('orig'), node.orig);
      text(choice.ele('reg'), node.reg);
      return;
    }
    case 'anchor': {
      // A source may name the same anchor twice; the first one is the target, a second would
      // repeat its xml:id.
      const id = anchorId(node.id);
      if (ctx.written.has(id)) return;
      ctx.written.add(id);
      att(parent.ele('anchor'), 'xml:id', id);
      return;
    }
    case 'lb':
      parent.ele('lb');
      return;
    case 'date':
      writeInlines(dateAttributes(parent.ele('date'), node), node.children, ctx);
      return;
    case 'link':
      writeInlines(att(parent.ele('ref'), 'target', uri(node.target)), node.children, ctx);
      return;
    case 'note':
      // a foot note inside a paragraph that runs over pages, at the foot of its own page
      writeNote(parent, node.note, ctx, 0);
      return;
    case 'graphic': {
      // an image in the line, as a word of it: its ALT text is the graphic's desc
      const g = writeGraphic(parent, node);
      if (node.description) text(g.ele('desc'), node.description);
      return;
    }
  }
}

/**
 * `<pb n edRef source break rend>`: @source names the witnesses whose marker attests the break,
 * break="no" when a word runs across the pages, rend="hyphen" when the printed hyphen was removed.
 */
export function writePageBreak(parent: El, pb: PageBreak, ctx: WriteContext): void {
  const el = parent.ele('pb');
  att(el, 'n', pb.n);
  att(el, 'edRef', `#${ncName(pb.edition)}`);
  const sources = pb.attestedBy.filter((w) => ctx.witnesses.has(w)).map((w) => `#${ncName(w)}`);
  att(el, 'source', sources.join(' '));
  // the sequence irregularity is @type; a remark of the source (`blank`) is @type too, or
  // @subtype when the page is also irregular
  const irregular = pageSequence(pb, ctx);
  att(el, 'type', irregular ?? pb.remark);
  if (irregular) att(el, 'subtype', pb.remark);
  if (pb.wordBreak !== 'none') att(el, 'break', 'no');
  if (pb.wordBreak === 'hyphen') att(el, 'rend', 'hyphen');
}

/**
 * Page numbers are written as transcribed, even where the transcription breaks the print sequence
 * (marx2mao's "page 83" between 87 and 89). Such a pb says so with @type, so that readers and
 * `teikit validate` see an irregularity of the source, not an encoding error. Which pages are
 * irregular is decided before writing (context.ts), by the rule `teikit validate` applies
 * (model/page-sequence.ts): a single wrong number is the one declared, not the pages after it.
 */
function pageSequence(pb: PageBreak, ctx: WriteContext): 'out-of-sequence' | 'repeated' | undefined {
  return ctx.irregular.get(pb);
}

/** `<graphic url width height>` of an image (in a figure, or in a line of the text). */
export function writeGraphic(parent: El, image: Image): El {
  const g = att(parent.ele('graphic'), 'url', uri(image.src));
  att(g, 'width', image.width ? `${image.width}px` : undefined);
  att(g, 'height', image.height ? `${image.height}px` : undefined);
  return g;
}

/** @when for a date, @from and @to for a range (ISO 8601). */
export function dateAttributes(el: El, d: { when?: string; from?: string; to?: string }): El {
  att(el, 'when', isoDate(d.when));
  const from = isoDate(d.from);
  const to = isoDate(d.to);
  if (from && to) att(att(el, 'from', from), 'to', to);
  return el;
}
