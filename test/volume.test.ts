/**
 * Volume editions (src/volume/, `teikit volume`): the works of one print volume as one teiCorpus
 * TEI and one EPUB. A made-up volume (test/fixtures/volume/: three works of Vol. III, pp. 1-3, 4-5
 * and 9-10, the third with its notes at the back of the volume, p. 31, and one work of Vol. IV)
 * pins the grouping, print order, pages present and missing; the sample volume with the most works
 * of the 156 marx2mao fixture pages is built whole and checked with teikit's validation, jing
 * (tei_all) and EPUBCheck.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { convertFiles } from '../src/convert.js';
import { renderEpub } from '../src/render/index.js';
import { validateTei } from '../src/validate/index.js';
import { readMembers, groupVolumes, volumeKey, volumeTei, sharedPublication, buildVolumes, type Volume } from '../src/volume/index.js';
import { pageKey } from '../src/volume/member.js';
import { cli } from './support/cli.js';
import { jingValidate } from './support/jing.js';
import { EPUBCHECK_JAR, runEpubcheck } from './support/render-checkers.js';
import { fixtures, repoRoot, requireTool, teiAllRng, which } from './support/tools.js';

const PUB = { publisher: 'teikit tests', licence: { text: 'CC0' }, date: '2026-12-04' };

/** Convert source pages to TEI files in a fresh folder (as teikit batch writes them). */
async function convertAll(files: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-volume-'));
  for (const file of files) {
    try {
      const { tei } = await convertFiles([file], { publication: PUB });
      writeFileSync(join(dir, `${relative(fixtures, file).replace(/[\\/]/g, '_').replace(/\.html?$/, '')}.tei.xml`), tei);
    } catch {
      /* a page that is not a work (a collection index) is refused: no TEI, as in a batch */
    }
  }
  return dir;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.html?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const epubFiles = (epub: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(epub)).map(([k, v]) => [k, strFromU8(v)]));

/** The page list of nav.xhtml: [href, label] per entry. */
function pageList(files: Record<string, string>): [string, string][] {
  const nav = files['OEBPS/nav.xhtml']!;
  const list = nav.slice(nav.indexOf('id="page-list"'), nav.indexOf('id="landmarks"'));
  return [...list.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1]!, m[2]!]);
}

/** Every id of every content document, and those used more than once anywhere in the EPUB. */
function duplicateIds(files: Record<string, string>): { count: number; duplicates: string[] } {
  const ids = Object.entries(files)
    .filter(([p]) => p.endsWith('.xhtml'))
    .flatMap(([, text]) => [...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const seen = new Set<string>();
  return { count: ids.length, duplicates: ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))) };
}

/** Each page-list target exists: the file has an element with that id. */
function danglingTargets(files: Record<string, string>, list: [string, string][]): string[] {
  return list.filter(([href]) => {
    const [file, id] = href.split('#');
    return !files[`OEBPS/${file}`]?.includes(` id="${id}"`);
  }).map(([href]) => href);
}

const java = which('java');
const haveEpubcheck = requireTool('EPUBCheck (java and /usr/share/java/epubcheck.jar)', java && existsSync(EPUBCHECK_JAR));
const rng = teiAllRng();
const haveJing = requireTool('jing', which('jing')) && requireTool('tei_all.rng', rng);

describe('the key of a print volume', () => {
  const member = (collection: string, authors: string[], publisher: string, n: string) =>
    ({ print: { collection, authors, publisher: [publisher], volume: { text: n, n }, editors: [], editions: [], place: [], date: [] } }) as unknown as Parameters<typeof volumeKey>[0];

  it("tells one author's Collected Works from another's, and one publisher's from another's", () => {
    const lenin = volumeKey(member('Collected Works', ['V. I. Lenin'], 'Progress Publishers', '27'));
    expect(volumeKey(member('Collected works ', ['V.  I. Lenin'], 'Progress Publishers', '27'))).toBe(lenin);
    expect(volumeKey(member('Collected Works', ['Karl Marx and Frederick Engels'], 'Progress Publishers', '27'))).not.toBe(lenin);
    expect(volumeKey(member('Collected Works', ['V. I. Lenin'], 'Lawrence & Wishart', '27'))).not.toBe(lenin);
    expect(volumeKey(member('Collected Works', ['V. I. Lenin'], 'Progress Publishers', '28'))).not.toBe(lenin);
  });

  it('gives two volumes of one title and number distinct ids (each its own folder): the authors, then a number', () => {
    const work = (id: string, authors: string[], publisher: string) =>
      ({ ...member('Collected Works', authors, publisher, '2'), id, file: `${id}.tei.xml`, textPages: ['10'], pages: ['10'] }) as unknown as Parameters<typeof volumeKey>[0];
    const ids = groupVolumes([
      work('ER97', ['V. I. Lenin'], 'Progress Publishers'),
      work('MEER97', ['Karl Marx and Frederick Engels'], 'Progress Publishers'),
      work('ER97b', ['V. I. Lenin'], 'Lawrence & Wishart'),
      work('X', ['V. I. Lenin'], 'Progress Publishers'),
    ]).map((v) => [v.id, v.members.map((m) => m.member.id)]);
    // the same ids whatever the order of the inputs
    const reversed = groupVolumes([
      work('X', ['V. I. Lenin'], 'Progress Publishers'),
      work('ER97b', ['V. I. Lenin'], 'Lawrence & Wishart'),
      work('MEER97', ['Karl Marx and Frederick Engels'], 'Progress Publishers'),
      work('ER97', ['V. I. Lenin'], 'Progress Publishers'),
    ]).map((v) => v.id).sort();
    expect(reversed).toEqual(ids.map(([id]) => id as string).sort());
    // in the order of their keys (collection, authors, publisher): Lawrence & Wishart's before Progress's
    expect(ids).toEqual([
      ['collected-works-karl-marx-and-frederick-engels-v2', ['MEER97']],
      ['collected-works-v-i-lenin-v2', ['ER97b']],
      ['collected-works-v-i-lenin-v2-2', ['ER97', 'X']],
    ]);
    // alone, a volume keeps the short id
    expect(groupVolumes([work('ER97', ['V. I. Lenin'], 'Progress Publishers')])[0]!.id).toBe('collected-works-v2');
  });
});

describe('a made-up volume: three works of Vol. III, one of Vol. IV', () => {
  let teiDir: string;
  let outDir: string;
  let volume: Volume;
  let others: Volume[];
  let tei: string;
  let epub: Record<string, string>;
  let epubBytes: Uint8Array;

  beforeAll(async () => {
    // as a user would: teikit batch writes the works' TEI (and copies their images beside it)
    teiDir = mkdtempSync(join(tmpdir(), 'teikit-volume-tei-'));
    const batch = await cli(['batch', join(fixtures, 'volume'), '-o', teiDir, '-q']);
    expect(batch.code, batch.stderr).toBe(0);
    outDir = mkdtempSync(join(tmpdir(), 'teikit-volume-out-'));
    const result = await buildVolumes([teiDir], { outDir, cwd: '/', minWorks: 1 });
    expect([result.failed, result.noVolume]).toEqual([[], []]);
    [volume, ...others] = result.volumes.map((v) => v.volume);
    tei = readFileSync(result.volumes[0]!.files.tei, 'utf8');
    epubBytes = readFileSync(result.volumes[0]!.files.epub);
    epub = epubFiles(epubBytes);
  }, 120_000);

  it('groups by collection and volume number, the works in print order whatever their file names', () => {
    expect(volume.collection).toBe('Selected Essays of the Lakeside Press');
    expect(volume.volume).toEqual({ text: 'III', n: '3' });
    expect(volume.members.map((s) => [s.member.id, s.first, s.last])).toEqual([
      ['ZRIVER70', '1', '3'],
      ['MSCHOOL70', '4', '5'],
      ['AWELLS70', '9', '10'], // its notes on p. 31, at the back of the volume, do not stretch its span
    ]);
    expect(others.map((v) => [v.volume.text, v.members.length])).toEqual([['IV', 1]]);
  });

  it('knows the pages present (notes pages included) and the pages missing between works', () => {
    expect(volume.pages).toEqual(['1', '2', '3', '4', '5', '9', '10', '31']);
    expect(volume.missing.map((g) => [g.from, g.to, g.after.id, g.before.id])).toEqual([['6', '8', 'MSCHOOL70', 'AWELLS70']]);
  });

  it('writes one teiCorpus valid for teikit, the members in print order with their ids prefixed', async () => {
    expect(await validateTei(tei, 'volume.tei.xml')).toEqual([]);
    expect(tei).toMatch(/^<\?xml[^>]*\?>\n<teiCorpus xmlns="http:\/\/www.tei-c.org\/ns\/1.0" xml:lang="en">/);
    expect([...tei.matchAll(/<TEI xml:id="([^"]+)"/g)].map((m) => m[1])).toEqual(['ZRIVER70', 'MSCHOOL70', 'AWELLS70']);
    // each member's notes, references and page-break editions now point inside the member
    expect(tei).toContain('<note xml:id="AWELLS70.n2"');
    expect(tei).toMatch(/<ref type="noteref" xml:id="AWELLS70.nr2" n="2" target="#AWELLS70.n2"/);
    expect(tei).toMatch(/<pb n="9" edRef="#AWELLS70.flp"[^>]*\/>/);
    expect(tei).toContain('<note type="pages">Print pages present (8): 1-5, 9-10, 31.</note>');
    expect(tei).toMatch(/<note type="missing">Missing from the collection: pages 6-8 \(3 page\(s\)\), between “A Letter on the Village Schools” and “On Digging Wells”/);
    expect(tei).toMatch(/<biblScope unit="volume" n="3">III<\/biblScope>\s*<biblScope unit="page" from="1" to="10">1-10<\/biblScope>/);
    expect([...tei.matchAll(/<bibl type="work" corresp="#(\w+)">/g)].map((m) => m[1])).toEqual(['ZRIVER70', 'MSCHOOL70', 'AWELLS70']);
  });

  it('a volume TEI that teikit would write invalid is refused, not written (ids made to collide)', async () => {
    const broken = { ...volume, members: [volume.members[0]!, { ...volume.members[0]! }] };
    await expect(volumeTei(broken, PUB)).rejects.toThrow(/error invalid-tei: .*duplicate-id/);
  });

  it("a work's image travels with the volume: copied under the work's id, packed in the EPUB", () => {
    expect(tei).toContain('<graphic url="AWELLS70/well.gif"/>');
    expect(readFileSync(join(outDir, volume.id, 'AWELLS70', 'well.gif')).subarray(0, 6).toString()).toBe('GIF89a');
    expect(Object.keys(epub).filter((p) => p.startsWith('OEBPS/images/'))).toEqual(['OEBPS/images/1-well.gif']);
    expect(epub['OEBPS/m003.xhtml']).toMatch(/<img src="images\/1-well.gif" alt="A village well"/);
  });

  it('EPUB: one page-list entry per print page present, in print order, each to an existing anchor', () => {
    const list = pageList(epub);
    expect(list.map(([, n]) => n)).toEqual(volume.pages);
    expect(danglingTargets(epub, list)).toEqual([]);
    expect(list[0]).toEqual(['m001.xhtml#p1', '1']);
    expect(list.at(-1)).toEqual(['m003.xhtml#p31', '31']);
  });

  it('EPUB: contents in print order, no id used twice, the missing pages on the title page', () => {
    const nav = epub['OEBPS/nav.xhtml']!;
    const toc = nav.slice(nav.indexOf('id="toc"'), nav.indexOf('id="page-list"'));
    expect([...toc.matchAll(/<a href="(m\d+\.xhtml)">([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      ['m001.xhtml', 'On Mending the River Banks'],
      ['m002.xhtml', 'A Letter on the Village Schools'],
      ['m003.xhtml', 'On Digging Wells'],
    ]);
    const { count, duplicates } = duplicateIds(epub);
    expect(count).toBeGreaterThan(30);
    expect(duplicates).toEqual([]);
    const title = epub['OEBPS/title.xhtml']!;
    expect(title).toContain('Print pages present (8): 1-5, 9-10, 31.');
    expect(title).toMatch(/Missing from the collection: pages 6-8/);
    // the works listed, each linked to its chapter
    expect([...title.matchAll(/<li><a href="(m\d+\.xhtml#\w+)">/g)].map((m) => m[1])).toEqual(['m001.xhtml#ZRIVER70', 'm002.xhtml#MSCHOOL70', 'm003.xhtml#AWELLS70']);
  });

  it.runIf(haveJing)('the volume TEI is valid tei_all (jing)', async () => {
    const file = join(teiDir, '..', `${volume.id}-${Date.now()}.xml`);
    writeFileSync(file, tei);
    expect(await jingValidate(rng!, [file])).toEqual([]);
  }, 120_000);

  it.runIf(haveEpubcheck)('the volume EPUB passes EPUBCheck with 0 errors and 0 warnings', async () => {
    const { results, stderr } = await runEpubcheck([{ name: 'made-up-volume', epub: epubBytes }], mkdtempSync(join(tmpdir(), 'teikit-volume-epub-')));
    expect(results, stderr).toHaveLength(1);
    expect(results[0], stderr).toMatch(/\t0\t0\t0$/);
  }, 240_000);

  it('teikit volume: writes TEI and EPUB, and says what the volume holds and lacks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'teikit-volume-out-'));
    const r = await cli(['volume', teiDir, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('selected-essays-of-the-lakeside-press-v3: Selected Essays of the Lakeside Press, vol. III: 3 work(s), pp. 1-10, 8 print page(s) present, 1 gap(s) between works (3 page(s) missing)');
    expect(r.stdout).toContain('  works: ZRIVER70 (1-3), MSCHOOL70 (4-5), AWELLS70 (9-10)');
    expect(r.stdout).toContain('  missing: pp. 6-8, between MSCHOOL70 and AWELLS70');
    expect(r.lines).toEqual([expect.stringMatching(/1 volume\(s\) with fewer works than --min-works not built: selected-essays-of-the-lakeside-press-v4 \(1\)/)]);
    const written = join(out, 'selected-essays-of-the-lakeside-press-v3', 'selected-essays-of-the-lakeside-press-v3');
    expect(readFileSync(`${written}.tei.xml`, 'utf8')).toContain('<teiCorpus');
    expect(readFileSync(`${written}.epub`).subarray(30, 58).toString()).toBe('mimetypeapplication/epub+zip');
    // --min-works 1: the volume of one work is made too
    const one = await cli(['volume', teiDir, '-o', out, '--min-works', '1']);
    expect(one.stdout).toContain('2 volume(s) of 4 work(s)');
    // a work's image missing beside its TEI: said so, not as a staging folder and an option volume lacks
    const lacking = mkdtempSync(join(tmpdir(), 'teikit-volume-noimage-'));
    cpSync(teiDir, lacking, { recursive: true });
    for (const f of readdirSync(lacking, { recursive: true }) as string[]) if (f.endsWith('well.gif')) rmSync(join(lacking, f));
    const noImage = await cli(['volume', lacking, '-o', join(lacking, 'out')]);
    expect(noImage.code, noImage.stderr).toBe(0);
    expect(noImage.lines).toContainEqual(expect.stringMatching(/warning volume-epub: image '[^']*well\.gif' \(graphic\/@url\) is not found beside its work's TEI; the EPUB is written without it$/));
    expect(noImage.stderr).not.toMatch(/\.tmp|--assets/);
  }, 120_000);

  it('teikit build --volumes: the works, the site and the volume editions in one run; again with every work skipped', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teikit-build-volumes-')), 'out');
    const r = await cli(['build', join(fixtures, 'volume'), '-o', out, '--volumes', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const { Ajv } = await import('ajv');
    const check = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(repoRoot, 'schema', 'build.schema.json'), 'utf8')) as object);
    const doc = JSON.parse(r.stdout);
    expect(check(doc), JSON.stringify(check.errors)).toBe(true);
    const id = 'selected-essays-of-the-lakeside-press-v3';
    expect(doc.volumes).toEqual([{ id, works: 3, tei: join(out, 'volumes', id, `${id}.tei.xml`), epub: join(out, 'volumes', id, `${id}.epub`) }]);
    const volumeTeiText = readFileSync(doc.volumes[0].tei, 'utf8');
    expect([...volumeTeiText.matchAll(/<TEI /g)]).toHaveLength(3);
    expect((await validateTei(volumeTeiText, `${id}.tei.xml`)).filter((d) => d.severity === 'error')).toEqual([]);
    // a second run skips every work, and the volume is still made from their kept TEI
    const again = await cli(['build', join(fixtures, 'volume'), '-o', out, '--volumes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('teikit build: 4 of 4 work(s) unchanged, skipped');
    expect(again.stdout).toContain(`1 volume(s) of 3 work(s) in ${join(out, 'volumes')}/`);
    // not with --shard: the volumes want the whole collection
    expect((await cli(['build', join(fixtures, 'volume'), '-o', out, '--volumes', '--shard', '1/2'])).code).toBe(2);
    // `teikit volume out/` (its help's example): the works' copies in out/bags/ are not read twice
    const fromOut = await cli(['volume', out, '-o', join(out, 'again')]);
    expect(fromOut.code, fromOut.stderr).toBe(0);
    expect(fromOut.stderr).not.toContain('volume-duplicate');
    expect(fromOut.stdout).toContain('1 volume(s) of 3 work(s)');
  }, 180_000);

  it('teikit volume: an invalid input is named and left out (exit 1), a bad option is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-volume-bad-'));
    for (const f of readdirSync(teiDir)) writeFileSync(join(dir, f), readFileSync(join(teiDir, f)));
    writeFileSync(join(dir, 'broken.tei.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>');
    const out = mkdtempSync(join(tmpdir(), 'teikit-volume-out-'));
    const r = await cli(['volume', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/broken\.tei\.xml:1:\d+: error [\w-]+: /);
    expect(r.stderr).toMatch(/teikit volume: 1 input\(s\) not valid TEI, left out: .*broken\.tei\.xml/);
    expect(r.stdout).toContain('1 volume(s) of 3 work(s)'); // the others are still made
    expect((await cli(['volume', dir, '--min-works', '0'])).code).toBe(2);
    expect((await cli(['volume'])).code).toBe(2);
    const missing = await cli(['volume', join(dir, 'no-such-folder')]);
    expect([missing.code, missing.lines]).toEqual([2, [expect.stringMatching(/^cannot read .*no-such-folder: no such file or folder$/)]]);
  }, 120_000);
});

describe('the sample volume with the most works (156 marx2mao fixture pages)', () => {
  let volumes: Volume[];
  let biggest: Volume;
  let tei: string;
  let epubBytes: Uint8Array;
  let epub: Record<string, string>;
  let teiDir: string;

  beforeAll(async () => {
    teiDir = await convertAll([...sourcesUnder(join(fixtures, 'marx2mao')), ...sourcesUnder(join(fixtures, 'marx2mao-tranche2'))]);
    const files = readdirSync(teiDir).sort().map((f) => join(teiDir, f));
    const { members, failed } = await readMembers(files, '/', () => undefined);
    expect(failed).toEqual([]);
    volumes = groupVolumes(members);
    biggest = [...volumes].sort((a, b) => b.members.length - a.members.length)[0]!;
    tei = await volumeTei(biggest, sharedPublication(biggest.members.map((s) => s.member)));
    epubBytes = await renderEpub(tei, { source: `${biggest.id}.tei.xml` });
    epub = epubFiles(epubBytes);
  }, 600_000);

  it('is Selected Works of Mao Tse-tung, Vol. V: 24 works, in print order', () => {
    // 18: Stalin's Works, Vol. 11 holds three sample pages since two of them no longer misread
    // their collection's title (a subtitle in italics beginning "From")
    expect(volumes.filter((v) => v.members.length >= 2)).toHaveLength(18);
    expect([biggest.id, biggest.members.length]).toEqual(['selected-works-of-mao-tse-tung-v5', 24]);
    const firsts = biggest.members.map((s) => pageKey(s.first!)!);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(biggest.members[0]!.member.id).toBe('EGH49');
    expect(biggest.members.at(-1)!.member.id).toBe('RPT57');
  });

  it('its TEI is valid for teikit (schema and rules) and lists the 11 gaps between works', async () => {
    expect((await validateTei(tei, `${biggest.id}.tei.xml`)).filter((d) => d.severity === 'error')).toEqual([]);
    expect(biggest.pages).toHaveLength(193);
    expect(biggest.missing.map((g) => `${g.from}-${g.to}`)).toEqual([
      '23-42', '50-56', '59-71', '73-81', '89-100', '102-151', '172-183', '242-276', '281-311', '324-349', '384-472',
    ]);
    expect(tei.match(/<note type="missing">/g)).toHaveLength(11);
    expect(tei.match(/<TEI xml:id=/g)).toHaveLength(24);
  });

  it('its EPUB has one page-list entry per print page present (193), in print order, no id twice', () => {
    const list = pageList(epub);
    expect(list.map(([, n]) => n)).toEqual(biggest.pages);
    const numbers = list.map(([, n]) => Number(n));
    expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1]!)).toBe(true);
    expect(danglingTargets(epub, list)).toEqual([]);
    expect(duplicateIds(epub).duplicates).toEqual([]);
    // contents: each work, then its chapters (a work of eight numbered sections)
    const nav = epub['OEBPS/nav.xhtml']!;
    expect(nav).toMatch(/<li><a href="m004.xhtml">Main Points of the Resolution[^<]*<\/a><ol><li><a href="m004.xhtml#[^"]+">I\. TWENTY-TWO MONTHS FOR PREPARATION<\/a>/);
    expect(epub['OEBPS/title.xhtml']).toContain('Missing from the collection: pages 384-472');
  });

  it.runIf(haveJing)('its TEI is valid tei_all (jing)', async () => {
    const file = join(teiDir, '..', `${biggest.id}-${Date.now()}.xml`);
    writeFileSync(file, tei);
    expect(await jingValidate(rng!, [file])).toEqual([]);
  }, 120_000);

  it.runIf(haveEpubcheck)('its EPUB passes EPUBCheck with 0 errors and 0 warnings', async () => {
    const { results, stderr } = await runEpubcheck([{ name: biggest.id, epub: epubBytes }], mkdtempSync(join(tmpdir(), 'teikit-volume-epub-')));
    expect(results[0], stderr).toMatch(/\t0\t0\t0$/);
  }, 240_000);

  it('buildVolumes writes both files of each volume', async () => {
    const out = mkdtempSync(join(tmpdir(), 'teikit-volume-build-'));
    const mao = readdirSync(teiDir).filter((f) => /^marx2mao(-tranche2)?_Mao_(EGH49|CPV50|CV51)\./.test(f)).map((f) => join(teiDir, f));
    const r = await buildVolumes(mao, { outDir: out, cwd: '/' });
    expect(r.volumes.map((v) => [v.volume.id, v.volume.members.length])).toEqual([['selected-works-of-mao-tse-tung-v5', 3]]);
    expect(existsSync(r.volumes[0]!.files.tei) && existsSync(r.volumes[0]!.files.epub)).toBe(true);
  }, 120_000);
});
