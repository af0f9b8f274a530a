import { defineCommand } from '../spec.js';

export const batchSpec = defineCommand({
  name: 'batch',
  synopsis: ['<dir|file>... -o <outdir> [--jobs N] [--report summary.json]', '[--strict] [--format text|json]'],
  description: [
    'Every .html, .htm, .md or .markdown file under the folders is converted alone (no merging) to <outdir>/<path under its folder>.tei.xml and .report.json, its images beside it. Pages that are not works (collection indexes, notes about the collection) are refused: listed, nothing written.',
    'A progress bar is shown on stderr when it is a terminal; otherwise only the diagnostics, one line each. The summary goes to standard output.',
  ],
  options: {
    output: { type: 'string', short: 'o', value: 'dir', description: 'output folder (required)' },
    jobs: { type: 'string', short: 'j', value: 'n', description: 'worker threads (default: 1 below 300 files, else the number of CPUs); 1 converts without workers' },
    report: { type: 'string', value: 'file', description: 'write a JSON summary: per file its input, outputs, status, counts, unaccounted items, time' },
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'json: the summary of --report on standard output (schema/batch.schema.json)' },
    strict: { type: 'boolean', description: 'a file with unaccounted items (what the accounting cannot find in its TEI) fails: nothing written for it, exit 1' },
  },
  examples: [
    { command: 'teikit batch marx2mao/ -o tei/ --report summary.json', does: 'every page under marx2mao/ to tei/, with a JSON summary' },
    { command: 'teikit batch marx2mao/ -o tei/ -j 2 --format json > summary.json', does: 'on two worker threads, the summary on standard output' },
  ],
  exit: { 0: 'nothing failed (pages refused as non-works are fine)', 1: 'a page failed (the others are still converted)', 2: 'usage or I/O error' },
});
