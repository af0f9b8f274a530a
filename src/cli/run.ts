import type { CliIo, Command } from './io.js';
import { performance } from 'node:perf_hooks';
import { describeFailure, EXIT } from './failure.js';
import { COMMON_OPTIONS_HELP, OutputControl, takeOutputControls } from './output.js';
import { toolVersion } from '../version.js';
import { nearestOption } from './args.js';

/**
 * Commands are registered here; each lives in its own module under src/cli/commands/, imported
 * only when it runs: `teikit --help` prints the summaries below without loading SaxonJS, libxml2
 * or the readers (that took over a second). Keep this list in the order `teikit --help` shows it.
 */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  convert: {
    summary: 'convert the sources of one work (marx2mao, LIA, CMPA, …) to TEI',
    load: async () => (await import('./commands/convert.js')).default,
  },
  batch: {
    summary: 'convert every source of a collection, each alone, in parallel',
    load: async () => (await import('./commands/batch.js')).default,
  },
  validate: {
    summary: 'check TEI files: well-formedness, RELAX NG (teikit or tei_all) and teikit rules',
    load: async () => (await import('./commands/validate.js')).default,
  },
  render: {
    summary: 'render TEI as HTML, EPUB 3 or plain text with XSLT 3 (SaxonJS)',
    load: async () => (await import('./commands/render.js')).default,
  },
  build: {
    summary: 'build every edition in editions/ into out/',
    load: async () => (await import('./commands/build.js')).default,
  },
  volume: {
    summary: 'gather the works of each print volume into one volume TEI (teiCorpus) and EPUB',
    load: async () => (await import('./commands/volume.js')).default,
  },
  deposit: {
    summary: 'package an edition (folder, built edition or TEI file) as a BagIt bag',
    load: async () => (await import('./commands/deposit.js')).default,
  },
  verify: {
    summary: 'check a BagIt bag made by teikit deposit (or any BagIt 1.0 bag)',
    load: async () => (await import('./commands/verify.js')).default,
  },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...after] = argv;
  // `teikit help convert` is `teikit convert --help`
  const helpOf = first === 'help' && after[0] && !after[0].startsWith('-') ? after[0] : undefined;
  const name = helpOf ?? first;
  const rest = helpOf ? ['--help'] : after;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for: standard output, exit 0; a bare `teikit` is a usage mistake: stderr, exit 2.
    (name ? io.stdout : io.stderr)(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`teikit ${toolVersion()}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const near = nearestOption(name, Object.keys(commands));
    io.stderr(`teikit: unknown command '${name}'${near ? `; did you mean '${near}'?` : ''} (see teikit --help)\n`);
    return 2;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (err) {
    io.stderr(`teikit: command '${name}' is not available in this build\n`);
    if (process.env.TEIKIT_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return 2;
  }
  const helpAt = rest.findIndex((a) => a === '--help' || a === '-h');
  if (helpAt >= 0 && !rest.slice(0, helpAt).includes('--')) {
    io.stdout(`${command.usage}\n\n${COMMON_OPTIONS_HELP}\n`);
    return 0;
  }
  const t0 = performance.now();
  let output: OutputControl | undefined;
  let code: number;
  try {
    const { controls, rest: args } = takeOutputControls(name, rest);
    output = new OutputControl(io, controls);
    code = await command.run(args, output.commandIo(command.diagnosticsOnStdout === true));
  } catch (err) {
    const failure = describeFailure(err, name, io.cwd);
    io.stderr(`${failure.message}\n`);
    if (failure.code === EXIT.internal && process.env.TEIKIT_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    code = failure.code;
  }
  if (!output) return code;
  code = output.finish(name, code);
  output.verbose(`teikit ${name}: exit ${code} after ${((performance.now() - t0) / 1000).toFixed(2)} s, ${output.errors} error line(s), ${output.warnings} warning(s)`);
  return code;
}

function usage(): string {
  const lines = ['teikit — TEI P5 toolkit for scholarly digital editions', '', 'Usage: teikit <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push(
    `  ${'help'.padEnd(10)} teikit help <command> shows a command's options`,
    '',
    'Options:',
    '  -h, --help     this help',
    '  -V, --version  teikit\'s version',
    '',
    'Run teikit <command> --help (or teikit help <command>) for its options.',
    'Exit status: 0 done, 1 the input is bad, 2 usage or I/O error, 70 internal error (a bug: please report it).',
  );
  return lines.join('\n') + '\n';
}
