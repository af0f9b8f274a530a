/**
 * `teikit convert <source> [<witness>...] [-o out.xml|-] [--report report.json]`
 * TEI to standard output by default; diagnostics on stderr as `file:line:col severity code: message`.
 * Exit 0 converted, 1 not a work / errors in the source / TEI refused by the validation gate
 * (invalid-tei; nothing written), 2 usage or I/O error.
 */
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { convertSpec } from '../specs/convert.js';
import { namesFolder, parseCommandArgs, readAll, refuseOverwritingInput } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { convertFiles } from '../../convert.js';
import { carryImages } from '../../convert-images.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { writeFileAtomic } from '../../util/files.js';

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(convertSpec, args);
  if (positionals.length === 0) throw new UserError('teikit convert: no source file given (try teikit convert --help)', 2);
  const output = values.output;
  // --format json: the report is the JSON result, on standard output (as --report -).
  if (values.format === 'json' && values.report !== undefined && values.report !== '-') {
    throw new UserError('teikit convert: --format json prints the report on standard output; give --report <file> or --format json, not both', 2);
  }
  const reportPath = values.format === 'json' ? '-' : values.report;
  if (reportPath === '-' && (output === undefined || output === '-')) {
    throw new UserError('teikit convert: the TEI and the report cannot both go to standard output', 2);
  }

  // -o out/ (or a folder that exists): the TEI goes into it as <id>.tei.xml, as render -o out/
  // names its rendition after the input; --report likewise. The names are known once converted.
  const teiFolder = namesFolder(output, io.cwd);
  const reportFolder = namesFolder(reportPath, io.cwd);
  if (!teiFolder) refuseOverwritingInput(output, positionals, io.cwd, 'convert');
  if (reportPath !== undefined && !reportFolder) refuseOverwritingInput(reportPath, positionals, io.cwd, 'convert', '--report');
  if (!teiFolder && !reportFolder) refuseOneFile(output, reportPath, io.cwd);
  const stdin = positionals.includes('-') ? await readAll(io.stdin) : undefined;
  const result = await convertFiles(positionals, { cwd: io.cwd, stdin, stdinName: values.name as string | undefined, strict: values.strict === true });
  for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);

  const id = result.edition.id;
  const teiTarget = teiFolder ? join(output!, `${id}.tei.xml`) : output;
  const reportTarget = reportFolder ? join(reportPath!, `${id}.report.json`) : reportPath;
  if (teiFolder) refuseOverwritingInput(teiTarget, positionals, io.cwd, 'convert');
  if (reportFolder) refuseOverwritingInput(reportTarget, positionals, io.cwd, 'convert', '--report');
  if (teiFolder || reportFolder) refuseOneFile(teiTarget, reportTarget, io.cwd);

  await writeOut(teiTarget, result.tei, io);
  if (teiTarget !== undefined && teiTarget !== '-' && positionals[0] !== '-') {
    // The images travel with the TEI; what could not be carried is reported like any diagnostic.
    const images = await carryImages(result.edition, positionals[0]!, dirname(teiTarget), io.cwd);
    for (const d of images.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    result.report.diagnostics.push(...images.diagnostics.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })));
  }
  const reportJson = `${JSON.stringify(result.report, null, 2)}\n`;
  if (reportTarget !== undefined) {
    try {
      await writeOut(reportTarget, reportJson, io);
    } catch (err) {
      // Both outputs or neither: take the TEI back when its report cannot be written.
      if (teiTarget !== undefined && teiTarget !== '-') await rm(resolve(io.cwd, teiTarget), { force: true });
      throw err;
    }
  }
  return 0;
}

/** One file for both would keep only the report, written second: the TEI lost with exit 0. */
function refuseOneFile(tei: string | undefined, report: string | undefined, cwd: string): void {
  if (report === undefined || report === '-' || tei === undefined || tei === '-' || resolve(cwd, report) !== resolve(cwd, tei)) return;
  throw new UserError(`teikit convert: the report ${report} is the TEI's output file too; give --report and -o different files`, 2);
}

/** Standard output for undefined or "-", else an atomic write (a failure leaves no partial file). */
async function writeOut(path: string | undefined, data: string, io: CliIo): Promise<void> {
  if (path === undefined || path === '-') {
    io.stdout(data);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, path), data, path);
}

const command: Command = { run };
export default command;
