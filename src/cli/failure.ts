/**
 * teikit's exit codes and what a command's failure becomes: 0 done, 1 the input is bad, 2 usage
 * or I/O (in plain words: "cannot write out/x.epub: permission denied"), 70 a bug in teikit (the
 * only "internal error").
 */
import { relative } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import { isIoError, ioReason } from '../util/io-errors.js';

export const EXIT = { done: 0, badInput: 1, usage: 2, internal: 70 } as const;

/** System calls that write; any other that fails on a path is reading it. */
const WRITES = new Set(['mkdir', 'rename', 'write', 'copyfile', 'unlink', 'rmdir', 'rm', 'symlink', 'link', 'utime', 'chmod', 'mkdtemp', 'cp']);

/** The verb of a failed system call: write for mkdir, open for open, read for the rest. */
function verbOf(err: NodeJS.ErrnoException): string {
  if (err.syscall && WRITES.has(err.syscall)) return 'write';
  return err.syscall === 'open' ? 'open' : 'read';
}

/** A failure as one line on stderr and the exit code. */
export function describeFailure(err: unknown, command: string, cwd: string): { message: string; code: number } {
  if (err instanceof UserError) return { message: err.message, code: err.exitCode };
  if (isIoError(err)) {
    const path = err.path ? relative(cwd, err.path) || '.' : undefined;
    const target = path && !path.startsWith('..') ? path : (err.path ?? 'a file');
    return { message: `teikit ${command}: cannot ${verbOf(err)} ${target}: ${ioReason(err)}`, code: EXIT.usage };
  }
  // A bug in teikit, not in the user's input: still one line, with a hint to report it.
  const msg = err instanceof Error ? err.message : String(err);
  return { message: `teikit ${command}: internal error: ${msg} (please report this)`, code: EXIT.internal };
}
