/**
 * Run the teikit CLI in-process with captured output: exit code, stdout, stderr and stderr's
 * non-empty lines (each diagnostic is one line).
 */
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import { repoRoot } from './tools.js';

export async function cli(argv: string[], cwd = repoRoot, stdin: Readable = Readable.from([])) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin, cwd });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}
