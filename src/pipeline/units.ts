/**
 * What `teikit build` builds: each input is an edition folder (with an edition.json), a bare
 * source file (a one-witness edition), or a folder searched for both. A folder holding an
 * edition.json is one edition (its files are that edition's witnesses, not works of their own);
 * elsewhere every file with an extension of the reader registry is a work. Order is stable
 * (code-point order of names), and two units that would be written under one id are refused.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import { ioFailure } from '../util/io-errors.js';
import { EDITION_FILE } from '../edition/index.js';
import { SOURCE_EXTENSIONS } from '../readers/registry.js';
import { byCodePoint } from '../util/order.js';
import { isOutputFolder, outputFolder, refuseInputInOutput, type OutputFolder } from './output-folder.js';

export type BuildUnit =
  /** A folder with an edition.json, named as given (relative to cwd). */
  | { kind: 'edition'; dir: string }
  /** A bare source file, named as given; `id` is its name without extension. `from`: named on the
   * command line, or found in a folder searched (where a page that is not a work, a collection's
   * index, is expected and refused rather than failed). */
  | { kind: 'source'; file: string; id: string; from: 'argument' | 'folder' };

/** The name a unit is known by in messages (its folder or file). */
export function unitName(unit: BuildUnit): string {
  return unit.kind === 'edition' ? unit.dir : unit.file;
}

function sourceId(file: string): string {
  const name = basename(file);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** `abs`: the folder's real path (links below it are not followed), compared with the output folder's. */
async function walk(dir: string, abs: string, out: BuildUnit[], output: OutputFolder | undefined): Promise<void> {
  if (existsSync(join(abs, EDITION_FILE))) {
    out.push({ kind: 'edition', dir });
    return;
  }
  const entries = await readdir(abs, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // editor and VCS litter is not a source
    const path = dir === '.' ? e.name : join(dir, e.name);
    // what the last build wrote is no source: out/<id>/<id>.html would clash with its own source
    if (e.isDirectory() && isOutputFolder(output, join(abs, e.name))) continue;
    if (e.isDirectory()) await walk(path, join(abs, e.name), out, output);
    else if (e.isFile() && SOURCE_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push({ kind: 'source', file: path, id: sourceId(e.name), from: 'folder' });
  }
}

/**
 * The build units of `inputs` (relative to `cwd`), leaving out the output folder `outDir` wherever
 * a folder searched holds it (output-folder.ts). UserError exit 2 when an input cannot be read, is
 * the output folder or inside it, when nothing is found, or when two sources would be written
 * under one id (`SU39.html` and `SU39.md`): refused before anything is built.
 */
export async function findBuildUnits(inputs: string[], cwd: string, outDir?: string): Promise<BuildUnit[]> {
  const output = outDir === undefined ? undefined : outputFolder(outDir, cwd);
  const units: BuildUnit[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch((err: unknown) => {
      throw ioFailure(err, 'read', input);
    });
    refuseInputInOutput(output, input, abs);
    if (info.isDirectory()) {
      await walk(input, realpathSync.native(abs), units, output).catch((err: unknown) => {
        throw ioFailure(err, 'read', input);
      });
    } else {
      // A file named on the command line is built whatever its extension (its format is detected).
      units.push({ kind: 'source', file: input, id: sourceId(input), from: 'argument' });
    }
  }
  if (units.length === 0) {
    throw new UserError(`${inputs.join(' ')}: no edition folder (a folder with an edition.json) or source file found`, 2);
  }
  const seen = new Map<string, string>();
  for (const u of units) {
    if (u.kind !== 'source') continue;
    const other = seen.get(u.id);
    if (other !== undefined) throw new UserError(`teikit build: ${other} and ${u.file} would both be built as ${u.id}`, 2);
    seen.set(u.id, u.file);
  }
  return units;
}

/**
 * The id a unit will be written under, known before it is built: a source's file name, an
 * edition's `id` in its edition.json (undefined when that cannot be read: building it will say why).
 */
export function unitId(unit: BuildUnit, cwd: string): string | undefined {
  if (unit.kind === 'source') return unit.id;
  try {
    const id = (JSON.parse(readFileSync(resolve(cwd, unit.dir, EDITION_FILE), 'utf8')) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
