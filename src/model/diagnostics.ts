import type { Diagnostic, Severity, SourcePosition } from './types.js';
import { byCodePoint } from '../util/order.js';

/** Make a diagnostic at a source position. */
export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  pos: SourcePosition | { file: string; line?: number; column?: number },
): Diagnostic {
  return { severity, code, message, file: pos.file, line: pos.line ?? 1, column: pos.column ?? 1 };
}

/** `SU39.html:212:5: warning page-gap: no marker for pages 278-279` (the GNU form editors jump to) */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Diagnostics in source order (file, line, column), stable for equal positions. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Marks a UserError of any copy of this module (see UserError's hasInstance). */
const USER_ERROR = Symbol.for('teikit.UserError');

/** An error about user input: the CLI prints `message` (one line) and exits non-zero, no stack. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  constructor(
    message: string,
    readonly exitCode: number = 1,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }

  /**
   * `err instanceof UserError` holds for a UserError made by another copy of this module: the
   * bundled command runs as CommonJS beside the ES module that catches its errors
   * (scripts/bundle-cli.mjs), and a user's error must not be taken for a bug there. Subclasses
   * keep the ordinary test.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== UserError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
  }
}
