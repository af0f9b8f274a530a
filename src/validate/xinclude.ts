/**
 * XInclude (`<xi:include href="chapter1.xml"/>`): teikit does not resolve XIncludes, as jing does
 * not — resolving would mean reading other files (or the network) named by the document. Each
 * include is reported as what it is, with its href, instead of the schema's bare "<include> is not
 * allowed here", so that a user knows to validate the assembled document (e.g. `xmllint --xinclude`).
 */
import type { Diagnostic } from '../model/types.js';
import { diagnostic } from '../model/diagnostics.js';
import type { ElementFact } from './wellformed.js';

export function xincludeDiagnostics(includes: readonly ElementFact[], file: string): Diagnostic[] {
  return includes.map((el) => {
    const href = el.attrs.href !== undefined ? ` href="${el.attrs.href}"` : '';
    return diagnostic(
      'error',
      'xinclude',
      `<${el.name}${href}> is an XInclude: teikit does not resolve XIncludes (no file or network is read), so the schema sees the include itself, which TEI does not allow here; validate the document with its includes resolved (e.g. xmllint --xinclude --output whole.xml ${el.attrs.href ? 'this file' : '…'})`,
      { file, line: el.line, column: el.column },
    );
  });
}
