import { defineCommand } from '../spec.js';

export const buildSpec = defineCommand({
  name: 'build',
  synopsis: ['[<input>...] [-o out/] [--strict] [--format text|json]'],
  description: [
    'A folder with an edition.json among the inputs (default: editions/) is one edition; any other source file (.html, .md, ...) is a one-witness edition named after the file; other folders are searched for both. Each becomes out/<id>/ with the TEI, the conversion report, and the HTML, EPUB and plain-text renditions, and a BagIt bag of those files and its sources for deposit in out/bags/<id>/ (verified after it is made). The static site of every work built (catalogue, a page per work with citations) goes to out/site/.',
    'A failing work leaves nothing half-written and does not stop the others.',
  ],
  options: {
    output: { type: 'string', short: 'o', value: 'dir', description: 'output folder (default: out)' },
    strict: { type: 'boolean', description: 'an edition with unaccounted items (what the accounting cannot find in its TEI) fails: nothing written for it, exit 1' },
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'json: one object on standard output, each work built or failed with its files, counts and bag, and the site (schema/build.schema.json)' },
  },
  examples: [
    { command: 'teikit build', does: 'every edition in editions/ into out/' },
    { command: 'teikit build SU39.html -o site-out --format json', does: 'one page as a one-witness edition; the result as JSON' },
  ],
  exit: { 0: 'all built', 1: 'a work failed (the others are still built)', 2: 'usage or I/O error' },
});
