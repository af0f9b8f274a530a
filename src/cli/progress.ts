/**
 * A progress bar (cli-progress) on standard error, only when it is a terminal and --quiet is not
 * given: in CI logs and pipes its redraws would be noise, and there the commands print plain lines.
 */
import type { CliIo } from './io.js';

export interface ProgressBar {
  /** A line printed above the bar, which is redrawn below it. */
  log: (s: string) => void;
  tick: (label: string) => void;
  stop: () => void;
}

export async function progressBar(io: CliIo, command: string, total: number): Promise<ProgressBar | undefined> {
  return (await progressBarStarter(io, command))(total);
}

/**
 * A bar to start once the total is known (a build learns it when it has walked its inputs): the
 * library is loaded now, where a bar can be drawn (a terminal, not --quiet), and nothing else.
 */
export async function progressBarStarter(io: CliIo, command: string): Promise<(total: number) => ProgressBar | undefined> {
  if (!io.stderrIsTTY || io.quiet) return () => undefined;
  const { default: cliProgress } = await import('cli-progress');
  return (total) => (total === 0 ? undefined : startBar(cliProgress, command, total));
}

function startBar(cliProgress: typeof import('cli-progress'), command: string, total: number): ProgressBar {
  const bars = new cliProgress.MultiBar({
    stream: process.stderr,
    format: `${command} [{bar}] {value}/{total} {file}`,
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  const bar = bars.create(total, 0, { file: '' });
  return {
    log: (s) => bars.log(s),
    tick: (label) => bar.increment(1, { file: label }),
    stop: () => bars.stop(),
  };
}
