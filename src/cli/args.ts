/**
 * What every command needs from its arguments and input: strict option parsing whose mistakes are
 * one usage line (exit 2), and standard input read whole (`-` as a file name).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Readable } from 'node:stream';
import { UserError } from '../model/diagnostics.js';

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
    throw new UserError(`teikit ${name}: ${(err as Error).message.split('\n')[0]} (try teikit ${name} --help)`, 2);
  }
}

/** Read a stream (standard input) to its end. */
export async function readAll(stream: Readable | NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
