import { readFileSync } from 'node:fs';
import { requireTei, runChecked } from './saxon.js';
import type { RenderOptions } from './options.js';
import { prepareInput, type ParsedTei } from './parsed.js';
import { assetPath, sniffImage } from './images.js';

/**
 * TEI → one standalone HTML5 page (xslt/html.xsl). With opts.assetsDir, the images named by
 * graphic/@url are embedded as data: URLs so that the page needs no other file; an image not
 * found there stays a reference to @url.
 */
export async function renderHtml(tei: string | ParsedTei, opts: RenderOptions = {}): Promise<string> {
  const { source, file, facts } = prepareInput(tei, opts);
  if (!opts.xslt) requireTei(facts, file);
  const params: Record<string, string> = { ...opts.params };
  if (opts.assetsDir && facts.images.length > 0) {
    const lines: string[] = [];
    for (const url of facts.images) {
      const path = assetPath(opts.assetsDir, url);
      const data = path ? embeddable(path) : undefined;
      if (data) lines.push(`${url}\t${data}`);
    }
    params['image-data'] ??= lines.join('\n');
  }
  const run = runChecked(opts.xslt ?? 'builtin:html', source, file, params);
  return run.principal.endsWith('\n') ? run.principal : `${run.principal}\n`;
}

function embeddable(path: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const type = sniffImage(bytes);
  return type ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : undefined;
}
