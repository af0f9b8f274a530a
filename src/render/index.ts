/**
 * Renditions of TEI with the XSLT 3 stylesheets in xslt/ (SaxonJS): one standalone HTML page,
 * an EPUB 3, plain text. Each renderer takes the TEI's text or a parseTei() result (several
 * renditions of one document parse it once); renderAll makes several in one call.
 */
export { renderHtml } from './html.js';
export { renderEpub } from './epub.js';
export { uuidV5 } from '../model/identifier.js';
export { renderText } from './text.js';
export { parseTei, type ParsedTei } from './parsed.js';
export { renderAll, type RenditionFormat, type Renditions } from './renditions.js';
export type { RenderOptions } from './options.js';
