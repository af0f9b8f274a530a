import type { CliIo, Command } from './io.js';
import { UserError } from '../model/diagnostics.js';
import { toolVersion } from '../version.js';
import { ioReason, isIoError } from '../util/io-errors.js';
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
    io.stdout(usage());
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
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`${err.message}\n`);
      return err.exitCode;
    }
    // A file-system failure that no command put in words (a folder that cannot be made, a file
    // that vanished): still the user's environment, not a bug — exit 2 in plain words.
    if (isIoError(err)) {
      const verb = /^(open|read|stat|lstat|scandir|opendir|access)/.test(err.syscall ?? '') ? 'read' : 'write';
      io.stderr(`teikit ${name}: cannot ${verb} ${err.path ?? 'a file'}: ${ioReason(err)}\n`);
      return 2;
    }
    // A bug in teikit, not in the user's input: still one line, with a hint to report it.
    const msg = err instanceof Error ? err.message : String(err);
    io.stderr(`teikit ${name}: internal error: ${msg} (please report this)\n`);
    if (process.env.TEIKIT_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return 70;
  }
}

function usage(): string {
  const lines = ['teikit — TEI P5 toolkit for scholarly digital editions', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push('', 'Run teikit <command> --help for its options.');
  return lines.join('\n') + '\n';
}
