/**
 * What the writer needs to know about the whole edition before writing any element: which
 * references point to each note (a note's @target lists them all) and which anchors exist (a
 * back-reference only points to an anchor that is really written, so every #pointer resolves).
 */
import type { Block, Edition, Inline, PageBreak, ReprintWitness, TranscriptionWitness } from '../model/types.js';
import { irregularPages } from '../model/page-sequence.js';
import { initials } from './transcriber-notes.js';
import { ncName, xmlChars } from './xml.js';
import { forEachBlock, forEachEditionBlock } from '../model/walk.js';

export interface WriteContext {
  /** Note id → ids of the references to it, in document order. */
  refsByNote: Map<string, string[]>;
  /** xml:ids of the anchors written. */
  anchors: Set<string>;
  /** Witness ids present in the header (pb/@source only points to these). */
  witnesses: Set<string>;
  /** Anchor xml:ids already written (a repeated source anchor is written once). */
  written: Set<string>;
  /** The page breaks out of the print sequence (pb/@type), found as the validator finds them. */
  irregular: Map<PageBreak, 'out-of-sequence' | 'repeated'>;
  /** xml:id of the transcriber's respStmt, where a transcriber is named: what they added points there (@resp). */
  transcriberResp?: string;
  /** The transcriber's initials, which sign their notes (`DJR`). */
  transcriberInitials?: string;
}

/**
 * Who added the back-references and signed notes (`[p. 275]`, `-- DJR`), and the xml:id of the
 * respStmt that names them: the transcriber of the base text where it is a transcription, else of
 * the first transcription named; with no transcription read, the transcriber a reprint credits
 * (its respStmt is in the reprint's entry, sources.ts).
 */
export function transcriberOf(edition: Edition): { name: string; resp: string } | undefined {
  const named = edition.witnesses.filter((w): w is TranscriptionWitness => w.kind === 'transcription' && w.transcriber.trim() !== '');
  const read = named.find((w) => w.id === edition.baseWitness) ?? named[0];
  if (read) return { name: read.transcriber, resp: respId(read) };
  const credit = edition.witnesses.find((w): w is ReprintWitness => w.kind === 'reprint' && creditsTranscriber(w, edition));
  return credit ? { name: credit.reprints!.transcriber, resp: respId(credit) } : undefined;
}

/**
 * The reprint's entry credits the transcriber of the transcription it reprints (a respStmt):
 * where that transcription was not read, so that the header still says who prepared the text.
 */
export function creditsTranscriber(w: ReprintWitness, edition: Edition): boolean {
  const stated = w.reprints;
  return !!stated && stated.transcriber.trim() !== '' && !edition.witnesses.some((x) => x.kind === 'transcription' && x.id === stated.id);
}

/** The xml:id of a witness's respStmt (`m2m-resp`, `cmpa-resp`). */
export function respId(witness: TranscriptionWitness | ReprintWitness): string {
  return ncName(`${witness.id}-resp`);
}

/** The xml:id of a source anchor: marx2mao's `p275` becomes `a-p275` (encoding.md). */
export function anchorId(id: string): string {
  return ncName(id.startsWith('a-') ? id : `a-${id}`);
}

export function buildContext(edition: Edition): WriteContext {
  const ctx: WriteContext = {
    refsByNote: new Map(),
    anchors: new Set(),
    witnesses: new Set(edition.witnesses.map((w) => w.id)),
    written: new Set(),
    irregular: irregularBreaks(edition),
  };
  const transcriber = transcriberOf(edition);
  if (transcriber) {
    ctx.transcriberResp = transcriber.resp;
    const signature = initials(transcriber.name);
    if (signature) ctx.transcriberInitials = signature;
  }
  const visitInlines = (list: Inline[]): void => {
    for (const node of list) {
      if (node.type === 'noteRef') {
        const refs = ctx.refsByNote.get(node.noteId) ?? [];
        refs.push(node.id);
        ctx.refsByNote.set(node.noteId, refs);
      } else if (node.type === 'anchor') {
        ctx.anchors.add(anchorId(node.id));
      } else if ('children' in node) {
        visitInlines(node.children);
      }
    }
  };
  forEachBlockInlines([...edition.front, ...edition.body], visitInlines);
  for (const item of edition.notes?.items ?? []) {
    if ('pb' in item) continue;
    forEachBlockInlines(item.blocks, visitInlines);
  }
  return ctx;
}

/** Call `visit` with every inline list in the blocks, nested blocks and foot notes included. */
export function forEachBlockInlines(blocks: Block[], visit: (inlines: Inline[]) => void): void {
  forEachBlock(blocks, (b) => {
    if ('children' in b) visit(b.children);
    else if (b.type === 'pbBlock') visit([b.pb]);
    // a title page's lines holding note references (a title block's: marx2mao title-refs.ts)
    else if (b.type === 'titlePage') for (const l of b.lines) if (l.inlines) visit(l.inlines);
  });
}

/**
 * The arabic page numbers of each edition that break its sequence, in document order (the order
 * the writer writes them): model/page-sequence.ts decides, as `teikit validate` does.
 */
function irregularBreaks(edition: Edition): Map<PageBreak, 'out-of-sequence' | 'repeated'> {
  const byEdition = new Map<string, PageBreak[]>();
  // the number as written: a character XML cannot hold is not in the TEI that validate reads
  const add = (pb: PageBreak) => {
    if (!/^\d+$/.test(xmlChars(pb.n))) return;
    const list = byEdition.get(pb.edition) ?? [];
    list.push(pb);
    byEdition.set(pb.edition, list);
  };
  const visit = (list: Inline[]): void => {
    for (const node of list) {
      if (node.type === 'pb') add(node);
      else if ('children' in node) visit(node.children);
    }
  };
  forEachEditionBlock(edition, (b) => {
    if ('children' in b) visit(b.children);
    else if (b.type === 'pbBlock') add(b.pb);
  });
  const out = new Map<PageBreak, 'out-of-sequence' | 'repeated'>();
  for (const list of byEdition.values()) {
    for (const [i, why] of irregularPages(list.map((pb) => Number(xmlChars(pb.n))))) out.set(list[i]!, why.kind);
  }
  return out;
}
