import { defineCommand } from '../spec.js';

export const convertSpec = defineCommand({
  name: 'convert',
  synopsis: ['<source> [<witness>...] [-o out.xml|dir/|-] [--report report.json]', '[--name file] [--strict] [--format text|json]'],
  description: [
    'The first file is the base text (a marx2mao .html page); further files are other witnesses of the same work (a CMPA .md reprint), merged into it. The format of a file is chosen by its extension and its content: lia (Lenin Internet Archive HTML page: .html, .htm), marx2mao (marx2mao HTML page: .html, .htm), cmpa (CMPA Markdown reprint: .md, .markdown).',
    'A source named "-" is read from standard input (its format detected from its content). The TEI goes to standard output unless -o names a file; diagnostics go to standard error as file:line:col: severity code: message.',
  ],
  options: {
    output: { type: 'string', short: 'o', value: 'file', description: 'write the TEI to <file>; a folder (out/, made when missing, or one that exists) for <id>.tei.xml in it (<id>: the base file\'s name, as SU39); default, or "-": standard output' },
    report: { type: 'string', value: 'file', description: 'write the conversion report (JSON, schema/report.schema.json) to <file>; a folder (out/, or one that exists) for <id>.report.json in it' },
    name: {
      type: 'string', value: 'file',
      description: 'the file name standard input stands for (a marx2mao page links its notes by its own name, SU39.html#en1); also used in messages. Without it, messages say <stdin> and the TEI names no file (its id is made from the title)',
    },
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'json: the report on standard output (the same as --report -; needs -o <file>; schema/report.schema.json)' },
    strict: { type: 'boolean', description: 'what the accounting cannot find in the TEI (unaccounted-page, -note, -noteref, -words…) is an error: exit 1, nothing written' },
  },
  examples: [
    { command: 'teikit convert SU39.html -o SU39.tei.xml --report SU39.report.json', does: 'a marx2mao page to TEI, with its conversion report' },
    { command: 'teikit convert SU39.html reprint.md -o SU39.tei.xml', does: 'the page with a CMPA reprint merged in as a second witness' },
    { command: 'cat SU39.html | teikit convert - --name SU39.html > SU39.tei.xml', does: 'from standard input to standard output' },
  ],
  exit: {
    0: 'converted',
    1: 'not a work, errors in the source, or TEI refused by the validation gate (nothing written)',
    2: 'usage or I/O error',
  },
});
