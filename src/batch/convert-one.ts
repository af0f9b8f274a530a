/**
 * One file of a batch, alone: convert it, write its TEI and report atomically, carry its images.
 * Runs in a worker thread (worker.ts) or in-process (--jobs 1), so its task and result are plain,
 * structured-cloneable data, and it never throws: every outcome is a BatchFileResult.
 */
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { convertFiles } from '../convert.js';
import { carryImages } from '../convert-images.js';
import { formatDiagnostic, UserError } from '../model/diagnostics.js';
import { writeFileAtomic } from '../util/files.js';

export interface BatchTask {
  /** The source, relative to cwd or absolute, as it appears in messages. */
  file: string;
  /** Output names as shown to the user (relative to cwd or absolute). */
  tei: string;
  report: string;
  cwd: string;
  /** Unaccounted items are errors: the file fails, nothing is written for it. */
  strict?: boolean;
}

export type BatchStatus = 'converted' | 'refused' | 'failed';

export interface BatchCounts {
  pageBreaks: number;
  notes: number;
  words: number;
  paragraphs: number;
}

export interface BatchFileResult {
  input: string;
  status: BatchStatus;
  /** The files written (converted only). */
  output?: { tei: string; report: string };
  counts?: BatchCounts;
  ms: number;
  /** Every line to show for this file, in the `file:line:col: severity code: message` form where
   * the problem has a position (a converted file's warnings, the not-a-work refusal, errors). */
  lines: string[];
  /** How many diagnostics the conversion gave (converted: those in its report). */
  diagnostics: number;
  /** Converted only: the items the accounting could not find in the TEI (each is a warning line). */
  unaccounted?: number;
  /** Failed only: the one line that says why. */
  message?: string;
}

export async function convertOne(task: BatchTask): Promise<BatchFileResult> {
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  try {
    const result = await convertFiles([task.file], { cwd: task.cwd, strict: task.strict === true });
    await writeFileAtomic(resolve(task.cwd, task.tei), result.tei, task.tei);
    // Images travel with the TEI exactly as `teikit convert -o` carries them.
    const images = await carryImages(result.edition, task.file, dirname(task.tei), task.cwd);
    const diagnostics = [...result.diagnostics, ...images.diagnostics];
    result.report.diagnostics.push(...images.diagnostics.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })));
    try {
      await writeFileAtomic(resolve(task.cwd, task.report), `${JSON.stringify(result.report, null, 2)}\n`, task.report);
    } catch (err) {
      // Both outputs or neither, as with `teikit convert`.
      await rm(resolve(task.cwd, task.tei), { force: true });
      throw err;
    }
    const c = result.report.counts;
    return {
      input: task.file,
      status: 'converted',
      output: { tei: task.tei, report: task.report },
      counts: { pageBreaks: c.pageBreaks, notes: c.notes, words: c.words, paragraphs: c.paragraphs },
      unaccounted: result.report.fidelity.unaccounted,
      ms: ms(),
      lines: diagnostics.map(formatDiagnostic),
      diagnostics: diagnostics.length,
    };
  } catch (err) {
    if (err instanceof UserError) {
      const lines = err.diagnostics.length > 0 ? err.diagnostics.map(formatDiagnostic) : err.message.split('\n');
      // A collection index or a note about the collection is not a work: refused, not a failure.
      if (err.diagnostics.some((d) => d.code === 'not-a-work')) {
        return { input: task.file, status: 'refused', ms: ms(), lines, diagnostics: err.diagnostics.length };
      }
      const first = err.diagnostics.find((d) => d.severity === 'error');
      const message = first ? formatDiagnostic(first) : err.message.split('\n')[0]!;
      return { input: task.file, status: 'failed', ms: ms(), lines, diagnostics: err.diagnostics.length, message };
    }
    // A bug in teikit: one line naming the file, the batch goes on.
    return failure(task.file, err, ms());
  }
}

/** A file whose conversion crashed (an exception, or the worker thread died): one line, no stack. */
export function failure(file: string, err: unknown, ms = 0): BatchFileResult {
  const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const message = `${file}: internal error: ${why} (please report this)`;
  return { input: file, status: 'failed', ms, lines: [message], diagnostics: 0, message };
}
