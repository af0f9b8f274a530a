/**
 * `teikit verify <bag/> [--format json]`: each changed, missing and unlisted file named once.
 * Problems on stderr as `file: error bag-<kind>: message`; with --format json the result
 * (schema/verify.schema.json) on stdout. Exit 0 valid, 1 invalid, 2 usage or I/O error.
 */
import type { Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import { verifyBag } from '../../deposit/bagit.js';
import { toolVersion } from '../../version.js';
import { resolve } from 'node:path';

const usage = `Usage: teikit verify <bag/> [--format text|json]

Check a BagIt bag: bagit.txt, every manifest entry present with the right digest (a changed or a
missing file), no payload file missing from a manifest (an unlisted file), the tag manifests and
Payload-Oxum. Each problem is one line naming the file.

Options:
      --format text|json   problems as text lines on stderr (default) or a JSON result on stdout
                           (schema/verify.schema.json)
  -h, --help               show this help

Exit: 0 valid, 1 invalid (or not a bag), 2 usage or I/O error (the folder is missing or unreadable).`;

const command: Command = {
  name: 'verify',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('verify', args, { format: { type: 'string', default: 'text' } });
    if (positionals.length !== 1) throw new UserError('teikit verify: give one bag folder (try teikit verify --help)', 2);
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UserError(`teikit verify: --format must be text or json, not "${values.format}"`, 2);
    }
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
