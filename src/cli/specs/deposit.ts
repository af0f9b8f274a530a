import { defineCommand, type OptionSpec } from '../spec.js';
import { BAG_INFO_OPTIONS, DC_PATH } from '../../names.js';

/** bagit-python's bag-info options (`--contact-name` …), each one line of bag-info.txt. */
const bagInfoOptions: Record<string, OptionSpec> = Object.fromEntries(
  Object.entries(BAG_INFO_OPTIONS).map(([option, label]) => [option, label === 'Bag-Count'
    ? { type: 'string', value: 'N of T', description: 'bag-info.txt Bag-Count: this bag\'s number among T bags, "N of T" with 1 ≤ N ≤ T (or "N of ?")' }
    : { type: 'string', value: 'text', description: `bag-info.txt ${label}` }]),
);

export const depositSpec = defineCommand({
  name: 'deposit',
  synopsis: ['<edition/|built-edition/|tei.xml> -o <bag/> [options]'],
  description: [
    `The bag (BagIt, RFC 8493) holds under data/ the TEI, the conversion report, the HTML, EPUB and text renditions and the sources (in data/sources/), the edition's Dublin Core record (${DC_PATH}, from the teiHeader), SHA-256 and SHA-512 manifests, and bag-info.txt from the TEI header (External-Identifier: the TEI idno).`,
    'An edition folder (with edition.json) is built first; a built edition (one *.tei.xml, as out/<id>/) gets the renditions it lacks. A folder of sources alone is refused. The bag folder must not exist yet; the bag is verified once made.',
  ],
  options: {
    output: { type: 'string', short: 'o', value: 'bag/', description: 'the bag folder to make (required)' },
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'json: the result on standard output (schema/deposit.schema.json)' },
    ...bagInfoOptions,
  },
  examples: [
    { command: 'teikit deposit editions/identity-of-interests -o bags/identity-of-interests', does: 'build the edition and bag it' },
    { command: 'teikit deposit out/SU39 -o bags/SU39 --contact-email me@example.org', does: 'bag a built edition, with a contact in bag-info.txt' },
  ],
  exit: { 0: 'bag made and verified', 1: 'the input is bad (invalid TEI, no TEI)', 2: 'usage or I/O error' },
});
