/**
 * Several renditions of one TEI from one parse (parsed.ts): what `build` makes of every edition.
 * Callers anywhere (the CLI's build, the edition pipeline) get the same three files in one call.
 */
import type { RenderOptions } from './options.js';
import { parseTei, type ParsedTei } from './parsed.js';
import { renderHtml } from './html.js';
import { renderEpub } from './epub.js';
import { renderText } from './text.js';

export type RenditionFormat = 'html' | 'epub' | 'txt';

export interface Renditions {
  html?: string;
  epub?: Uint8Array;
  txt?: string;
}

/** The renditions asked for (all three by default), the TEI checked and parsed once for them all. */
export async function renderAll(
  tei: string | ParsedTei,
  opts: RenderOptions = {},
  formats: readonly RenditionFormat[] = ['html', 'epub', 'txt'],
): Promise<Renditions> {
  const parsed = typeof tei === 'string' ? parseTei(tei, opts) : tei;
  const out: Renditions = {};
  for (const format of formats) {
    if (format === 'html') out.html = await renderHtml(parsed, opts);
    else if (format === 'epub') out.epub = await renderEpub(parsed, opts);
    else out.txt = await renderText(parsed, opts);
  }
  return out;
}
