/**
 * Renditions of TEI with the XSLT 3 stylesheets in xslt/ (SaxonJS): one standalone HTML page,
 * an EPUB 3, plain text.
 */
export { renderHtml } from './html.js';
export { renderEpub, uuidV5 } from './epub.js';
export { renderText } from './text.js';
export type { RenderOptions } from './options.js';
