/**
 * Inconsistencies in a transcription, reported (with file:line:col) and never silently fixed: the
 * title block's page range against the markers, pages out of sequence, notes without a
 * back-reference or never referenced, back-references to anchors that do not exist.
 */
import type { Diagnostic, NotesSection, PageBreak, PageRange, SourcePosition } from '../../model/types.js';

function warn(list: Diagnostic[], code: string, message: string, pos: SourcePosition | undefined, file: string): void {
  list.push({ severity: 'warning', code, message, file: pos?.file ?? file, line: pos?.line ?? 1, column: pos?.column ?? 1 });
}

const arabic = (n: string) => (/^\d+$/.test(n) ? Number(n) : undefined);

/**
 * @param notesStart index in `pbs` of the first page break of the notes section (notes printed at
 *   the back of a volume jump ahead: no gap is reported there).
 */
export function checkPages(pbs: PageBreak[], notesStart: number, range: PageRange | undefined, rangePos: SourcePosition | undefined, file: string, out: Diagnostic[]): void {
  // The last page in sequence: a marker out of sequence (a typo such as 83 between 87 and 89) is
  // reported once, and the next marker is compared with 87, so 89 is no "gap after 83".
  let prev: PageBreak | undefined;
  pbs.forEach((pb, i) => {
    const n = arabic(pb.n);
    const p = prev ? arabic(prev.n) : undefined;
    let inSequence = true;
    if (n !== undefined && p !== undefined && !(i === notesStart && n > p)) {
      if (n > p + 1) warn(out, 'page-gap', `no marker for page${n - p > 2 ? 's' : ''} ${p + 1}${n - p > 2 ? `-${n - 1}` : ''} (page ${p} is followed by ${n})`, pb.pos, file);
      else if (n <= p) {
        warn(out, 'page-out-of-sequence', `page ${n} follows page ${p}`, pb.pos, file);
        inSequence = false;
      }
    }
    if (n !== undefined && inSequence) prev = pb;
  });
  if (!range) return;
  const body = pbs.slice(0, notesStart).map((pb) => arabic(pb.n)).filter((n): n is number => n !== undefined);
  if (!body.length) return;
  let last = Math.max(...body);
  for (const pb of pbs.slice(notesStart)) {
    const n = arabic(pb.n);
    if (n === last + 1) last = n;
    else if (n !== last) break;
  }
  const first = body[0]!;
  if (first !== Number(range.from) || last !== Number(range.to)) {
    warn(out, 'page-range-mismatch', `the title block gives ${range.text} (${range.from}-${range.to}) but the page markers of the text run ${first}-${last}`, rangePos, file);
  }
}

export function checkNotes(
  notes: NotesSection | undefined, referenced: Set<string>, anchors: ReadonlySet<string>, file: string, out: Diagnostic[],
  footAnchors: ReadonlyMap<string, string> = new Map(), pageNames: ReadonlySet<string> = new Set(),
): void {
  for (const item of notes?.items ?? []) {
    if ('pb' in item) continue;
    if (!item.backRef) warn(out, 'note-no-backref', `note ${item.n} has no back-reference [p. N]`, item.pos, file);
    for (const back of item.backRef ? [item.backRef, ...(item.moreBackRefs ?? [])] : []) {
      if (!back.anchor || anchors.has(back.anchor)) continue;
      // the anchor of a page's foot notes, which the page has (read as their start): no fault of
      // the source; the back-reference names its page (@n), which the renditions link to
      if (footAnchors.has(back.anchor)) {
        delete back.anchor;
        continue;
      }
      // the page may have the anchor where no text of the work is (its title block, a foot note)
      const name = back.anchor.slice(2);
      const where = pageNames.has(name) ? 'an anchor the page has outside the text teikit keeps (a title block, a foot note): the back-reference keeps its page number only' : 'which the page does not have';
      warn(out, 'backref-target-missing', `note ${item.n}: back-reference to #${name}, ${where}`, item.pos, file);
      delete back.anchor;
    }
    if (!referenced.has(item.id)) warn(out, 'note-unreferenced', `note ${item.n} is not referenced in the text`, item.pos, file);
  }
}

/**
 * A page cut short (a download broken off, a file truncated): it ends without `</HTML>` or
 * `</BODY>`, and not with the rule marx2mao sets under a text (`<HR … ALIGN=center>`, what a server
 * appends after it aside). What followed is not in the TEI, and nothing else would say so plainly
 * (a page range short of its end, notes never reached). Two pages of the site end without `</HTML>`
 * after their closing rule (Stalin/SC36.html, Other/PRKR64.html): whole, and not reported.
 */
export function checkPageEnd(html: string, file: string, out: Diagnostic[]): void {
  if (/<\/(?:html|body)\s*>/i.test(html)) return;
  const text = html.trimEnd();
  if (/<HR\b[^>]*\bALIGN\s*=\s*"?center\b[^>]*>/i.test(text.slice(-400))) return;
  const inTag = text.lastIndexOf('<') > text.lastIndexOf('>');
  const lines = text.split('\n');
  const last = text.replace(/<[^>]*>?/g, ' ').replace(/&nbsp;?/gi, ' ').replace(/\s+/g, ' ').trim().slice(-40);
  warn(
    out,
    'source-truncated',
    `the page ends without </HTML>, ${inTag ? 'inside a tag' : text.endsWith('>') ? 'after a tag' : 'in its text'} (…${last}): it looks cut short, and what followed is not in the TEI`,
    { file, line: lines.length, column: lines.at(-1)!.length + 1 },
    file,
  );
}
