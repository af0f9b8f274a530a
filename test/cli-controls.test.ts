/**
 * The command line as one tool: one help layout (`teikit help <cmd>` = `teikit <cmd> --help`),
 * unknown options answered with the nearest one, one exit-code taxonomy (0 done, 1 bad input,
 * 2 usage or I/O in plain words), --quiet / --verbose / --max-warnings, and JSON on stdout that
 * its schema in schema/ describes.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { cli } from './support/cli.js';
import { fixtures, repoRoot } from './support/tools.js';
import { commandSpec } from '../src/cli/run.js';
import type { CommandSpec } from '../src/cli/spec.js';
import { READERS, SOURCE_EXTENSIONS } from '../src/readers/registry.js';
import { RULE_NAMES } from '../src/validate/rules.js';

const COMMANDS = ['convert', 'batch', 'validate', 'render', 'build', 'volume', 'deposit', 'verify'];
const dir = mkdtempSync(join(tmpdir(), 'teikit-controls-'));
// A regular file: a path under it cannot be made, even by root (ENOTDIR), unlike a chmod'ed folder.
writeFileSync(join(dir, 'afile'), 'x');
mkdirSync(join(dir, 'folder'));
mkdirSync(join(dir, 'not-a-bag'));
const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');
writeFileSync(join(dir, 'good.xml'), sample);
writeFileSync(join(dir, 'bad.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n<p>x</q></body></text></TEI>\n');
// A valid file with two warnings: a page number that is neither arabic nor roman.
writeFileSync(join(dir, 'warn.xml'), sample.replace(/<pb n="275"/, '<pb n="A-1"'));

const schema = (name: string) =>
  new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(repoRoot, 'schema', name), 'utf8')) as object);

/** Plain words: no errno name, no stack, no "internal error". */
function plain(text: string): void {
  expect(text).not.toMatch(/\bE[A-Z]{3,}\b|internal error|\n\s+at /);
}

describe('help', () => {
  it.each(COMMANDS)('teikit help %s is teikit %s --help, in the one layout', async (name) => {
    const a = await cli(['help', name]);
    const b = await cli([name, '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(new RegExp(`^Usage: teikit ${name}\\b`));
    expect(a.stdout).toMatch(/\nOptions:\n/);
    expect(a.stdout).toMatch(/\nCommon options \(every command\):\n\s+-q, --quiet/);
    expect(a.stdout).toMatch(/--max-warnings <n>/);
  });

  it.each(COMMANDS)('teikit %s --help is made from its definition: every option, its examples, its exit codes, in order', async (name) => {
    const spec = (await commandSpec(name))!;
    const { stdout } = await cli([name, '--help']);
    const sections = ['Usage:', '\nOptions:\n', '\nCommon options (every command):\n', '\nExamples:\n', '\nExit status: 0 '].map((h) => stdout.indexOf(h));
    expect(sections.every((at, i) => at >= 0 && (i === 0 || at > sections[i - 1]!)), sections.join(',')).toBe(true);
    const options = stdout.slice(sections[1], sections[2]);
    for (const [option, o] of Object.entries(spec.options)) {
      expect(options).toMatch(new RegExp(`^  ${o.short ? `-${o.short}, ` : '    '}--${option}\\b`, 'm'));
    }
    for (const e of spec.examples) expect(stdout).toContain(`  ${e.command}\n`);
    expect(stdout.split('\n').every((l) => l.length <= 100), 'lines within 100 columns').toBe(true);
  });

  it('help texts written by hand name what the code offers: every reader format and extension, every house rule', async () => {
    const convert = (await cli(['help', 'convert'])).stdout.replace(/\s+/g, ' ');
    for (const r of READERS) {
      expect(convert).toContain(r.format);
      for (const ext of r.extensions) expect(convert).toContain(ext);
    }
    const batch = (await cli(['help', 'batch'])).stdout;
    for (const ext of SOURCE_EXTENSIONS) expect(batch).toContain(ext);
    const validate = (await cli(['help', 'validate'])).stdout;
    const words = validate.replace(/\s+/g, ' ');
    for (const rule of RULE_NAMES) expect(words).toMatch(new RegExp(`[ ,]${rule}[ ,]`));
  });

  it("the README's command × exit code table has a row per command, and names the JSON schema of each command with --format", async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const header = '| command | exit 0 | exit 1 (the input is bad) | exit 2 (usage or I/O) | `--help` | `--quiet` | `--format json` |';
    expect(readme).toContain(header);
    const rows = new Map(readme.split('\n').flatMap((line) => {
      const m = /^\| `(\w+)` \|(.*)\|$/.exec(line);
      return m ? [[m[1]!, m[2]!.split(' | ').map((c) => c.trim())] as const] : [];
    }));
    const specs = await Promise.all(COMMANDS.map(async (name) => (await commandSpec(name)) as CommandSpec));
    for (const spec of specs) {
      const cells = rows.get(spec.name);
      expect(cells, spec.name).toHaveLength(6);
      expect(cells![3], spec.name).toBe('yes');
      const json = cells![5]!;
      const schemaFile = /schema\/(\w+)\.schema\.json/.exec(json)?.[0];
      if ('format' in spec.options) {
        expect(schemaFile, spec.name).toBeDefined();
        expect(existsSync(join(repoRoot, schemaFile!)), schemaFile).toBe(true);
      } else expect(schemaFile, spec.name).toBeUndefined();
    }
  });

  it('an option with fixed values refuses another, naming them, exit 2', async () => {
    for (const name of ['convert', 'batch', 'validate', 'build', 'deposit', 'verify']) {
      const r = await cli([name, 'x', '--format', 'yaml'], dir);
      expect(r.code, name).toBe(2);
      expect(r.lines, name).toEqual([`teikit ${name}: --format must be text or json, not "yaml"`]);
    }
  });

  it('the global help lists every command; --version is package.json\'s', async () => {
    const h = await cli(['--help']);
    for (const name of COMMANDS) expect(h.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const v = await cli(['--version']);
    expect(v.stdout).toBe(`teikit ${(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('an unknown option or command is answered in teikit\'s words with the nearest one, exit 2', async () => {
    const r = await cli(['validate', '--fromat', 'json', 'good.xml'], dir);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['teikit validate: unknown option --fromat; did you mean --format? (see teikit validate --help)']);
    const o = await cli(['render', 'good.xml', '--ouptut', 'x.html'], dir);
    expect(o.lines).toEqual(['teikit render: unknown option --ouptut; did you mean --output? (see teikit render --help)']);
    const far = await cli(['verify', '--zzzzzzzz', 'x'], dir);
    expect(far.lines).toEqual(['teikit verify: unknown option --zzzzzzzz (see teikit verify --help)']);
    const c = await cli(['valdate', 'good.xml'], dir);
    expect(c.code).toBe(2);
    expect(c.lines).toEqual(["teikit: unknown command 'valdate'; did you mean 'validate'? (see teikit --help)"]);
    const v = await cli(['render', 'good.xml', '-o'], dir);
    expect(v.lines).toEqual(['teikit render: option -o needs a value (see teikit render --help)']);
    const dash = await cli(['render', 'good.xml', '-o', '-x'], dir);
    expect(dash.lines).toEqual(['teikit render: option -o needs a value (one that starts with a dash is written --output=<value>) (see teikit render --help)']);
  });
});

describe('exit codes: 2 for usage and I/O, in plain words', () => {
  const cases: [string, string[], RegExp][] = [
    ['convert: missing source', ['convert', 'missing.html'], /^cannot read \S*missing\.html: no such file or folder$/],
    ['convert: output under a file', ['convert', join(fixtures, 'marx2mao/Mao/SU39.html'), '-o', 'afile/x.xml'], /^cannot write afile\/x\.xml: a part of the path is a file, not a folder$/],
    ['batch: missing folder', ['batch', 'nowhere', '-o', 'out'], /^cannot read nowhere: no such file or folder$/],
    ['validate: missing file', ['validate', 'missing.xml'], /^teikit validate: cannot read missing\.xml: no such file or folder$/],
    ['validate: a folder with no XML file', ['validate', 'folder'], /^teikit validate: no XML file \(\*\.xml\) in folder$/],
    ['render: missing input', ['render', 'missing.xml', '--to', 'txt'], /^cannot read missing\.xml: no such file or folder$/],
    ['render: a folder for a file', ['render', 'folder', '--to', 'txt', '-o', 'x.txt'], /^cannot read folder: is a folder, not a file$/],
    ['render: output under a file', ['render', 'good.xml', '-o', 'afile/x.txt'], /^cannot write afile\/x\.txt: a part of the path is a file, not a folder$/],
    ['render: missing --xslt', ['render', 'good.xml', '-o', 'x.html', '--xslt', 'none.xsl'], /^cannot read stylesheet \S*none\.xsl: no such file or folder$/],
    ['render: a folder as --xslt', ['render', 'good.xml', '-o', 'x.html', '--xslt', 'folder'], /^cannot read stylesheet \S*folder: is a folder, not a file$/],
    ['build: missing editions folder', ['build', 'no-editions', '-o', 'out'], /^cannot read \S*no-editions: no such file or folder$/],
    ['deposit: missing input', ['deposit', 'missing', '-o', 'bag'], /missing\b.*(no such file or folder|does not exist)/],
    ['deposit: bag under a file', ['deposit', 'good.xml', '-o', 'afile/bag'], /^cannot write afile\/bag: a part of the path is a file, not a folder$/],
    ['verify: missing folder', ['verify', 'no-bag'], /no-bag\b.*(no such file or folder|does not exist)/],
    ['verify: --max-warnings not a number', ['verify', 'not-a-bag', '--max-warnings', 'few'], /^teikit verify: --max-warnings wants a whole number, not "few"/],
    ['build: a negative --jobs is its value, said wrong', ['build', 'no-editions', '-o', 'out', '--jobs', '-1'], /^teikit build: --jobs must be a whole number of at least 1, not "-1"$/],
    ['batch: a negative --jobs is its value, said wrong', ['batch', join(fixtures, 'marx2mao/Mao/SU39.html'), '-o', 'out', '--jobs', '-2'], /^teikit batch: --jobs must be a whole number of at least 1, not "-2"$/],
  ];
  it.each(cases)('%s', async (_, argv, message) => {
    const r = await cli(argv, dir);
    expect(r.code).toBe(2);
    // One failure line (validate adds its summary line, 0 of 1 file(s) valid, some unreadable; a
    // conversion says what it read before it fails to write: SU39's word joined at a page break).
    expect(r.lines.filter((l) => !/file\(s\) valid/.test(l) && !/: info word-break: /.test(l))).toEqual([expect.stringMatching(message)]);
    plain(r.stderr);
  });

  it('build: an output folder under a file is exit 2, in plain words', async () => {
    const r = await cli(['build', join(repoRoot, 'editions'), '-o', join(dir, 'afile', 'out')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \S*afile\/out\/\S+: a part of the path is a file, not a folder/);
    plain(r.stderr);
  }, 120_000);
});

describe('exit codes: 1 for bad input', () => {
  it.each([
    ['validate', ['validate', 'bad.xml']],
    ['render', ['render', 'bad.xml', '-o', 'bad.txt']],
    ['deposit', ['deposit', 'bad.xml', '-o', 'bad-bag']],
    ['verify', ['verify', 'not-a-bag']],
  ])('%s', async (_, argv) => {
    const r = await cli(argv, dir);
    expect(r.code).toBe(1);
    plain(r.stderr + r.stdout);
  });
});

describe('output controls', () => {
  it('--max-warnings: exit 1 beyond it, 0 within it', async () => {
    expect((await cli(['validate', 'warn.xml'], dir)).code).toBe(0);
    const over = await cli(['validate', 'warn.xml', '--max-warnings', '1'], dir);
    expect(over.code).toBe(1);
    expect(over.lines.at(-1)).toBe('teikit validate: 2 warning(s), more than --max-warnings 1');
    expect((await cli(['validate', 'warn.xml', '--max-warnings=2'], dir)).code).toBe(0);
  });

  it('--quiet prints errors only; --verbose says more', async () => {
    const quiet = await cli(['validate', '--quiet', 'warn.xml', 'bad.xml'], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^bad\.xml:2:5: error mismatched-tag: /)]);
    const normal = await cli(['validate', 'warn.xml', 'bad.xml'], dir);
    expect(normal.stdout.match(/ warning /g)).toHaveLength(2);
    const verbose = await cli(['validate', '--verbose', 'warn.xml'], dir);
    expect(verbose.lines.at(-1)).toMatch(/^teikit validate: exit 0 after \d+\.\d\d s, 0 error line\(s\), 2 warning\(s\)$/);
    expect((await cli(['validate', '-q', '--verbose', 'warn.xml'], dir)).code).toBe(2);
  });

  it('--quiet leaves data on stdout: render to standard output', async () => {
    const r = await cli(['render', 'good.xml', '--to', 'txt', '-o', '-', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
  });
});

describe('--format json matches its schema', () => {
  it('validate', async () => {
    const r = await cli(['validate', '--format', 'json', 'good.xml', 'warn.xml', 'bad.xml'], dir);
    const check = schema('validate.schema.json');
    const doc = JSON.parse(r.stdout) as { files: { valid: boolean }[] };
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    expect(doc.files.map((f) => f.valid)).toEqual([true, true, false]);
  });

  it('batch', async () => {
    const src = join(dir, 'src');
    mkdirSync(src, { recursive: true });
    cpSync(join(fixtures, 'marx2mao/Mao/SU39.html'), join(src, 'SU39.html'));
    const r = await cli(['batch', 'src', '-o', 'batch-out', '--format', 'json', '--jobs', '1'], dir);
    expect(r.code).toBe(0);
    const check = schema('batch.schema.json');
    const doc = JSON.parse(r.stdout) as { summary: { converted: number } };
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    expect(doc.summary.converted).toBe(1);
    // a doc missing a required field is refused: the schema can fail
    expect(check({ ...doc, summary: undefined })).toBe(false);
  }, 60_000);

  it('convert: the report, as --report - gives it', async () => {
    const su39 = join(fixtures, 'marx2mao/Mao/SU39.html');
    const r = await cli(['convert', su39, '-o', 'su39.xml', '--format', 'json', '--quiet'], dir);
    expect(r.code).toBe(0);
    const check = schema('report.schema.json');
    const doc = JSON.parse(r.stdout) as { counts: { pageBreaks: number } };
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    expect(doc.counts.pageBreaks).toBeGreaterThan(0);
    const both = await cli(['convert', su39, '-o', 'su39b.xml', '--format', 'json', '--report', 'r.json'], dir);
    expect(both.code).toBe(2);
  }, 60_000);

  it('build: one work built, one refused, one failed; stdout is the JSON alone, messages on stderr', async () => {
    const src = join(dir, 'build-src');
    mkdirSync(src, { recursive: true });
    cpSync(join(fixtures, 'marx2mao/Mao/SU39.html'), join(src, 'SU39.html'));
    // made up: an HTML page with no text of a work in it
    writeFileSync(join(src, 'empty.html'), '<html><head><title>x</title></head><body></body></html>\n');
    mkdirSync(join(dir, 'lone'), { recursive: true });
    writeFileSync(join(dir, 'lone/blank.html'), '<html><head><title>x</title></head><body></body></html>\n');
    // empty.html is found in the folder: refused; lone/blank.html is named: failed
    const r = await cli(['build', 'build-src', 'lone/blank.html', '-o', 'build-out', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const check = schema('build.schema.json');
    const doc = JSON.parse(r.stdout) as { exitCode: number; built: { id: string; counts: { pageBreaks: number }; files: string[]; bag: { files: number } }[]; failed: { input: string; exitCode: number }[]; refused: { input: string; message: string }[] };
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    expect(doc.exitCode).toBe(1);
    expect(doc.built.map((w) => w.id)).toEqual(['SU39']);
    expect(doc.built[0]!.counts.pageBreaks).toBe(9);
    expect(doc.built[0]!.files).toContain('build-out/SU39/SU39.epub');
    expect(doc.failed).toEqual([expect.objectContaining({ input: 'lone/blank.html', exitCode: 1 })]);
    expect(doc.refused).toEqual([{ input: 'build-src/empty.html', message: expect.stringMatching(/^build-src\/empty\.html:\d+:\d+: error not-a-work: /) }]);
    expect(r.stderr).toMatch(/teikit build: 1 of 3 source\(s\) refused as not a work\nteikit build: 1 of 3 edition\(s\) failed/);
    expect(check({ ...doc, built: [{ ...doc.built[0], bag: { files: 0 } }] })).toBe(false);
  }, 120_000);

  it('verify', async () => {
    const r = await cli(['verify', 'not-a-bag', '--format', 'json'], dir);
    const check = schema('verify.schema.json');
    expect(check(JSON.parse(r.stdout)), JSON.stringify(check.errors)).toBe(true);
  });
});
