/**
 * The conversion pipeline: source files → readers → one Edition (the first file is the base,
 * the others are merged into it) → TEI → report. The CLI's `convert` and `build` only wrap this.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Diagnostic, Edition, Publication, ReadResult } from './model/types.js';
import { formatDiagnostic, sortDiagnostics, UserError } from './model/diagnostics.js';
import { readMarx2mao } from './readers/marx2mao/index.js';
import { readCmpa } from './readers/cmpa/index.js';
import { mergeWitnesses } from './merge/index.js';
import { writeTei } from './tei/index.js';
import { buildReport, type ConversionReport, type ReportInput } from './report/index.js';
import type { SourceFormat } from './edition/index.js';
import { accountConversion, fidelityDiagnostics } from './accounting/index.js';

export interface ConvertOptions {
  /** Edition id (TEI idno, output names); default: the base reader's (the base file's name). */
  id?: string;
  /** Title of the work as the edition gives it; default: the title the base source states. */
  title?: string;
  /** Publication data of the digital edition; default: writeTei's defaults (today, "teikit"). */
  publication?: Publication;
  /** Format of each file, where known (edition.json); detected from name and content otherwise. */
  formats?: (SourceFormat | undefined)[];
  /** Original address of each file, where known (edition.json); replaces the reader's guess. */
  urls?: (string | undefined)[];
  /** The bytes of standard input, read for a file named `-`. */
  stdin?: Uint8Array;
  /** The name standard input is read as (default `<stdin>`): a marx2mao page links its own notes
   * by its file name (`SU39.html#en1`), so the reader needs it. */
  stdinName?: string;
  /** Folder that relative file names are read from (default: the process's); names in
   * diagnostics and the report stay as given. */
  cwd?: string;
  /** Unaccounted items of the accounting are errors (nothing is returned) rather than warnings. */
  strict?: boolean;
}

export interface ConvertResult {
  edition: Edition;
  tei: string;
  report: ConversionReport;
  /** Every diagnostic of every reader and of the merge, in source order. */
  diagnostics: Diagnostic[];
}

/** .html/.htm → marx2mao, .md/.markdown → CMPA; otherwise the content decides, or a UserError. */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'marx2mao';
  if (ext === '.md' || ext === '.markdown') return 'cmpa';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<title|<p>)/.test(head)) return 'marx2mao';
  if (/^(\*\*|#{1,6} )/.test(head)) return 'cmpa';
  throw new UserError(`${file}: unknown source format (expected a marx2mao .html page or a CMPA .md reprint)`, 2);
}

async function readSource(
  given: string,
  format: SourceFormat | undefined,
  cwd: string,
  stdin: Uint8Array | undefined,
  stdinName = '<stdin>',
): Promise<{ result: ReadResult; input: Omit<ReportInput, 'role' | 'witness'>; bytes: Uint8Array }> {
  const file = given === '-' ? stdinName : given;
  let bytes: Uint8Array;
  if (given === '-') {
    if (!stdin) throw new UserError('-: standard input is not available here', 2);
    bytes = stdin;
  } else {
    try {
      bytes = await readFile(resolve(cwd, file));
    } catch (err) {
      throw new UserError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 2);
    }
  }
  const fmt = format ?? detectFormat(file, bytes);
  const result = fmt === 'marx2mao' ? readMarx2mao(bytes, file) : readCmpa(Buffer.from(bytes).toString('utf8'), file);
  return { result, input: { file, format: fmt, bytes: bytes.byteLength }, bytes };
}

/**
 * Convert one work from one or more witnesses. A file that is not a work, or diagnostics of
 * severity error, end in a UserError (exit 1) carrying every diagnostic: nothing is written.
 */
export async function convertFiles(files: string[], options: ConvertOptions = {}): Promise<ConvertResult> {
  if (files.length === 0) throw new UserError('convert: no source file given', 2);
  const cwd = options.cwd ?? process.cwd();
  if (files.filter((f) => f === '-').length > 1) throw new UserError('convert: standard input (-) can be read only once', 2);
  const read = await Promise.all(files.map((f, i) => readSource(f, options.formats?.[i], cwd, options.stdin, options.stdinName)));
  const editions: Edition[] = [];
  for (const { result } of read) {
    if (!result.ok) {
      const lines = result.diagnostics.map(formatDiagnostic);
      throw new UserError(lines.join('\n'), 1, result.diagnostics);
    }
    editions.push(result.edition);
  }
  const [base, ...others] = editions as [Edition, ...Edition[]];
  let edition = others.length > 0 ? mergeWitnesses(base, others) : base;
  const urls = new Map(editions.flatMap((e, i) => (options.urls?.[i] ? [[e.baseWitness, options.urls[i]!] as const] : [])));
  edition = {
    ...edition,
    witnesses: edition.witnesses.map((w) => (w.kind !== 'print' && urls.has(w.id) ? { ...w, url: urls.get(w.id) } : w)),
    id: options.id ?? edition.id,
    work: { ...edition.work, title: options.title ?? edition.work.title },
  };
  // The merge may or may not carry the readers' diagnostics over: keep each one once.
  const found = uniqueDiagnostics([...editions.flatMap((e) => e.diagnostics), ...edition.diagnostics]);
  const errors = found.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UserError(errors.map(formatDiagnostic).join('\n'), 1, found);

  const tei = writeTei(edition, options.publication);
  const inputs: ReportInput[] = read.map(({ input }, i) => ({
    ...input,
    role: i === 0 ? 'base' : 'witness',
    witness: editions[i]!.baseWitness,
  }));
  // The accounting: every source's own inventory against the TEI; what it misses is a warning
  // with its source position, or (strict) an error and no result.
  const fidelity = accountConversion(read.map(({ bytes }, i) => ({ ...inputs[i]!, bytes })), tei, edition);
  const unaccounted = fidelityDiagnostics(fidelity, options.strict);
  if (options.strict && unaccounted.length > 0) throw new UserError(unaccounted.map(formatDiagnostic).join('\n'), 1, uniqueDiagnostics([...found, ...unaccounted]));
  const diagnostics = uniqueDiagnostics([...found, ...unaccounted]);
  return { edition, tei, report: buildReport(edition, inputs, diagnostics, fidelity), diagnostics };
}

function uniqueDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return sortDiagnostics(list.filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }));
}
