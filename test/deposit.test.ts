import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, writeFile, rm, stat, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { runCli } from '../src/cli/run.js';
import { createBag } from '../src/deposit/bagit.js';
import { fixtures, repoRoot } from './support/tools.js';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: process.stdin, cwd });
  return { code, out, err };
}

async function schema(name: string) {
  return new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(await readFile(join(repoRoot, 'schema', name), 'utf8')) as object);
}

/** Plain words only: no errno name, no stack, no "internal error". */
function plain(text: string) {
  expect(text).not.toMatch(/\bE[A-Z]{3,}\b|internal error|\n\s+at /);
}

describe('teikit deposit / verify (BagIt)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'teikit-bag-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('bags a TEI file with its renditions and Dublin Core record; coreutils agree with the manifests', async () => {
    const tei = join(fixtures, 'tei/house-sample.tei.xml');
    const bag = join(dir, 'tei-bag');
    const made = await cli(['deposit', tei, '-o', bag], dir);
    expect(made.code, made.err).toBe(0);
    execFileSync('sha256sum', ['--check', '--quiet', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'], { cwd: bag });
    execFileSync('sha512sum', ['--check', '--quiet', 'manifest-sha512.txt'], { cwd: bag });
    const names = ['house-sample.epub', 'house-sample.html', 'house-sample.tei.xml', 'house-sample.txt', 'metadata/dc.xml'];
    expect((await readFile(join(bag, 'manifest-sha256.txt'), 'utf8')).trim().split('\n').map((l) => l.split('  ')[1]).sort()).toEqual(names.map((n) => `data/${n}`));
    let bytes = 0;
    for (const n of names) bytes += (await stat(join(bag, 'data', n))).size;
    const info = await readFile(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${bytes}.5`);
    expect(info).toContain('External-Identifier: house-sample');
    expect(info).toMatch(/External-Description: Mao Tse-tung, The Identity of Interests/);
    expect(info).toMatch(/^Bag-Software-Agent: teikit \d+\.\d+\.\d+$/m);
    // The Dublin Core record, from the teiHeader, in the oai_dc shape.
    const dc = await readFile(join(bag, 'data/metadata/dc.xml'), 'utf8');
    expect(dc).toMatch(/<oai_dc:dc [^>]*xmlns:oai_dc="http:\/\/www\.openarchives\.org\/OAI\/2\.0\/oai_dc\/"/);
    expect(dc).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(dc).toContain('<dc:title>The Identity of Interests between the Soviet Union and All Mankind</dc:title>');
    expect(dc).toContain('<dc:creator>Mao Tse-tung</dc:creator>');
    expect(dc).toContain('<dc:identifier>house-sample</dc:identifier>');
    expect(dc).toContain('<dc:date>2026-11-26</dc:date>');
    expect(dc).toContain('<dc:language>en</dc:language>');
    expect(dc).toContain('<dc:rights>CC0 1.0, https://creativecommons.org/publicdomain/zero/1.0/</dc:rights>');
    expect(dc.match(/<dc:source>/g)).toHaveLength(3);
    expect(dc).toContain('pp. 275-83.</dc:source>');
    expect(await readFile(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const ok = await cli(['verify', bag], dir);
    expect(ok.code, ok.err).toBe(0);
  }, 120_000);

  it('builds an edition folder first and bags TEI, report, renditions, sources and DC (JSON as its schema says)', async () => {
    const bag = join(dir, 'edition-bag');
    const made = await cli(['deposit', 'editions/identity-of-interests', '-o', bag, '--format', 'json', '--contact-name', 'A. Archivist', '--contact-email', 'a@example.org'], repoRoot);
    expect(made.code, made.err).toBe(0);
    const json = JSON.parse(made.out);
    const valid = await schema('deposit.schema.json');
    expect(valid(json), JSON.stringify(valid.errors)).toBe(true);
    expect(json.kind).toBe('edition');
    expect(json.payload).toEqual([
      'data/identity-of-interests.epub',
      'data/identity-of-interests.html',
      'data/identity-of-interests.report.json',
      'data/identity-of-interests.tei.xml',
      'data/identity-of-interests.txt',
      'data/metadata/dc.xml',
      'data/sources/identity-of-interests.md',
      'data/sources/SU39.html',
    ]);
    expect(json.bagInfo['External-Identifier']).toBe('identity-of-interests');
    expect(json.bagInfo['Source-Organization']).toBe('teikit project');
    const info = await readFile(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Contact-Name: A. Archivist\n');
    expect(info).toContain('Contact-Email: a@example.org\n');
    expect(info).toContain('External-Identifier: identity-of-interests\n');
    // The sources are the edition's own bytes; the conversion's warnings went to stderr.
    expect(await readFile(join(bag, 'data/sources/SU39.html'))).toEqual(await readFile(join(repoRoot, 'editions/identity-of-interests/SU39.html')));
    expect(made.err).toMatch(/warning page-gap/);
    expect(json.diagnostics.length).toBeGreaterThan(0);

    // verify: each changed, missing and unlisted file named once, in text and in JSON.
    await appendFile(join(bag, 'data/identity-of-interests.txt'), 'x');
    await rm(join(bag, 'data/sources/SU39.html'));
    await writeFile(join(bag, 'data/extra.txt'), 'not listed');
    const bad = await cli(['verify', bag], dir);
    expect(bad.code).toBe(1);
    // the problems are verify's result (stdout, as validate's diagnostics), the summary a message
    expect(bad.err).toMatch(/invalid bag, 4 problem\(s\)/);
    const lines = bad.out.trim().split('\n');
    const shown = relative(dir, bag);
    expect(lines.filter((l) => l.includes('data/identity-of-interests.txt'))).toEqual([`${bag}/data/identity-of-interests.txt: error bag-changed: changed: its sha256 digest differs from manifest-sha256.txt`]);
    expect(lines.filter((l) => l.includes('data/sources/SU39.html'))).toEqual([`${bag}/data/sources/SU39.html: error bag-missing: listed in manifest-sha256.txt but missing`]);
    expect(lines.filter((l) => l.includes('data/extra.txt'))).toEqual([`${bag}/data/extra.txt: error bag-unlisted: in data/ but not listed in manifest-sha256.txt`]);
    expect(lines.some((l) => l.includes('error bag-payload-oxum'))).toBe(true);
    const asJson = await cli(['verify', shown, '--format', 'json'], dir);
    expect(asJson.code).toBe(1);
    const result = JSON.parse(asJson.out);
    const validVerify = await schema('verify.schema.json');
    expect(validVerify(result), JSON.stringify(validVerify.errors)).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.problems.map((p: { kind: string; file: string }) => `${p.kind} ${p.file}`).sort()).toEqual([
      `changed ${shown}/data/identity-of-interests.txt`,
      `missing ${shown}/data/sources/SU39.html`,
      `payload-oxum ${shown}/bag-info.txt`,
      `unlisted ${shown}/data/extra.txt`,
    ]);
  }, 180_000);

  it('verify: a symbolic link in data/ is named, whether a manifest lists its name or not', async () => {
    const bag = join(dir, 'link-bag');
    const payload = join(dir, 'link-payload');
    await mkdir(payload);
    await writeFile(join(payload, 'a.txt'), 'a');
    await writeFile(join(payload, 'b.txt'), 'b');
    await createBag(payload, bag);
    expect((await cli(['verify', bag], dir)).code).toBe(0);
    // a link to a folder outside the bag, and a listed file replaced by a link to a copy of itself
    await symlink(tmpdir(), join(bag, 'data/elsewhere'));
    await writeFile(join(dir, 'b-copy.txt'), 'b');
    await rm(join(bag, 'data/b.txt'));
    await symlink(join(dir, 'b-copy.txt'), join(bag, 'data/b.txt'));
    const r = await cli(['verify', bag, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out) as { problems: { kind: string; file: string }[] };
    expect((await schema('verify.schema.json'))(result)).toBe(true);
    expect(result.problems.filter((p) => p.kind === 'not-a-file').map((p) => p.file)).toEqual([join(bag, 'data/b.txt'), join(bag, 'data/elsewhere')]);
    // data/ itself a link to a copy of the payload elsewhere: named, never a valid bag
    const moved = join(dir, 'link-bag-2');
    await createBag(payload, moved);
    await cp(join(moved, 'data'), join(dir, 'data-elsewhere'), { recursive: true });
    await rm(join(moved, 'data'), { recursive: true });
    await symlink(join(dir, 'data-elsewhere'), join(moved, 'data'));
    const whole = await cli(['verify', moved, '--format', 'json'], dir);
    expect(whole.code).toBe(1);
    expect((JSON.parse(whole.out) as { problems: { kind: string; file: string }[] }).problems.filter((p) => p.kind === 'not-a-file').map((p) => p.file)).toEqual([join(moved, 'data')]);
  });

  it('verify: a malformed bagit.txt or bag-info.txt, or a fetch.txt whose files are not there, is no valid bag; md5 and sha1 manifests are checked', async () => {
    const payload = join(dir, 'form-payload');
    await mkdir(payload);
    await writeFile(join(payload, 'a.txt'), 'a');
    const problemsOf = async (bag: string) => {
      const r = await cli(['verify', bag, '--format', 'json'], dir);
      const result = JSON.parse(r.out) as { problems: { kind: string; file: string; message: string }[] };
      expect((await schema('verify.schema.json'))(result)).toBe(true);
      // a tag file changed by hand no longer matches its tag manifest: leave that out of the comparison
      return { code: r.code, problems: result.problems.filter((p) => p.kind !== 'changed').map((p) => `${p.kind}: ${p.message}`) };
    };
    const tampered = async (name: string, file: string, edit: (text: string) => string) => {
      const bag = join(dir, name);
      await createBag(payload, bag);
      await writeFile(join(bag, file), edit(await readFile(join(bag, file), 'utf8')));
      return problemsOf(bag);
    };
    expect(await tampered('v2', 'bagit.txt', (t) => t.replace('BagIt-Version: 1.0', 'BagIt-Version: 2.0'))).toEqual({ code: 1, problems: ['unsupported-version: BagIt-Version 2.0: teikit checks versions 1.0 (RFC 8493) and 0.97'] });
    expect(await tampered('oxum-abc', 'bag-info.txt', (t) => t.replace(/^Payload-Oxum: .*$/m, 'Payload-Oxum: abc'))).toEqual({ code: 1, problems: ['payload-oxum: Payload-Oxum "abc" is not <octets>.<files>'] });
    expect(await tampered('oxum-twice', 'bag-info.txt', (t) => `${t}Payload-Oxum: 1.1\n`)).toEqual({ code: 1, problems: ['malformed: Payload-Oxum is given 2 times; it must be given once'] });
    // the field's name in another case is the same field, and is checked against the payload
    expect((await tampered('oxum-case', 'bag-info.txt', (t) => t.replace(/^Payload-Oxum: .*$/m, 'payload-oxum: 999.1'))).problems).toEqual([expect.stringMatching(/^payload-oxum: Payload-Oxum 999\.1 but the payload is \d+\.1$/)]);
    expect(await tampered('date-bad', 'bag-info.txt', (t) => t.replace(/^Bagging-Date: .*$/m, 'Bagging-Date: 2020-13-45'))).toEqual({ code: 1, problems: ['malformed: Bagging-Date "2020-13-45" is not a date (YYYY-MM-DD)'] });
    // a repeated Bag-Count SHOULD NOT be, but does not make the bag invalid
    expect((await tampered('count-twice', 'bag-info.txt', (t) => `${t}Bag-Count: 1 of 2\nBag-Count: 1 of 2\n`)).problems).toEqual([]);
    expect(await tampered('three-lines', 'bagit.txt', (t) => `${t}Extra: line\n`)).toEqual({ code: 1, problems: ['malformed: 3 lines: a bagit.txt has exactly two'] });
    for (const count of ['3 of 2', 'abc', '0 of 0']) {
      expect(await tampered(`count-${count.replace(/\W/g, '')}`, 'bag-info.txt', (t) => `${t}Bag-Count: ${count}\n`), count).toEqual({ code: 1, problems: [`malformed: Bag-Count "${count}" is not "N of T" with 1 ≤ N ≤ T (or "N of ?")`] });
    }
    expect((await tampered('count-ok', 'bag-info.txt', (t) => `${t}Bag-Count: 2 of ?\n`)).problems).toEqual([]);
    const fetching = join(dir, 'fetch-bag');
    await createBag(payload, fetching);
    await writeFile(join(fetching, 'fetch.txt'), 'https://example.org/b.txt 1 data/b.txt\nhttp://x/ 5 ../../etc/passwd\nhttp://x/ 5 notes.txt\n');
    expect(await problemsOf(fetching)).toEqual({ code: 1, problems: [
      // named once per kind of problem, whatever the number of manifests
      'unlisted: listed in fetch.txt but not in manifest-sha256.txt',
      'missing: listed in fetch.txt to be fetched from https://example.org/b.txt: teikit does not fetch, and the bag is not complete without it',
      'outside-bag: path "../../etc/passwd" leaves the bag',
      'malformed: path "notes.txt" is not in data/: only payload is fetched',
    ] });
    // a bag made by another tool with md5 and sha1 manifests only: checked, valid; a changed byte found
    const old = join(dir, 'md5-bag');
    await mkdir(join(old, 'data'), { recursive: true });
    await writeFile(join(old, 'data/a.txt'), 'a');
    await writeFile(join(old, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
    await writeFile(join(old, 'manifest-md5.txt'), '0cc175b9c0f1b6a831c399e269772661  data/a.txt\n');
    await writeFile(join(old, 'manifest-sha1.txt'), '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8  data/a.txt\n');
    expect((await cli(['verify', old], dir)).code).toBe(0);
    await writeFile(join(old, 'data/a.txt'), 'b');
    const r = await cli(['verify', old, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { problems: { kind: string }[] }).problems.map((p) => p.kind)).toEqual(['changed']);
  });

  it('bags a built edition, rendering what it lacks and taking the sources its report names', async () => {
    const built = join(dir, 'built');
    await mkdir(built);
    const tei = join(fixtures, 'tei/house-sample.tei.xml');
    await cp(tei, join(built, 'house-sample.tei.xml'));
    const report = { inputs: [{ file: 'editions/identity-of-interests/SU39.html' }, { file: 'editions/identity-of-interests/gone.md' }] };
    await writeFile(join(built, 'house-sample.report.json'), JSON.stringify(report));
    const bag = join(dir, 'built-bag');
    const made = await cli(['deposit', built, '-o', bag, '--format', 'json', '--external-identifier', 'my-archive:42'], repoRoot);
    expect(made.code, made.err).toBe(0);
    const json = JSON.parse(made.out);
    expect(json.kind).toBe('built-edition');
    expect(json.payload).toEqual([
      'data/house-sample.epub', 'data/house-sample.html', 'data/house-sample.report.json', 'data/house-sample.tei.xml',
      'data/house-sample.txt', 'data/metadata/dc.xml', 'data/sources/SU39.html',
    ]);
    expect(json.bagInfo['External-Identifier']).toBe('my-archive:42');
    expect(json.warnings).toEqual(['editions/identity-of-interests/gone.md: source named by the report not found: the bag holds no copy of it']);
    expect(made.err).toContain('warning: editions/identity-of-interests/gone.md: source named by the report not found');
  }, 120_000);

  describe('exit classes: 1 the input is bad, 2 usage or I/O, in plain words, nothing left behind', () => {
    it('1: a folder of sources alone is refused with a hint, never bagged without its TEI', async () => {
      const sources = join(dir, 'sources-only');
      await mkdir(sources);
      await cp(join(repoRoot, 'editions/identity-of-interests/SU39.html'), join(sources, 'SU39.html'));
      const r = await cli(['deposit', 'sources-only', '-o', 'bag1'], dir);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe('sources-only: no edition.json and no TEI file (*.tei.xml): a folder of sources alone is not deposited without its TEI: write an edition.json beside the sources (see the README) or build the TEI first (teikit convert, teikit build)');
      expect(existsSync(join(dir, 'bag1'))).toBe(false);
      const editions = await cli(['deposit', join(repoRoot, 'editions'), '-o', 'bag1'], dir);
      expect(editions.code).toBe(1);
      expect(editions.err).toContain('it holds editions in folders: deposit one of them, e.g. teikit deposit');
    });

    it('1: an invalid TEI is refused with its diagnostics', async () => {
      const r = await cli(['deposit', join(fixtures, 'invalid/att-unknown.tei.xml'), '-o', 'bag2'], dir);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/att-unknown\.tei\.xml:\d+:\d+: error /);
      expect(existsSync(join(dir, 'bag2'))).toBe(false);
      expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
    }, 60_000);

    it('2: usage, a missing input, an existing bag, a bag folder that cannot be made', async () => {
      const tei = join(fixtures, 'tei/house-sample.tei.xml');
      for (const args of [['deposit', tei], ['deposit', tei, '-o', 'b', '--format', 'xml'], ['deposit', tei, '-o', 'b', '--bogus']]) {
        const r = await cli(args, dir);
        expect(r.code, args.join(' ')).toBe(2);
        plain(r.err);
      }
      const missing = await cli(['deposit', 'nope.xml', '-o', 'bag3'], dir);
      expect(missing.code).toBe(2);
      expect(missing.err.trim()).toBe('cannot read nope.xml: no such file or folder');
      await mkdir(join(dir, 'exists'));
      const exists = await cli(['deposit', tei, '-o', 'exists'], dir);
      expect(exists.code).toBe(2);
      expect(exists.err.trim()).toBe('cannot write exists: already exists; choose a new folder for the bag');
      // Not writable even for root (the tests run as root here): the bag's parent is a regular file.
      await writeFile(join(dir, 'a-file'), 'x');
      const blocked = await cli(['deposit', tei, '-o', 'a-file/bag'], dir);
      expect(blocked.code).toBe(2);
      expect(blocked.err.trim()).toBe('cannot write a-file/bag: a part of the path is a file, not a folder');
      // a bag inside the folder it bags would be copied into itself
      await mkdir(join(dir, 'built-ed'));
      await writeFile(join(dir, 'built-ed/x.tei.xml'), await readFile(tei));
      const inside = await cli(['deposit', 'built-ed', '-o', 'built-ed/bag'], dir);
      expect(inside.code).toBe(2);
      expect(inside.err.trim()).toBe('cannot write built-ed/bag: it is inside built-ed, the folder being deposited; choose a folder outside it');
      expect(await readdir(join(dir, 'built-ed'))).toEqual(['x.tei.xml']);
      // named by a symbolic link to it: the same folder
      await symlink(join(dir, 'built-ed'), join(dir, 'built-link'));
      const linked = await cli(['deposit', 'built-link', '-o', 'built-ed/bag'], dir);
      expect(linked.code).toBe(2);
      expect(await readdir(join(dir, 'built-ed'))).toEqual(['x.tei.xml']);
      plain(blocked.err + missing.err + exists.err + inside.err);
    });

    it('2: a bag-info option not of its form (--bag-count) is a usage error in teikit\'s words, before anything is built', async () => {
      const edition = join(repoRoot, 'editions/identity-of-interests');
      for (const count of ['abc', '3 of 2', '0 of 2', '2 of', '']) {
        const r = await cli(['deposit', edition, '-o', 'count-bag', '--bag-count', count], dir);
        // one line: the edition was not built (its conversion would have printed its diagnostics first)
        expect([r.code, r.err], count).toEqual([2, `teikit deposit: --bag-count must be "N of T" with 1 ≤ N ≤ T (or "N of ?"), not "${count}"\n`]);
        plain(r.err);
      }
      expect((await readdir(dir)).filter((f) => f.includes('count-bag'))).toEqual([]);
      const ok = await cli(['deposit', join(fixtures, 'tei/house-sample.tei.xml'), '-o', 'count-bag', '--bag-count', '2 of ?'], dir);
      expect(ok.code, ok.err).toBe(0);
      expect(await readFile(join(dir, 'count-bag/bag-info.txt'), 'utf8')).toMatch(/^Bag-Count: 2 of \?$/m);
      // the library refuses the same, and a Payload-Oxum, which is the payload's own count
      const { deposit } = await import('../src/deposit/deposit.js');
      await expect(deposit(edition, join(dir, 'lib-bag'), { info: { 'Bag-Count': '3 of 2' } })).rejects.toMatchObject({ exitCode: 2, message: 'bag-info.txt Bag-Count must be "N of T" with 1 ≤ N ≤ T (or "N of ?"), not "3 of 2"' });
      await expect(deposit(edition, join(dir, 'lib-bag'), { info: { 'Payload-Oxum': '1.1' } })).rejects.toMatchObject({ exitCode: 2, message: 'bag-info.txt Payload-Oxum is counted from the payload; it is not given' });
      expect(existsSync(join(dir, 'lib-bag'))).toBe(false);
    });

    it('0: a TEI file named <name>.xml is bagged as <name>.tei.xml', async () => {
      await writeFile(join(dir, 'plain.xml'), await readFile(join(fixtures, 'tei/house-sample.tei.xml')));
      const r = await cli(['deposit', 'plain.xml', '-o', 'bag-plain'], dir);
      expect(r.code, r.err).toBe(0);
      expect((await readdir(join(dir, 'bag-plain/data'))).sort()).toEqual(['metadata', 'plain.epub', 'plain.html', 'plain.tei.xml', 'plain.txt']);
      expect((await cli(['verify', 'bag-plain'], dir)).code).toBe(0);
    });

    it('verify: 1 not a bag, 2 a missing or unreadable folder and usage', async () => {
      const notBag = await cli(['verify', '.'], dir);
      expect(notBag.code).toBe(1);
      expect(notBag.out).toMatch(/bagit\.txt: error bag-not-a-bag: missing: this is not a BagIt bag/);
      const missing = await cli(['verify', 'no-such-bag'], dir);
      expect(missing.code).toBe(2);
      expect(missing.err.trim()).toBe('cannot read no-such-bag: no such file or folder');
      await writeFile(join(dir, 'plain-file'), 'x');
      const unreadable = await cli(['verify', 'plain-file/bag'], dir);
      expect(unreadable.code).toBe(2);
      expect(unreadable.err.trim()).toBe('cannot read plain-file/bag: a part of the path is a file, not a folder');
      for (const args of [['verify'], ['verify', 'a', 'b'], ['verify', '.', '--format', 'yaml']]) {
        const r = await cli(args, dir);
        expect(r.code, args.join(' ')).toBe(2);
        plain(r.err);
      }
    });
  });
});

describe('createBag: what a payload folder holds', () => {
  it('copies files and subfolders, a link to a file as that file, and leaves out dangling links, link loops, links to folders and FIFOs', async () => {
    const { createBag, verifyBag } = await import('../src/deposit/bagit.js');
    const { symlinkSync } = await import('node:fs');
    const root = await mkdtemp(join(tmpdir(), 'teikit-payload-'));
    const payload = join(root, 'payload');
    await mkdir(join(payload, 'images'), { recursive: true });
    await writeFile(join(payload, 'a.tei.xml'), '<TEI/>\n');
    await writeFile(join(payload, 'images', 'p1.gif'), 'GIF89a');
    symlinkSync(join(payload, 'a.tei.xml'), join(payload, 'link.xml'));
    symlinkSync(join(root, 'nowhere'), join(payload, 'dangling.xml'));
    symlinkSync(payload, join(payload, 'loop'));
    symlinkSync(join(payload, 'b-link'), join(payload, 'a-link'));
    symlinkSync(join(payload, 'a-link'), join(payload, 'b-link'));
    execFileSync('mkfifo', [join(payload, 'pipe')]);
    const bag = await createBag(payload, join(root, 'bag'), {}, new Date('2026-12-05T00:00:00Z'));
    expect(bag.payload).toEqual(['data/a.tei.xml', 'data/images/p1.gif', 'data/link.xml']);
    expect(await readFile(join(root, 'bag/data/link.xml'), 'utf8')).toBe('<TEI/>\n');
    expect((await readFile(join(root, 'bag/bag-info.txt'), 'utf8'))).toContain('Payload-Oxum: 20.3');
    expect(await verifyBag(join(root, 'bag'))).toEqual([]);
    // a changed byte is named (once, though two manifests list the file)
    await appendFile(join(root, 'bag/data/images/p1.gif'), 'x');
    const problems = await verifyBag(join(root, 'bag'));
    expect(problems.filter((p) => p.kind === 'changed').map((p) => p.file)).toEqual([join(root, 'bag', 'data/images/p1.gif')]);
    // a tag manifest that is there but cannot be read: the bag cannot be checked (exit 2), not valid
    await rm(join(root, 'bag/tagmanifest-sha256.txt'));
    await mkdir(join(root, 'bag/tagmanifest-sha256.txt'));
    await expect(verifyBag(join(root, 'bag'), 'bag')).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^cannot read bag\/tagmanifest-sha256\.txt: /) });
    await rm(root, { recursive: true, force: true });
  });
});

describe('mapLimited', () => {
  it('starts nothing after a failure, and rejects only once the running items have settled', async () => {
    const { mapLimited } = await import('../src/util/map-limited.js');
    const started: number[] = [];
    const settled: number[] = [];
    const run = mapLimited([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setTimeout(r, n === 1 ? 40 : 5));
      settled.push(n);
      if (n === 0) throw new Error('item 0 failed');
      return n;
    });
    await expect(run).rejects.toThrow('item 0 failed');
    // 0 and 1 ran side by side; 0 failed first, so nothing after 1 started, and 1 had finished
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([0, 1]);
  });
});
