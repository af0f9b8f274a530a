#!/usr/bin/env node
/**
 * The `teikit` command. It only parses arguments and wraps the public API (src/index.ts); every
 * command lives in its own module here. Errors on user input are one line on stderr, no stack.
 */
import { setFlagsFromString } from 'node:v8';
import { runCli } from './run.js';

// A `teikit convert` process checks one TEI with libxml2's WebAssembly (the gate). V8 compiles
// that module twice, the optimising tier on background threads while the process runs, which on
// two cores cost more than it could save (about 80 ms of a 570 ms process); the baseline code
// alone is enough for one document. Set here, before any WebAssembly is compiled, and only in
// the process's own entry: commands that check many documents (batch, build, validate) keep the
// optimising tier, and a program calling runCli keeps its own settings.
// The JavaScript of one conversion is likewise run too briefly for early optimisation to pay: V8
// counts a function's executed bytecode against a budget (--interrupt-budget=67584 bytes) and
// optimises it after a few budgets spent; those optimisations, compiled while the process is short
// of cores, are mostly of code that runs a few more milliseconds. Six times the budget: the bundled
// edition converted about 15 ms sooner (medians of 31 cold processes, alternated, three times),
// the largest sample page (SR17) 40 ms sooner in two of three such runs.
if (process.argv[2] === 'convert') setFlagsFromString('--liftoff-only --interrupt-budget=400000');

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
});
