import { runStylesheet } from './saxon.js';
import { sourceName, type RenderOptions } from './options.js';

/** TEI → plain UTF-8 reading text (xslt/text.xsl); `params.pages = 'true'` adds [p. 277] markers. */
export async function renderText(tei: string, opts: RenderOptions = {}): Promise<string> {
  const run = runStylesheet(opts.xslt ?? 'builtin:text', tei, sourceName(opts), opts.params);
  return `${run.principal.replace(/\n+$/, '')}\n`;
}
