/**
 * teikit's version, read from its package.json: the one place it is written. The relative path is
 * the same from src/ (tests) and dist/ (the installed package).
 */
import { readFileSync } from 'node:fs';

let version: string | undefined;

export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
