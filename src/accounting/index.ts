/**
 * The accounting of a conversion: for each source, an inventory of the raw source taken without the
 * readers' code, compared with the TEI produced (see compare.ts). Every unaccounted item is a
 * warning at its source position (`unaccounted-page`, `unaccounted-note`, `unaccounted-noteref`,
 * `unaccounted-words`, …), an error under `--strict`.
 *
 * One inventory per source format. A format without one (a reader added before its inventory) is
 * listed in `notAccounted`, never silently passed: add its inventory to INVENTORIES.
 */
import type { Diagnostic, Edition, Severity } from '../model/types.js';
import { compareWithTei } from './compare.js';
import { inventoryOfCmpa } from './cmpa.js';
import { inventoryOfMarx2mao } from './marx2mao.js';
import { teiFacts, type TeiFacts } from './tei.js';
import type { Fidelity, Inventory, SourceFidelity } from './types.js';

export type InventoryOf = (bytes: Uint8Array, file: string) => Inventory;

/** The inventory of each source format (the Lenin Internet Archive's shape has none yet). */
export const INVENTORIES: Readonly<Record<string, InventoryOf>> = {
  marx2mao: inventoryOfMarx2mao,
  cmpa: inventoryOfCmpa,
};

export interface AccountedSource {
  file: string;
  format: string;
  bytes: Uint8Array;
  role: 'base' | 'witness';
  /** The witness id this source is (its page breaks carry it in pb/@source). */
  witness?: string;
}

/**
 * Account for every source of a conversion against its TEI: the TEI itself, or its facts already
 * gathered (collectTeiFacts, in the validation gate's parse of it).
 */
export function accountConversion(sources: readonly AccountedSource[], tei: string | TeiFacts, edition?: Pick<Edition, 'repairs'>): Fidelity {
  const facts = typeof tei === 'string' ? teiFacts(tei) : tei;
  const out: SourceFidelity[] = [];
  const notAccounted: string[] = [];
  for (const s of sources) {
    const inventoryOf = INVENTORIES[s.format];
    if (!inventoryOf) {
      notAccounted.push(s.file);
      continue;
    }
    const repairs = (edition?.repairs ?? []).filter((r) => r.pos.file === s.file);
    const dropped = repairs.filter((r) => r.kind === 'drop-duplicate-page-break').map((r) => r.pos.line);
    const fidelity = compareWithTei(inventoryOf(s.bytes, s.file), facts, { role: s.role, ...(s.witness ? { witness: s.witness } : {}), droppedMarkerLines: dropped });
    out.push({ ...fidelity, repaired: repairs.length });
  }
  return { sources: out, notAccounted, unaccounted: out.reduce((n, s) => n + s.unaccounted.length, 0) };
}

/** Each unaccounted item as a diagnostic: a warning, or an error when `strict`. */
export function fidelityDiagnostics(fidelity: Fidelity, strict = false): Diagnostic[] {
  const severity: Severity = strict ? 'error' : 'warning';
  return fidelity.sources.flatMap((s) => s.unaccounted.map((u) => ({ severity, code: `unaccounted-${u.kind}`, message: u.message, file: u.pos.file, line: u.pos.line, column: u.pos.column })));
}

export { compareWithTei } from './compare.js';
export { inventoryOfCmpa } from './cmpa.js';
export { inventoryOfMarx2mao } from './marx2mao.js';
export { collectTeiFacts, teiFacts, type TeiFacts, type TeiFactsCollector } from './tei.js';
export { words } from './source-text.js';
export type * from './types.js';
export { regionOf, wordText, wordTexts } from './types.js';
