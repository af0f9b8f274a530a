/**
 * What the walk over a page's body remembers between nodes, in one typed context: where the text
 * goes (the flow: front matter, body, a note, a foot-note block), the notes sections and their notes,
 * the references and foot-note blocks met, and the two one-shot cuts of the next text (a note's
 * printed label, a reference's closing `]`). The walk and its helpers (walk-notes.ts, sections.ts)
 * change it only through the methods below, so each transition (entering the notes, opening a
 * foot-note block, …) is written once.
 */
import type { Block, BackReference, Division, Note, NoteRef, NotesSection } from '../../model/types.js';
import type { Node } from './dom.js';
import { Flow, type FlowShared } from './flow.js';

/** A note reference met in the text, resolved to its note after the walk. */
export interface RefRecord {
  ref: NoteRef;
  target?: string;
  offset: number;
  /** Index of the notes section of the reference's own document (sections closed before it). */
  scope: number;
}

/** A block of foot-of-page notes, with the anchor name that precedes it (`fnp72`). */
export interface FootnoteRecord {
  anchor?: string;
  notes: Note[];
  offset: number;
  /** Met in the notes section or after it: to be moved to the foot of its reference's page. */
  displaced: boolean;
}

/** The foot-of-page notes being read, up to `end` in the source. */
export interface FootBlock {
  end: number;
  blocks: Block[];
  flow: Flow;
  /** The `<UL>` depth the block opened at: its quotes are measured from there. */
  ul: number;
  offset: number;
  anchor: string | undefined;
}

export class WalkState {
  readonly front: Block[] = [];
  readonly body: Block[] = [];
  private flowNow: Flow;
  private inBodyNow = false;
  /** The notes section being read (undefined outside the notes). */
  private section: NotesSection | undefined;
  /** Every notes section, in order: a page of several documents can have one per document. */
  private readonly sectionList: NotesSection[] = [];
  /** Where each section stands in the body (filled in by placeSections()). */
  private readonly holderList: Division[] = [];
  /** The anchor name of each endnote (`en1`), to resolve references within their document. */
  private readonly noteNames = new Map<Note, string>();
  private readonly refList: RefRecord[] = [];
  private readonly footList: FootnoteRecord[] = [];
  private readonly anchors = new Set<string>();
  /** Index of the first page break in the notes section (all of them if there is none). */
  private firstNotesBreak = Number.MAX_SAFE_INTEGER;
  private noteNow: Note | undefined;
  private noteUlNow = 0;
  private fnpAnchor: string | undefined;
  private footCount = 0;
  private footNow: (FootBlock & { mainFlow: Flow; note: Note | undefined }) | undefined;
  private closingBracket: Node | undefined;
  private labelPending = false;

  constructor(private readonly shared: FlowShared) {
    this.flowNow = new Flow(this.front, shared);
  }

  /** Where running text goes now. */
  get flow(): Flow {
    return this.flowNow;
  }
  /** A page marker or a notes section has been met: text no longer goes to the front matter. */
  get inBody(): boolean {
    return this.inBodyNow;
  }
  /** The notes section being read, if any. */
  get notes(): NotesSection | undefined {
    return this.section;
  }
  /** The endnote being read, if any. */
  get note(): Note | undefined {
    return this.noteNow;
  }
  /** The `<UL>` depth the current endnote opened at. */
  get noteUl(): number {
    return this.noteUlNow;
  }
  get foot(): Readonly<FootBlock> | undefined {
    return this.footNow;
  }
  get sections(): readonly NotesSection[] {
    return this.sectionList;
  }
  get holders(): readonly Division[] {
    return this.holderList;
  }
  get refs(): readonly RefRecord[] {
    return this.refList;
  }
  get footnotes(): readonly FootnoteRecord[] {
    return this.footList;
  }
  get anchorIds(): ReadonlySet<string> {
    return this.anchors;
  }
  get notesStart(): number {
    return this.firstNotesBreak;
  }

  /** The first page marker outside the notes: what follows is the body, not front matter. */
  enterBody(): void {
    if (this.inBodyNow || this.sectionList.length) return;
    this.inBodyNow = true;
    this.flowNow.switchRoot(this.body, undefined);
  }

  /** A NOTES line (or a first note without one) opens a notes section; its holder stands in the body. */
  enterNotes(section: NotesSection): void {
    this.section = section;
    this.sectionList.push(section);
    this.inBodyNow = true;
    this.flowNow.dropRepeatedPending();
    this.firstNotesBreak = this.shared.pageBreaks.length - this.flowNow.pendingCount();
    this.flowNow.switchRoot(undefined, (pb) => section.items.push({ type: 'pbBlock', pb }));
    // the section's place in the text: after its document, before the next one
    const holder: Division = { type: 'division', kind: 'notes', blocks: [] };
    this.body.push(holder);
    this.holderList.push(holder);
  }

  /** Back to the running text; page breaks met after the last note open the next document. */
  leaveNotes(): void {
    this.flowNow.switchRoot(this.body, undefined);
    this.section = undefined;
    this.noteNow = undefined;
  }

  /**
   * An endnote of the current section begins: its text goes to the note; text the flow held before
   * it (an editor's line under the NOTES heading) is returned for the heading.
   */
  beginNote(note: Note, anchorName: string, ul: number): Block[] {
    const section = this.section!;
    this.noteNames.set(note, anchorName.toLowerCase());
    this.flowNow.switchRoot(note.blocks, (pb) => section.items.push({ type: 'pbBlock', pb }));
    const orphans = this.flowNow.orphans.splice(0);
    section.items.push(note);
    this.noteNow = note;
    this.noteUlNow = ul;
    return orphans;
  }

  /** The anchor name an endnote was read under (lower case). */
  noteName(note: Note): string | undefined {
    return this.noteNames.get(note);
  }

  /** The current note's reference back to the text (`[p. 275]`); each further page it names
   * (`[pp. 124, 201]`, or a second back-reference) follows in `moreBackRefs`. */
  addBackRef(backRef: BackReference): void {
    const note = this.noteNow;
    if (!note) return;
    if (!note.backRef) note.backRef = backRef;
    else (note.moreBackRefs ??= []).push(backRef);
  }

  addRef(record: RefRecord): void {
    this.refList.push(record);
  }

  /** An anchor id (`a-p12`), once: false when it was already placed. */
  addAnchor(id: string): boolean {
    if (this.anchors.has(id)) return false;
    this.anchors.add(id);
    return true;
  }

  /** `<A NAME="fnp72">`: the name the next foot-note block is filed under. */
  markFootAnchor(name: string): void {
    this.fnpAnchor = name;
  }

  /** A foot-note block opens: text goes to it until closeFoot(); the note being read is set aside. */
  openFoot(foot: Omit<FootBlock, 'flow' | 'anchor'>): void {
    this.footNow = { ...foot, flow: new Flow(foot.blocks, this.shared), mainFlow: this.flowNow, note: this.noteNow, anchor: this.fnpAnchor };
    this.fnpAnchor = undefined;
    this.flowNow = this.footNow.flow;
    this.noteNow = undefined;
  }

  /** The foot-note block ends: back to the flow and note it interrupted. */
  closeFoot(): FootBlock | undefined {
    const foot = this.footNow;
    if (!foot) return undefined;
    this.footNow = undefined;
    foot.flow.finish();
    this.flowNow = foot.mainFlow;
    this.noteNow = foot.note;
    return foot;
  }

  /** The id of the next foot-of-page note (`fn1`, `fn2`, … across the page). */
  nextFootId(): string {
    return `fn${++this.footCount}`;
  }

  addFootnotes(record: FootnoteRecord): void {
    this.footList.push(record);
  }

  /** Swap the flow while a sub-structure (a table cell, a list item) is read. */
  withFlow(flow: Flow, read: () => void): void {
    const saved = this.flowNow;
    const savedNote = this.noteNow;
    this.flowNow = flow;
    this.noteNow = undefined;
    try {
      read();
      flow.finish();
    } finally {
      this.flowNow = saved;
      this.noteNow = savedNote;
    }
  }

  /** The `]` at the start of this text node closes a reference whose `[` was already taken. */
  expectClosingBracket(node: Node): void {
    this.closingBracket = node;
  }

  /** Whether this text node starts with a `]` to cut (once). */
  takeClosingBracket(node: Node): boolean {
    if (this.closingBracket !== node) return false;
    this.closingBracket = undefined;
    return true;
  }

  /** Inside a note's anchor: its first text is the printed label, cut from the note's text. */
  expectLabel(on: boolean): void {
    this.labelPending = on;
  }

  get labelExpected(): boolean {
    return this.labelPending;
  }
}
