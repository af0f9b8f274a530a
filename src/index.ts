/**
 * teikit's public API. The CLI (src/cli) only wraps these functions.
 */
export type * from './model/types.js';
export { diagnostic, formatDiagnostic, sortDiagnostics, UserError } from './model/diagnostics.js';
