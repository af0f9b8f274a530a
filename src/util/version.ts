import { readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * teikit's version, read from its package.json (the one place it is written; two folders up from
 * src/util/, dist/util/ and the bundled CLI's dist/bundle/). Read on first use only: `teikit
 * --version` pays for one small file.
 */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
