/**
 * A build never reads its own output as sources. What it writes has a source's extension
 * (out/<id>/<id>.html, the site's pages), so a folder searched that holds the output folder
 * (`teikit build . -o out`, `teikit build pages -o pages/out`) would find last run's renditions as
 * works on the next run, clashing with their own sources. So the output folder is left out of
 * every folder searched and of an edition folder's cache key, and an input that is the output
 * folder or inside it is refused before anything is read.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import { isWithin, realOfNearest } from '../util/files.js';

/** The output folder as the walk meets it: its real path (through any link), existing yet or not. */
export interface OutputFolder {
  /** As the user named it (`-o pages/out`), for messages. */
  named: string;
  real: string;
}

export function outputFolder(outDir: string, cwd: string): OutputFolder {
  return { named: outDir, real: realOfNearest(resolve(cwd, outDir)) };
}

/** Whether the folder at real path `dir` is the output folder (the walk then leaves it out). */
export function isOutputFolder(out: OutputFolder | undefined, dir: string): boolean {
  return out !== undefined && dir === out.real;
}

/** Usage error (exit 2) when the existing input at `abs` is the output folder or inside it. */
export function refuseInputInOutput(out: OutputFolder | undefined, input: string, abs: string): void {
  if (out === undefined) return;
  const real = realpathSync.native(abs);
  if (!isWithin(real, out.real)) return;
  const where = real === out.real ? 'is the output folder' : `is inside the output folder ${out.named}`;
  throw new UserError(`teikit build: the input ${input} ${where} (-o ${out.named}): a build does not read what it writes as sources; name sources outside it, or choose another -o`, 2);
}
