/**
 * Renditions (issue 5) on every TEI fixture: EPUBCheck (0 errors, 0 warnings) and the Nu Html
 * Checker (no errors) each run once over all files; the page list has one entry per print page;
 * every word of the TEI reading text is in each rendition, in order; EPUB package metadata and
 * zip layout; determinism.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { renderEpub, renderHtml, renderText, uuidV5 } from '../src/render/index.js';
import { requireTool, which } from './support/tools.js';
import { firstDifference, words } from './support/words.js';
import { EPUBCHECK_JAR, runEpubcheck, runVnu, VNU_JAR } from './support/render-checkers.js';
import {
  attr, compileStylesheets, find, hasClass, htmlReadingText, parseHtml, teiFixtures, teiPageBreaks,
  teiReadingText, textReadingText, type HtmlNode, type TeiFixture,
} from './support/render-fixtures.js';

const safe = (name: string) => name.replace(/[^A-Za-z0-9-]/g, '_');

interface Rendered extends TeiFixture {
  html: string;
  /** Undefined where the EPUB was refused (none is). */
  epub?: Uint8Array;
  epubError?: string;
  /** The EPUB's warnings (images left out). */
  warnings: string[];
  files: Record<string, string>;
  txt: string;
  txtPages: string;
}

const tmp = mkdtempSync(join(tmpdir(), 'teikit-render-'));
let rendered: Rendered[] = [];

beforeAll(async () => {
  compileStylesheets();
  for (const f of await teiFixtures()) {
    const warnings: string[] = [];
    const opts = { assetsDir: f.assetsDir, source: `${f.name}.tei.xml` };
    let epub: Uint8Array | undefined;
    let epubError: string | undefined;
    try {
      epub = await renderEpub(f.tei, { ...opts, onWarning: (w: string) => warnings.push(w) });
    } catch (err) {
      epubError = (err as Error).message;
    }
    const files = Object.fromEntries(
      Object.entries(epub ? unzipSync(epub) : {}).filter(([p]) => /\.(xhtml|opf|xml|css)$/.test(p)).map(([p, b]) => [p, strFromU8(b)]),
    );
    rendered.push({
      ...f,
      html: await renderHtml(f.tei, opts),
      epub,
      epubError,
      warnings,
      files,
      txt: await renderText(f.tei, opts),
      txtPages: await renderText(f.tei, { ...opts, params: { pages: 'true' } }),
    });
  }
}, 600_000);

/** The fixtures with an EPUB. */
const epubs = () => rendered.filter((r) => r.epub);

describe('fixtures', () => {
  it('are the house sample, the bundled edition and every convertible marx2mao page', () => {
    expect(rendered.length).toBeGreaterThanOrEqual(50);
    expect(rendered.map((r) => r.name)).toEqual(expect.arrayContaining(['house-sample', 'bundled', 'other-tei', 'Mao/SU39', 'Lenin/SR17', 'Other/LLL60', 'made/Mao/THREE49', 'lia/Lenin/MW18', 'lia/Lenin/LT02']));
  });

  it('have an EPUB each; LLL60, whose portrait is an empty file in the corpus, without it and a warning that says so', () => {
    expect(rendered.filter((r) => !r.epub).map((r) => [r.name, r.epubError])).toEqual([]);
    const lll = rendered.find((r) => r.name === 'Other/LLL60')!;
    expect(Object.keys(unzipSync(lll.epub!)).filter((k) => /\.gif$/i.test(k))).toEqual([]);
    expect(lll.warnings).toContain(`Other/LLL60.tei.xml: warning image-skipped: image 'L14(220x248).GIF' (graphic/@url) is an empty file in ${resolve(lll.assetsDir)}; the EPUB is written without it`);
  });
});

/** The EPUB's content documents in spine order (without the title page and the nav). */
function spineDocs(r: Rendered): { path: string; root: HtmlNode }[] {
  const opf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.files['OEBPS/package.opf']!);
  const items = [opf.package.manifest.item].flat() as { id: string; href: string }[];
  const refs = [opf.package.spine.itemref].flat() as { idref: string }[];
  return refs
    .map((ref) => items.find((i) => i.id === ref.idref)!.href)
    .filter((h) => h !== 'title.xhtml' && h !== 'nav.xhtml')
    .map((h) => ({ path: h, root: parseHtml(r.files[`OEBPS/${h}`]!) }));
}

describe('every word of the TEI reading text, in order', () => {
  it('is in the HTML, the EPUB and the plain text of every fixture in the house encoding', () => {
    for (const r of rendered.filter((r) => r.house)) {
      const expected = words(teiReadingText(r.tei));
      // a made-up page is short (NUMBERED76 has 76 words); the bound only proves the word lists are not empty
      expect(expected.length, r.name).toBeGreaterThan(50);
      const main = find(parseHtml(r.html), (n) => n.tagName === 'main')[0]!;
      expect(firstDifference(expected, words(htmlReadingText(main))), `${r.name} HTML`).toBeUndefined();
      if (r.epub) {
        const epubWords = spineDocs(r).flatMap((d) => words(htmlReadingText(find(d.root, (n) => n.tagName === 'body')[0]!)));
        expect(firstDifference(expected, epubWords), `${r.name} EPUB`).toBeUndefined();
      }
      // Plain text writes page breaks and back-references as [p. N], like a "[p. 63]" the author
      // printed; the helper drops them all, so the expected words drop the printed ones too.
      const expectedText = words(teiReadingText(r.tei).replace(/\[p\. [^\]]*\]/g, ' '));
      expect(firstDifference(expectedText, words(textReadingText(r.txt))), `${r.name} text`).toBeUndefined();
      expect(firstDifference(expectedText, words(textReadingText(r.txtPages))), `${r.name} text with pages`).toBeUndefined();
    }
  });

  it('joins words split across pages: the bundled edition reads "overlooking"', () => {
    const bundled = rendered.find((r) => r.name === 'bundled')!;
    const split = teiPageBreaks(bundled.tei).find((p) => p.joined === 'overlooking');
    expect(split, 'the bundled TEI splits over-/looking at a page break').toBeDefined();
    expect(words(textReadingText(bundled.txt))).toContain('overlooking');
    expect(bundled.txt).not.toMatch(/over-\s*looking|over\s+looking/);
    expect(bundled.txtPages).toContain(`overlooking [p. ${split!.n}]`);
    const main = find(parseHtml(bundled.html), (n) => n.tagName === 'main')[0]!;
    expect(words(htmlReadingText(main))).toContain('overlooking');
    // The marker sits inside the word, the printed hyphen is not there.
    expect(bundled.html).toContain(`over<span class="pb" id="p${split!.n}" role="doc-pagebreak" data-n="${split!.n}" title="page ${split!.n}"></span>looking`);
  });

  it('puts [p. N] after the whole word for every break="no", and before the page otherwise', () => {
    for (const r of rendered) {
      const pbs = teiPageBreaks(r.tei);
      // pages=true only inserts markers: walking both texts, what pages=true has in addition are
      // exactly the page markers (the notes' own [p. N] back-references are in both).
      const tokens = (t: string) => t.match(/\[p\. [^\]]+\]|\S+/g) ?? [];
      const plain = tokens(r.txt);
      let i = 0;
      const inserted: string[] = [];
      for (const tok of tokens(r.txtPages)) {
        if (tok === plain[i]) i++;
        else inserted.push(tok);
      }
      expect(i, r.name).toBe(plain.length);
      expect(inserted, r.name).toEqual(pbs.map((p) => `[p. ${p.n}]`));
      for (const p of pbs.filter((p) => p.breakNo && p.joined)) {
        expect(r.txtPages, `${r.name} p. ${p.n}`).toMatch(new RegExp(`${p.joined}\\S* \\[p\\. ${p.n}\\]`));
      }
    }
  });
});

describe('page list and page markers', () => {
  it('has one page-list entry per print page, in order, each pointing at its marker; none without pages', () => {
    for (const r of epubs()) {
      const pbs = teiPageBreaks(r.tei);
      const nav = parseHtml(r.files['OEBPS/nav.xhtml']!);
      const lists = find(nav, (n) => n.tagName === 'nav' && attr(n, 'epub:type') === 'page-list');
      // an LIA page has no print page markers: no page-list at all (an empty one is invalid EPUB)
      expect(lists, r.name).toHaveLength(pbs.length > 0 ? 1 : 0);
      if (pbs.length === 0) continue;
      const list = lists[0]!;
      const links = find(list, (n) => n.tagName === 'a');
      expect(links.map((a) => htmlReadingText(a).trim()), r.name).toEqual(pbs.map((p) => p.n));
      const docs = new Map(spineDocs(r).map((d) => [d.path, d.root]));
      for (const a of links) {
        const [file, id] = attr(a, 'href')!.split('#');
        const target = find(docs.get(file!)!, (n) => attr(n, 'id') === id);
        expect(target.length, `${r.name} ${attr(a, 'href')}`).toBe(1);
        expect(attr(target[0]!, 'role')).toBe('doc-pagebreak');
        expect(attr(target[0]!, 'aria-label')).toBe(`page ${htmlReadingText(a).trim()}`);
      }
      // The HTML page has the same markers, linkable by id.
    }
  });

  it('marks the same pages in the HTML page, linkable by unique ids', () => {
    for (const r of rendered) {
      const markers = find(parseHtml(r.html), (n) => attr(n, 'role') === 'doc-pagebreak');
      expect(markers.map((m) => attr(m, 'data-n')), r.name).toEqual(teiPageBreaks(r.tei).map((p) => p.n));
      expect(new Set(markers.map((m) => attr(m, 'id'))).size).toBe(markers.length);
      for (const m of markers) expect(attr(m, 'title')).toBe(`page ${attr(m, 'data-n')}`);
    }
  });
});

describe('notes', () => {
  it('links every note reference to its note and every note back, in HTML and EPUB', () => {
    for (const r of rendered) {
      const doc = parseHtml(r.html);
      const byId = new Map(find(doc, (n) => !!attr(n, 'id')).map((n) => [attr(n, 'id')!, n]));
      const refs = find(doc, (n) => attr(n, 'role') === 'doc-noteref');
      // House TEI: one per ref type="noteref"; the other TEI has three notes written in the text.
      expect(refs.length, r.name).toBe(r.house ? (r.tei.match(/<ref type="noteref"/g) ?? []).length : 3);
      for (const ref of refs) {
        const note = byId.get(attr(ref, 'href')!.slice(1));
        expect(note, `${r.name} ${attr(ref, 'href')}`).toBeDefined();
        const back = find(note!, (n) => attr(n, 'role') === 'doc-backlink').map((a) => attr(a, 'href'));
        expect(back, `${r.name} note ${attr(note!, 'id')}`).toContain(`#${attr(ref, 'id')}`);
      }
      if (!r.epub) continue;
      const docs = spineDocs(r);
      const where = new Map(docs.flatMap((d) => find(d.root, (n) => !!attr(n, 'id')).map((n) => [`${d.path}#${attr(n, 'id')}`, n])));
      for (const d of docs) {
        for (const ref of find(d.root, (n) => attr(n, 'role') === 'doc-noteref')) {
          const href = attr(ref, 'href')!;
          const note = where.get(href.startsWith('#') ? `${d.path}${href}` : href);
          expect(note, `${r.name} EPUB ${href}`).toBeDefined();
          expect(note!.tagName).toBe('aside'); // EPUB: aside epub:type footnote|endnote
          expect(['footnote', 'endnote']).toContain(attr(note!, 'epub:type'));
          const back = find(note!, (n) => attr(n, 'role') === 'doc-backlink').map((a) => attr(a, 'href')!);
          expect(back.some((b) => b === `${d.path}#${attr(ref, 'id')}` || b === `#${attr(ref, 'id')}`), `${r.name} ${href}`).toBe(true);
        }
      }
    }
  });
});

describe('HTML page', () => {
  it('is one standalone document: language, title, header with the witnesses, no script', () => {
    for (const r of rendered) {
      const doc = parseHtml(r.html);
      const html = find(doc, (n) => n.tagName === 'html')[0]!;
      expect(attr(html, 'lang'), r.name).toBe('en');
      expect(find(doc, (n) => n.tagName === 'script')).toHaveLength(0);
      expect(find(doc, (n) => n.tagName === 'link' || (n.tagName === 'img' && /^https?:/.test(attr(n, 'src') ?? '')))).toHaveLength(0);
      const header = find(doc, (n) => n.tagName === 'header')[0]!;
      expect(find(header, (n) => n.tagName === 'h1')).toHaveLength(1);
      if (r.house) expect(find(header, (n) => n.tagName === 'dt').length, r.name).toBeGreaterThan(0);
      expect(r.html).toContain('@media print');
      // Images are embedded, so that the page is one file (LLL60's is an empty file: left as a reference).
      const imgs = find(doc, (n) => n.tagName === 'img');
      expect(imgs.length, r.name).toBe((r.tei.match(/<graphic /g) ?? []).length);
      for (const img of imgs) {
        if (r.name === 'Other/LLL60') expect(attr(img, 'src')).toBe('L14(220x248).GIF');
        else expect(attr(img, 'src'), r.name).toMatch(/^data:image\/gif;base64,R0lGOD/);
      }
    }
    expect(rendered.filter((r) => r.html.includes('<img ')).length).toBeGreaterThanOrEqual(3);
    const bundled = rendered.find((r) => r.name === 'bundled')!;
    const dts = find(parseHtml(bundled.html), (n) => n.tagName === 'dt').map((n) => htmlReadingText(n).trim());
    expect(dts).toEqual(['Print edition (flp)', 'Transcription (m2m)', 'Reprint (cmpa)']);
  });

  it('shows bylines as p.byline (HTML and EPUB) and on a line of their own in the text', () => {
    const lll = rendered.find((r) => r.name === 'Other/LLL60')!;
    const bylines = find(parseHtml(lll.html), (n) => n.tagName === 'p' && hasClass(n, 'byline')).map((n) => htmlReadingText(n).replace(/\s+/g, ' ').trim());
    expect(bylines).toEqual(['By THE EDITORIAL DEPARTMENT OF "HONGQI" 1', 'By THE EDITORIAL DEPARTMENT OF "RENMIN RIBAO" 1', 'LU TING-YI']);
    expect(lll.txt.split('\n').map((l) => l.trim())).toContain('LU TING-YI');
    const cwf = rendered.find((r) => r.name === 'M&E/CWF71')!;
    const epubBylines = Object.entries(cwf.files)
      .filter(([p]) => p.endsWith('.xhtml'))
      .flatMap(([, x]) => find(parseHtml(x), (n) => n.tagName === 'p' && hasClass(n, 'byline')).map((n) => htmlReadingText(n).trim()));
    expect(epubBylines).toEqual(['by Frederick Engels']);
  });

  it('gives each document of a page its own notes section, linked both ways (made-up THREE49)', () => {
    const three = rendered.find((r) => r.name === 'made/Mao/THREE49')!;
    const doc = parseHtml(three.html);
    const sections = find(doc, (n) => n.tagName === 'section' && attr(n, 'role') === 'doc-endnotes');
    expect(sections.map((s) => find(s, (n) => hasClass(n, 'note')).map((n) => attr(n, 'id')))).toEqual([
      ['n1', 'n2', 'n3'], ['d2-n1', 'd2-n2'], ['d3-n1', 'd3-n2'],
    ]);
    const ref = find(doc, (n) => attr(n, 'id') === 'd2-nr1')[0]!;
    expect(attr(ref, 'href')).toBe('#d2-n1');
    const back = find(find(doc, (n) => attr(n, 'id') === 'd2-n1')[0]!, (n) => attr(n, 'role') === 'doc-backlink');
    expect(back.map((a) => attr(a, 'href'))).toEqual(['#d2-nr1']);
  });

  it('shows the regularised reading and keeps the original in the title', () => {
    const sample = rendered.find((r) => r.name === 'house-sample')!;
    const regs = find(parseHtml(sample.html), (n) => hasClass(n, 'reg'));
    expect(regs.map((n) => [htmlReadingText(n), attr(n, 'title')])).toEqual([['—', 'original: --']]);
  });
});

describe('EPUB package', () => {
  const opfOf = (r: Rendered) =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '_' }).parse(r.files['OEBPS/package.opf']!).package;
  const metas = (opf: { metadata: { meta: unknown } }) =>
    ([opf.metadata.meta].flat() as { property: string; _: string; refines?: string }[]).map((m) => [m.property, m._]);

  it('has Dublin Core, the print source, a deterministic modified date and accessibility metadata', () => {
    for (const r of epubs().filter((r) => r.house)) {
      const opf = opfOf(r);
      // the EPUB carries the TEI's own persistent identifier, a UUID v5 of the source's name; a
      // TEI without one (the hand-made house sample) is identified by its idno
      const uuid = /<idno type="UUID">([^<]+)<\/idno>/.exec(r.tei)?.[1];
      const idno = /<idno[^>]*>([^<]+)<\/idno>/.exec(r.tei)![1]!;
      if (r.name !== 'house-sample') expect(uuid, r.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(opf.metadata['dc:identifier']._, r.name).toBe(`urn:uuid:${uuid ?? uuidV5(`teikit:${idno}`)}`);
      expect(opf.metadata['dc:title'], r.name).toBeTruthy();
      expect(opf.metadata['dc:language']).toBe('en');
      const date = /<publicationStmt>[\s\S]*?<date when="([^"]+)"/.exec(r.tei)![1]!;
      expect(opf.metadata['dc:date']).toBe(date);
      const m = metas(opf);
      expect(m).toContainEqual(['dcterms:modified', `${date}T00:00:00Z`]);
      for (const [p, v] of [
        ['schema:accessMode', 'textual'], ['schema:accessModeSufficient', 'textual'],
        ['schema:accessibilityFeature', 'tableOfContents'], ['schema:accessibilityFeature', 'readingOrder'],
        ['schema:accessibilityFeature', 'structuralNavigation'], ['schema:accessibilityHazard', 'none'],
      ]) expect(m, `${r.name} ${p} ${v}`).toContainEqual([p, v]);
      expect(m.find(([p]) => p === 'schema:accessibilitySummary')![1]!.length).toBeGreaterThan(40);
      const hasPages = teiPageBreaks(r.tei).length > 0;
      for (const f of ['printPageNumbers', 'pageNavigation']) {
        expect(m.some(([p, v]) => p === 'schema:accessibilityFeature' && v === f), `${r.name} ${f}`).toBe(hasPages);
      }
      if (r.tei.includes('<biblStruct')) {
        expect(opf.metadata['dc:source']._, r.name).toMatch(/Foreign Languages Press|Progress Publishers|Peking|Moscow/);
        // the print edition is the source of the pagination only where its pages are marked
        expect(m.some(([p, v]) => p === 'source-of' && v === 'pagination'), r.name).toBe(hasPages);
      }
    }
  });

  it('identifies a TEI without a UUID by its idno, as teikit made the UUID before it wrote one', async () => {
    const house = epubs().find((r) => r.house)!;
    const idno = /<idno type="teikit">([^<]+)<\/idno>/.exec(house.tei)![1]!;
    const withoutUuid = house.tei.replace(/\s*<idno type="UUID">[^<]+<\/idno>/, '');
    const opf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '_' })
      .parse(strFromU8(unzipSync(await renderEpub(withoutUuid, { assetsDir: house.assetsDir }))['OEBPS/package.opf']!)).package;
    expect(opf.metadata['dc:identifier']._).toBe(`urn:uuid:${uuidV5(`teikit:${idno}`)}`);
  });

  it('derives identifier and dates from what other TEI has: its title, no date (a fixed one)', () => {
    const other = rendered.find((r) => r.name === 'other-tei')!;
    const opf = opfOf(other);
    expect(opf.metadata['dc:identifier']._).toBe(`urn:uuid:${uuidV5('teikit-title:A Sampler & its "Notes"')}`);
    expect(opf.metadata['dc:title']).toBe('A Sampler & its "Notes"');
    expect(opf.metadata['dc:date']).toBeUndefined();
    expect(opf.metadata['dc:source']).toBeUndefined();
    expect(metas(opf)).toContainEqual(['dcterms:modified', '2000-01-01T00:00:00Z']);
    // Its two chapters (div1) are two content documents, the pages i, 1, 2, 2 four page-list entries.
    expect(Object.keys(other.files).filter((f) => /OEBPS\/c\d+\.xhtml$/.test(f)).sort()).toEqual(['OEBPS/c001.xhtml', 'OEBPS/c002.xhtml']);
    expect(other.files['OEBPS/nav.xhtml']).toContain('<a href="c002.xhtml#p2-2">2</a>');
  });

  it('packs the images with their media type and marks a front-matter picture as the cover', () => {
    // (LLL60's one image is an empty file, left out: see 'have an EPUB each')
    const withImages = epubs().filter((r) => r.tei.includes('<graphic') && r.warnings.length === 0);
    expect(withImages.length).toBeGreaterThanOrEqual(2);
    for (const r of withImages) {
      const entries = unzipSync(r.epub!);
      const items = [opfOf(r).manifest.item].flat() as { href: string; 'media-type': string; properties?: string }[];
      const images = items.filter((i) => i['media-type'].startsWith('image/'));
      expect(images.length, r.name).toBeGreaterThan(0);
      for (const i of images) {
        expect(i['media-type']).toBe('image/gif');
        expect(strFromU8(entries[`OEBPS/${i.href}`]!.subarray(0, 6))).toMatch(/^GIF8[79]a$/);
      }
      const cover = /<front>[\s\S]*?<graphic url="([^"]+)"/.exec(r.tei);
      expect(images.filter((i) => i.properties === 'cover-image').length).toBe(cover ? 1 : 0);
    }
  });

  it('stores mimetype first, uncompressed, without extra field', () => {
    for (const r of epubs()) {
      const b = r.epub!;
      const u16 = (o: number) => b[o]! | (b[o + 1]! << 8);
      expect([...b.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      expect(u16(8)).toBe(0); // stored
      expect(u16(26)).toBe(8); // name length
      expect(u16(28)).toBe(0); // no extra field
      expect(strFromU8(b.subarray(30, 38 + 20))).toBe('mimetypeapplication/epub+zip');
    }
  });

  it('gives the same bytes for the same TEI, also after other renderings in the same process', async () => {
    const sample = rendered.find((r) => r.name === 'house-sample')!;
    const again = await renderEpub(sample.tei, { assetsDir: sample.assetsDir, source: 'other-name.xml' });
    expect(Buffer.from(again).equals(Buffer.from(sample.epub!))).toBe(true);
    const html = await renderHtml(sample.tei);
    expect(html).toBe(sample.html);
  });
});

const java = which('java');
const haveEpubcheck = requireTool('EPUBCheck (java and /usr/share/java/epubcheck.jar)', java && existsSync(EPUBCHECK_JAR));
const haveVnu = requireTool('Nu Html Checker (java and node_modules/vnu-jar)', java && existsSync(VNU_JAR));

describe('external checkers', () => {
  // Both checkers start together (each one JVM over all files) and the tests await their results.
  let epubcheck: Promise<{ results: string[]; stderr: string; count: number }>;
  let vnu: Promise<{ errors: string[]; count: number }>;
  beforeAll(async () => {
    // With EPUB Accessibility 1.1's pageBreakSource too: what this EPUBCheck says about it.
    const sample = rendered.find((r) => r.name === 'house-sample')!;
    const both = await renderEpub(sample.tei, { params: { 'page-break-source': 'both' } });
    if (haveEpubcheck) {
      epubcheck = runEpubcheck([...epubs().map((r) => ({ name: safe(r.name), epub: r.epub! })), { name: 'pagebreaksource-both', epub: both }], tmp);
      epubcheck.catch(() => {}); // an early failure is reported by its test, not as unhandled
    }
    if (haveVnu) {
      vnu = runVnu(rendered.map((r) => ({ name: safe(r.name), html: r.html, files: r.files })), tmp);
      vnu.catch(() => {});
    }
  });

  it.runIf(haveEpubcheck)('EPUBCheck reports 0 errors and 0 warnings for every EPUB (one JVM for all)', async () => {
    const { results, stderr, count } = await epubcheck;
    expect(count).toBeGreaterThanOrEqual(51);
    expect(results).toHaveLength(count);
    const bad = results.filter((l) => !l.endsWith('\t0\t0\t0') && !l.includes('pagebreaksource-both'));
    expect(bad, `${bad.join('\n')}\n${stderr}`).toEqual([]);
    // The default (source-of pagination) passes; pageBreakSource is unknown to EPUBCheck 4.2.6:
    // exactly one error, OPF-027 on that property, which is why it is written only on request.
    expect(results.find((l) => l.includes('pagebreaksource-both'))).toMatch(/\t0\t1\t0$/);
    const messages = stderr.split('\n').filter((l) => l.includes('pagebreaksource-both') && /^(ERROR|WARNING|FATAL)/.test(l));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^ERROR\(OPF-027\).*Undefined property: "pageBreakSource"/);
  }, 480_000);

  it.runIf(haveVnu)('the Nu Html Checker finds no errors in the HTML pages and the EPUB content documents (one run)', async () => {
    const { errors, count } = await vnu;
    expect(errors).toEqual([]);
    expect(count).toBeGreaterThan(rendered.length * 3);
  }, 480_000);
});
