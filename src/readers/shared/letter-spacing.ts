/**
 * Letter-spaced words: the print's spaced type for emphasis (`s m a s h i n g`), transcribed as
 * single letters separated by spaces, with a no-break space (or a wider gap) between the words
 * (`A I I&nbsp;r e v o l u t i o n s`). A run of at least four single letters (or a whole text run of two or three, cut off by a tag) is read as
 * letter-spaced: its words are rejoined (`AII revolutions`) and the run is marked so that the TEI
 * says `hi rend="letter-spaced"`. See docs/encoding.md, "Letter-spaced words".
 */

/** A piece of a text run: as is, or a letter-spaced run with its words rejoined. */
export interface SpacedPiece {
  text: string;
  spaced: boolean;
}

/**
 * Single letters separated by one space or line end (inside a word) or by a no-break space or
 * several spaces (between words); at least four letters, standing alone (no letter or digit
 * touches the run).
 */
const RUN = /(?<![\p{L}\p{N}'’])\p{L}(?:(?:[ \t\r\n]|[\s\u00a0]{2,}|\u00a0)\p{L}){3,}(?![\p{L}\p{N}'’])/gu;

/** A whole text run of two or three spaced letters (`<I>n o t</I>`, `<I>h a d<BR>`): the short
 * end of a letter-spaced word cut by a tag. */
const SHORT = /^[\s\u00a0]*\p{L}(?:[ \u00a0]\p{L}){1,2}[\s\u00a0]*$/u;

/** Split raw source text into plain pieces and letter-spaced runs (rejoined). */
export function splitLetterSpaced(raw: string): SpacedPiece[] {
  if (SHORT.test(raw)) {
    const lead = /^[\s\u00a0]*/.exec(raw)![0];
    const trail = /[\s\u00a0]*$/.exec(raw)![0];
    const pieces = [{ text: lead, spaced: false }, { text: rejoin(raw.trim()), spaced: true }, { text: trail, spaced: false }];
    return pieces.filter((p) => p.text);
  }
  const out: SpacedPiece[] = [];
  let at = 0;
  for (const m of raw.matchAll(RUN)) {
    if (m.index > at) out.push({ text: raw.slice(at, m.index), spaced: false });
    out.push({ text: rejoin(m[0]), spaced: true });
    at = m.index + m[0].length;
  }
  if (at < raw.length) out.push({ text: raw.slice(at), spaced: false });
  return out;
}

/** `A I I\u00a0r e v` → `AII rev`: a single space joins letters, a wider gap parts words. */
export function rejoin(run: string): string {
  return run
    .split(/[\s\u00a0]{2,}|\u00a0/)
    .map((word) => word.replace(/\s+/g, ''))
    .join(' ');
}
