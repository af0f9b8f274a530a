/**
 * `teikit verify <bag/> [--format json]`: each changed, missing and unlisted file named once.
 * Problems on stdout as `file: error bag-<kind>: message` (they are verify's result, as validate's
 * diagnostics are its); the summary on stderr; with --format json the result
 * (schema/verify.schema.json) on stdout. Exit 0 valid, 1 invalid, 2 usage or I/O error.
 */
import type { Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { verifySpec } from '../specs/verify.js';
import { parseCommandArgs } from '../args.js';
import { verifyBag } from '../../deposit/bagit.js';
import { toolVersion } from '../../util/version.js';
import { resolve } from 'node:path';

const command: Command = {
  diagnosticsOnStdout: true,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(verifySpec, args);
    if (positionals.length !== 1) throw new UserError('teikit verify: give one bag folder (try teikit verify --help)', 2);
    const bag = positionals[0]!;
    const problems = await verifyBag(resolve(io.cwd, bag), bag);
    if (values.format === 'json') {
      const json = { tool: { name: 'teikit', version: toolVersion() }, bag, valid: problems.length === 0, problems };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const p of problems) io.stdout(`${p.file}: error bag-${p.kind}: ${p.message}\n`);
      io.stderr(problems.length === 0 ? `${bag}: valid bag\n` : `${bag}: invalid bag, ${problems.length} problem(s)\n`);
    }
    return problems.length === 0 ? 0 : 1;
  },
};
export default command;
