/**
 * The build pipeline of the library: `buildCollection` finds the build units of its inputs
 * (edition folders, bare source files, folders of them), builds each (convert → validate → render
 * → bag, build-work.ts), then writes the static site of every work built (src/site/). One failing
 * unit does not stop the others: it is reported through `onFailed` and counted. Progress and
 * diagnostics go through callbacks; `teikit build` only wraps this.
 */
import type { Diagnostic } from '../model/types.js';
import { UserError } from '../model/diagnostics.js';
import { writeSearchIndex, writeSite, type SearchIndexResult } from '../site/index.js';
import { buildWork, type BuiltWork } from './build-work.js';
import { findBuildUnits, unitName, type BuildUnit } from './units.js';

export { findBuildUnits, unitName, buildWork };
export type { BuildUnit, BuiltWork };
export type { WorkEntry } from './work-entry.js';

export interface BuildCallbacks {
  /** Before a unit is built: its position (1-based) among `total`. */
  onStart?: (unit: BuildUnit, index: number, total: number) => void;
  /** A diagnostic (warning, info) of a unit's conversion. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  onBuilt?: (work: BuiltWork, unit: BuildUnit) => void;
  /** A unit failed: the error's message names its file and position (or `internal error`). */
  onFailed?: (unit: BuildUnit, error: UserError) => void;
}

export interface BuildCollectionOptions extends BuildCallbacks {
  /** Output folder (relative to cwd or absolute); the site goes into `<outDir>/site/`. */
  outDir: string;
  cwd?: string;
  strict?: boolean;
}

export interface BuildCollectionResult {
  built: BuiltWork[];
  failed: { unit: BuildUnit; error: UserError }[];
  total: number;
  /** Files of the site, relative to the output folder (`site/index.html`, …). */
  site: string[];
  /** The Pagefind index (site/pagefind/), or why there is none: the site is written without search.
   * Absent when no work was built: then no site is written either (nothing to catalogue). */
  search?: SearchIndexResult | { failed: string };
}

/**
 * Build every unit of `inputs`. Throws UserError (exit 2) only when the inputs cannot be read or
 * name nothing to build; a unit's own failure is in `failed`.
 */
export async function buildCollection(inputs: string[], options: BuildCollectionOptions): Promise<BuildCollectionResult> {
  const cwd = options.cwd ?? process.cwd();
  const units = await findBuildUnits(inputs, cwd);
  const built: BuiltWork[] = [];
  const failed: BuildCollectionResult['failed'] = [];
  const taken = new Set<string>();
  for (const [i, unit] of units.entries()) {
    options.onStart?.(unit, i + 1, units.length);
    try {
      const work = await buildWork(unit, { outDir: options.outDir, cwd, strict: options.strict, taken });
      taken.add(work.entry.id);
      for (const d of work.diagnostics) options.onDiagnostic?.(d);
      built.push(work);
      options.onBuilt?.(work, unit);
    } catch (err) {
      // One unit's failure, even a bug in teikit, must not stop the others from being built.
      const error = err instanceof UserError ? err : new UserError(`${unitName(unit)}: internal error: ${err instanceof Error ? err.message : String(err)} (please report this)`, 1);
      failed.push({ unit, error });
      options.onFailed?.(unit, error);
    }
  }
  if (built.length === 0) return { built, failed, total: units.length, site: [] };
  const works = built.map((w) => w.entry);
  let search: BuildCollectionResult['search'];
  try {
    search = await writeSearchIndex(works, options.outDir, cwd);
  } catch (err) {
    // Search is an addition: without Pagefind (its binary missing for this platform) the site is
    // still whole, and says nothing of search.
    search = { failed: err instanceof Error ? err.message : String(err) };
  }
  const site = await writeSite(works, options.outDir, cwd, !('failed' in search));
  return { built, failed, total: units.length, site, search };
}
