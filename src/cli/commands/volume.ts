/**
 * `teikit volume <tei>... [-o out/volumes] [--min-works N]`: a thin wrapper of the library's
 * buildVolumes (src/volume/): the works among the TEI files that one print volume holds become
 * one volume TEI (a teiCorpus) and one EPUB; the summary names each volume's works, the print
 * pages present and the pages missing between works. Exit 0 done, 1 an input was not valid TEI
 * (the volumes of the others are still made), 2 usage or I/O error.
 */
import type { CliIo, Command } from '../io.js';
import { formatDiagnostic, UserError } from '../../model/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import { buildVolumes, pageRanges, type Volume } from '../../volume/index.js';

const usage = `Usage: teikit volume <tei.xml|dir>... [-o out/volumes] [--min-works N]

Gather the works of each print volume into one volume edition. Works whose TEI headers name the
same print book (collection title and volume number of the print edition's biblStruct, as
teikit convert writes it) are one volume; for each volume of at least N works (default 2):
  <out>/<volume-id>/<volume-id>.tei.xml  one TEI: a teiCorpus with the volume's header (the print
                                         pages present, the pages missing between works, the
                                         works in print order) and each work's TEI as a member
  <out>/<volume-id>/<volume-id>.epub     one EPUB 3: contents work by work with their chapters,
                                         one page-list entry per print page present, in order
Folders are searched for *.tei.xml (what teikit batch and teikit build write). Each input must be
valid TEI for teikit's schema and rules; one that is not is reported and left out (exit 1).

Options:
  -o, --output <dir>    output folder (default: out/volumes)
  --min-works <n>       build only volumes with at least <n> works of the inputs (default 2)
  -h, --help            show this help`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('volume', args, {
    output: { type: 'string', short: 'o' },
    'min-works': { type: 'string' },
  });
  if (positionals.length === 0) throw new UserError('teikit volume: no input: name TEI files or folders of them (see teikit volume --help)', 2);
  const min = values['min-works'] as string | undefined;
  if (min !== undefined && !/^[1-9]\d*$/.test(min)) throw new UserError(`teikit volume: --min-works wants a whole number above 0, not "${min}"`, 2);
  const outDir = (values.output as string | undefined) ?? 'out/volumes';
  const result = await buildVolumes(positionals, {
    outDir,
    cwd: io.cwd,
    ...(min ? { minWorks: Number(min) } : {}),
    onDiagnostic: (d) => io.stderr(`${formatDiagnostic(d)}\n`),
    onVolume: (volume, files) => io.stdout(`${summary(volume).join('\n')}\n  ${files.tei}\n  ${files.epub}\n`),
  });
  if (result.noVolume.length > 0) io.stderr(`teikit volume: ${result.noVolume.length} file(s) name no print volume: ${result.noVolume.join(', ')}\n`);
  if (result.skipped.length > 0) {
    io.stderr(`teikit volume: ${result.skipped.length} volume(s) with fewer works than --min-works not built: ${result.skipped.map((v) => `${v.id} (${v.members.length})`).join(', ')}\n`);
  }
  io.stdout(`${result.volumes.length} volume(s) of ${result.volumes.reduce((n, v) => n + v.volume.members.length, 0)} work(s)\n`);
  if (result.failed.length > 0) {
    io.stderr(`teikit volume: ${result.failed.length} input(s) not valid TEI, left out: ${result.failed.join(', ')}\n`);
    return 1;
  }
  return 0;
}

/** The lines that say what a volume holds and lacks. */
export function summary(v: Volume): string[] {
  const missing = v.missing.reduce((n, g) => n + Number(g.to) - Number(g.from) + 1, 0);
  const first = v.members.find((s) => s.first)?.first;
  const last = v.members.map((s) => s.last).filter(Boolean).at(-1);
  return [
    `${v.id}: ${v.collection}, vol. ${v.volume.text}: ${v.members.length} work(s)${first ? `, pp. ${first}-${last}` : ''}, ${v.pages.length} print page(s) present, ` +
      `${v.missing.length} gap(s) between works (${missing} page(s) missing)`,
    `  works: ${v.members.map((s) => `${s.member.id}${s.first ? ` (${s.first === s.last ? s.first : `${s.first}-${s.last}`})` : ''}`).join(', ')}`,
    `  pages present: ${pageRanges(v.pages) || 'none marked'}`,
    ...v.missing.map((g) => `  missing: ${g.from === g.to ? `p. ${g.from}` : `pp. ${g.from}-${g.to}`}, between ${g.after.id} and ${g.before.id}`),
  ];
}

const command: Command = { name: 'volume', usage, run };
export default command;
