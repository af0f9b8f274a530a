import { runStylesheet } from './saxon.js';
import { sourceName, type RenderOptions } from './options.js';

/** TEI → one standalone HTML5 page (xslt/html.xsl). */
export async function renderHtml(tei: string, opts: RenderOptions = {}): Promise<string> {
  const run = runStylesheet(opts.xslt ?? 'builtin:html', tei, sourceName(opts), opts.params);
  return run.principal.endsWith('\n') ? run.principal : `${run.principal}\n`;
}
