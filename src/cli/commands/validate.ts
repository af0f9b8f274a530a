/**
 * `teikit validate <file>... [--schema teikit|tei_all|<path.rng>] [--format text|json]`
 *
 * Well-formedness, RELAX NG and the house rules, in that order, for each file. Exit 0 when every
 * file is valid (warnings allowed), 1 when any is invalid, 2 on usage or I/O errors (a file that
 * cannot be read, an unusable schema). `-` reads standard input.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandArgs, readAll } from '../args.js';
import type { CliIo, Command } from '../io.js';
import type { Diagnostic } from '../../model/types.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { isValid, loadSchema, schemaPath, validateTei } from '../../validate/index.js';

const usage = `Usage: teikit validate <file.xml>... [--schema teikit|tei_all|<path.rng>] [--format text|json]

Checks each TEI file: well-formedness, RELAX NG (teikit's schema by default), then teikit's rules
(pointers resolve, ids unique, page numbers increase, notes referenced, break="no" inside words).
Problems are printed as  file:line:col severity code: message.

Options:
  --schema <s>   teikit (default), tei_all ($TEI_ALL_RNG or ../shared/reference/tei_all.rng), or a .rng file
  --format <f>   text (default) or json (one object: files with their diagnostics and validity)
  -h, --help     this help

Exit status: 0 all valid, 1 some file invalid, 2 usage or I/O error.`;

interface FileResult {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
}


const command: Command = {
  name: 'validate',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs('validate', args, { schema: { type: 'string' }, format: { type: 'string', default: 'text' } });
    const { schema, format } = parsed.values;
    if (format !== 'text' && format !== 'json') {
      throw new UserError(`teikit validate: --format must be text or json, not "${format}"`, 2);
    }
    if (parsed.positionals.length === 0) {
      throw new UserError('teikit validate: no file given (usage: teikit validate <file.xml>...)', 2);
    }

    if (schema !== undefined && schema !== 'teikit') {
      // tei_all takes 10-15 s to compile with libxml2: say so on a terminal rather than look hung.
      // Compiled here, once for all the files (a bad schema stops before any file is read).
      const path = schemaPath(schema, io.cwd);
      if (io.stderrIsTTY) io.stderr(`teikit validate: compiling the RELAX NG schema ${schema === 'tei_all' ? 'tei_all (10-15 s)' : path}...\n`);
      loadSchema(path);
    }
    const results: FileResult[] = [];
    let ioError = false;
    for (const file of parsed.positionals) {
      let bytes: Uint8Array;
      try {
        bytes = file === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, file));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err));
        io.stderr(`teikit validate: cannot read ${file}: ${reason}\n`);
        ioError = true;
        continue;
      }
      const diagnostics = await validateTei(bytes, file === '-' ? '<stdin>' : file, { schema, cwd: io.cwd });
      results.push({ file, valid: isValid(diagnostics), diagnostics });
    }

    if (format === 'json') {
      io.stdout(`${JSON.stringify({ schema: schema ?? 'teikit', valid: !ioError && results.every((r) => r.valid), files: results }, null, 2)}\n`);
    } else {
      for (const r of results) {
        for (const d of r.diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
      }
      const invalid = results.filter((r) => !r.valid).length;
      io.stderr(`${results.length - invalid} of ${parsed.positionals.length} file(s) valid${invalid ? `, ${invalid} invalid` : ''}${ioError ? ', some unreadable' : ''}\n`);
    }
    if (ioError) return 2;
    return results.every((r) => r.valid) ? 0 : 1;
  },
};

export default command;
