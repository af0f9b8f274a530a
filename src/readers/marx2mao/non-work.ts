/**
 * Pages of the site that are not works: collection indexes, notes about a collection. Recognised by
 * what they lack (print page markers, a title block, running text) and what they are made of
 * (mostly links), never by file name.
 */
import type { Diagnostic } from '../../model/types.js';
import { attr, collapse, elements, startOffset, tag, textOf, type Node } from './dom.js';
import { pageMarker } from './recognise.js';

export function refuseNonWork(
  body: Node,
  { file, hasTitleBlock, start, end }: { file: string; hasTitleBlock: boolean; start: number; end: number },
): Diagnostic | undefined {
  const inside = elements(body).filter((e) => startOffset(e) >= start && startOffset(e) < end);
  const markers = inside.filter((e) => tag(e) === 'b' && pageMarker(e)).length;
  if (markers > 0) return undefined;
  let text = 0;
  let linked = 0;
  for (const e of inside) {
    if (tag(e) === 'a' && attr(e, 'href')) linked += collapse(textOf(e)).replace(/\s/g, '').length;
  }
  text = collapse(textOfRange(body, start, end)).replace(/\s/g, '').length;
  const reasons = ['no print page markers'];
  if (!hasTitleBlock) reasons.push('no title block');
  if (text > 0 && linked / text > 0.1) reasons.push(`${Math.round((100 * linked) / text)}% of its text is links`);
  if (text < 400) reasons.push('almost no text');
  // every work on the site is a transcription of printed pages and carries their markers: a page
  // without any is an index, a contents page or a note, whatever else it has
  return {
    severity: 'error',
    code: 'not-a-work',
    message: `not a work (${reasons.join(', ')}): a collection index, a contents page or a note about the collection`,
    file,
    line: 1,
    column: 1,
  };
}

function textOfRange(root: Node, start: number, end: number): string {
  let out = '';
  const walk = (n: Node) => {
    const s = startOffset(n);
    if (s >= end) return;
    if (n.nodeName === '#text') {
      if (s >= start) out += (n as unknown as { value: string }).value;
      return;
    }
    for (const c of (n as { childNodes?: Node[] }).childNodes ?? []) walk(c);
  };
  walk(root);
  return out;
}
