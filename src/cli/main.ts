#!/usr/bin/env node
/**
 * The `teikit` command. It only parses arguments and wraps the public API (src/index.ts); every
 * command lives in its own module here. Errors on user input are one line on stderr, no stack.
 */
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
});
