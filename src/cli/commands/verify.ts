import type { Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { verifyBag } from '../../deposit/bagit.js';
import { resolve } from 'node:path';

const usage = `teikit verify <bag/>

Check a BagIt bag: bagit.txt, every manifest entry present with the right digest, no payload file
missing from a manifest, Payload-Oxum. Exit 0 valid, 1 invalid, 2 usage error.`;

const verify: Command = {
  name: 'verify',
  usage,
  async run(args, io) {
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UserError(`usage: ${usage.split('\n')[0]}`, 2);
    const problems = await verifyBag(resolve(io.cwd, args[0]!));
    for (const p of problems) io.stderr(`${p.file}: error bag-invalid: ${p.message}\n`);
    if (problems.length === 0) io.stdout(`${args[0]}: valid bag\n`);
    return problems.length === 0 ? 0 : 1;
  },
};
export default verify;
