import type { CliIo, Command } from './io.js';
import type { OutputControl } from './output.js';
import type { CommandSpec } from './spec.js';
// Everything beyond the command table is imported where it is needed: `teikit --help` loads this
// module alone (each module a process loads costs it ~1-2 ms of resolving and reading).

/**
 * The commands, in the order `teikit --help` lists them: each one's summary; its definition
 * (src/cli/specs/, for its help and its options) and its code (src/cli/commands/) are imported
 * only when asked for, so `teikit --help` and `teikit <command> --help` load neither SaxonJS nor
 * libxml2 nor the readers (that took over a second), and `teikit --help` no definition at all.
 */
const commands: Record<string, { summary: string; spec: () => Promise<CommandSpec>; code: () => Promise<Command> }> = {
  convert: {
    summary: 'convert the sources of one work (marx2mao, LIA, CMPA, …) to TEI',
    spec: () => import('./specs/convert.js').then((m) => m.convertSpec),
    code: () => import('./commands/convert.js').then((m) => m.default),
  },
  batch: {
    summary: 'convert every source of a collection, each alone, in parallel',
    spec: () => import('./specs/batch.js').then((m) => m.batchSpec),
    code: () => import('./commands/batch.js').then((m) => m.default),
  },
  validate: {
    summary: 'check TEI files: well-formedness, RELAX NG (teikit or tei_all) and teikit rules',
    spec: () => import('./specs/validate.js').then((m) => m.validateSpec),
    code: () => import('./commands/validate.js').then((m) => m.default),
  },
  render: {
    summary: 'render TEI as HTML, EPUB 3 or plain text with XSLT 3 (SaxonJS)',
    spec: () => import('./specs/render.js').then((m) => m.renderSpec),
    code: () => import('./commands/render.js').then((m) => m.default),
  },
  build: {
    summary: 'build every edition in editions/ into out/',
    spec: () => import('./specs/build.js').then((m) => m.buildSpec),
    code: () => import('./commands/build.js').then((m) => m.default),
  },
  volume: {
    summary: 'gather the works of each print volume into one volume TEI (teiCorpus) and EPUB',
    spec: () => import('./specs/volume.js').then((m) => m.volumeSpec),
    code: () => import('./commands/volume.js').then((m) => m.default),
  },
  deposit: {
    summary: 'package an edition (folder, built edition or TEI file) as a BagIt bag',
    spec: () => import('./specs/deposit.js').then((m) => m.depositSpec),
    code: () => import('./commands/deposit.js').then((m) => m.default),
  },
  verify: {
    summary: 'check a BagIt bag made by teikit deposit (or any BagIt 1.0 bag)',
    spec: () => import('./specs/verify.js').then((m) => m.verifySpec),
    code: () => import('./commands/verify.js').then((m) => m.default),
  },
};

/** A command's definition (for tests and tools): undefined for an unknown name. */
export async function commandSpec(name: string): Promise<CommandSpec | undefined> {
  return Object.hasOwn(commands, name) ? commands[name]!.spec() : undefined;
}

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
    const { toolVersion } = await import('../util/version.js');
    io.stdout(`teikit ${toolVersion()}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const { nearestOption } = await import('./args.js');
    const near = nearestOption(name, Object.keys(commands));
    io.stderr(`teikit: unknown command '${name}'${near ? `; did you mean '${near}'?` : ''} (see teikit --help)\n`);
    return 2;
  }
  const helpAt = rest.findIndex((a) => a === '--help' || a === '-h');
  if (helpAt >= 0 && !rest.slice(0, helpAt).includes('--')) {
    const { helpText } = await import('./spec.js');
    io.stdout(helpText(await entry.spec(), entry.summary));
    return 0;
  }
  // a build date that is not a time would be guessed at: a usage error, as reproducible builds ask
  const { malformedSourceDateEpoch } = await import('../util/build-date.js');
  const badEpoch = malformedSourceDateEpoch();
  if (badEpoch !== undefined) {
    io.stderr(`teikit: SOURCE_DATE_EPOCH is '${badEpoch}': it must be a whole number of seconds since 1970-01-01 (or unset)\n`);
    return 2;
  }
  let command: Command;
  try {
    command = await entry.code();
  } catch (err) {
    io.stderr(`teikit: command '${name}' is not available in this build\n`);
    if (process.env.TEIKIT_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return 2;
  }
  const { OutputControl, takeOutputControls } = await import('./output.js');
  const { describeFailure, EXIT } = await import('./failure.js');
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
