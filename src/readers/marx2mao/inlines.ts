/**
 * Building inline content: styled runs nest as Emphasis, `--` (and a `‹` typed for it) is regularised
 * to an em dash with the original kept (Normalised), whitespace is collapsed as HTML collapses it.
 */
import type { EmphasisRend, Inline, Text } from '../../model/types.js';

/**
 * Split a text run on its dashes: `--` (exactly two hyphens: `---` rules are left alone), and `‹`
 * standing between two words with no space (`policy‹the`): the byte 0x8B, which windows-1252
 * reads as a single angle quotation mark, is how a few marx2mao pages typed the em dash (10 times
 * in 9 pages of the sample, where their other dashes are `--`): between a word (or its closing
 * punctuation) and a word. Any other `‹` (`(‹Die Neue Zeit›)`, `›Wort‹.`) is an angle quotation
 * mark, left as it is.
 */
export function normaliseDashes(value: string): Inline[] {
  const out: Inline[] = [];
  const parts = value.split(/((?<!-)--(?!-)|(?<=[\p{L}\p{N}.,;:!?)\]])\u2039(?=[\p{L}\p{N}]))/u);
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push({ type: 'norm', orig: part, reg: '\u2014' });
    else if (part) out.push({ type: 'text', value: part });
  });
  return out;
}

/** A link of the page to one of its anchors, open around the content: its target, and how many
 * of the content's styles stand outside it (`<I><A HREF="#s3">the <B>third</B></A></I>`: one). */
export interface LinkScope {
  target: string;
  outer: number;
}

/**
 * Append `inline` inside the chain of emphasis `styles`, reusing the open emphasis at the end;
 * inside `link` too, at its place in the chain, reusing the open link to the same target (one
 * `<ref>` around `the <hi>third</hi> speech`, not one per style run).
 */
export function appendStyled(children: Inline[], inline: Inline, styles: readonly EmphasisRend[], link?: LinkScope): void {
  if (link && (link.outer <= 0 || styles.length === 0)) {
    const last = children.at(-1);
    const open = last?.type === 'link' && last.target === link.target ? last : undefined;
    const into = open ?? { type: 'link' as const, target: link.target, children: [] };
    if (!open) children.push(into);
    appendStyled(into.children, inline, styles);
    return;
  }
  if (styles.length === 0) {
    const last = children.at(-1);
    if (inline.type === 'text' && last?.type === 'text') last.value += inline.value;
    else children.push(inline);
    return;
  }
  const [first, ...rest] = styles as [EmphasisRend, ...EmphasisRend[]];
  const inner = link ? { ...link, outer: link.outer - 1 } : undefined;
  const last = children.at(-1);
  if (last?.type === 'emph' && last.rend === first) {
    appendStyled(last.children, inline, rest, inner);
    return;
  }
  const emph: Inline = { type: 'emph', rend: first, children: [] };
  children.push(emph);
  appendStyled(emph.children, inline, rest, inner);
}

/** The last Text in document order inside `children` (descending into emphasis), if any. */
export function lastText(children: Inline[]): Text | undefined {
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i]!;
    if (c.type === 'text') return c;
    if (c.type === 'emph' || c.type === 'link' || c.type === 'date') {
      const t = lastText(c.children);
      if (t) return t;
      continue;
    }
    if (c.type === 'anchor') continue;
    return undefined;
  }
  return undefined;
}

/** Does the content end in whitespace (or is it empty)? Used to collapse spaces across runs. */
export function endsInSpace(children: Inline[]): boolean {
  const last = deepLast(children);
  if (!last) return true;
  if (last.type === 'text') return /\s$/.test(last.value);
  return last.type === 'lb' || last.type === 'pb';
}

function deepLast(children: Inline[]): Inline | undefined {
  const last = children.at(-1);
  if (!last) return undefined;
  if ((last.type === 'emph' || last.type === 'link' || last.type === 'date') && last.children.length) {
    return deepLast(last.children) ?? last;
  }
  if (last.type === 'anchor') return deepLast(children.slice(0, -1));
  return last;
}

/** Remove trailing whitespace and line breaks at the end of a block's content; drop empty emphasis. */
export function trimEnd(children: Inline[]): void {
  for (;;) {
    const last = children.at(-1);
    if (!last) return;
    if (last.type === 'lb') {
      children.pop();
      continue;
    }
    if (last.type === 'text') {
      last.value = last.value.replace(/\s+$/, '');
      if (!last.value) {
        children.pop();
        continue;
      }
      return;
    }
    if (last.type === 'emph' || last.type === 'link') {
      trimEnd(last.children);
      if (last.children.length === 0) {
        children.pop();
        continue;
      }
    }
    return;
  }
}
