/**
 * `teikit validate <file>... [--schema teikit|tei_all|<path.rng>] [--rules …] [--max-messages N]
 *  [--format text|json]`
 *
 * Well-formedness, RELAX NG and (with the house schema, or when asked) the house rules, for each
 * file. Exit 0 when every
 * file is valid (warnings allowed), 1 when any is invalid, 2 on usage or I/O errors (a file that
 * cannot be read, an unusable schema). `-` reads standard input; a folder, every TEI `*.xml` in it.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_MAX_MESSAGES, validateSpec } from '../specs/validate.js';
import { parseCommandArgs, readAll } from '../args.js';
import type { CliIo, Command } from '../io.js';
import type { Diagnostic } from '../../model/types.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { isValid, judgeWithJing, loadSchema, parseRuleList, schemaPath, usesJing, validateTei, type RuleName } from '../../validate/index.js';
import { ioFailure } from '../../util/io-errors.js';
import { walk } from '../../batch/sources.js';
import { isOtherXml } from '../../validate/root-element.js';

interface FileResult {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
  /** Diagnostics left out by --max-messages. */
  more?: number;
}

function parseMax(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_MESSAGES;
  if (!/^\d+$/.test(value)) throw new UserError(`teikit validate: --max-messages wants a whole number, not "${value}"`, 2);
  const n = Number(value);
  return n === 0 ? Infinity : n;
}

function parseRules(value: string | undefined): Set<RuleName> | undefined {
  if (value === undefined) return undefined;
  try {
    return parseRuleList(value);
  } catch (err) {
    throw new UserError(`teikit validate: --rules: ${(err as Error).message}`, 2);
  }
}

/**
 * The files to check: each as named, a folder's `*.xml` files (searched in order, hidden ones left
 * out) but those clearly of another vocabulary (a bag's `dc.xml` in teikit's own `out/`), which are
 * counted in `skipped` and named on stderr: a file named on its own is always checked.
 */
async function filesOf(positionals: string[], cwd: string, skipped: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const given of positionals) {
    const info = given === '-' ? undefined : await stat(resolve(cwd, given)).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(given); // a file, standard input, or what cannot be read (said when it is read)
      continue;
    }
    const found: string[] = [];
    await walk(given, resolve(cwd, given), found, (name) => name.toLowerCase().endsWith('.xml')).catch((err: unknown) => {
      throw ioFailure(err, 'read', given);
    });
    if (found.length === 0) throw new UserError(`teikit validate: no XML file (*.xml) in ${given}`, 2);
    const before = out.length;
    for (const file of found) {
      if (await isOtherXml(resolve(cwd, file)).catch(() => false)) skipped.push(file);
      else out.push(file);
    }
    if (out.length === before) throw new UserError(`teikit validate: no TEI file in ${given} (${found.length} XML file(s), none of them TEI)`, 2);
  }
  return out;
}

const command: Command = {
  diagnosticsOnStdout: true,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(validateSpec, args);
    const { schema, format } = parsed.values;
    const rules = parseRules(parsed.values.rules);
    const max = parseMax(parsed.values['max-messages']);
    if (parsed.positionals.length === 0) {
      throw new UserError('teikit validate: no file given (usage: teikit validate <file.xml>...)', 2);
    }

    // tei_all takes 10-15 s to compile with libxml2: say so on a terminal rather than look hung.
    const onCompile = (path: string): void => {
      if (io.stderrIsTTY) io.stderr(`teikit validate: compiling the RELAX NG schema ${schema === 'tei_all' ? 'tei_all (10-15 s)' : path}...\n`);
    };
    const jing = usesJing({ schema });
    const path = schema !== undefined && schema !== 'teikit' ? schemaPath(schema, io.cwd) : undefined;
    if (path && !jing) {
      // Compiled here, once for all the files (a bad schema stops before any file is read).
      onCompile(path);
      await loadSchema(path);
    }
    const inputs: { file: string; bytes: Uint8Array }[] = [];
    let ioError = false;
    const skipped: string[] = [];
    const files = await filesOf(parsed.positionals, io.cwd, skipped);
    if (skipped.length) {
      io.stderr(`teikit validate: ${skipped.length} XML file(s) in the folder(s) given are not TEI and were left out (${skipped[0]}${skipped.length > 1 ? ', …' : ''})\n`);
    }
    for (const file of files) {
      try {
        inputs.push({ file, bytes: file === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, file)) });
      } catch (err) {
        io.stderr(`teikit validate: ${(ioFailure(err, 'read', file) as Error).message}\n`);
        ioError = true;
      }
    }
    // jing judges every file in one JVM; libxml2 compiles tei_all only if one of them is invalid.
    if (path && jing && inputs.length > 0) judgeWithJing(path, inputs.map((i) => i.bytes));
    const results: FileResult[] = [];
    for (const { file, bytes } of inputs) {
      const all = await validateTei(bytes, file === '-' ? '<stdin>' : file, { schema, cwd: io.cwd, onCompile, ...(rules ? { rules } : {}) });
      const shown = all.slice(0, max);
      results.push({ file, valid: isValid(all), diagnostics: shown, ...(all.length > shown.length ? { more: all.length - shown.length } : {}) });
    }

    if (format === 'json') {
      io.stdout(`${JSON.stringify({ schema: schema ?? 'teikit', valid: !ioError && results.every((r) => r.valid), files: results }, null, 2)}\n`);
    } else {
      // The diagnostics are validate's data (stdout, as jing prints them); the summary is a message.
      for (const r of results) {
        for (const d of r.diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
        if (r.more) io.stdout(`${r.file}: … and ${r.more} more message(s) (--max-messages 0 shows all)\n`);
      }
      const invalid = results.filter((r) => !r.valid).length;
      if (invalid > 0 && (schema ?? 'teikit') === 'teikit') {
        io.stderr('(checked against teikit\'s house schema and rules; --schema tei_all checks TEI P5 alone)\n');
      }
      io.stderr(`${results.length - invalid} of ${files.length} file(s) valid${invalid ? `, ${invalid} invalid` : ''}${ioError ? ', some unreadable' : ''}\n`);
    }
    if (ioError) return 2;
    return results.every((r) => r.valid) ? 0 : 1;
  },
};

export default command;
