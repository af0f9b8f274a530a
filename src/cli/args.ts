/**
 * What every command needs from its arguments and input: strict option parsing whose mistakes are
 * one usage line in teikit's words (exit 2, the nearest option suggested), and standard input read
 * whole (`-` as a file name).
 */
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Readable } from 'node:stream';
import { UserError } from '../model/diagnostics.js';
import { COMMON_OPTION_NAMES } from './output.js';
import type { CommandSpec, OptionSpec } from './spec.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with positionals allowed; an unknown or malformed option is a usage error in
 * teikit's words, with the nearest known option suggested for a misspelt one.
 */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  args: string[],
): ReturnType<typeof parseArgs<{ args: string[]; options: ReturnType<typeof parserOptions<O>>; allowPositionals: true; strict: true }>> {
  const { name } = spec;
  const options = parserOptions(spec.options);
  let parsed;
  try {
    parsed = parseArgs({ args: withNegativeValues(args, options), allowPositionals: true, options, strict: true });
  } catch (err) {
    throw new UserError(`teikit ${name}: ${argumentProblem(err as NodeJS.ErrnoException, options)} (see teikit ${name} --help)`, 2);
  }
  for (const [option, { choices }] of Object.entries(spec.options)) {
    const value = (parsed.values as Record<string, unknown>)[option];
    if (!choices || typeof value !== 'string' || choices.includes(value)) continue;
    throw new UserError(`teikit ${name}: --${option} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not "${value}"`, 2);
  }
  return parsed;
}

/**
 * `--jobs -1`: parseArgs takes a value that starts with a dash for another option. A number after
 * an option that takes a value is that value (`--jobs=-1`), so that the option's own check says
 * what is wrong with it ("--jobs must be a whole number of at least 1, not "-1"").
 */
function withNegativeValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 && arg.startsWith('-') ? longName(arg, options) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
  }
  return out;
}

/** The long name of a short option (`-o` → `output`). */
function longName(short: string, options: Options): string | undefined {
  return Object.keys(options).find((k) => `-${options[k]!.short}` === short);
}

type HelpOnly = 'description' | 'value' | 'choices';

/** The option table node:util parseArgs takes (the help's words left out). */
export function parserOptions<O extends Record<string, OptionSpec>>(options: O): { [K in keyof O]: Omit<O[K], HelpOnly> } {
  return Object.fromEntries(
    Object.entries(options).map(([name, { description: _d, value: _v, choices: _c, ...parse }]) => [name, parse]),
  ) as { [K in keyof O]: Omit<O[K], HelpOnly> };
}

/** Node's parseArgs error in plain words: "unknown option --stirct; did you mean --strict?". */
function argumentProblem(err: NodeJS.ErrnoException, options: Options): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = quoted.split('=')[0]!;
    const near = nearestOption(option, [...Object.keys(options), ...COMMON_OPTION_NAMES, 'help']);
    return `unknown option ${option}${near ? `; did you mean --${near}?` : ''}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--?[\w-]+/.exec(quoted)?.[0] ?? quoted;
    if (/argument is ambiguous/.test(err.message)) {
      const long = option.startsWith('--') ? option : `--${longName(option, options) ?? option.slice(1)}`;
      return `option ${option} needs a value (one that starts with a dash is written ${long}=<value>)`;
    }
    return /argument missing/.test(err.message) ? `option ${option} needs a value` : `option ${option} takes no value`;
  }
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${quoted}`;
  return err.message.split('\n')[0]!;
}

/** The known option closest to a misspelt one (at most a third of its letters wrong), if any. */
export function nearestOption(given: string, known: string[]): string | undefined {
  const bare = given.replace(/^-+/, '');
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(bare, name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Read a stream (standard input) to its end. */
export async function readAll(stream: Readable | NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** An output path that names one of the command's inputs is refused before anything is read or written. */
export function refuseOverwritingInput(output: string | undefined, inputs: string[], cwd: string, name: string, option = '-o'): void {
  if (output === undefined || output === '-') return;
  const out = resolve(cwd, output);
  const hit = inputs.find((i) => i !== '-' && resolve(cwd, i) === out);
  if (hit !== undefined) throw new UserError(`teikit ${name}: the output ${output} is the input ${hit}; writing it would destroy the input (choose another ${option})`, 2);
}

/**
 * Whether an output option names a folder to write into rather than a file: a trailing slash
 * (`-o out/`, made when missing), or a folder that exists. `render` and `convert` read `-o` so:
 * the file in it is named after the input (`<input name>.<format>`, `<id>.tei.xml`).
 */
export function namesFolder(output: string | undefined, cwd: string): boolean {
  if (output === undefined || output === '-') return false;
  if (output.endsWith('/') || output.endsWith(sep)) return true;
  try {
    return statSync(resolve(cwd, output)).isDirectory();
  } catch {
    return false;
  }
}
