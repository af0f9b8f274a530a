/**
 * The validation gate: nothing invalid leaves teikit. Every TEI a conversion produces is validated
 * with teikit's own schema and rules (src/validate) before it is returned, so `convert`, `batch`,
 * `build` and the API's convertFiles — which all go through convertFiles — can only write or hand
 * out TEI that `teikit validate` accepts. The writer repairs what it can (tei/repair.ts); what
 * still fails is a bug of teikit's, refused with one line:
 *
 *   SU39.html:212:5: error invalid-tei: teikit produced TEI that its schema rejects, …
 *
 * The position is the source's where the failing TEI element can be traced back to the model (a
 * note, a note reference, a page break: the nearest one at or before it), else the source's start.
 */
import type { Diagnostic, Edition, Inline, SourcePosition } from './model/types.js';
import { diagnostic, formatDiagnostic, UserError } from './model/diagnostics.js';
import { forEachEditionBlock } from './model/walk.js';
import { validateTei, type SaxTap } from './validate/index.js';

/** Where a conversion's TEI came from, to name it in the refusal. */
export interface GateSource {
  /** The base source file, as given by the user. */
  file: string;
  /** The edition the TEI was written from (to trace a TEI line back to the source). */
  edition?: Edition;
}

/**
 * Validate `tei` (telling `tap` the parse, for the accounting); resolve when it is valid (warnings allowed), else throw a UserError (exit 1)
 * whose message is the one `invalid-tei` line. The TEI is validated under the name
 * `<source>.tei.xml` so that the validator's own message names a TEI line, not a source line.
 */
export async function gateTei(tei: string, source: GateSource, tap?: SaxTap): Promise<void> {
  const errors = (await validateTei(tei, `${source.file}.tei.xml`, tap ? { tap } : {})).filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const pos = (source.edition && traceToSource(tei, first.line, source.edition)) ?? { file: source.file, line: 1, column: 1 };
  const refusal = diagnostic(
    'error',
    'invalid-tei',
    `teikit produced TEI that its own schema and rules reject, so nothing is written (please report this): ` +
      `TEI line ${first.line}: ${first.code}: ${first.message}${more}`,
    pos,
  );
  throw new InvalidTeiError(refusal, errors);
}

/** The gate's refusal: one diagnostic to show, the validator's errors kept for callers and tests. */
export class InvalidTeiError extends UserError {
  constructor(
    refusal: Diagnostic,
    readonly validation: Diagnostic[],
  ) {
    super(formatDiagnostic(refusal), 1, [refusal]);
    this.name = 'InvalidTeiError';
  }
}

const ID_ATTR = /xml:id="([^"]+)"/g;
const PB_N = /<pb n="([^"]+)"/g;

/**
 * The source position of the TEI at `line`: the last note, note reference or page break written
 * at or before it whose model node carries a position.
 */
function traceToSource(tei: string, line: number, edition: Edition): SourcePosition | undefined {
  const { byId, byPage } = positions(edition);
  const lines = tei.split('\n').slice(0, line);
  for (let k = lines.length - 1; k >= 0; k--) {
    const text = lines[k]!;
    const ids = [...text.matchAll(ID_ATTR)].map((m) => byId.get(m[1]!)).filter(Boolean);
    if (ids.length > 0) return ids[ids.length - 1];
    const pages = [...text.matchAll(PB_N)].map((m) => byPage.get(m[1]!)).filter(Boolean);
    if (pages.length > 0) return pages[pages.length - 1];
  }
  return undefined;
}

function positions(edition: Edition): { byId: Map<string, SourcePosition>; byPage: Map<string, SourcePosition> } {
  const byId = new Map<string, SourcePosition>();
  const byPage = new Map<string, SourcePosition>();
  const inlines = (list: Inline[]): void => {
    for (const node of list) {
      if (node.type === 'noteRef' && node.pos) byId.set(node.id, node.pos);
      else if (node.type === 'pb' && node.pos && !byPage.has(node.n)) byPage.set(node.n, node.pos);
      else if ('children' in node) inlines(node.children);
    }
  };
  forEachEditionBlock(edition, (b) => {
    if (b.type === 'noteBlock' && b.note.pos) byId.set(b.note.id, b.note.pos);
    else if (b.type === 'pbBlock') inlines([b.pb]);
    else if ('children' in b) inlines(b.children);
  });
  for (const item of edition.notes?.items ?? []) if (!('pb' in item) && item.pos) byId.set(item.id, item.pos);
  return { byId, byPage };
}
