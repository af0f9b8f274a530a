/**
 * The accounting's inventory of a marx2mao HTML page, read from the raw text with regular
 * expressions and a plain tag walk (source-text.ts), sharing no code with src/readers/. It knows the
 * page's patterns independently of the reader: markers (`<B>page 277</B>`, `<B>page57</B>`,
 * `<B>page 2</B> [blank]`, `[facsimile] <B>page 239</B>`), endnote anchors of any scheme (`en7`,
 * `n7`, mixed, `111a`), linked and unlinked (`<FONT SIZE=-2>[7]</FONT>`) references, page-foot note
 * blocks after a short left rule (with or without a small FONT, numbered `1.`, `2.`), back-references
 * (`[p. 275]`, `[pp. 124, 201]`, `[table of contents]`, `[pub. note]`) as apparatus, and the
 * navigation table that ends the text.
 */
import { decodeHTML } from 'entities';
import { blank, blanked, classifyEndnoteWords, decodeSource, htmlWords, positioner, words } from './source-text.js';
import { wordList, type Inventory, type Span, type SourceMarker, type SourceNote, type SourceNoteRef, type TitleFacts } from './types.js';

/** A print page marker, with an optional remark after it (`[blank]`, also after its FONT:
 * `<FONT SIZE=-2><B>page 56</B></FONT>[blank]`); REMARK_BEFORE finds one before it. */
const MARKER = /<B>\s*(?:<FONT[^>]*>\s*)?page\s*([0-9]+[a-z]?|[ivxlcdm]+\b)\s*(?:\[([a-z][a-z ]*)\]\s*)?(?:<\/FONT>\s*)?<\/B>(?:\s*(?:<\/FONT>\s*)?\[([a-z][a-z ]*)\])?/gi;
/** A marker that lost its number (`<B>page </B>`): not a page break, and not text either. */
const EMPTY_MARKER = /<B>\s*(?:<FONT[^>]*>\s*)?page\s*(?:<\/FONT>\s*)?<\/B>/gi;
const REMARK_BEFORE = /\[([a-z][a-z ]*)\]\s*(?:<FONT[^>]*>\s*)?$/i;
/** An endnote's own anchor, of any scheme: `<A NAME="en7">[7]</A>`, `<A NAME="n7">7</A>`, `en111a`,
 * and with its quote misplaced, `<A NAME="en"134>[134]</A>` (the key is read without the quote). */
const NOTE_ANCHOR = /<A\s+NAME="?((?:en|n)"?\d+[a-z]?)"?\s*>([^<]*)<\/A>/gi;
/** A linked reference to an endnote: `[<A HREF="X.html#n7">7</A>]` or `<A HREF="#en7">[7]</A>`. */
const NOTE_REF = /\[\s*<A\s+HREF="[^"#]*#((?:en|n)\d+[a-z]?|en)"\s*>\s*([^<]*?)\s*<\/A>\s*\]|<A\s+HREF="[^"#]*#((?:en|n)\d+[a-z]?|en)"\s*>\s*\[\s*([^<\]]*?)\s*\]\s*<\/A>/gi;
/** A reference to a page-foot note (its anchor or the page's note block): `[<A HREF="#fnp276">*</A>]`. */
const FOOT_REF = /<A\s+HREF="[^"#]*#fn[^"]*"\s*>\s*([^<]*?)\s*<\/A>/gi;
/** An unlinked small-type reference to an endnote: `<FONT SIZE=-2>[12]</FONT>`. */
const UNLINKED_REF = /<FONT\s+SIZE=-2>\s*(?:<SUP>\s*)?\[\s*(\d+[a-z]?)\s*\]\s*(?:<\/SUP>\s*)?<\/FONT>/gi;
/** Back-references and other apparatus of the notes: `[p. 275]`, `[pp. 124, 201]`, `[table of contents]`, `[pub. note]`. */
const BACK_REF = /\[\s*pp?\.\s*(?:<A\b[^>]*>[^<]*<\/A>|[\divxlc]+)(?:\s*(?:,|and|-)\s*(?:<A\b[^>]*>[^<]*<\/A>|[\divxlc]+))*\s*\]|\[\s*(?:<A\b[^>]*>\s*)?(?:table of contents|pub\. note)(?:\s*<\/A>)?\s*\]/gi;
/** In the notes, a linked word in brackets is a back-reference too (`[<A HREF="#pref1">preface</A>]`). */
const WORD_BACK_REF = /\[\s*<A\s+HREF="[^"]*#[^"]*">\s*[A-Za-z][^<]*<\/A>\s*\]/gi;
/** A bracketed number in running text without small type: `…p. 441.)[3]`. */
const BARE_REF = /\[(\d+)\]/g;
const SHORT_LEFT_RULE = /<HR\b[^>]*ALIGN=left[^>]*>/gi;

/** End of the title block: the rule after "Prepared … for the Internet" (0 when there is none). */
function titleBlockEnd(html: string): number {
  const m = /Prepared[\s\S]{0,40}?for\s+the\s+Internet/i.exec(html);
  if (!m) return 0;
  const hr = /<HR\b[^>]*>/gi;
  hr.lastIndex = m.index;
  const rule = hr.exec(html);
  return rule ? rule.index + rule[0].length : m.index;
}

/** The text ends at the last navigation table (it links to the site's home page), or `</BODY>`;
 * earlier navigation tables are blanked. */
function cutNavigation(html: string, from: number): { text: string; end: number } {
  const bodyEnd = html.search(/<\/BODY>/i);
  let end = bodyEnd < 0 ? html.length : bodyEnd;
  const tables = [...html.slice(0, end).matchAll(/<TABLE\b[\s\S]*?<\/TABLE>/gi)].filter((t) => t.index >= from && /HREF="\.\.\/index\.html"/i.test(t[0]));
  const last = tables.at(-1);
  let text = html;
  if (last && !/<TABLE\b/i.test(html.slice(last.index + last[0].length, end))) {
    end = last.index;
    tables.pop();
  }
  for (const t of tables) text = text.slice(0, t.index) + blanked(t[0]) + text.slice(t.index + t[0].length);
  return { text, end };
}

/** Where a page-foot note block ends: the next page marker (with the paragraph and spacing before
 * it), a rule, or `limit`. */
function blockEnd(html: string, from: number, limit: number): number {
  const next = /(?:<P\b[^>]*>(?:\s|&nbsp;?|<BR>)*)?(?:<FONT[^>]*>\s*)?(?:\[[a-z ]+\]\s*)?<B>\s*(?:<FONT[^>]*>\s*)?page\s*[0-9ivxlcdm]|<HR\b/gi;
  next.lastIndex = from;
  const m = next.exec(html);
  return m && m.index < limit ? m.index : limit;
}

/** After `from`, where the FONT open `depth` levels up is closed (0: the FONT whose tag is at
 * `from`; 1: a FONT opened before `from`), counting nested FONTs; `limit` when that is not before it. */
function fontClose(html: string, from: number, limit: number, depth: number): number {
  const tokens = /<(\/?)FONT\b[^>]*>/gi;
  tokens.lastIndex = from;
  for (let t = tokens.exec(html); t && t.index < limit; t = tokens.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return t.index + t[0].length;
  }
  return limit;
}

/** Whether a page marker stands at `at` (a foot block's limit), not the text's end or a rule. */
function atMarker(html: string, at: number): boolean {
  return /^(?:\s|&nbsp;?|<\/?P\b[^>]*>|<BR\b[^>]*>|<FONT[^>]*>)*(?:\[[a-z ]+\]\s*)?<B>\s*(?:<FONT[^>]*>\s*)?page\s*[0-9ivxlcdm]/i.test(html.slice(at, at + 200));
}

/** After a foot block's FONT (`end`), the small FONTs before `limit` (a page marker) that open with
 * a star or `[N]` mark are the page's notes too: where the last closes, else `end`. */
function moreNotes(html: string, end: number, limit: number): number {
  if (!atMarker(html, limit)) return end;
  for (;;) {
    const gap = /^(?:\s|&nbsp;?|<P\b[^>]*>|<BR\b[^>]*>)*<FONT\s+SIZE="?-[12]"?\s*>(?:\s|&nbsp;?|<[^>]*>)*(\[?\*{1,4}|\[\d{1,3}\])?/i.exec(html.slice(end, limit));
    if (!gap?.[1]) return end;
    const close = fontClose(html, end + html.slice(end, limit).search(/<FONT\s+SIZE/i), limit, 0);
    if (close >= limit) return end;
    end = close;
  }
}

/** The words of a FONT that holds a note's mark and nothing else: `*`, `**`, `[1]`, `1.`. */
const MARK_ONLY = /^\s*(?:\[?\*{1,4}\]?|\[\d{1,3}\]|\d{1,3}\.)\s*$/;

/**
 * Page-foot note blocks: after a short left rule (width ≤ 25%), the small FONT that follows (balanced
 * over nested FONTs, never past the next page marker), or, without a FONT, up to the end of the FONT
 * around the notes (a quotation in small type) or the next marker.
 */
function footBlocks(html: string, from: number, to: number): [number, number][] {
  const blocks: [number, number][] = [];
  SHORT_LEFT_RULE.lastIndex = from;
  for (let m = SHORT_LEFT_RULE.exec(html); m && m.index < to; m = SHORT_LEFT_RULE.exec(html)) {
    const width = /WIDTH=(\d+)%/i.exec(m[0]);
    if (!width || Number(width[1]) > 25) continue;
    const start = m.index + m[0].length;
    const limit = blockEnd(html, start, to);
    const open = /<FONT\b[^>]*>/gi;
    open.lastIndex = start;
    const first = open.exec(html);
    const ownFont = first && first.index < limit && html.slice(start, first.index).replace(/<\/?A\b[^>]*>|<BR[^>]*>|<P[^>]*>|\s/gi, '') === '';
    let end = ownFont ? fontClose(html, first.index, limit, 0) : fontClose(html, start, limit, 1);
    // a FONT holding the mark alone (`<FONT SIZE=-1>&nbsp &nbsp * </FONT>`): the note's words follow it
    if (ownFont && atMarker(html, limit) && MARK_ONLY.test(html.slice(first.index, end).replace(/<[^>]*>|&nbsp;?/gi, ' '))) end = fontClose(html, end, limit, 1);
    // small type opening with a star or [N] after the notes, before the page ends: a note on a note
    if (ownFont) end = moreNotes(html, end, limit);
    blocks.push([start, end]);
    SHORT_LEFT_RULE.lastIndex = end;
  }
  return blocks;
}

/** A small-type block whose first words are a number (`2.&nbsp;Cf. …`). */
const NUMBERED_FONT = /<FONT\s+SIZE="?-1"?\s*>(?:\s|&nbsp;?|<(?!\/?FONT\b)[^>]*>)*?(\d{1,3})\.(?:&nbsp;?|\s)/gi;

/**
 * Numbered page-foot notes printed without the rule: a small-type block that opens with `N.` where a
 * reference `[N]` (unlinked, or linked to the page's note block) stands earlier on the same page.
 */
function numberedFootBlocks(html: string, from: number, to: number, markers: number[], taken: [number, number][]): [number, number][] {
  const blocks: [number, number][] = [];
  NUMBERED_FONT.lastIndex = from;
  for (let m = NUMBERED_FONT.exec(html); m && m.index < to; m = NUMBERED_FONT.exec(html)) {
    if (taken.some(([s, e]) => m!.index >= s && m!.index < e)) continue;
    const pageStart = markers.filter((at) => at < m!.index).at(-1) ?? from;
    const ref = new RegExp(String.raw`\[\s*(?:<A\s+HREF="[^"#]*#fn[^"]*"\s*>\s*)?${m[1]}\s*(?:<\/A>\s*)?\]`, 'i');
    if (!ref.test(html.slice(pageStart, m.index))) continue;
    const end = fontClose(html, m.index, blockEnd(html, m.index + 1, to), 0);
    blocks.push([m.index, end]);
    NUMBERED_FONT.lastIndex = end;
  }
  return blocks;
}

/** The labels of the notes in one foot block: their anchors, else numbered items, else star marks. */
function footLabels(block: string): { label: string; at: number; len: number }[] {
  const anchors = [...block.matchAll(/<A\s+NAME="?fn[^">]*"?\s*>\s*(?:\[\s*)?([^<\]]*)/gi)];
  // the label is the mark at the anchor (`*`, `**`, `1`), not the text that may follow it
  if (anchors.length > 0) return anchors.map((a) => ({ label: /^\s*(\*+|\d+[a-z]?)/.exec(a[1]!)?.[1] ?? '*', at: a.index, len: 0 }));
  // a label opens a line (`<BR>`, `<P>`, or a new source line: `&nbsp; &nbsp;` then `3.&nbsp;…`)
  const item = /(?:^|<BR>|<P[^>]*>|\n)(?:\s|&nbsp;?|<(?!BR|P\b)[^>]*>)*(\[\s*\d+\s*\]|\[?\s*(?:\d+[.)]|\*+)\s*\]?)/gi;
  // numbered notes follow each other (2 after 1): a `1.` after `2.` numbers a point inside note 2
  let last: number | undefined;
  const numbered = [...block.matchAll(item)].filter((m) => {
    if (!/^\[?\s*\d+\s*[.\]]/.test(m[1]!)) return false;
    const n = Number(/\d+/.exec(m[1]!)![0]);
    if (last !== undefined && n !== last + 1) return false;
    last = n;
    return true;
  });
  // a star with no words since the one before repeats its mark (`<FONT>* </FONT> *Nominally …`)
  const stars = [...block.matchAll(item)].filter((m) => /\*/.test(m[1]!));
  const marks = stars.filter((m, i) => i === 0 || /[^\s]/.test(block.slice(stars[i - 1]!.index + stars[i - 1]![0].length, m.index + m[0].length - m[1]!.length).replace(/<[^>]*>|&nbsp;?/gi, ' ')));
  const found = numbered.length > 0 ? numbered : marks;
  // a numbered label (`1.`, `[1]`) is the note's number, not its text: `len` says what to blank
  if (found.length > 0) return found.map((m) => ({ label: m[1]!.replace(/[[\]\s.]/g, ''), at: m.index + m[0].length - m[1]!.length, len: numbered.length > 0 ? m[1]!.length : 0 }));
  return [{ label: '*', at: 0, len: 0 }];
}

/** The words of an HTML fragment as shown, entities decoded (`D&uuml;hring` is «dühring»): the word
 * lists keep source offsets, whose text is the raw source's, so they cannot give decoded words. */
function visibleWords(fragment: string): string[] {
  const text = fragment.replace(/<(title|script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<\/?(?:a|b|i|u|em|strong|font|sup|sub|span|small|big|tt)\b[^>]*>/gi, '').replace(/<[^>]*>/g, ' ');
  return words(decodeHTML(text));
}

function titleFacts(html: string, cut: number, position: Inventory['position']): TitleFacts {
  // a comment is not shown (one holding `>` would leave words behind the tag pattern)
  const block = blank(html.slice(0, cut), /<!--[\s\S]*?-->/g);
  const head = blank(blank(block, /<[^>]*>/g), /&[A-Za-z]+;?|&#\d+;?/g);
  const pages = /(?:Vol\.\s*([IVXLC]+|\d+)\s*,\s*)?\bpp?\.\s*(\d+)(?:\s*-\s*(\d+))?/i.exec(head);
  return {
    words: visibleWords(block),
    ...(pages?.[1] ? { volume: pages[1] } : {}),
    ...(pages ? { pageFrom: pages[2]! } : {}),
    ...(pages?.[3] ? { pageTo: pages[3] } : {}),
    pos: position(pages ? pages.index : Math.max(0, html.search(/<H[12]\b/i))),
  };
}

function blankSpans(text: string, spans: [number, number][]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    // spans are sorted by start and may overlap: blank what is left of each
    if (e <= at) continue;
    const from = Math.max(s, at);
    parts.push(text.slice(at, from), blanked(text.slice(from, e)));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The outermost `<TABLE>`s between `from` and `to` (nested ones counted), as spans. */
function tableSpans(html: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const tag = /<(\/?)TABLE\b[^>]*>/gi;
  tag.lastIndex = from;
  let depth = 0;
  let start = 0;
  for (let m = tag.exec(html); m && m.index < to; m = tag.exec(html)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) spans.push([start, m.index + m[0].length]);
  }
  if (depth > 0) spans.push([start, to]);
  return spans;
}

export function inventoryOfMarx2mao(bytes: Uint8Array, file: string): Inventory {
  const html = decodeSource(bytes);
  const position = positioner(html, file);
  const cut = titleBlockEnd(html);
  const { text, end } = cutNavigation(html, cut);
  let work = blank(text, /<!--[\s\S]*?-->/g);

  // the markers, and the stretches of source they take (with their remarks) to blank out
  const markerSpans: [number, number][] = [];
  const markers: SourceMarker[] = [...html.matchAll(MARKER)].map((m) => {
    const before = REMARK_BEFORE.exec(html.slice(Math.max(0, m.index - 60), m.index));
    const remark = before?.[1] ?? m[2] ?? m[3];
    markerSpans.push([m.index - (before?.[0].length ?? 0), m.index + m[0].length]);
    return { n: m[1]!, ...(remark ? { remark: remark.trim().toLowerCase() } : {}), pos: position(m.index) };
  });
  const inRegion = (i: number) => i >= cut && i < end;
  // a note reference is counted wherever the page sets it before the navigation, its title block
  // included (ER97's subtitle `[44]`, its `Novoye Slovo,[45]`): a reference lost from the title
  // block is unaccounted like one lost from the text
  const inPage = (i: number) => i < end;
  const anchors = [...work.matchAll(NOTE_ANCHOR)].filter((m) => inRegion(m.index));
  const firstNote = anchors[0]?.index ?? end;
  const notes: SourceNote[] = anchors.map((m) => ({ label: m[2]!.replace(/[[\]\s.]/g, '') || m[1]!.replace(/^e?n/i, ''), key: m[1]!.replace(/"/g, '').toLowerCase(), place: 'end', pos: position(m.index) }));

  // foot blocks, then the apparatus blanked so that it is not counted as words
  const ruled = footBlocks(work, cut, end);
  const feet = [...ruled, ...numberedFootBlocks(work, cut, firstNote, markerSpans.map(([s]) => s), ruled)].sort((a, b) => a[0] - b[0]);
  const labelSpans: [number, number][] = [];
  const footLabelSets: Set<string>[] = [];
  for (const [s, e] of feet) {
    const labels = footLabels(work.slice(s, e));
    footLabelSets.push(new Set(labels.map((l) => l.label)));
    for (const l of labels) {
      notes.push({ label: l.label, place: 'foot', pos: position(s + l.at) });
      if (l.len > 0) labelSpans.push([s + l.at, s + l.at + l.len]);
    }
  }
  const refs: SourceNoteRef[] = [];
  // a reference to an anchor the page lacks leads nowhere: its number stays a word of the text
  // (a mistyped anchor name, `en277` for `[27]`, is still found by its printed label)
  const anchorKeys = new Set(notes.map((n) => n.key));
  const noteLabels = new Set(notes.map((n) => n.label));
  const dangling = new Set<number>();
  for (const m of work.matchAll(NOTE_REF)) if (inPage(m.index)) {
    const key = (m[1] ?? m[3])!.toLowerCase();
    const label = (m[2] ?? m[4] ?? '').replace(/[[\]\s.]/g, '') || key.replace(/^e?n/, '');
    refs.push({ label, key, place: 'end', pos: position(m.index) });
    if (!anchorKeys.has(key) && !noteLabels.has(label) && key !== 'en') dangling.add(m.index);
  }
  // `[p. <A HREF="#fnp244">244</A>]` is a back-reference, not a reference to a foot note
  const backRefs = [...work.matchAll(BACK_REF)].map((m) => [m.index, m.index + m[0].length] as const);
  const inBackRef = (i: number) => backRefs.some(([s, e]) => i >= s && i < e);
  for (const m of work.matchAll(FOOT_REF)) if (inPage(m.index) && !inBackRef(m.index)) refs.push({ label: m[1]! || '*', place: 'foot', pos: position(m.index) });
  const notesPart = blank(work.slice(firstNote), WORD_BACK_REF);
  work = work.slice(0, firstNote) + notesPart;
  // what ends a note: its back-reference; where endnote words are: from an anchor to that end
  const noteEnds = [...work.matchAll(BACK_REF)].filter((m) => m.index >= firstNote).map((m) => m.index + m[0].length);
  // in a page-foot block, `[1]` in small type is the label of a numbered foot note, not a reference
  const inFoot = (i: number) => feet.some(([s, e]) => i >= s && i < e);
  const unlinked: [number, number][] = [];
  for (const m of work.matchAll(UNLINKED_REF)) {
    unlinked.push([m.index, m.index + m[0].length]);
    // in the title block, only the number of a note of the page: a year in small type (`[1946]`) is a date
    if (inPage(m.index) && m.index < firstNote && !inFoot(m.index) && (m.index >= cut || noteLabels.has(m[1]!))) refs.push({ label: m[1]!, place: 'end', pos: position(m.index) });
  }
  // a bare `[3]` in the text (its small type forgotten) refers to the numbered foot note 3 of the
  // foot block that follows it, when that block has one
  const bareRefSpans: [number, number][] = [];
  for (const m of work.matchAll(BARE_REF)) {
    if (!inRegion(m.index) || m.index >= firstNote || inFoot(m.index) || inBackRef(m.index)) continue;
    if (unlinked.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const next = feet.findIndex(([s]) => s > m.index);
    if (next < 0 || !footLabelSets[next]!.has(m[1]!)) continue;
    refs.push({ label: m[1]!, place: 'foot', pos: position(m.index) });
    bareRefSpans.push([m.index, m.index + m[0].length]);
  }
  // one pass over the page for all the apparatus (each pass copies the whole page)
  const spans = [...markerSpans, ...labelSpans, ...bareRefSpans];
  // only notes have back-references: a `[p. 63]` in the running text (before the first endnote) is
  // the author's citation, words of the text
  const isText = (re: RegExp, at: number) => (re === NOTE_REF && dangling.has(at)) || (re === BACK_REF && at < firstNote);
  for (const re of [EMPTY_MARKER, BACK_REF, NOTE_ANCHOR, NOTE_REF, FOOT_REF, UNLINKED_REF]) {
    for (const m of work.matchAll(re)) if (!isText(re, m.index)) spans.push([m.index, m.index + m[0].length]);
  }
  work = blankSpans(work, spans.sort((a, b) => a[0] - b[0]));
  refs.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);

  const mainWords = wordList(work);
  const footWords = wordList(work);
  let at = cut;
  for (const [s, e] of feet) {
    htmlWords(work, at, s, 'body', mainWords);
    htmlWords(work, s, e, 'foot', footWords);
    at = e;
  }
  htmlWords(work, at, end, 'body', mainWords);
  classifyEndnoteWords(mainWords, anchors.map((a) => a.index), noteEnds);
  return { file, format: 'marx2mao', markers, notes, refs, mainWords, tables: tableSpans(work, cut, end), footWords, title: titleFacts(html, cut, position), position };
}

