/**
 * What every command needs from its arguments and input: strict option parsing whose mistakes are
 * one usage line in teikit's words (exit 2, the nearest option suggested), and standard input read
 * whole (`-` as a file name).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Readable } from 'node:stream';
import { UserError } from '../model/diagnostics.js';
import { nearest } from './suggest.js';
import { COMMON_OPTION_NAMES } from './output.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with positionals allowed; an unknown or malformed option is a usage error. */
export function parseCommandArgs<T extends Options>(
  name: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`teikit ${name}: ${usageMistake(err as Error & { code?: string }, options)} (try teikit ${name} --help)`, 2);
  }
}

/** Node's parser message in teikit's words. */
function usageMistake(err: Error & { code?: string }, options: Options): string {
  const unknown = /^Unknown option '([^']+)'/.exec(err.message);
  if (unknown) {
    const typed = unknown[1]!;
    const names = [...Object.keys(options), ...COMMON_OPTION_NAMES, 'help'];
    const guess = typed.startsWith('--') ? nearest(typed.slice(2), names) : undefined;
    return `unknown option ${typed}${guess ? ` (did you mean --${guess}?)` : ''}`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(err.message);
  if (missing) return `option ${missing[1]} needs a value`;
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(err.message);
  if (noValue) return `option ${noValue[1]} takes no value`;
  return err.message.split('\n')[0]!;
}

/** Read a stream (standard input) to its end. */
export async function readAll(stream: Readable | NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
