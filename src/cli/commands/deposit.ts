import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { createBag } from '../../deposit/bagit.js';
import { bagInfoFromTei } from '../../deposit/bag-info.js';
import { resolve } from 'node:path';

const usage = `teikit deposit <tei.xml|edition-folder/> -o <bag/>

Make a BagIt (RFC 8493) package for deposit in a digital archive: the payload under data/, SHA-256
and SHA-512 manifests, bag-info.txt with the edition's identifier and title from its TEI header.
The bag folder must not exist yet.`;

const deposit: Command = {
  name: 'deposit',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('deposit', args, { output: { type: 'string', short: 'o' } });
    if (positionals.length !== 1 || typeof values.output !== 'string') throw new UserError(`usage: ${usage.split('\n')[0]}`, 2);
    const payload = resolve(io.cwd, positionals[0]!);
    const bag = resolve(io.cwd, values.output);
    const info = await bagInfoFromTei(payload).catch(() => ({}));
    const result = await createBag(payload, bag, info);
    io.stdout(`${values.output}: bag of ${result.files} file(s), ${result.bytes} bytes\n`);
    return 0;
  },
};
export default deposit;
