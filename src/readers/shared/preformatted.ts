/**
 * Preformatted text (an HTML `<pre>`: a diagram drawn with spaces, dashes and slashes, a table of
 * figures set in columns with spaces), for the readers that read it as the model's Preformatted
 * block: its text as it is, and its lines tidied as the print shows them. See docs/encoding.md,
 * "Preformatted text".
 */
import type { Inline } from '../../model/types.js';

/** A text run of preformatted text as it is: line ends made `\n`, a no-break space a space. */
export function preformattedText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
}

/**
 * A preformatted block's lines as the print shows them: the blank lines before its first line of
 * words go (the source's line end after `<PRE>`), so do the spaces that end a line (nothing shows
 * them), and the line end after a page marker that stood on a line of its own between two lines.
 * The block's end is trimmed as every block's is (trimEnd).
 */
export function tidyPreformatted(children: Inline[]): void {
  const eachText = (list: Inline[], f: (t: { value: string }) => void): void => {
    for (const c of list) {
      if (c.type === 'text') f(c);
      else if ('children' in c) eachText(c.children, f);
    }
  };
  eachText(children, (t) => (t.value = t.value.replace(/[ \t]+\n/g, '\n')));
  // the leading blank lines, through emphasis and across text nodes
  const lead = (list: Inline[]): boolean => {
    while (list.length) {
      const first = list[0]!;
      if (first.type === 'text') {
        first.value = first.value.replace(/^(?:[ \t]*\n)+/, '');
        if (first.value.trim()) return true;
        if (first.value === '') {
          list.shift();
          continue;
        }
        // spaces alone: the next node decides whether they indent a line of words
        const next = list[1];
        if (next?.type === 'text' && /^[ \t]*\n/.test(next.value)) {
          list.shift();
          continue;
        }
        return true;
      }
      if ((first.type === 'emph' || first.type === 'link') && !lead(first.children)) {
        list.shift();
        continue;
      }
      return true;
    }
    return false;
  };
  lead(children);
  // a marker's own line: `line\n` <pb/> `\nline` is `line\n` <pb/> `line`
  for (let i = 1; i + 1 < children.length; i++) {
    const before = children[i - 1]!;
    const after = children[i + 1]!;
    if (children[i]!.type === 'pb' && before.type === 'text' && before.value.endsWith('\n') && after.type === 'text') {
      after.value = after.value.replace(/^\n/, '');
    }
  }
}
