import { requireTei, runChecked } from './saxon.js';
import type { RenderOptions } from './options.js';
import { prepareInput, type ParsedTei } from './parsed.js';

/** TEI → plain UTF-8 reading text (xslt/text.xsl); `params.pages = 'true'` adds [p. 277] markers. */
export async function renderText(tei: string | ParsedTei, opts: RenderOptions = {}): Promise<string> {
  const { source, file, facts } = prepareInput(tei, opts);
  if (!opts.xslt) requireTei(facts, file);
  const run = runChecked(opts.xslt ?? 'builtin:text', source, file, opts.params ?? {});
  return `${run.principal.replace(/\n+$/, '')}\n`;
}
