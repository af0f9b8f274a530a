/**
 * Other people's TEI (made-up fixtures in test/fixtures/tei-other, one per construct): blocks
 * inside paragraphs, labelled lists and glosses, lists of persons, places and bibliography, a
 * taxonomy, a teiCorpus, drama, empty titles, three-letter languages, unavailable images. Each is
 * rendered to HTML, EPUB and text; EPUBCheck and the Nu Html Checker must find nothing, and every
 * word of the reading text must come out in the text rendition, in order. `validate --schema
 * tei_all` must agree with jing on every fixture, valid and invalid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { renderEpub, renderHtml, renderText } from '../src/render/index.js';
import { isValid, validateTei, parseRuleList } from '../src/validate/index.js';
import { fixtures, requireTool, teiAllRng, which } from './support/tools.js';
import { words } from './support/words.js';
import { EPUBCHECK_JAR, runEpubcheck, runVnu, VNU_JAR } from './support/render-checkers.js';

const dir = join(fixtures, 'tei-other');
const invalidDir = join(dir, 'invalid');
const names = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
const invalidNames = readdirSync(invalidDir).filter((f) => f.endsWith('.xml')).sort();

interface Rendered {
  name: string;
  html: string;
  epub: Uint8Array;
  files: Record<string, string>;
  text: string;
  warnings: string[];
}

/** Words of the reading text (outside the header and figure descriptions): main text and notes apart. */
function readingWords(xml: string): { main: string[]; notes: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  const main: string[] = [];
  const notes: string[] = [];
  const stack: string[] = [];
  parser.on('opentag', (t) => stack.push(t.local));
  parser.on('closetag', () => stack.pop());
  parser.on('text', (t) => {
    if (stack.includes('teiHeader') || stack.includes('figDesc')) return;
    (stack.includes('note') ? notes : main).push(...words(t));
  });
  parser.write(xml).close();
  return { main, notes };
}

/** Whether `sub` occurs in `all` in order (other words may stand between). */
function missingInOrder(sub: string[], all: string[]): string | undefined {
  let k = 0;
  for (const w of all) if (w === sub[k]) k++;
  return k === sub.length ? undefined : `word ${k} «${sub.slice(Math.max(0, k - 3), k + 3).join(' ')}» not found in order`;
}

describe('rendering other people\'s TEI (test/fixtures/tei-other)', () => {
  const rendered: Rendered[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'teikit-anytei-'));

  beforeAll(async () => {
    for (const name of names) {
      const xml = readFileSync(join(dir, name), 'utf8');
      const warnings: string[] = [];
      const opts = { source: name, assetsDir: dir, onWarning: (w: string) => warnings.push(w) };
      const epub = await renderEpub(xml, opts);
      const files = Object.fromEntries(Object.entries(unzipSync(epub)).filter(([k]) => /\.(xhtml|opf)$/.test(k)).map(([k, v]) => [k, strFromU8(v)]));
      rendered.push({ name: name.replace(/\.xml$/, ''), html: await renderHtml(xml, opts), epub, files, text: await renderText(xml, opts), warnings });
    }
  }, 120_000);

  const get = (name: string) => rendered.find((r) => r.name === name)!;

  it('every word of the reading text is in the text rendition, in order (notes too)', () => {
    expect(rendered).toHaveLength(names.length);
    for (const r of rendered) {
      const { main, notes } = readingWords(readFileSync(join(dir, `${r.name}.xml`), 'utf8'));
      const out = words(r.text);
      expect(main.length, r.name).toBeGreaterThan(5);
      expect(missingInOrder(main, out), `${r.name}: main text`).toBeUndefined();
      expect(missingInOrder(notes, out), `${r.name}: notes`).toBeUndefined();
    }
  });

  it('paragraphs that hold lists, quotations, tables, figures, lg and notes become div, not p', () => {
    const html = get('blocks-in-p').html;
    expect(html).not.toMatch(/<p[ >](?:(?!<\/p>).)*<(ul|ol|dl|table|blockquote|figure|div)[ >]/s);
    expect(html).toContain('<div class="p">The orchard keeper listed her chores:');
  });

  it('list labels and glosses are kept (dl in HTML, "label item" lines in text)', () => {
    const g = get('glossary');
    expect(g.html).toMatch(/<dl class="list gloss labelled"><dt>scrumpy<\/dt><dd>rough cider from windfalls<\/dd>/);
    expect(g.text).toContain('\nscrumpy rough cider from windfalls\n');
    expect(g.text).toContain('\n(a) first the picking,\n');
    expect(g.html).toContain('<span class="gloss">the crushed pulp left after pressing</span>');
  });

  it('lists of persons, places, organisations and bibliography, and a taxonomy, are readable lists', () => {
    const e = get('entries');
    expect(e.html).toMatch(/<li id="pers1"><p class="entry-parts"><span class="persName">Berthe Pommier<\/span>; <span class="birth">\* 1801<\/span>; <span class="death">† 1877<\/span>/);
    expect(e.html).toContain('<li>Jules Fictif, <cite>Almanach des vergers</cite>, Rennes: Imprimerie Inventée, 1862.</li>');
    expect(e.html).toMatch(/<div class="entries taxonomy" id="tax1">.*<p class="catDesc">Pommes reinettes<\/p>/s);
    expect(e.text).toContain('\n* Berthe Pommier 1801 1877 Gardienne du verger communal.\n');
    expect(e.text).toContain('\n* Anonyme, Traité imaginaire du cidre, 1850.\n');
  });

  it('xml:lang becomes a BCP 47 tag (eng → en, fre → fr, ger → de; en-GB stays)', () => {
    expect(get('blocks-in-p').html).toMatch(/^<!DOCTYPE html>\s*<html[^>]* lang="en">/);
    expect(get('entries').html).toMatch(/<html[^>]* lang="fr">/);
    expect(get('untitled').files['OEBPS/package.opf']).toContain('<dc:language>de</dc:language>');
    expect(get('glossary').html).toMatch(/<html[^>]* lang="en-GB">/);
  });

  it('an empty title and author give a title from the first heading and no empty creator', () => {
    const u = get('untitled');
    expect(u.html).toContain('<title>Ein erfundenes Kapitel</title>');
    expect(u.files['OEBPS/package.opf']).toContain('<dc:title>Ein erfundenes Kapitel</dc:title>');
    expect(u.files['OEBPS/package.opf']).not.toContain('<dc:creator');
    expect(u.html).not.toContain('class="author"');
  });

  it('the publication statement names each party by its role (an authority is not an "Edition")', () => {
    const d = get('drama');
    expect(d.html).toContain('Released by The teikit test suite');
    expect(d.text).toContain('Released by The teikit test suite');
    for (const r of rendered) expect(r.html, r.name).not.toContain('Edition: ');
  });

  it('a pointer to the web is its address in the text rendition and a link in HTML', () => {
    const g = get('glossary');
    expect(g.text).toContain('(see https://example.org/pomace)');
    expect(g.html).toContain('<a href="https://example.org/pomace">https://example.org/pomace</a>');
  });

  it('every member of a teiCorpus is rendered: one EPUB chapter each, one HTML page, text of all', () => {
    const c = get('corpus');
    expect(Object.keys(c.files).filter((f) => /OEBPS\/m\d+\.xhtml/.test(f)).sort()).toEqual(['OEBPS/m001.xhtml', 'OEBPS/m002.xhtml']);
    expect(c.files['OEBPS/m002.xhtml']).toContain('<h1>Second letter, about sun</h1>');
    expect(c.files['OEBPS/nav.xhtml']).toMatch(/<a href="m001.xhtml">First letter, about rain<\/a>.*<a href="m002.xhtml">Second letter, about sun<\/a>/s);
    expect(c.html).toMatch(/<h2>First letter, about rain<\/h2><p class="author">Hortense Sample<\/p>.*<h3[^>]*>Monday<\/h3>.*<h2>Second letter, about sun<\/h2>/s);
    expect(c.text).toMatch(/First letter, about rain\n-+\n\nMonday\n\nThe rain has not stopped since Sunday\.\n\nSecond letter, about sun/);
    expect(c.files['OEBPS/package.opf']).toContain('<dc:title>Two Made-up Letters</dc:title>');
  });

  it('a TEI whose members are TEI elements (a corpus in P5\'s newer form) renders every member, as a teiCorpus', () => {
    const n = get('nested-members');
    expect(Object.keys(n.files).filter((f) => /OEBPS\/m\d+\.xhtml/.test(f)).sort()).toEqual(['OEBPS/m001.xhtml', 'OEBPS/m002.xhtml']);
    expect(n.files['OEBPS/m002.xhtml']).toContain('The shepherds counted their flocks twice before the snow.');
    expect(n.html).toMatch(/<h2>The first letter<\/h2>.*The ships came in at dawn.*<h2>The second letter<\/h2>.*The shepherds counted/s);
    expect(n.text).toMatch(/The first letter\n-+\n\nFrom the harbour\n\nThe ships came in at dawn with salt and timber\.\n\nThe second letter/);
  });

  it('a missing, remote or outside-the-folder image leaves the EPUB without it, with a warning naming it', () => {
    const i = get('images');
    expect(i.warnings).toEqual([
      expect.stringMatching(/^images\.xml: warning image-skipped: image 'images\/no-such-barn\.png' \(graphic\/@url\) is not found in .* \(--assets <dir> names the folder of the images\); the EPUB is written without it$/),
      expect.stringMatching(/image 'https:\/\/example\.org\/photos\/orchard\.jpg' \(graphic\/@url\) is remote/),
      expect.stringMatching(/image '\.\.\/maps\/valley\.png' \(graphic\/@url\) is outside the assets folder .*--assets <dir>/),
    ]);
    expect(Object.keys(unzipSync(i.epub)).filter((k) => k.includes('images/'))).toEqual([]);
    expect(i.files['OEBPS/c001.xhtml']).toContain('<figcaption>The barn</figcaption>');
    expect(i.files['OEBPS/c001.xhtml']).not.toContain('<img');
  });

  it('drama: speakers, speeches and stage directions as blocks; the cast list as a list', () => {
    const d = get('drama');
    expect(d.html).toMatch(/<div class="sp">\s*<p class="speaker">Tom<\/p>/);
    expect(d.html).toContain('<p class="stage">A barn. Barrels everywhere.</p>');
    expect(d.text).toContain('\n* Tom, a cider maker\n');
  });

  const haveEpubcheck = requireTool('epubcheck', which('java') && EPUBCHECK_JAR);
  it.runIf(haveEpubcheck)('EPUBCheck: 0 errors and 0 warnings for every EPUB', async () => {
    const { results, count } = await runEpubcheck(rendered.map((r) => ({ name: r.name, epub: r.epub })), tmp);
    expect(results).toHaveLength(count);
    expect(results.filter((l) => !l.endsWith('\t0\t0\t0'))).toEqual([]);
  }, 180_000);

  it.runIf(requireTool('vnu', which('java') && VNU_JAR))('the Nu Html Checker finds no error in the HTML pages and EPUB content documents', async () => {
    const { errors, count } = await runVnu(rendered.map((r) => ({ name: r.name, html: r.html, files: r.files })), tmp);
    expect(count).toBeGreaterThan(names.length * 3);
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('validate --schema tei_all on other people\'s TEI agrees with jing', () => {
  const rng = teiAllRng();
  const haveJing = requireTool('jing', which('jing')) && requireTool('tei_all.rng', rng);

  it.runIf(haveJing)('every fixture, valid and invalid, gets the same verdict as from jing', async () => {
    const files = [...names.map((n) => join(dir, n)), ...invalidNames.map((n) => join(invalidDir, n))];
    const run = promisify(execFile);
    const out = await run('jing', [rng!, ...files]).then((r) => r.stdout, (e: { stdout: string }) => e.stdout);
    const rejected = new Set(out.split('\n').filter((l) => /: (error|fatal):/.test(l)).map((l) => l.split(':')[0]));
    for (const f of files) {
      const ours = isValid(await validateTei(readFileSync(f), f, { schema: 'tei_all' }));
      expect(ours, f).toBe(!rejected.has(f));
    }
    expect(rejected.size).toBe(invalidNames.length);
  }, 300_000);

  it.runIf(haveJing)('a foreign-id pointer, an inline footnote and page order are not tei_all errors; the house rules find them when asked', async () => {
    const xml = readFileSync(join(dir, 'foreign-pointers.xml'));
    expect(await validateTei(xml, 'f.xml', { schema: 'tei_all' })).toEqual([]);
    const withRules = await validateTei(xml, 'f.xml', { schema: 'tei_all', rules: parseRuleList('pointers,pages,notes') });
    expect(withRules.map((d) => d.code).sort()).toEqual(['dangling-pointer', 'dangling-pointer', 'note-unreferenced', 'page-order']);
    for (const d of withRules) expect(d.message).toMatch(/\[teikit house rule: (pointers|pages|notes)\]$/);
    const pointersOnly = await validateTei(xml, 'f.xml', { schema: 'tei_all', rules: parseRuleList('pointers') });
    expect(pointersOnly.map((d) => d.code)).toEqual(['dangling-pointer', 'dangling-pointer']);
  }, 120_000);

  it.runIf(haveJing)('order and content errors name what is expected at that point, on the element at fault, as the document writes it', async () => {
    const v = async (name: string) => validateTei(readFileSync(join(invalidDir, name)), name, { schema: 'tei_all' });
    expect(await v('order-in-publicationStmt.xml')).toEqual([
      expect.objectContaining({ line: 7, column: 9, code: 'unexpected-element', message: '<availability> is not allowed at this point in <publicationStmt>; expected <publisher>, <distributor>, <authority>, <p> or <ab>' }),
    ]);
    expect(await v('corpus-no-sourceDesc.xml')).toEqual([
      expect.objectContaining({ line: 6, column: 7, code: 'missing-element', message: '<fileDesc> ends before <seriesStmt>, <notesStmt> or <sourceDesc>' }),
    ]);
    const foreign = await v('foreign-element.xml');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]!.message).toMatch(/^<vg:letDesc> is not allowed here in <p>; expected <abbr>, <add>, .* \(\d+ elements in all\), text or the end of <p>$/);
    expect((await v('head-after-p.xml'))[0]).toMatchObject({ line: 8, column: 9, message: expect.stringMatching(/^<head> is not allowed at this point in <div>; expected /) });
    expect((await v('xinclude.xml'))[0]).toMatchObject({ code: 'xinclude', line: 6, message: expect.stringMatching(/^<xi:include href="chapter1\.xml"> is an XInclude: teikit does not resolve XIncludes/) });
    expect((await v('text-in-list.xml'))[0]).toMatchObject({ code: 'unexpected-text', line: 7 });
    for (const name of invalidNames) for (const d of await v(name)) expect(d.message).not.toMatch(/libxml2|Datatype element|Did not expect|Expecting/);
  }, 120_000);
});
