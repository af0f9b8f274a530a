import type { CliIo, Command } from './io.js';
import { UserError } from '../model/diagnostics.js';

/**
 * Commands are registered here; each lives in its own module under src/cli/commands/.
 * Keep this list in the order `teikit --help` shows it.
 */
const loaders: Record<string, () => Promise<Command>> = {
  convert: async () => (await import('./commands/convert.js')).default,
  batch: async () => (await import('./commands/batch.js')).default,
  validate: async () => (await import('./commands/validate.js')).default,
  render: async () => (await import('./commands/render.js')).default,
  build: async () => (await import('./commands/build.js')).default,
  deposit: async () => (await import('./commands/deposit.js')).default,
  verify: async () => (await import('./commands/verify.js')).default,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout('teikit 0.1.0\n');
    return 0;
  }
  const load = loaders[name];
  if (!load) {
    io.stderr(`teikit: unknown command '${name}' (try teikit --help)\n`);
    return 2;
  }
  let command: Command;
  try {
    command = await load();
  } catch {
    io.stderr(`teikit: command '${name}' is not available in this build\n`);
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
    // A bug in teikit, not in the user's input: still one line, with a hint to report it.
    const msg = err instanceof Error ? err.message : String(err);
    io.stderr(`teikit ${name}: internal error: ${msg} (please report this)\n`);
    if (process.env.TEIKIT_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return 70;
  }
}

async function usage(): Promise<string> {
  const lines = ['teikit — TEI P5 toolkit for scholarly digital editions', '', 'Commands:'];
  for (const [name, load] of Object.entries(loaders)) {
    try {
      const c = await load();
      lines.push(`  ${name.padEnd(10)} ${c.summary}`);
    } catch {
      /* a command not built yet is not listed */
    }
  }
  lines.push('', 'Run teikit <command> --help for its options.');
  return lines.join('\n') + '\n';
}
