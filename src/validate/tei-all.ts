/**
 * Where tei_all.rng is found. teikit does not ship it (it is the TEI Consortium's, 3 MB): get it
 * from the TEI release, https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng (or
 * the TEI P5 release archive, xml/tei/custom/schema/relaxng/tei_all.rng). In this order:
 *   1. $TEI_ALL_RNG;
 *   2. schema/tei_all.rng inside teikit (drop it there once);
 *   3. ../shared/reference/tei_all.rng beside the teikit folder (the development workspace).
 * `--schema <path.rng>` names any other copy.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../model/diagnostics.js';

/** The repository (or installed package) root: src/validate/ and dist/validate/ are two levels down. */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const TEI_ALL_URL = 'https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng';

/** The places looked at, in order (unset or empty $TEI_ALL_RNG is skipped). */
export function teiAllCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.TEI_ALL_RNG, resolve(packageRoot, 'schema/tei_all.rng'), resolve(packageRoot, '../shared/reference/tei_all.rng')].filter(
    (p): p is string => !!p,
  );
}

/** Path of tei_all.rng, or a usage error (exit 2) saying where to get it and how to name it. */
export function findTeiAll(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TEI_ALL_RNG && !existsSync(env.TEI_ALL_RNG)) {
    throw new UserError(`teikit validate: TEI_ALL_RNG names ${env.TEI_ALL_RNG}, which does not exist`, 2);
  }
  const found = teiAllCandidates(env).find((p) => existsSync(p));
  if (!found) {
    throw new UserError(
      `teikit validate: tei_all.rng not found: download it from ${TEI_ALL_URL} and set TEI_ALL_RNG to its path (or put it in teikit's schema/ folder, or pass --schema <file.rng>)`,
      2,
    );
  }
  return found;
}
