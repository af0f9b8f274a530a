import type { Readable } from 'node:stream';

/** The CLI's view of the outside world, so that tests can run commands in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: Readable;
  cwd: string;
  /** Standard error is a terminal: progress lines are for people, not for logs and pipes. */
  stderrIsTTY?: boolean;
  /** --quiet was given: no progress either. */
  quiet?: boolean;
  /**
   * Warnings the command knows of but does not print again (those of a build's unchanged works,
   * in their reports): counted for --max-warnings as if printed, so that the answer does not
   * depend on what was skipped.
   */
  countWarnings?: (n: number) => void;
}

/** A command: takes its own arguments, returns the exit code (its definition and help: src/cli/specs/). */
export type Command = {
  run: (args: string[], io: CliIo) => Promise<number>;
  /** Its diagnostics are its result, on standard output (validate): --quiet and --max-warnings see them there. */
  diagnosticsOnStdout?: boolean;
};
