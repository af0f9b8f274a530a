/**
 * What the merge reports about two aligned witnesses: every word difference, paragraphs one
 * witness splits where the other has one (a mid-sentence split is a repair of the reprint, any
 * other paragraphing difference a diagnostic), and differences in the notes and their references.
 */
import type { Diagnostic, Edition, Inline, Note, Repair, SourcePosition } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import type { Match } from './diff.js';
import type { Linear } from './linear.js';

export interface Sides {
  base: Linear;
  other: Linear;
  baseId: string;
  otherId: string;
  /** Used when a flow has no source position. */
  baseFile: string;
  otherFile: string;
}

const SHOW = 12;

/** One diagnostic per stretch where the word sequences differ. */
export function wordDifferences(s: Sides, matches: readonly Match[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let pa = -1;
  let pb = -1;
  for (const [a, b] of [...matches, [s.base.tokens.length, s.other.tokens.length] as Match]) {
    if (a > pa + 1 || b > pb + 1) {
      const baseWords = s.base.tokens.slice(pa + 1, a).map((t) => t.word);
      const otherWords = s.other.tokens.slice(pb + 1, b).map((t) => t.word);
      const where = flowPos(s.other, pb + 1, s.otherFile);
      const basePos = flowPos(s.base, pa + 1, s.baseFile);
      const after = pa >= 0 ? ` after "${s.base.tokens[pa]!.word}"` : ' at the start';
      out.push(
        diagnostic('warning', 'word-difference', `${s.otherId} reads ${quote(otherWords)} where ${s.baseId} reads ${quote(baseWords)}${after} (${basePos.file}:${basePos.line})`, where),
      );
    }
    pa = a;
    pb = b;
  }
  return out;
}

function quote(words: string[]): string {
  if (!words.length) return 'nothing';
  const shown = words.slice(0, SHOW).join(' ');
  return `"${shown}${words.length > SHOW ? ` … (${words.length} words)` : ''}"`;
}

/** Position of the block holding token i (or the last block). */
function flowPos(lin: Linear, i: number, file: string): SourcePosition {
  const t = lin.tokens[Math.min(i, lin.tokens.length - 1)];
  const flow = t ? lin.flows[t.flow] : undefined;
  return flow?.pos ?? flow?.note?.note.pos ?? { file, line: 1, column: 1 };
}

/** Does token i begin its block? */
function opensFlow(lin: Linear, i: number): boolean {
  return i === 0 || lin.tokens[i - 1]!.flow !== lin.tokens[i]!.flow;
}

const SENTENCE_END = /[.!?:]["'”’)\]]*\s*$/;

export function paragraphDifferences(
  s: Sides,
  otherToBase: Int32Array,
  baseToOther: Int32Array,
): { repairs: Repair[]; diagnostics: Diagnostic[] } {
  const repairs: Repair[] = [];
  const diagnostics: Diagnostic[] = [];
  s.other.tokens.forEach((t, i) => {
    if (!opensFlow(s.other, i) || s.other.flows[t.flow]!.kind !== 'paragraph') return;
    const a = otherToBase[i]!;
    if (a < 0 || opensFlow(s.base, a)) return;
    const prev = s.base.tokens[a - 1]!;
    const gap = s.base.text.slice(prev.start, s.base.tokens[a]!.start);
    const pos = flowPos(s.other, i, s.otherFile);
    const words = `"…${prev.word}" / "${t.word}…"`;
    if (!SENTENCE_END.test(gap)) {
      repairs.push({ kind: 'rejoin-paragraph', witness: s.otherId, message: `${s.otherId} splits a paragraph of ${s.baseId} in mid-sentence: ${words}; the base's paragraph is kept`, pos });
    } else {
      diagnostics.push(diagnostic('info', 'paragraph-difference', `${s.otherId} begins a paragraph inside one of ${s.baseId}: ${words}`, pos));
    }
  });
  s.base.tokens.forEach((t, i) => {
    if (!opensFlow(s.base, i) || s.base.flows[t.flow]!.kind !== 'paragraph') return;
    const b = baseToOther[i]!;
    if (b < 0 || opensFlow(s.other, b)) return;
    diagnostics.push(
      diagnostic('info', 'paragraph-difference', `${s.otherId} runs on where ${s.baseId} begins a paragraph ("${t.word}…")`, flowPos(s.base, i, s.baseFile)),
    );
  });
  return { repairs, diagnostics };
}

/** Same notes (numbers, back-references) and the same references in the same order. */
export function noteDifferences(base: Edition, other: Edition, s: Sides): Diagnostic[] {
  const out: Diagnostic[] = [];
  const notes = (e: Edition) => (e.notes?.items ?? []).filter((it): it is Note => !('type' in it));
  const baseNotes = new Map(notes(base).map((n) => [n.n, n]));
  const otherNotes = new Map(notes(other).map((n) => [n.n, n]));
  const at = (n: Note | undefined, file: string) => n?.pos ?? { file };
  for (const [n, note] of baseNotes) {
    const o = otherNotes.get(n);
    if (!o) out.push(diagnostic('warning', 'note-difference', `note [${n}] of ${s.baseId} is missing in ${s.otherId}`, at(note, s.baseFile)));
    else if ((o.backRef?.page ?? '') !== (note.backRef?.page ?? '')) {
      out.push(diagnostic('warning', 'note-difference', `note [${n}]: ${s.otherId} refers back to page ${o.backRef?.page ?? '(none)'}, ${s.baseId} to page ${note.backRef?.page ?? '(none)'}`, at(o, s.otherFile)));
    }
  }
  for (const [n, note] of otherNotes) {
    if (!baseNotes.has(n)) out.push(diagnostic('warning', 'note-difference', `note [${n}] of ${s.otherId} is missing in ${s.baseId}`, at(note, s.otherFile)));
  }
  const refs = (e: Edition) => {
    const list: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ((v as Inline).type === 'noteRef') list.push((v as { n: string }).n);
        else Object.values(v).forEach(walk);
      }
    };
    walk(e.body);
    return list.join(' ');
  };
  const br = refs(base);
  const or = refs(other);
  if (br !== or) {
    out.push(diagnostic('warning', 'noteref-difference', `note references differ: ${s.baseId} has [${br}], ${s.otherId} has [${or}]`, { file: s.otherFile }));
  }
  return out;
}
