/**
 * The conversion report (schema/report.schema.json): what was read, what was found (diagnostics
 * with file:line:col), every repair with its position, the print page sequence and counts.
 * Deterministic (no timestamps), so that a rebuild of the same sources gives the same report.
 */
import { toolVersion } from '../util/version.js';
import type { Diagnostic, Edition, Repair } from '../model/types.js';
import { sortDiagnostics } from '../model/diagnostics.js';
import type { SourceFormat } from '../readers/registry.js';
import { countEdition, type Counts, type PageEntry } from './counts.js';
import type { Fidelity } from '../accounting/types.js';
import { formatSchemaErrors, schemaValidator } from '../edition/json-schema.js';

export interface ReportInput {
  file: string;
  format: SourceFormat;
  role: 'base' | 'witness';
  witness: string;
  bytes: number;
}

export interface ConversionReport {
  tool: { name: 'teikit'; version: string };
  edition: string;
  inputs: ReportInput[];
  diagnostics: Diagnostic[];
  repairs: Repair[];
  pages: PageEntry[];
  counts: Counts;
  /** The accounting: each source's inventory compared with the TEI (src/accounting/). */
  fidelity: Fidelity;
}


export function buildReport(edition: Edition, inputs: ReportInput[], diagnostics: Diagnostic[], fidelity: Fidelity): ConversionReport {
  const { counts, pages } = countEdition(edition);
  return checked({
    tool: { name: 'teikit', version: toolVersion() },
    edition: edition.id,
    inputs,
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({
      file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message,
    })),
    repairs: edition.repairs.map((r) => ({ kind: r.kind, witness: r.witness, message: r.message, pos: { ...r.pos } })),
    pages,
    counts,
    fidelity,
  });
}

/**
 * Every report is checked against schema/report.schema.json before anyone sees it: what users'
 * tools parse is the documented shape. A failure here is a bug in teikit, not in the input.
 */
function checked(report: ConversionReport): ConversionReport {
  const validate = schemaValidator('report');
  if (!validate(report)) {
    throw new Error(`the conversion report does not match schema/report.schema.json: ${formatSchemaErrors('report', validate.errors, 'invalid-report').join('; ')}`);
  }
  return report;
}

export { countEdition } from './counts.js';
export type { Counts, PageEntry } from './counts.js';
