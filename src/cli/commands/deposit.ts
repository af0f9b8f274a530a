/**
 * `teikit deposit <edition/|built edition/|tei.xml> -o <bag/> [bag-info options] [--format json]`:
 * see src/deposit/deposit.ts. Data (the summary, or the JSON of schema/deposit.schema.json) on
 * stdout; diagnostics and warnings on stderr. Exit 0 done, 1 bad input, 2 usage or I/O.
 */
import type { Command } from '../io.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { depositSpec } from '../specs/deposit.js';
import { parseCommandArgs } from '../args.js';
import { deposit } from '../../deposit/deposit.js';
import { BAG_INFO_OPTIONS } from '../../names.js';
import { malformedBagInfo, type BagInfo } from '../../deposit/bagit.js';
import { toolVersion } from '../../util/version.js';

const command: Command = {
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(depositSpec, args);
    if (positionals.length !== 1 || typeof values.output !== 'string') {
      throw new UserError(`teikit deposit: give one edition and -o <bag/> (try teikit deposit --help)`, 2);
    }
    const info: BagInfo = {};
    for (const [option, label] of Object.entries(BAG_INFO_OPTIONS)) {
      const value = (values as Record<string, unknown>)[option];
      if (typeof value === 'string') info[label] = value;
    }
    // a field with a form (--bag-count "N of T") given another would make a bag that does not
    // verify: said as the option's mistake, before anything is built
    const bad = malformedBagInfo(info)[0];
    if (bad) {
      const option = Object.entries(BAG_INFO_OPTIONS).find(([, label]) => label === bad.label)![0];
      throw new UserError(`teikit deposit: --${option} must be ${bad.form}, not "${bad.value}"`, 2);
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
