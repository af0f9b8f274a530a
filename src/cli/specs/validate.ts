import { defineCommand } from '../spec.js';
import { RULE_NAMES } from '../../names.js';

/** Enough to see what is wrong with a file; a foreign file against the house schema may give thousands. */
export const DEFAULT_MAX_MESSAGES = 100;

export const validateSpec = defineCommand({
  name: 'validate',
  synopsis: ['<file.xml|dir>... [--schema teikit|tei_all|<path.rng>] [--rules <list>]', '[--max-messages <n>] [--format text|json]'],
  description: [
    "Each file is checked for well-formedness, then against RELAX NG. With teikit's house schema (the default) teikit's house rules run too (pointers resolve, ids unique, page numbers increase, notes referenced, break=\"no\" inside words); tei_all or your own schema is checked alone, as jing does.",
    'A folder stands for every TEI *.xml file in it and its subfolders; the other XML files there (a bag\'s Dublin Core record, dc.xml) are left out, and their number said on standard error.',
    'Problems are printed on standard output (they are the result) as file:line:col: severity code: message; the summary (N of M file(s) valid) on standard error. XInclude (xi:include) is not resolved: each include is reported as an error naming XInclude.',
  ],
  options: {
    schema: {
      type: 'string', value: 's',
      description: 'teikit (default), tei_all (the file $TEI_ALL_RNG names, else schema/tei_all.rng inside teikit, else ../shared/reference/tei_all.rng beside the teikit folder), or a .rng file. tei_all is judged by jing when java and jing are installed (about a second), else compiled by libxml2 (10-15 s, once); the messages are the same (TEIKIT_NO_JING=1: libxml2 always)',
    },
    rules: { type: 'string', value: 'list', description: `house rules to run: all, none, or a comma-separated list of ${RULE_NAMES.join(', ')} (default: all with --schema teikit, none otherwise)` },
    'max-messages': { type: 'string', value: 'n', description: `messages printed per file (default ${DEFAULT_MAX_MESSAGES}; 0 for all), then "… and N more"` },
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'json: one object on standard output, the files with their diagnostics and validity (schema/validate.schema.json)' },
  },
  examples: [
    { command: 'teikit validate out/SU39/SU39.tei.xml', does: "against teikit's schema and house rules" },
    { command: 'TEI_ALL_RNG=tei_all.rng teikit validate --schema tei_all *.xml', does: 'against tei_all only' },
  ],
  exit: { 0: 'all valid (warnings allowed)', 1: 'some file invalid', 2: 'usage or I/O error' },
});
