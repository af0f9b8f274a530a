/**
 * Which files a batch converts and where each one's outputs go: every file under
 * the given folders with an extension of the reader registry (.html, .htm, .md, …), or a file
 * given by name, in a sorted, stable order, each mapped to
 * `<outdir>/<path relative to its input folder, extension replaced>`.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import { SOURCE_EXTENSIONS } from '../readers/registry.js';
import { ioFailure } from '../util/io-errors.js';
import { byCodePoint } from '../util/order.js';

/** What the batch reads: every extension of the reader registry's formats. */
export { SOURCE_EXTENSIONS };

export interface BatchSource {
  /** The source as the user would name it to `teikit convert` (input argument + relative path),
   * so that diagnostics, the report and the TEI say the same as a single conversion does. */
  file: string;
  /** The output name without extension, relative to the output folder (`Mao/SU39`). */
  stem: string;
}

function isSource(name: string): boolean {
  return SOURCE_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** Every file under a folder that `accept` takes (by name), in code-point order; dot-files skipped. */
export async function walk(dir: string, absDir: string, out: string[], accept: (name: string) => boolean = isSource, skipFolder: (absDir: string) => boolean = () => false): Promise<void> {
  const entries = await readdir(absDir, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // editor and VCS litter (.git, .#x.html) is not a source
    if (e.isDirectory() && skipFolder(join(absDir, e.name))) continue;
    if (e.isDirectory()) await walk(join(dir, e.name), join(absDir, e.name), out, accept, skipFolder);
    else if (e.isFile() && accept(e.name)) out.push(join(dir, e.name));
  }
}

/** Every source under `inputs` (folders or files, relative to `cwd`); a usage/I-O error is exit 2. */
export async function findSources(inputs: string[], cwd: string): Promise<BatchSource[]> {
  const sources: BatchSource[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch((err: NodeJS.ErrnoException) => {
      throw ioFailure(err, 'read', input);
    });
    if (info.isDirectory()) {
      const files: string[] = [];
      await walk(input, abs, files).catch((err: NodeJS.ErrnoException) => {
        throw ioFailure(err, 'read', input);
      });
      for (const file of files) sources.push({ file, stem: stripExt(relative(input, file)) });
    } else {
      // A file named on the command line is converted whatever its extension (convert detects the
      // format from its content); its outputs go straight into the output folder.
      sources.push({ file: input, stem: stripExt(basename(input)) });
    }
  }
  // Two sources with one output name (X.html and X.md, or the same file twice) would overwrite
  // each other's TEI: refuse before anything is written.
  const seen = new Map<string, string>();
  for (const s of sources) {
    const other = seen.get(s.stem);
    if (other !== undefined) throw new UserError(`teikit batch: ${other} and ${s.file} would both be written as ${s.stem}.tei.xml`, 2);
    seen.set(s.stem, s.file);
  }
  return sources;
}

function stripExt(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}
