import { defineCommand } from '../spec.js';

export const volumeSpec = defineCommand({
  name: 'volume',
  synopsis: ['<tei.xml|dir>... [-o out/volumes] [--min-works N]'],
  description: [
    "Works whose TEI headers name the same print book (collection title and volume number of the print edition's biblStruct, as teikit convert writes it) are one volume. For each volume of at least N works (default 2) it writes <out>/<volume-id>/<volume-id>.tei.xml, one TEI: a teiCorpus with the volume's header (the print pages present, the pages missing between works, the works in print order) and each work's TEI as a member; and <out>/<volume-id>/<volume-id>.epub, one EPUB 3: contents work by work with their chapters, one page-list entry per print page present, in order.",
    "Folders are searched for *.tei.xml (what teikit batch and teikit build write). Each input must be valid TEI for teikit's schema and rules; one that is not is reported and left out (exit 1). The summary, one volume after another, goes to standard output.",
  ],
  options: {
    output: { type: 'string', short: 'o', value: 'dir', description: 'output folder (default: out/volumes)' },
    'min-works': { type: 'string', value: 'n', description: 'build only volumes with at least <n> works of the inputs (default 2)' },
  },
  examples: [
    { command: 'teikit volume out/ -o out/volumes', does: 'a volume TEI and EPUB for each print volume among the works teikit build wrote' },
    { command: 'teikit volume tei/ --min-works 1', does: 'a volume even for a print volume of one work' },
  ],
  exit: { 0: 'every volume made', 1: 'an input not valid TEI (left out; the other volumes are made)', 2: 'usage or I/O error' },
});
