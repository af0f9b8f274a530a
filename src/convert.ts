/**
 * The conversion pipeline: source files → readers → one Edition (the first file is the base,
 * the others are merged into it) → TEI → report. The CLI's `convert` and `build` only wrap this.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic, Edition, Publication, ReadResult } from './model/types.js';
import { formatDiagnostic, sortDiagnostics, UserError } from './model/diagnostics.js';
import { detectFormat, readerFor, type SourceFormat } from './readers/registry.js';
import { mergeWitnesses } from './merge/index.js';
import { writeTeiWithRepairs } from './tei/index.js';
import { buildReport, type ConversionReport, type ReportInput } from './report/index.js';
import { accountConversion, collectTeiFacts, fidelityDiagnostics } from './accounting/index.js';
import { ioFailure } from './util/io-errors.js';
import { gateTei } from './convert-gate.js';
import { loadLibxml2 } from './validate/libxml2.js';

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
  /** The name standard input is read as: a marx2mao page links its own notes by its file name
   * (`SU39.html#en1`), so the reader needs it. Without it, diagnostics say `<stdin>` and the TEI
   * names no file (its id is made from the title). */
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

/** The format of a file, from the reader registry: its extension and its content (see registry.ts). */
export { detectFormat };

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
      throw ioFailure(err, 'read', file);
    }
  }
  const fmt = format ?? detectFormat(file, bytes);
  const result = readerFor(fmt).read(bytes, file);
  return { result, input: { file, format: fmt, bytes: bytes.byteLength }, bytes };
}

/**
 * Convert one work from one or more witnesses. A file that is not a work, or diagnostics of
 * severity error, end in a UserError (exit 1) carrying every diagnostic: nothing is written.
 * The TEI returned has passed teikit's validation (convert-gate.ts); TEI that would not is
 * refused with one `invalid-tei` error (exit 1), so no caller can write invalid TEI.
 */
export async function convertFiles(files: string[], options: ConvertOptions = {}): Promise<ConvertResult> {
  if (files.length === 0) throw new UserError('convert: no source file given', 2);
  // libxml2 (the validation gate's) is loaded while the sources are read: V8 compiles its
  // WebAssembly on background threads meanwhile (a cold `teikit convert` waited for it).
  loadLibxml2().catch(() => undefined); // a failure is the gate's to report, not an unhandled rejection
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
  // Standard input without --name has no file name: none is put into the TEI (diagnostics still
  // say <stdin>, which is where they are).
  if (!options.stdinName) {
    const i = files.indexOf('-');
    if (i >= 0) editions[i] = unnamed(editions[i]!);
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
  const fromReaders = uniqueDiagnostics([...editions.flatMap((e) => e.diagnostics), ...edition.diagnostics]);
  const errors = fromReaders.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UserError(errors.map(formatDiagnostic).join('\n'), 1, fromReaders);

  // The writer repairs what TEI cannot say as the model has it (each repair a warning); the gate
  // then refuses whatever is still invalid, before anything is returned or written.
  const written = writeTeiWithRepairs(edition, options.publication);
  edition = written.edition;
  const tei = written.tei;
  // one parse of the TEI for the gate and the accounting: the accounting's facts come from the TEI
  // as written (not from the model), read while the gate reads it
  const teiRead = collectTeiFacts();
  await gateTei(tei, { file: read[0]!.input.file, edition }, teiRead);
  let diagnostics = uniqueDiagnostics([...fromReaders, ...written.diagnostics]);
  const inputs: ReportInput[] = read.map(({ input }, i) => ({
    ...input,
    role: i === 0 ? 'base' : 'witness',
    witness: editions[i]!.baseWitness,
  }));
  // The accounting: every source's own inventory against the TEI; what it misses is a warning
  // with its source position, or (strict) an error and no result.
  const fidelity = accountConversion(read.map(({ bytes }, i) => ({ ...inputs[i]!, bytes })), teiRead.finish(), edition);
  const unaccounted = fidelityDiagnostics(fidelity, options.strict);
  if (options.strict && unaccounted.length > 0) {
    // every diagnostic, in source order: the warnings around an unaccounted item often say why
    const all = uniqueDiagnostics([...diagnostics, ...unaccounted]);
    throw new UserError(all.map(formatDiagnostic).join('\n'), 1, all);
  }
  diagnostics = uniqueDiagnostics([...diagnostics, ...unaccounted]);
  return { edition, tei, report: buildReport(edition, inputs, diagnostics, fidelity), diagnostics };
}

/**
 * An edition read from standard input without a name: the readers' file-name-based facts go (the
 * id is made from the title, the witnesses' file is `-`, which the header writes as "standard input").
 */
function unnamed(edition: Edition): Edition {
  const words = edition.work.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const w of words) {
    if (slug && slug.length + w.length >= 60) break;
    slug = slug ? `${slug}-${w}` : w;
  }
  return {
    ...edition,
    id: slug || 'work',
    witnesses: edition.witnesses.map((w) => (w.kind === 'print' ? w : { ...w, file: '-' })),
  };
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
