/**
 * The witness list of a merged edition: the base's witnesses, completed field by field from the
 * other editions where the base lacks something (never overriding it), plus the witnesses only the
 * others name. Listed print, transcription, reprint (flp, m2m, cmpa). Disagreements are reported.
 */
import type { Diagnostic, Witness } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';

const RANK: Record<Witness['kind'], number> = { print: 0, transcription: 1, reprint: 2 };
/** Fields that describe a file read, not the witness: never taken from another edition. */
const OWN = new Set(['kind', 'id', 'file']);

function empty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export function unionWitnesses(base: readonly Witness[], others: readonly Witness[], file: string): { witnesses: Witness[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: Witness[] = base.map((w) => structuredClone(w));
  for (const o of others) {
    const mine = out.find((w) => w.id === o.id);
    if (!mine) {
      out.push(structuredClone(o));
      continue;
    }
    const target = mine as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(o)) {
      if (OWN.has(key) || empty(value)) continue;
      if (empty(target[key])) target[key] = structuredClone(value);
      else if (JSON.stringify(target[key]) !== JSON.stringify(value)) {
        diagnostics.push(
          diagnostic('info', 'witness-difference', `${o.id} ${key}: the base says ${JSON.stringify(target[key])}, another witness ${JSON.stringify(value)}; the base is kept`, { file }),
        );
      }
    }
  }
  out.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  return { witnesses: out, diagnostics };
}
