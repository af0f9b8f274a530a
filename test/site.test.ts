/**
 * `teikit build` over the bundled edition, bare marx2mao pages, a made-up page whose title holds
 * `<&"`, a page of the folder that is not a work (refused, as batch does) and a file named on the
 * command line that is not a work: the failing source does not stop the others (exit 1),
 * and out/site/ holds a catalogue row per work, work pages whose links all resolve (anchors
 * included), CSL-JSON, BibTeX and citation_* meta tags, all HTML valid by the Nu Html Checker.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../src/cli/run.js';
import { buildCollection } from '../src/pipeline/index.js';
import { fixtures, repoRoot, requireTool, which } from './support/tools.js';
import { runVnu, VNU_JAR } from './support/render-checkers.js';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';

/** A static file server over `dir` on a free port: Pagefind fetches its index, which file:// forbids. */
async function serve(dir: string): Promise<{ server: Server; base: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

async function launch(width: number): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'teikit-site-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const CHROMIUM = '/usr/bin/chromium';

/** The output folder served over HTTP and a page of Chromium at `width` px, closed after `fn`. */
async function served(width: number, fn: (page: Page, base: string) => Promise<void>, out = 'out'): Promise<void> {
  const { server, base } = await serve(join(root, out));
  const browser = await launch(width);
  try {
    await fn(browser.pages()[0] ?? (await browser.newPage()), base);
  } finally {
    await browser.close();
    server.close();
  }
}

const PAGES = ['Mao/OSC53', 'Mao/PP55', 'Mao/MFM39'];
const WORKS = ['MFM39', 'OSC53', 'PP55', 'TAG99', 'identity-of-interests'];

let root = '';
let result: { code: number; stdout: string; stderr: string };
const site = () => join(root, 'out/site');
const read = (path: string) => readFileSync(join(root, 'out', path), 'utf8');

/** The href values of a page (escaped attribute values decoded). */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The content of `<meta name=…>` tags, as written (still escaped). */
function metas(html: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of html.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)) (out[m[1]!] ??= []).push(m[2]!);
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'teikit-site-'));
  cpSync(join(repoRoot, 'editions'), join(root, 'editions'), { recursive: true });
  mkdirSync(join(root, 'pages'));
  for (const p of PAGES) copyFileSync(join(fixtures, 'marx2mao', `${p}.html`), join(root, 'pages', `${p.split('/')[1]}.html`));
  copyFileSync(join(fixtures, 'site/TAG99.html'), join(root, 'pages/TAG99.html'));
  copyFileSync(join(fixtures, 'site/not-a-work.md'), join(root, 'pages/not-a-work.md'));
  copyFileSync(join(fixtures, 'site/not-a-work.md'), join(root, 'notes.md'));
  let stdout = '';
  let stderr = '';
  const code = await runCli(['build', 'editions', 'pages', 'notes.md', '-o', 'out'], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: process.stdin, cwd: root });
  result = { code, stdout, stderr };
}, 300_000);

describe('teikit build: bare sources and the site', () => {
  it('a failing bare source fails alone: exit 1, one summary line, every other work built and bagged', () => {
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter(Boolean);
    // found in pages/: refused; named on the command line: failed
    expect(lines).toContain('pages/not-a-work.md:1:1: error not-a-work: no "## TITLE" heading: this is not a CMPA reprint of a work');
    expect(result.stdout).toContain('refused (not a work): pages/not-a-work.md\n');
    expect(lines).toContain('notes.md:1:1: error not-a-work: no "## TITLE" heading: this is not a CMPA reprint of a work');
    expect(result.stdout).not.toContain('notes.md');
    expect(lines.slice(-2)).toEqual(['teikit build: 1 of 7 source(s) refused as not a work', 'teikit build: 1 of 7 edition(s) failed']);
    expect(readdirSync(join(root, 'out')).sort()).toEqual([...WORKS, '.teikit', 'bags', 'site'].sort());
    expect(readdirSync(join(root, 'out/bags')).sort()).toEqual([...WORKS].sort());
    for (const id of WORKS) {
      expect(readdirSync(join(root, 'out', id)).sort(), id).toEqual(['epub', 'html', 'report.json', 'tei.xml', 'txt'].map((e) => `${id}.${e}`));
    }
    // A bare page keeps its own name as id and its path as given in the report.
    expect(JSON.parse(read('OSC53/OSC53.report.json')).inputs[0].file).toBe('pages/OSC53.html');
    expect(result.stdout).toContain('out/site/index.html (catalogue of 5 work(s))');
    // Every print page is indexed (each under its anchor in its work's record): as many as the page breaks the reports count.
    const pageBreaks = WORKS.reduce((n, id) => n + JSON.parse(read(`${id}/${id}.report.json`)).counts.pageBreaks, 0);
    expect(pageBreaks).toBeGreaterThan(WORKS.length);
    expect(result.stdout).toContain(`out/site/pagefind/ (search index of ${pageBreaks} print page(s))`);
    expect(existsSync(join(site(), 'pagefind/pagefind-ui.js'))).toBe(true);
  });

  it('the catalogue has one row per work, each linking its work page, sortable keys in place', () => {
    const html = readFileSync(join(site(), 'index.html'), 'utf8');
    const rows = html.match(/<tr\b.*<\/tr>/g)!.filter((r) => r.includes('<td'));
    expect(rows).toHaveLength(WORKS.length);
    const links = hrefs(html).filter((l) => l.startsWith('works/'));
    expect(links.sort()).toEqual(WORKS.map((id) => `works/${id}.html`).sort());
    expect(hrefs(html).filter((l) => !l.startsWith('works/'))).toEqual(['index.html', 'search.html']);
    // The author filter offers each author once.
    expect(html).toContain('<select id="author"><option value="">All</option><option>Ann Example</option><option>Mao Tse-tung</option></select>');
    for (const l of links) expect(existsSync(join(site(), l)), l).toBe(true);
    const osc = rows.find((r) => r.includes('works/OSC53.html'))!;
    expect(osc).toContain('<td data-label="Author">Mao Tse-tung</td>');
    expect(osc).toContain('<td data-label="Volume">V</td>');
    expect(osc).toContain('<td data-label="Pages" data-sort="000101">p. 101</td>');
    expect(osc).toMatch(/<td data-label="Date" data-sort="1953-07-09">July 9, 1953<\/td>/);
    expect(html).toContain('<script src="site.js" defer></script>');
    expect(existsSync(join(site(), 'site.js')) && existsSync(join(site(), 'site.css'))).toBe(true);
  });

  it('every link of every work page resolves to a file that exists, and page anchors to an id in it', () => {
    for (const id of WORKS) {
      const page = join(site(), 'works', `${id}.html`);
      const html = readFileSync(page, 'utf8');
      const links = hrefs(html);
      // Site, files and citations; the rest are anchors of the text: contents, print pages, notes.
      expect(links.filter((l) => !l.startsWith('#')).length, id).toBeGreaterThanOrEqual(8);
      for (const link of links) {
        const [path, fragment] = link.split('#') as [string, string | undefined];
        const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
        expect(existsSync(target), `${id}: ${link}`).toBe(true);
        if (fragment) expect(readFileSync(target, 'utf8'), `${id}: ${link}`).toContain(`id="${fragment}"`);
      }
      expect(links).toContain(`../../${id}/${id}.epub`);
      expect(links).toContain(`../../${id}/${id}.tei.xml`);
      expect(links).toContain(`../../${id}/${id}.txt`);
    }
    // Every print page of the text is listed and is an anchor of the page: 275 to 283 but for the
    // three the edition has no marker for (see the README).
    const pages = [...read('site/works/identity-of-interests.html').matchAll(/<li><a href="#(p\d+)">(\d+)<\/a><\/li>/g)].map((m) => m[2]);
    expect(pages).toEqual(['275', '276', '277', '278', '279', '280', '281', '282', '283']);
    expect(hrefs(read('site/works/PP55.html'))).toEqual(expect.arrayContaining(['#p208', '#p209', '#p210']));
  });

  it('citation meta tags, Cite this, CSL-JSON and BibTeX of the bundled edition', () => {
    const html = read('site/works/identity-of-interests.html');
    expect(metas(html)).toMatchObject({
      citation_title: ['The Identity of Interests between the Soviet Union and All Mankind'],
      citation_author: ['Mao Tse-tung'],
      citation_inbook_title: ['Selected Works of Mao Tse-tung'],
      citation_volume: ['II'],
      citation_publication_date: ['1967'],
      citation_firstpage: ['275'],
      citation_lastpage: ['283'],
      citation_publisher: ['Foreign Languages Press'],
    });
    expect(html).toContain('<h2 id="cite-this">Cite this</h2>');
    // The work's pages in a span that site.js replaces with the print page in view.
    expect(html).toContain('Mao Tse-tung. “The Identity of Interests between the Soviet Union and All Mankind.” In Selected Works of Mao Tse-tung, vol. II, <span class="cite-pages">pp. 275-283</span>. Peking: Foreign Languages Press, 1967.');
    // Its volume's other work in the build, by first print page: MFM39 (pp. 237-39) before it.
    expect(html).toContain('<li class="prev">Previous: <a rel="prev" href="MFM39.html">');
    expect(html).not.toContain('rel="next"');
    expect(read('site/works/MFM39.html')).toContain('<li class="next">Next: <a rel="next" href="identity-of-interests.html">');
    // OSC53 and PP55 are both of vol. V: OSC53 (p. 101) comes first.
    expect(read('site/works/PP55.html')).toContain('<a rel="prev" href="OSC53.html">');
    const csl = JSON.parse(read('site/works/identity-of-interests.csl.json'));
    expect(csl).toEqual([expect.objectContaining({
      id: 'identity-of-interests', type: 'chapter', author: [{ literal: 'Mao Tse-tung' }], 'container-title': 'Selected Works of Mao Tse-tung',
      volume: 'II', page: '275-283', issued: { 'date-parts': [[1967]] }, 'original-date': { 'date-parts': [[1939, 9, 28]] },
    })]);
    const bib = read('site/works/identity-of-interests.bib');
    expect(bib).toMatch(/^@incollection\{identity-of-interests,\n/);
    expect(bib).toContain('  pages = {275--283},\n');
    expect(bib).toContain('  author = {{Mao Tse-tung}},\n');
    // A one-page work: first and last page are the same.
    expect(metas(read('site/works/OSC53.html'))).toMatchObject({ citation_firstpage: ['101'], citation_lastpage: ['101'], citation_volume: ['V'] });
  });

  it('a title with <&" is escaped in the catalogue, the page, its title and its meta tags', () => {
    const page = read('site/works/TAG99.html');
    const title = 'On &lt;Tags&gt; &amp; &quot;Quotes&quot;';
    expect(page).toContain(`<title>${title}</title>`);
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(metas(page).citation_title).toEqual([title]);
    expect(read('site/index.html')).toContain(`>${title}</a>`);
    for (const f of ['site/index.html', 'site/works/TAG99.html']) expect(read(f)).not.toMatch(/<Tags>|& "/);
    expect(JSON.parse(read('site/works/TAG99.csl.json'))[0].title).toBe('On <Tags> & "Quotes"');
    expect(read('site/works/TAG99.bib')).toContain('  title = {On <Tags> \\& "Quotes"},\n');
  });

  it.runIf(requireTool('vnu', which('java') && existsSync(VNU_JAR)))('the Nu Html Checker finds no error in the catalogue, the search page and the work pages', async () => {
    const pages = ['index.html', 'search.html', ...WORKS.map((id) => `works/${id}.html`)].map((p) => ({ name: p.replace(/\W/g, '_'), html: readFileSync(join(site(), p), 'utf8'), files: {} }));
    const tmp = mkdtempSync(join(tmpdir(), 'teikit-site-vnu-'));
    const { errors, count } = await runVnu(pages, tmp);
    expect(count).toBe(WORKS.length + 2);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe.runIf(requireTool('chromium', existsSync(CHROMIUM)))('the catalogue in Chromium, from file://', () => {
  it('filters by author, sorts by a column, and has no horizontal scrolling at 390 px, light or dark', async () => {
    const browser = await launch(390);
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(pathToFileURL(join(site(), 'index.html')).href);
      // From disk, search cannot fetch its index: the note says so instead of a broken box.
      expect(await page.isVisible('#search-note')).toBe(true);
      const visibleTitles = () => page.$$eval('#catalogue tbody tr:not([hidden]) td[data-label="Title"]', (tds) => tds.map((td) => td.textContent));
      expect(await visibleTitles()).toHaveLength(WORKS.length);
      await page.fill('#filter', 'ann example');
      expect(await visibleTitles()).toEqual(['On <Tags> & "Quotes"']);
      expect(await page.textContent('#shown')).toBe('1 of 5 shown');
      await page.fill('#filter', '');
      // The author filter: Mao's four works, then with a word of one title, that one.
      await page.selectOption('#author', 'Mao Tse-tung');
      expect(await page.textContent('#shown')).toBe('4 of 5 shown');
      expect((await visibleTitles()).sort()).toEqual([
        'The May 4th Movement', 'On State Capitalism', 'Rely on Party and League Members and Poor and Lower-Middle Peasants in the Co-operative Transformation of Agriculture',
        'The Identity of Interests between the Soviet Union and All Mankind',
      ].sort());
      await page.fill('#filter', 'identity');
      expect(await visibleTitles()).toEqual(['The Identity of Interests between the Soviet Union and All Mankind']);
      await page.selectOption('#author', '');
      await page.fill('#filter', '');
      // Sort by pages, descending: the rows follow the numeric first page (275 > 237 > 208 > 101 > 41).
      await page.click('th:nth-child(5) button');
      await page.click('th:nth-child(5) button');
      expect(await page.getAttribute('th:nth-child(5)', 'aria-sort')).toBe('descending');
      const pages = await page.$$eval('#catalogue tbody tr td[data-label="Pages"]', (tds) => tds.map((td) => td.textContent));
      expect(pages).toEqual(['pp. 275-83', 'pp. 237-39', 'pp. 208-10', 'p. 101', 'pp. 41-42']);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const file of ['index.html', 'search.html', 'works/PP55.html', 'works/identity-of-interests.html', 'works/TAG99.html']) {
          await page.goto(pathToFileURL(join(site(), file)).href);
          const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          expect(scroll, `${file} ${scheme}`).toBeLessThanOrEqual(client);
        }
      }
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(22, 23, 26)');
      // In print: the text and its citation, without the site's controls and lists of links.
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await page.goto(pathToFileURL(join(site(), 'works/identity-of-interests.html')).href);
      const shown = await page.evaluate(() => Object.fromEntries(['nav.site', 'nav.pages', '.files', '#site-cite', 'main.text'].map((s) => [s, getComputedStyle(document.querySelector(s)!).display !== 'none'])));
      expect(shown).toEqual({ 'nav.site': false, 'nav.pages': false, '.files': false, '#site-cite': true, 'main.text': true });
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe.runIf(requireTool('chromium', existsSync(CHROMIUM)))('search, served over HTTP', () => {
  it('a phrase of one print page finds that page: the hit names the work and the page and opens its anchor', () => served(1000, async (page, base) => {
    await page.goto(`${base}/site/index.html`);
    expect(await page.isVisible('#search-note')).toBe(false);
    // PP55 prints pages 208-10; this phrase is on page 209 only.
    await page.fill('#search input', 'well-to-do middle peasants');
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
    const hits = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent })));
    expect(hits[0]!.href).toMatch(/\/site\/works\/PP55\.html#p209$/);
    expect(hits[0]!.text).toMatch(/^Rely on Party .* Transformation of Agriculture, p\. 209$/);
    await page.click('.pagefind-ui__result-link >> nth=0');
    await page.waitForURL(/PP55\.html#p209$/);
    // The page marker is the target (:target) and in view.
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p209');
  }), 120_000);

  it('a word on several print pages of a work: one hit for the work, naming its page of most matches, its other pages under it', () => served(1000, async (page, base) => {
    await page.goto(`${base}/site/search.html`);
    await page.fill('#search input', 'peasants');
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
    const results = await page.$$eval('.pagefind-ui__result', (rs) => rs.map((r) => [...r.querySelectorAll('.pagefind-ui__result-link')].map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent!.trim() }))));
    const pp55 = results.filter((links) => links[0]!.href.includes('/works/PP55.html'));
    expect(pp55).toHaveLength(1);
    const [main, ...others] = pp55[0]!;
    const pageOf = (href: string) => /#p(\d+)$/.exec(href)?.[1];
    expect(main!.text).toBe(`Rely on Party and League Members and Poor and Lower-Middle Peasants in the Co-operative Transformation of Agriculture, p. ${pageOf(main!.href)}`);
    expect(others.length).toBeGreaterThan(0);
    // each other page named by its number, linked to its anchor, none twice
    const pages = [main!, ...others].map((l) => pageOf(l.href));
    expect(new Set(pages).size).toBe(pages.length);
    for (const l of others) expect(l.text).toBe(`p. ${pageOf(l.href)}`);
    for (const n of pages) expect(['208', '209', '210']).toContain(n);
  }), 120_000);

  it('a collection indexed in several Pagefind bundles is searched as one: a hit in the last bundle is found and opens its page', async () => {
    // Two works a bundle: the 5 works go into 3 bundles, indexed side by side, merged by the page.
    const built = await buildCollection(['editions', 'pages'], { outDir: 'out-bundles', cwd: root, jobs: 2, searchBundleWorks: 2 });
    // the same print pages as the one-bundle build of the same sources
    const pages = Number(/search index of (\d+) print page/.exec(result.stdout)?.[1]);
    expect(built.search).toEqual({ bundles: 3, pages, errors: [] });
    const bundles = () => readdirSync(join(root, 'out-bundles/site')).filter((d) => d.startsWith('pagefind')).sort();
    expect(bundles()).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    const catalogue = readFileSync(join(root, 'out-bundles/site/index.html'), 'utf8');
    expect(catalogue).toContain('<div id="search" data-merge="pagefind-2/ pagefind-3/"></div>');
    // PP55 is the fourth work of five: in the third bundle, not the one whose script runs the search.
    const order = built.built.map((w) => w.entry.id);
    expect(order.indexOf('PP55')).toBe(3);
    await served(1000, async (page, base) => {
      await page.goto(`${base}/site/search.html`);
      await page.fill('#search input', 'well-to-do middle peasants');
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
      const first = await page.$eval('.pagefind-ui__result-link', (a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent }));
      expect(first.href).toMatch(/\/site\/works\/PP55\.html#p209$/);
      expect(first.text).toMatch(/, p\. 209$/);
      await page.click('.pagefind-ui__result-link >> nth=0');
      await page.waitForURL(/PP55\.html#p209$/);
    }, 'out-bundles');
    // Built again with the default bundle size: one bundle, the others removed, nothing merged.
    const again = await buildCollection(['editions', 'pages'], { outDir: 'out-bundles', cwd: root, jobs: 2 });
    expect(again.built).toHaveLength(0);
    expect(again.search).toEqual({ bundles: 1, pages, errors: [] });
    expect(bundles()).toEqual(['pagefind']);
    expect(readFileSync(join(root, 'out-bundles/site/index.html'), 'utf8')).toContain('<div id="search"></div>');
  }, 240_000);
});

describe.runIf(requireTool('chromium', existsSync(CHROMIUM)))('a work page and the search page in Chromium, served over HTTP', () => {
  it('"Cite this" names the print page in view as the reader scrolls, and keeps it when the reader goes back up to it', () => served(390, async (page, base) => {
    const url = `${base}/site/works/identity-of-interests.html`;
    await page.goto(url);
    const cited = () => page.textContent('#site-cite .cite-pages');
    // At the head of the page, before the text: the work whole.
    expect(await cited()).toBe('pp. 275-283');
    expect(await page.isVisible('#site-cite .cite-link')).toBe(false);
    for (const n of [277, 280, 283]) {
      await page.$eval(`#p${n}`, (el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForFunction((want) => document.querySelector('#site-cite .cite-pages')?.textContent === want, `p. ${n}`, { timeout: 5000 });
      expect(await page.textContent('#site-cite .cite-url')).toBe(`${url}#p${n}`);
    }
    // Half-way down page 280 (its break above the reading line, 281's below): page 280.
    await page.evaluate(() => {
      const top = (id: string) => document.getElementById(id)!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, (top('p280') + top('p281')) / 2 - window.innerHeight / 10);
    });
    await page.waitForFunction(() => document.querySelector('#site-cite .cite-pages')?.textContent === 'p. 280', undefined, { timeout: 5000 });
    // Going back up to "Cite this" keeps the page last read.
    await page.$eval('#site-cite', (el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    expect(await cited()).toBe('p. 280');
    expect(await page.isVisible('#site-cite .cite-link')).toBe(true);
    // Opened at a print page's address, it cites that page.
    await page.goto(`${url}#p278`);
    await page.waitForFunction(() => document.querySelector('#site-cite .cite-pages')?.textContent === 'p. 278', undefined, { timeout: 5000 });
  }), 120_000);

  it('axe-core finds no violations on the catalogue, a work page and the search page (with its results shown)', () => served(1000, async (page, base) => {
    const violations = async () => {
      await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[]; passes: unknown[] }> } }).axe;
        const r = await axe.run(document);
        return { violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), passes: r.passes.length };
      });
    };
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const file of ['index.html', 'works/identity-of-interests.html', 'works/PP55.html', 'search.html']) {
        await page.goto(`${base}/site/${file}`);
        if (file === 'search.html') {
          await page.fill('#search input', 'peasants');
          await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
        }
        const r = await violations();
        expect(r.violations, `${file} ${scheme}`).toEqual([]);
        expect(r.passes, file).toBeGreaterThan(10);
      }
    }
  }), 180_000);

  it('a hit on the search page opens the work page at its print page, and "Cite this" names that page', () => served(390, async (page, base) => {
    await page.goto(`${base}/site/search.html`);
    // A phrase of page 280 of the bundled edition only.
    await page.fill('#search input', 'warmly these minority nationalities');
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
    const first = await page.$eval('.pagefind-ui__result-link', (a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent }));
    expect(first.href).toBe(`${base}/site/works/identity-of-interests.html#p280`);
    expect(first.text).toBe('The Identity of Interests between the Soviet Union and All Mankind, p. 280');
    await page.click('.pagefind-ui__result-link >> nth=0');
    await page.waitForURL(/identity-of-interests\.html#p280$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p280');
    await page.waitForFunction(() => document.querySelector('#site-cite .cite-pages')?.textContent === 'p. 280', undefined, { timeout: 5000 });
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
  }), 120_000);
});
