/**
 * The bundled edition's HTML page in headless Chromium (playwright-core, Debian's chromium): note
 * references and back-links work, #p277 scrolls to page 277, axe-core finds no violations, and a
 * screenshot is saved as a test artifact (test-artifacts/, not committed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderHtml } from '../src/render/index.js';
import { requireTool, repoRoot } from './support/tools.js';
import { convertFiles } from '../src/convert.js';
import { fixtures } from './support/tools.js';
import { bundledEditionTei, compileStylesheets } from './support/render-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';

describe.runIf(requireTool('chromium', existsSync(CHROMIUM)))('bundled edition in Chromium', () => {
  let browser: BrowserContext;
  let page: Page;
  let url: string;
  let userDir: string;
  /** Books with a contents list, a portrait, tables: checked with axe-core too. */
  const books: Record<string, string> = {};

  beforeAll(async () => {
    compileStylesheets();
    const tmp = mkdtempSync(join(tmpdir(), 'teikit-browser-'));
    const file = join(tmp, 'identity-of-interests.html');
    writeFileSync(file, await renderHtml(await bundledEditionTei()));
    url = pathToFileURL(file).href;
    for (const page of ['Lenin/SR17', 'Lenin/AQR08', 'M&E/CM47']) {
      const dir = join(fixtures, 'marx2mao', page, '..');
      const html = await renderHtml((await convertFiles([join(fixtures, 'marx2mao', `${page}.html`)])).tei, { assetsDir: dir });
      const out = join(tmp, `${page.replace(/\W/g, '_')}.html`);
      writeFileSync(out, html);
      books[page] = pathToFileURL(out).href;
    }
    userDir = join(tmp, 'profile');
    // A fresh user data directory: nothing from an earlier run or the machine's profile.
    browser = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 700 },
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (userDir) rmSync(join(userDir, '..'), { recursive: true, force: true });
  });

  /** Whether the element is (partly) inside the viewport. */
  const inView = (selector: string) =>
    page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > -1 && r.top < window.innerHeight;
    });

  it('follows a note reference to the note and its back-link back to the reference', async () => {
    await page.goto(url);
    const ref = page.locator('a[role="doc-noteref"]').nth(2);
    const refId = await ref.getAttribute('id');
    const href = (await ref.getAttribute('href'))!;
    expect(await inView(`#${refId}`)).toBe(false); // the reference starts out of view, below
    await ref.scrollIntoViewIfNeeded();
    await ref.click();
    await page.waitForFunction((h) => location.hash === h, href);
    expect(await inView(href)).toBe(true);
    expect(await inView(`#${refId}`)).toBe(false);
    const back = page.locator(`${href} a[role="doc-backlink"][href="#${refId}"]`);
    expect(await back.count()).toBe(1);
    await back.click();
    await page.waitForFunction((h) => location.hash === h, `#${refId}`);
    expect(await inView(`#${refId}`)).toBe(true);
    expect(await inView(href)).toBe(false);
  });

  it('scrolls to page 277 for #p277', async () => {
    await page.goto(`${url}#p277`);
    const marker = page.locator('#p277');
    expect(await marker.getAttribute('role')).toBe('doc-pagebreak');
    expect(await marker.getAttribute('title')).toBe('page 277');
    expect(await inView('#p277')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    // The number is shown in the margin (generated content), not in the text.
    const shown = await page.$eval('#p277', (el) => getComputedStyle(el, '::before').content);
    expect(shown).toBe('"277"');
    const text = await page.evaluate(() => document.querySelector('main')!.innerText);
    expect(text).toContain('overlooking');
  });

  async function axeViolations(target: string): Promise<{ violations: string[]; passes: number }> {
    await page.goto(target);
    await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[]; passes: unknown[] }> } }).axe;
      const r = await axe.run(document);
      return { violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), passes: r.passes.length };
    });
  }

  it('has no axe-core violations', async () => {
    const result = await axeViolations(url);
    expect(result.violations).toEqual([]);
    expect(result.passes).toBeGreaterThan(10);
  });

  it('has no axe-core violations in books with contents, portrait and tables either', async () => {
    expect(Object.keys(books)).toHaveLength(3);
    for (const [name, target] of Object.entries(books)) {
      const result = await axeViolations(target);
      expect(result.violations, name).toEqual([]);
      expect(result.passes, name).toBeGreaterThan(10);
    }
  }, 60_000);

  it('saves a screenshot of page 277', async () => {
    await page.goto(`${url}#p277`);
    const dir = join(repoRoot, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const png = await page.screenshot({ path: join(dir, 'bundled-edition.png') });
    expect(png.byteLength).toBeGreaterThan(10_000);
  });
});
