import { defineCommand } from '../spec.js';

export const renderSpec = defineCommand({
  name: 'render',
  synopsis: ['<tei.xml|-> --to html|epub|txt [-o <out>|-]', '[--xslt <my.xsl>] [--param k=v]... [--assets <dir>]'],
  description: ['The result is one standalone HTML5 page, an EPUB 3, or plain UTF-8 text.'],
  options: {
    to: { type: 'string', value: 'format', description: "html, epub or txt (default: from the -o file's extension)" },
    output: { type: 'string', short: 'o', value: 'file', description: "output file; a folder (out/, or one that exists) for <input name>.<format> in it; - for standard output (html, txt); default: <input name>.<format> in the current folder (standard output when the input is -)" },
    xslt: {
      type: 'string', value: 'file',
      description: "your own stylesheet instead of the built-in one: an .xsl compiled at run time (it may xsl:import teikit's xslt/html.xsl, epub.xsl or text.xsl and override templates) or a precompiled .sef.json",
    },
    param: {
      type: 'string', multiple: true, default: [], value: 'k=v',
      description: 'a stylesheet parameter, repeatable (text: pages=true adds [p. 277] markers, header=false leaves out the header; html: toc=yes|no|auto; html, epub: css=<extra CSS> or css=<file.css>; epub: page-break-source=…, see xslt/README.md)',
    },
    assets: { type: 'string', value: 'dir', description: "folder of the images named by graphic/@url (default: the TEI file's folder)" },
  },
  examples: [
    { command: 'teikit render SU39.tei.xml --to epub -o SU39.epub', does: 'an EPUB 3' },
    { command: 'teikit render SU39.tei.xml --to txt --param pages=true -o -', does: 'plain text with [p. N] markers, on standard output' },
  ],
  exit: { 0: 'written', 1: 'bad input (the message names file, line and column)', 2: 'usage or I/O error' },
});
