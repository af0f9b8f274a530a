/**
 * Which anchors open endnotes. Most pages name them `en1`, `en2`…; some use another scheme
 * (`<A NAME="n7">[7]</A>`, referenced as `[<A HREF="X.html#n7">7</A>]`), some mix two schemes on
 * one page, some suffix a letter (`en111a`). An anchor opens a note when it is named `en<N>`, or
 * when it is closed around its own printed label (`[7]`), its name is a scheme followed by that
 * label, and a link elsewhere on the page points into that scheme with a note label. The same
 * name on a section anchor (`<A NAME="n1">` left open before a heading) is no note: it has no label.
 */
import { attr, collapse, elements, tag, textOf, type Node } from './dom.js';

/** `en1`, `en56a`, also the bare `en` a transcriber linked for note 1 */
const EN = /^en(\d|$)/i;
/** A note's printed label inside its anchor: `[7]`, `7`, `7.`, `111a`. */
const LABEL = /^\[?\s*(\d{1,3}[a-z]?)\s*\]?\.?$/i;

/** The scheme of a note anchor name (`n` for `n7` labelled 7), undefined when the name does not end in its label. */
function schemeOf(name: string, label: string): string | undefined {
  return name.toLowerCase().endsWith(label.toLowerCase()) ? name.slice(0, name.length - label.length).toLowerCase() : undefined;
}

/** A test for the names of the endnote anchors of this page (lower- or upper-case alike). */
export function noteAnchorTest(body: Node, isLocal: (href: string) => boolean): (name: string) => boolean {
  const linked = new Set<string>();
  for (const a of elements(body)) {
    const href = tag(a) === 'a' ? attr(a, 'href') : undefined;
    if (!href || !isLocal(href)) continue;
    const label = collapse(textOf(a)).trim().match(LABEL)?.[1];
    const scheme = label ? schemeOf(href.slice(href.indexOf('#') + 1), label) : undefined;
    if (scheme) linked.add(scheme);
  }
  const names = new Set<string>();
  for (const a of elements(body)) {
    const name = tag(a) === 'a' ? attr(a, 'name') : undefined;
    if (!name) continue;
    const label = collapse(textOf(a)).trim().match(LABEL)?.[1];
    const scheme = label ? schemeOf(name, label) : undefined;
    if (EN.test(name) || (scheme !== undefined && linked.has(scheme))) names.add(name.toLowerCase());
  }
  return (name) => EN.test(name) || names.has(name.toLowerCase());
}

/** A link to a note: its fragment is an endnote anchor's name. */
export function noteTarget(href: string, isNote: (name: string) => boolean): boolean {
  const hash = href.indexOf('#');
  return hash >= 0 && isNote(href.slice(hash + 1));
}
