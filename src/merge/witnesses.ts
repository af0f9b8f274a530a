/**
 * The witness list of a merged edition: the base's witnesses, completed field by field from the
 * other editions where the base lacks something (never overriding it), plus the witnesses only the
 * others name. Listed print, transcription, reprint (flp, m2m, cmpa). Disagreements are reported.
 *
 * A reprint's credit to the transcription it reprints (`reprints`, from its title block) is not a
 * witness: it completes the entry of that transcription where the transcription was read too, and
 * adds none where it was not (the header lists only what was read).
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
    complete(mine, o, (key, kept, other) => `${o.id} ${key}: the base says ${kept}, another witness ${other}; the base is kept`, diagnostics, file);
  }
  for (const r of [...base, ...others]) {
    if (r.kind !== 'reprint' || !r.reprints) continue;
    const read = out.find((w) => w.id === r.reprints!.id && w.kind === r.reprints!.kind);
    if (read) complete(read, r.reprints, (key, kept, stated) => `${read.id} ${key}: the transcription says ${kept}, the reprint ${r.id} credits it with ${stated}; the transcription is kept`, diagnostics, file);
  }
  out.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  return { witnesses: out, diagnostics };
}

/** Fill the fields `target` lacks from `from`; a field both have and disagree on is reported. */
function complete(target: Witness, from: object, say: (key: string, kept: string, other: string) => string, diagnostics: Diagnostic[], file: string): void {
  const fields = target as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(from)) {
    if (OWN.has(key) || empty(value)) continue;
    if (empty(fields[key])) fields[key] = structuredClone(value);
    else if (JSON.stringify(fields[key]) !== JSON.stringify(value)) {
      diagnostics.push(diagnostic('info', 'witness-difference', say(key, JSON.stringify(fields[key]), JSON.stringify(value)), { file }));
    }
  }
}
