/**
 * File-system failures in plain words, as exit-2 errors: "cannot write bag/: permission denied",
 * never a raw errno name (EACCES, ENOENT, EEXIST …) and never "internal error".
 */
import { UserError } from '../model/diagnostics.js';

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENOTEMPTY: 'already exists and is not empty',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** Whether an error is a file-system failure (it has an errno code such as EACCES). */
export function isIoError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!);
}

/** The failure in words: "permission denied". */
export function ioReason(err: NodeJS.ErrnoException): string {
  return WORDS[err.code ?? ''] ?? (err.message.replace(/^E[A-Z]+: /, '').split(',')[0] || 'input/output error');
}

/** `cannot <verb> <path>: <reason>` as a usage/I-O error (exit 2); other errors are returned as they are. */
export function ioFailure(err: unknown, verb: 'read' | 'write', path: string): unknown {
  return isIoError(err) ? new UserError(`cannot ${verb} ${path}: ${ioReason(err)}`, 2) : err;
}
