/**
 * `teikit deposit <edition/|built edition/|tei.xml> -o <bag/> [bag-info options] [--format json]`:
 * see src/deposit/deposit.ts. Data (the summary, or the JSON of schema/deposit.schema.json) on
 * stdout; diagnostics and warnings on stderr. Exit 0 done, 1 bad input, 2 usage or I/O.
 */
import type { Command } from '../io.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import { deposit } from '../../deposit/deposit.js';
import { BAG_INFO_OPTIONS } from '../../deposit/bag-info.js';
import type { BagInfo } from '../../deposit/bagit.js';
import { DC_PATH } from '../../deposit/edition-bag.js';
import { toolVersion } from '../../version.js';

const usage = `Usage: teikit deposit <edition/|built-edition/|tei.xml> -o <bag/> [options]

Make a BagIt (RFC 8493) bag of one edition for deposit in a digital archive: the TEI, the
conversion report, the HTML, EPUB and text renditions and the sources under data/ (sources in
data/sources/), its Dublin Core record (${DC_PATH}, from the teiHeader), SHA-256 and SHA-512
manifests, and bag-info.txt from the TEI header (External-Identifier: the TEI idno). An edition
folder (with edition.json) is built first; a built edition (one *.tei.xml, as out/<id>/) gets the
renditions it lacks. A folder of sources alone is refused. The bag folder must not exist yet.

Options:
  -o, --output <bag/>                    the bag folder to make (required)
      --format text|json                 summary as text (default) or JSON (schema/deposit.schema.json)
${Object.entries(BAG_INFO_OPTIONS)
  .map(([option, label]) => `      --${`${option} <text>`.padEnd(33)}bag-info.txt ${label}`)
  .join('\n')}
  -h, --help                             show this help

Exit: 0 bag made and verified, 1 the input is bad (invalid TEI, no TEI), 2 usage or I/O error.`;

const bagInfoOptions = Object.fromEntries(Object.keys(BAG_INFO_OPTIONS).map((k) => [k, { type: 'string' as const }]));

const command: Command = {
  name: 'deposit',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('deposit', args, {
      output: { type: 'string', short: 'o' },
      format: { type: 'string', default: 'text' },
      ...bagInfoOptions,
    });
    if (positionals.length !== 1 || typeof values.output !== 'string') {
      throw new UserError(`teikit deposit: give one edition and -o <bag/> (try teikit deposit --help)`, 2);
    }
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UserError(`teikit deposit: --format must be text or json, not "${values.format}"`, 2);
    }
    const info: BagInfo = {};
    for (const [option, label] of Object.entries(BAG_INFO_OPTIONS)) {
      const value = (values as Record<string, unknown>)[option];
      if (typeof value === 'string') info[label] = value;
    }
    const made = await deposit(positionals[0]!, values.output, { cwd: io.cwd, info });
    for (const d of made.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    for (const w of made.warnings) io.stderr(`warning: ${w}\n`);
    if (values.format === 'json') {
      const json = {
        tool: { name: 'teikit', version: toolVersion() },
        input: made.input,
        kind: made.kind,
        bag: made.bag,
        files: made.files,
        bytes: made.bytes,
        payload: made.payload,
        bagInfo: made.info,
        verified: true,
        diagnostics: made.diagnostics,
        warnings: made.warnings,
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(`${made.bag}: bag of ${made.files} file(s), ${made.bytes} bytes, verified\n`);
      for (const p of made.payload) io.stdout(`  ${p}\n`);
    }
    return 0;
  },
};
export default command;
