import { defineCommand } from '../spec.js';

export const buildSpec = defineCommand({
  name: 'build',
  synopsis: ['[<input>...] [-o out/] [--jobs N] [--shard i/n|auto] [--force]', '[--strict] [--volumes] [--format text|json]'],
  description: [
    'A folder with an edition.json among the inputs (default: editions/) is one edition; any other source file (.html, .md, ...) is a one-witness edition named after the file; other folders are searched for both. Each becomes out/<id>/ with the TEI, the conversion report, and the HTML, EPUB and plain-text renditions, and a BagIt bag of those files and its sources for deposit in out/bags/<id>/ (verified after it is made). The static site of every work built (catalogue, a page per work with citations) goes to out/site/.',
    'A work whose inputs, options and teikit (version, stylesheets) are unchanged since it was last built into the same folder, and whose files and bag are still there as written, is skipped (out/.teikit/ keeps what each build wrote); its warnings are not printed again, but --max-warnings counts them. The output folder is never read as sources.',
    'A failing work leaves nothing half-written and does not stop the others. On a terminal a progress bar is drawn on stderr; elsewhere each work\'s lines are printed as it is built (none of either with --quiet).',
  ],
  options: {
    output: { type: 'string', short: 'o', value: 'dir', description: 'output folder (default: out)' },
    jobs: { type: 'string', short: 'j', value: 'n', description: 'worker threads (default: the number of CPUs when 24 works or more are to be built, else 1)' },
    shard: { type: 'string', value: 'i/n|auto', description: 'build only the i-th of n stable slices of the works, and no site; a last run without --shard over the shards\' outputs (copied into one folder) assembles the catalogue and search index. auto reads the index and count from TEIKIT_SHARD_INDEX/TEIKIT_SHARD_COUNT (a CI matrix), JOB_COMPLETION_INDEX with TEIKIT_SHARD_COUNT (a Kubernetes indexed Job) or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (a Slurm array)' },
    force: { type: 'boolean', description: 'build everything again, unchanged or not' },
    volumes: { type: 'boolean', description: 'also make the volume editions (as teikit volume does) of the works built or skipped, in out/volumes/<volume>/: one TEI (a teiCorpus) and one EPUB per print volume holding two works or more; not with --shard' },
    strict: { type: 'boolean', description: 'an edition with unaccounted items (what the accounting cannot find in its TEI) fails: nothing written for it, exit 1' },
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'json: one object on standard output, each work built or failed with its files, counts and bag, and the site (schema/build.schema.json)' },
  },
  examples: [
    { command: 'teikit build', does: 'every edition in editions/ into out/' },
    { command: 'teikit build corpus/ -o out --shard auto', does: 'one slice of a large collection on each machine of a CI matrix or job array' },
    { command: 'teikit build SU39.html -o site-out --format json', does: 'one page as a one-witness edition; the result as JSON' },
    { command: 'teikit build corpus/ --volumes', does: 'the works, the site, and a TEI and an EPUB for each print volume' },
  ],
  exit: { 0: 'all built', 1: 'a work failed (the others are still built)', 2: 'usage or I/O error' },
});
