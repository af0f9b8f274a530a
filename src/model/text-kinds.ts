/**
 * The kinds of text the sources name (speech, letter, report…), by the words they use for them:
 * shared by the reader, which takes a short line under a title that names one for its subtitle
 * (`Pravda Interview`), and the TEI writer, which classes the text by them (tei/text-kind.ts).
 */

/** Kinds, by the words the sources use for them (singular; a plural names the same kind). */
export const KINDS: Record<string, string> = {
  speech: 'speech', speeches: 'speech', talk: 'talk', talks: 'talk', interview: 'interview',
  letter: 'letter', letters: 'letter', telegram: 'telegram', telegrams: 'telegram', report: 'report',
  message: 'message', order: 'order', circular: 'circular', statement: 'statement',
  proclamation: 'proclamation', article: 'article', articles: 'article', preface: 'preface',
  prefaces: 'preface', comment: 'comment', resolution: 'resolution', editorial: 'article',
};
export const WORDS = Object.keys(KINDS).join('|');
/** The title of a text delivered: `SPEECH DELIVERED ON AUGUST 5`, `A Report Made at …`. */
export const DELIVERED = new RegExp(`^(?:an?\\s+)?(?:${WORDS})\\s+(?:delivered|made|given)\\b`, 'i');
/** The kind word opening a title or subtitle (`A Speech at…`, `Excerpt from a Speech…`, `Author's Preface…`). */
const OPENING = new RegExp(`^(?:(?:an?|the)\\s+)?(?:excerpts?\\s+from\\s+(?:an?|the)\\s+)?(?:\\w+'s\\s+)?(${WORDS})\\b`, 'i');
/** …or closing it (`New Year's Day Message`). */
const CLOSING = new RegExp(`\\b(${WORDS})$`, 'i');

/**
 * The kind a title names, by its opening or closing words (`Speech at…`, `New Year's Day
 * Message`, `Pravda Interview`); `openingOnly`: by its opening words alone (a long subtitle's last
 * word is often what the text is about: `… on the Party's Statement`).
 */
export function kindNamed(text: string, openingOnly = false): string | undefined {
  const m = OPENING.exec(text) ?? (openingOnly ? null : CLOSING.exec(text.replace(/[.!?]+$/, '')));
  return m ? KINDS[m[1]!.toLowerCase()] : undefined;
}
