/**
 * `teikit verify <bag/> [--format json]`: each changed, missing and unlisted file named once.
 * Problems on stderr as `file: error bag-<kind>: message`; with --format json the result
 * (schema/verify.schema.json) on stdout. Exit 0 valid, 1 invalid, 2 usage or I/O error.
 */
import type { Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { verifySpec } from '../specs/verify.js';
import { parseCommandArgs } from '../args.js';
import { verifyBag } from '../../deposit/bagit.js';
import { toolVersion } from '../../version.js';
import { resolve } from 'node:path';

const command: Command = {
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(verifySpec, args);
    if (positionals.length !== 1) throw new UserError('teikit verify: give one bag folder (try teikit verify --help)', 2);
    const bag = positionals[0]!;
    const problems = await verifyBag(resolve(io.cwd, bag), bag);
    if (values.format === 'json') {
      const json = { tool: { name: 'teikit', version: toolVersion() }, bag, valid: problems.length === 0, problems };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const p of problems) io.stderr(`${p.file}: error bag-${p.kind}: ${p.message}\n`);
      if (problems.length === 0) io.stdout(`${bag}: valid bag\n`);
    }
    return problems.length === 0 ? 0 : 1;
  },
};
export default command;
