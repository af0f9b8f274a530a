/**
 * The teikit document model: what every reader produces and every writer consumes.
 *
 * Readers (src/readers/*) know one source format and nothing of TEI; writers (src/tei/*) know TEI
 * and nothing of source formats. This file is the whole contract between them. It is plain data
 * (JSON-serialisable, no classes, no cycles) so that a model can be dumped and checked with the JSON
 * Schema in schema/model.schema.json.
 *
 * Positions are 1-based line and column in the source file the node was read from (vfile style).
 */

/** Where something is in a source file. `file` is the path as given by the user. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** Identifier of a witness, used as its xml:id in the TEI header (`flp`, `m2m`, `cmpa`). */
export type WitnessId = string;

// ---------------------------------------------------------------------------------------------
// Inlines
// ---------------------------------------------------------------------------------------------

export interface Text {
  type: 'text';
  value: string;
}

/** `letter-spaced`: the print's spaced type (`s m a s h i n g`), its words rejoined in the text. */
export type EmphasisRend = 'italic' | 'bold' | 'underline' | 'smallcaps' | 'superscript' | 'subscript' | 'letter-spaced';

export interface Emphasis {
  type: 'emph';
  rend: EmphasisRend;
  children: Inline[];
}

/** A reference in the running text to a note (`[1]`, `[*]`). */
export interface NoteRef {
  type: 'noteRef';
  /** The `Note.id` this reference points to. */
  noteId: string;
  /** Stable id of the reference itself (the note points back to it). Unique in the edition. */
  id: string;
  /** The label as printed: `1`, `72`, `*`. */
  n: string;
  pos?: SourcePosition;
}

/**
 * The start of a print page. `edition` names the witness whose pagination this is (the print
 * edition, `flp`). `attestedBy` lists the witnesses whose page marker gave this break; a break
 * supplied from another witness than the base is recorded as a Repair as well.
 */
export interface PageBreak {
  type: 'pb';
  n: string;
  edition: WitnessId;
  attestedBy: WitnessId[];
  /**
   * `none`: the break falls between words. `hyphen`: a word is split across the pages and the
   * printed end-of-line hyphen was removed from the text (`over-`/`looking` → over<pb/>looking).
   * `compound`: the word is split at a real hyphen that stays in the text (`non-`/`aggression`).
   * `word`: the word is split across the pages without any hyphen.
   */
  wordBreak: 'none' | 'hyphen' | 'compound' | 'word';
  /**
   * A one-word remark the transcription prints beside the marker, lower case: `blank` (the print
   * page is blank), `facsimile` (it holds a facsimile). Written as pb/@type.
   */
  remark?: string;
  pos?: SourcePosition;
}

/** A character or string regularised by teikit (`--` → `—`); both readings are kept. */
export interface Normalised {
  type: 'norm';
  orig: string;
  reg: string;
}

/** A named point in the text (marx2mao `<A NAME="p275">`): the target of note back-references. */
export interface Anchor {
  type: 'anchor';
  id: string;
}

export interface LineBreak {
  type: 'lb';
}

/** A date in the text; `when` is ISO 8601 (`1939-09-28`, `1939-09`, `1939`); a range has `from`/`to`. */
export interface DateInline {
  type: 'date';
  when?: string;
  from?: string;
  to?: string;
  children: Inline[];
}

/** A link to something outside the text (a URL, an e-mail address). */
export interface Link {
  type: 'link';
  target: string;
  children: Inline[];
  /** Where the link is in the source (to name a link the TEI cannot keep). */
  pos?: SourcePosition;
}

/**
 * A foot-of-page note standing inside a paragraph: the paragraph runs over several print pages and
 * the note is printed at the foot of one that is not its first, so that it stands before the page
 * break that ends that page (at the last word boundary before it), as the print has it. Any other
 * foot note is a NoteBlock between paragraphs.
 */
export interface InlineNote {
  type: 'note';
  note: Note;
}

/**
 * An image standing in a line of the text, as a word does (HWR97's Greek words, typeset as
 * images of a line's height): TEI `graphic` inside the paragraph. A picture between paragraphs is
 * a Figure.
 */
export interface InlineGraphic extends Image {
  type: 'graphic';
}

export type Inline =
  | Text
  | Emphasis
  | NoteRef
  | PageBreak
  | Normalised
  | Anchor
  | LineBreak
  | DateInline
  | Link
  | InlineNote
  | InlineGraphic;

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

export interface Heading {
  type: 'heading';
  /** 1 = title of a work or document, 2 = chapter/section, 3+ = lower levels. */
  level: number;
  children: Inline[];
  /** The id of the section the heading opens, where something links to it (a contents entry):
   * the TEI writer puts it on the section's `div`, or on an anchor in a division's `head`. */
  id?: string;
  pos?: SourcePosition;
}

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  /** `indent` for marx2mao's `&nbsp &nbsp` opening; `center` for centred lines. */
  rend?: 'indent' | 'center' | 'right';
  pos?: SourcePosition;
}

export interface Dateline {
  type: 'dateline';
  children: Inline[];
  pos?: SourcePosition;
}

/**
 * The author or body a text is by, printed on its own line under the title (`By THE EDITORIAL
 * DEPARTMENT OF "RENMIN RIBAO"`, `LU TING-YI`): TEI `byline`, not a heading.
 */
export interface Byline {
  type: 'byline';
  children: Inline[];
  pos?: SourcePosition;
}

/**
 * A title's subtitle: the line under it that says what the text is (`Report Delivered at the
 * Fifteenth All-Union Conference of the C.P.S.U.(B.)`, `A Popular Outline`), set in italics under
 * the title. Stands right after its Heading (TEI `head type="sub"`).
 */
export interface Subtitle {
  type: 'subtitle';
  children: Inline[];
  pos?: SourcePosition;
}

/**
 * Preformatted text (marx2mao `<PRE>`, an LIA page's `<pre>`): a diagram drawn with spaces, dashes
 * and slashes, a table of figures set in columns with spaces. Its lines and their spacing are what the print shows, so the
 * text inlines keep them as they are: each line ends with a newline character (none after the
 * last), spaces are never collapsed, and `--` is not regularised (it draws a line). The block holds
 * a word at least. TEI `ab type="preformatted" xml:space="preserve"`.
 */
export interface Preformatted {
  type: 'preformatted';
  children: Inline[];
  /** `center`: the source centres the block (`<CENTER><PRE>`). */
  rend?: 'center';
  pos?: SourcePosition;
}

/** A block quotation (marx2mao `<UL>` indentation used for quoted matter). */
export interface Quote {
  type: 'quote';
  blocks: Block[];
  pos?: SourcePosition;
}

export interface ListItem {
  /** The printed label (`(1)`, `a)`; in a contents list `1.`, `IV`), if any. */
  label?: string;
  /** In a contents list: the print page the entry names, as printed (`17`, `xii`). */
  page?: string;
  /** In a contents list: the entry's title (one paragraph), then the list of its sub-entries. */
  blocks: Block[];
}

/** `contents`: a printed table of contents, an entry per item (see readers/marx2mao/contents.ts). */
export interface List {
  type: 'list';
  kind: 'ordered' | 'unordered' | 'simple' | 'contents';
  items: ListItem[];
  pos?: SourcePosition;
}

export interface TableCell {
  blocks: Block[];
  role?: 'label' | 'data';
  cols?: number;
  rows?: number;
}

export interface Table {
  type: 'table';
  rows: TableCell[][];
  pos?: SourcePosition;
}

/** An image of the source: its file, ALT text and size as the source gives them. */
export interface Image {
  /** Path of the image relative to the source file (`Mao(250x264).GIF`). */
  src: string;
  description?: string;
  width?: number;
  height?: number;
  pos?: SourcePosition;
}

/** A picture between paragraphs (a cover, a facsimile, a map). */
export interface Figure extends Image {
  type: 'figure';
}

/** Letters: the opening salutation (`Dear Comrade …`). */
export interface Salute {
  type: 'salute';
  children: Inline[];
  pos?: SourcePosition;
}

/** Letters: the signature line(s). */
export interface Signed {
  type: 'signed';
  children: Inline[];
  pos?: SourcePosition;
}

/**
 * What the print edition states at the end of a text about its source, a line each: where it was
 * first printed (`Pravda, No. 169,` / `July 28, 1927`), how it was signed (`Signed: J. Stalin`),
 * what it is printed from (`Published according to the manuscript`), the edition it is taken from
 * (`J. V. Stalin, Works, Eng. ed., Vol. 6, pp. 374-420`). The editors' words, not the author's:
 * TEI `seg type="statement"` in the text's closer.
 */
export interface SourceStatement {
  type: 'statement';
  children: Inline[];
  pos?: SourcePosition;
}

/**
 * One line of a book's printed title page, as printed, with what it is: `title` (its lines),
 * `subtitle`, `author`, `edition` (`First Edition 1965`), `publisher`, `imprint` (place and
 * year: `PEKING 1970`).
 */
export interface TitlePageLine {
  /** `byline`: who else had a hand in the book (`Translated by Grahame Lock`). */
  role: 'title' | 'subtitle' | 'author' | 'byline' | 'edition' | 'publisher' | 'imprint';
  text: string[];
  /**
   * The line's words with the note references set in them (`Novoye Slovo,` [45] `issues 7-10, …`),
   * its lines joined by `lb`: where the line holds more than words. `text` stays its words alone.
   */
  inlines?: Inline[];
  /** An imprint line's place and year (`PEKING`, `1970`), where it states them. */
  place?: string;
  year?: string;
}

/** A book's printed title page (front matter), with the cover image printed beside it. */
export interface TitlePage {
  type: 'titlePage';
  lines: TitlePageLine[];
  cover?: Figure;
  /**
   * Not a book's title page: the lines of a title block that hold a note reference, kept in the
   * text so that the references stand where the source has them (marx2mao title-refs.ts).
   */
  noteLines?: true;
  pos?: SourcePosition;
}

/** A page break standing between blocks (the common case: a marker between paragraphs). */
export interface PageBreakBlock {
  type: 'pbBlock';
  pb: PageBreak;
}

/** A foot-of-page note (`[*]`) placed where the print has it: at the foot of its page. */
export interface NoteBlock {
  type: 'noteBlock';
  note: Note;
}

/**
 * A division: a chapter, a document among several in one page, a preface, a contents list. `notes`:
 * the notes section of one document among several that each print their own notes (heading, then
 * NoteBlocks with place `end` and the page breaks between them), at the end of that document.
 */
export interface Division {
  type: 'division';
  /** `postscript`: a letter's or a preface's P.S. after its end (TEI `postscript`, not a `div`). */
  kind: 'chapter' | 'section' | 'document' | 'preface' | 'contents' | 'appendix' | 'part' | 'notes' | 'work' | 'postscript';
  /** Set when something points at the division (a contents entry): its xml:id. */
  id?: string;
  blocks: Block[];
  pos?: SourcePosition;
}

export type Block =
  | Heading
  | Subtitle
  | Paragraph
  | Preformatted
  | Dateline
  | Byline
  | Quote
  | List
  | Table
  | Figure
  | Salute
  | Signed
  | SourceStatement
  | PageBreakBlock
  | NoteBlock
  | Division
  | TitlePage;

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

/** The `[p. 275]` at the end of a marx2mao/CMPA note: the page where the note is referenced. */
export interface BackReference {
  page: string;
  /** The anchor id it links to in the source (`p275`), when the source links it. */
  anchor?: string;
}

export interface Note {
  /** Unique id in the edition, used as xml:id (`n1`, `n72`, `fn1`). */
  id: string;
  /** The label as printed (`1`, `72`, `*`). */
  n: string;
  /** `end`: in the notes section after the text (or at the back of the volume); `foot`: at the foot of its page. */
  place: 'end' | 'foot';
  blocks: Block[];
  backRef?: BackReference;
  /** The further pages of a back-reference naming several (`[pp. 124, 201]`: 201), or of a second
   * back-reference in the same note, in order: one page each, as `backRef`. */
  moreBackRefs?: BackReference[];
  pos?: SourcePosition;
}

/** The notes section: notes in print order, with the page breaks that fall between them. */
export interface NotesSection {
  heading?: Inline[];
  items: (Note | PageBreakBlock)[];
  pos?: SourcePosition;
}

// ---------------------------------------------------------------------------------------------
// Bibliographic data and witnesses
// ---------------------------------------------------------------------------------------------

export interface PageRange {
  from: string;
  to: string;
  /** As printed: `pp. 275-83`, `p. 447`. */
  text: string;
}

/**
 * The printed book (FLP, or another publisher's, e.g. Progress Publishers' Collected Works for a
 * Lenin Internet Archive page); we only know it through the reprints' title blocks and markers.
 */
export interface PrintWitness {
  kind: 'print';
  id: WitnessId;
  /** Title of the collection or book (`Selected Works of Mao Tse-tung`). */
  collection: string;
  /** Whose collection it is, as the print statement names them (`From V. I. Lenin, *Collected
   * Works*`): it tells one author's "Collected Works" from another's. */
  collectionAuthor?: string;
  publisher: string;
  place: string;
  /** Year of the printing used, as printed (`1967`). */
  date: string;
  /** Edition and printing statements, in order (`First Edition 1965`, `Second Printing 1967`). */
  printings: string[];
  /** Who edited this edition, as the title block names them (`Clemens Dutt and Julius Katzer`). */
  editor?: string;
  /** The language the text was translated from, as printed (`Russian`, `Georgian`). */
  translatedFrom?: string;
  /** Copyright lines the title block prints for this edition or its originals (`© Louis Althusser, 1973`). */
  rights?: string[];
  /** Other statements the title block prints about the text (`Signed: N. Lenin`, `Published according to the manuscript`). */
  statements?: string[];
  /** As printed (`II`, `1`); absent for single-volume books. */
  volume?: string;
  /** The whole work's pages in this edition (`Vol. 3, pp. 21-607`). */
  pages?: PageRange;
  /** Who translated the text for this edition, as the source names them (`Clemens Dutt`). */
  translator?: string;
  /** The part of the work a source holds, printed beside the whole's range (`(pp. 21-69)`). */
  partPages?: PageRange;
  /** The print edition this one is based on (a reprint "Based on … *Works*, … Vol. 8"): its witness id. */
  basedOn?: WitnessId;
}

/** A transcription for the web: the marx2mao page, or a Lenin Internet Archive page. */
export interface TranscriptionWitness {
  kind: 'transcription';
  id: WitnessId;
  transcriber: string;
  /** What the transcriber did, as the source says it (`Prepared for the Internet by`,
   * `Transcription/HTML Markup`); absent: `Transcribed by`. */
  resp?: string;
  /** The site that published it (`From Marx to Mao`, `Lenin Internet Archive (marxists.org)`), where known. */
  publisher?: string;
  email?: string;
  /** As printed (`October 1999`) and as ISO 8601 (`1999-10`). */
  date?: { text: string; when?: string };
  /** As printed inside its brackets (`Corrected and Updated January 2002`) and as ISO 8601. */
  updated?: { text: string; when?: string };
  /** The page's address on the original site. */
  url?: string;
  /** The transcriber's claim of rights: the © their credit sets, by whom it credits (`Prepared © for
   * the Internet by David J. Romagnolo`: `© David J. Romagnolo`); the credit itself is `resp`. */
  rights?: string;
  /** The file read. */
  file: string;
}

/** A later reprint of a transcription (the CMPA Markdown). */
export interface ReprintWitness {
  kind: 'reprint';
  id: WitnessId;
  publisher: string;
  url?: string;
  /** What the reprint says of its republication, as printed (`Republish by: Communist (Maoist) Party …`). */
  terms?: string;
  /**
   * The transcription the reprint says it reprints, as its title block credits it (`Prepared ©
   * for the Internet by David J. Romagnolo … (October 1999)`). Stated, not read: it is no witness
   * of an edition of the reprint alone (whose header credits it in the reprint's own entry); merged
   * with that transcription, it completes the transcription's entry where the page says less.
   */
  reprints?: Omit<TranscriptionWitness, 'file'>;
  file: string;
}

export type Witness = PrintWitness | TranscriptionWitness | ReprintWitness;

/**
 * A date as printed and as ISO 8601: `when` for a known day, month or year (`1939-09-28`); for a
 * day the source leaves open (`Late March 1918`, `1902`, `between 13 and 26 April, 1918`) the
 * first and last days it allows as `notBefore`/`notAfter`.
 */
export interface DateStatement {
  text: string;
  when?: string;
  /** A range of days (`July 26-August 3, 1917`). */
  from?: string;
  to?: string;
  notBefore?: string;
  notAfter?: string;
}

export interface WorkMetadata {
  title: string;
  /** The part of the work this source holds, as its title block labels it (`Part 3 -- Chapters
   * 10-12`, `Part II: Political Economy`): a work printed over several pages of the site. */
  part?: string;
  /** The subtitle printed under the work's title (`Report Delivered at the Extraordinary Eighth
   * Congress of Soviets of the U.S.S.R.`), as one line. */
  subtitle?: string;
  /** The author, as the source names them. */
  author?: string;
  /** Date of the work (when it was written): as printed and as ISO 8601. */
  date?: DateStatement;
  /** When and where the work was first published, as the source states it (`1929 in Lenin Miscellany XI`). */
  published?: DateStatement;
  /** BCP 47 language of the text. */
  language: string;
}

// ---------------------------------------------------------------------------------------------
// Repairs and diagnostics
// ---------------------------------------------------------------------------------------------

export type RepairKind =
  /** A paragraph that a reprint split in mid-sentence was joined again. */
  | 'rejoin-paragraph'
  /** A page break missing from one witness was supplied from another. */
  | 'supply-page-break'
  /** A repeated page marker was dropped. */
  | 'drop-duplicate-page-break';

export interface Repair {
  kind: RepairKind;
  /**
   * The witness concerned: for a rejoined paragraph, the witness that split it (the one repaired);
   * for a supplied or dropped page break, the witness whose marker was used or dropped.
   */
  witness: WitnessId;
  /** What was repaired, in a plain sentence. */
  message: string;
  /** Where in the repaired source the repair applies. */
  pos: SourcePosition;
  /**
   * `rejoin-paragraph`: the id of the zero-width Anchor inline placed in the text where the
   * witness began its extra paragraph (the apparatus entry points there).
   */
  at?: string;
  /** Witnesses whose text confirms the repair (the base that has one paragraph where the reprint has two). */
  evidence?: WitnessId[];
  /** The print page whose marker the repaired witness lost at this place (its split stands there). */
  lostPage?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** One diagnostic, printed as `file:line:col severity code: message`. */
export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case code (`page-gap`, `note-missing`, `not-a-work`). */
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// The edition
// ---------------------------------------------------------------------------------------------

export interface Edition {
  /** Stable identifier (`identity-of-interests`, `SU39`); becomes the TEI idno and file names. */
  id: string;
  work: WorkMetadata;
  /** Every witness named in the header; page breaks and repairs point to these ids. */
  witnesses: Witness[];
  /** The witness whose text is the base text. */
  baseWitness: WitnessId;
  /** Front matter of books (title page, contents). */
  front: Block[];
  body: Block[];
  notes?: NotesSection;
  repairs: Repair[];
  diagnostics: Diagnostic[];
  /** The witnesses the merge aligned word by word with the base: what the header's statement of
   * how two witnesses relate rests on (none for a source converted alone). */
  alignments?: WitnessAlignment[];
}

/** One witness aligned with the base by the merge (src/merge/), and what the alignment found. */
export interface WitnessAlignment {
  /** The witness aligned. */
  witness: WitnessId;
  /** The witness whose text it was aligned with (the base). */
  base: WitnessId;
  /** Words of each, and the words the alignment matched (the same word in the same order). */
  baseWords: number;
  witnessWords: number;
  matched: number;
  /** Stretches where their words differ, each a `word-difference` warning. */
  differences: number;
}

/** What a reader returns for one source file: an edition of one witness. */
export type ReadResult =
  | { ok: true; edition: Edition }
  /** The file is not a work (an index page, a note about a collection) or cannot be read. */
  | { ok: false; diagnostics: Diagnostic[] };

/** What the sources cannot tell: the digital edition's own publication data (from edition.json). */
export interface Publication {
  /** Publisher of the digital edition. */
  publisher: string;
  licence: { text: string; url?: string };
  /** Date of publication of the digital edition, ISO 8601. */
  date: string;
  /** Who encoded the TEI (`teikit`, a person). */
  encoder?: string;
}
