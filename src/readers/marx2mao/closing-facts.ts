/**
 * What the end of the page's one text says of the work: the date line closing it (Stalin's Works
 * date many texts at their end: OR24's `December 17, 1924`), and the statements of its source set
 * under it (end-statements.ts): when it was written (PC47's `Written in October 1847`) and first
 * printed (TS19's `First published on January 18, 1929,` / `in Pravda, No. 15.`). They date the
 * work and its first printing where nothing above the text does, and where the end is surely the
 * text's own (closingFacts). See docs/encoding.md, "Dates of the work".
 */
import type { Block, DateInline, DateStatement, Dateline } from '../../model/types.js';
import { plainText } from '../../model/plain-text.js';
import { statementLines } from './end-statements.js';
import { isContent } from './letters.js';
import { readFirstPublished, readWritten } from './title-facts.js';

/**
 * What closes the page's one text: the signature, salutation, date line and statements of the
 * source ending its body (or its one work division), in order, past page breaks and notes. None
 * where the page ends with one of several documents, chapters or sections (a division).
 */
export function closingRun(body: readonly Block[]): Block[] {
  const own = body.filter(isContent);
  const blocks = own.length === 1 && own[0]!.type === 'division' && own[0]!.kind === 'work' ? own[0]!.blocks : body;
  const run: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (!isContent(b)) continue;
    if (!['statement', 'signed', 'salute', 'dateline'].includes(b.type)) break;
    run.unshift(b);
  }
  return run;
}

/** The date line closing the page's one text (closingRun). */
export function closingDateline(body: readonly Block[]): Dateline | undefined {
  return closingRun(body).filter((b): b is Dateline => b.type === 'dateline').at(-1);
}

export interface ClosingFacts {
  /** The date of the closing date line. */
  date?: DateInline;
  /** When the statements say it was written, dated. */
  written?: DateStatement;
  /** Where and when they say it was first printed. */
  published?: DateStatement;
}

/** A heading of a text printed after the work's own (`APPENDIX`, `POSTSCRIPT`): what closes the page is its. */
const APPENDED = /^(?:appendix|appendices|supplement|postscript|afterword|addend(?:um|a)|note)\b/i;

/**
 * The facts of the page's one text's end. None where the end may be another text's: the body has
 * a signature, date line (but the one under a title) or statement before the closing run (LFC10's
 * closing statements are its second letter's, the first letter has its own), or the closing run
 * follows an appendix's or postscript's heading. A first printing counts only with its date.
 */
export function closingFacts(body: readonly Block[]): ClosingFacts {
  const run = closingRun(body);
  const out: ClosingFacts = {};
  if (run.length === 0 || !theTextsOwn(body, run)) return out;
  const date = run.filter((b): b is Dateline => b.type === 'dateline').at(-1)?.children.find((c): c is DateInline => c.type === 'date');
  if (date) out.date = date;
  const lines = run.filter((b) => b.type === 'statement').map((b) => statementLines([b]));
  const published = lines.map(readFirstPublished).find((p) => p?.when ?? p?.from ?? p?.notBefore);
  if (published) out.published = published;
  const written = lines.map(readWritten).find((w) => w?.when ?? w?.from);
  if (written) out.written = written;
  return out;
}

/** Is the closing run the text's own: no closer before it, no appendix's heading over it? */
function theTextsOwn(body: readonly Block[], run: readonly Block[]): boolean {
  const closing = new Set(run);
  let other = false;
  let lastHeading = '';
  let underTitle = false;
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (closing.has(b)) continue;
      if (b.type === 'division') {
        if (b.kind !== 'notes' && b.kind !== 'contents') walk(b.blocks);
      } else if (b.type === 'heading') {
        lastHeading = plainText(b.children).trim();
        underTitle = true;
      } else if (!(b.type === 'dateline' && underTitle)) {
        // (the dateline right under a title dates the text, it closes nothing)
        if (b.type === 'statement' || b.type === 'signed' || b.type === 'dateline') other = true;
        if (b.type !== 'pbBlock' && b.type !== 'noteBlock' && b.type !== 'subtitle' && b.type !== 'byline') underTitle = false;
      }
    }
  };
  walk(body);
  return !other && !APPENDED.test(lastHeading);
}
