/**
 * The output controls every command shares: --quiet (errors only), --verbose, --max-warnings N.
 * They are taken from the arguments before the command parses its own, and act on what the
 * command writes to standard error, line by line: a line is a diagnostic when it has the house
 * form `file:line:col: severity code: message` (or `file: severity code: …`, or `warning: …`).
 * Data on standard output is never filtered.
 */
import { UserError } from '../model/diagnostics.js';
import type { CliIo } from './io.js';
import type { OptionSpec } from './spec.js';

/** The options every command takes, shown in each command's help after its own. */
export const COMMON_OPTIONS = {
  quiet: { type: 'boolean', short: 'q', description: 'print errors only (no warnings, progress or summary lines on stderr)' },
  verbose: { type: 'boolean', description: 'say more: what is read and written, the time taken' },
  'max-warnings': { type: 'string', value: 'n', description: 'exit 1 when there are more than <n> warnings (default: no limit)' },
  help: { type: 'boolean', short: 'h', description: 'this help (the same as teikit help <command>)' },
} satisfies Record<string, OptionSpec>;

export const COMMON_OPTION_NAMES = Object.keys(COMMON_OPTIONS);

export interface OutputControls {
  quiet: boolean;
  verbose: boolean;
  maxWarnings?: number;
}

/** Take the common options out of a command's arguments (those after `--` stay arguments). */
export function takeOutputControls(name: string, args: string[]): { controls: OutputControls; rest: string[] } {
  const controls: OutputControls = { quiet: false, verbose: false };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '-q' || arg === '--quiet') controls.quiet = true;
    else if (arg === '--verbose') controls.verbose = true;
    else if (arg === '--max-warnings' || arg.startsWith('--max-warnings=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value === undefined || !/^\d+$/.test(value)) {
        throw new UserError(`teikit ${name}: --max-warnings wants a whole number${value === undefined ? '' : `, not "${value}"`} (try teikit ${name} --help)`, 2);
      }
      controls.maxWarnings = Number(value);
    } else rest.push(arg);
  }
  if (controls.quiet && controls.verbose) throw new UserError(`teikit ${name}: --quiet and --verbose cannot go together`, 2);
  return { controls, rest };
}

type Kind = 'error' | 'warning' | 'message';

const DIAGNOSTIC = /^(?:.*?:\d+:\d+|[^\s:][^:]*): (error|warning|info) [\w.-]+: /;

/** What a line on standard error is: an error, a warning (or info), or a message. */
export function lineKind(line: string): Kind {
  const severity = DIAGNOSTIC.exec(line)?.[1];
  if (severity === 'error') return 'error';
  if (severity === 'warning' || severity === 'info' || /^warning: /.test(line)) return 'warning';
  return /\b(?:cannot|failed|internal error|error)\b/.test(line) ? 'error' : 'message';
}

/** Standard error through the controls, and the count of warnings seen. */
export class OutputControl {
  warnings = 0;
  /** Of `warnings`, those counted but not printed (CliIo.countWarnings). */
  unprinted = 0;
  errors = 0;
  private readonly pending = { stdout: '', stderr: '' };

  constructor(private readonly io: CliIo, readonly controls: OutputControls) {}

  /**
   * The io the command runs with: its standard error filtered and counted; its standard output
   * too when that is where its diagnostics go (`teikit validate`, whose result they are).
   */
  commandIo(diagnosticsOnStdout = false): CliIo {
    return {
      ...this.io,
      quiet: this.controls.quiet,
      stderr: (s) => this.write('stderr', s),
      ...(diagnosticsOnStdout ? { stdout: (s: string) => this.write('stdout', s) } : {}),
      countWarnings: (n) => {
        this.warnings += n;
        this.unprinted += n;
      },
    };
  }

  /** A --verbose line. */
  verbose(line: string): void {
    if (this.controls.verbose) this.io.stderr(`${line}\n`);
  }

  private write(sink: 'stdout' | 'stderr', s: string): void {
    const text = this.pending[sink] + s;
    const end = text.lastIndexOf('\n');
    this.pending[sink] = text.slice(end + 1);
    if (end >= 0) for (const line of text.slice(0, end).split('\n')) this.line(sink, line);
  }

  private line(sink: 'stdout' | 'stderr', line: string): void {
    const kind = lineKind(line);
    if (kind === 'warning' && !line.includes(': info ')) this.warnings++;
    if (kind === 'error') this.errors++;
    // On standard output only diagnostics are held back by --quiet: the rest is data.
    const keep = kind === 'error' || !this.controls.quiet || (sink === 'stdout' && kind === 'message');
    if (keep) this.io[sink](`${line}\n`);
  }

  /** Flush a last unterminated line; the exit code, made 1 when warnings pass --max-warnings. */
  finish(name: string, code: number): number {
    for (const sink of ['stdout', 'stderr'] as const) if (this.pending[sink]) this.write(sink, '\n');
    const max = this.controls.maxWarnings;
    if (code === 0 && max !== undefined && this.warnings > max) {
      const unprinted = this.unprinted > 0 ? ` (${this.unprinted} of them not printed again: in the reports of works unchanged since their last build)` : '';
      this.io.stderr(`teikit ${name}: ${this.warnings} warning(s), more than --max-warnings ${max}${unprinted}\n`);
      return 1;
    }
    return code;
  }
}
