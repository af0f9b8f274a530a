/**
 * Which print page a search hit names (SITE_JS's byPrintPage, PagefindUI's processResult), run in
 * Node on made-up results as Pagefind gives them: the page holding the most of the words searched
 * wins, each word counted once however many of its forms the page has (Pagefind matches forms:
 * "co-operative" finds "co-operatives", "co-operation"); then the most matches.
 */
import { describe, expect, it } from 'vitest';
import { SITE_JS } from '../src/site/assets.js';

type Result = { url: string; meta: { title: string }; excerpt?: string; anchors: { element: string; title: string }[]; raw_content: string; sub_results: { url: string; title: string; excerpt: string; locations: number[] }[] };
const byPrintPage = new Function(`${/function byPrintPage[\s\S]*?\n}\n/.exec(SITE_JS)![0]}return byPrintPage;`)() as (r: Result, q?: string) => Result;

/** A work of two print pages; each page's matches are the positions of the words given. */
function work(pages: string[], matches: (word: string) => boolean): Result {
  const content = pages.map((p, i) => `p. ${i + 1} ${p}`).join(' ');
  const words = content.split(/\s+/);
  let at = 0;
  const sub_results = pages.map((p, i) => {
    const n = `p. ${i + 1} ${p}`.split(/\s+/).length;
    const locations = words.slice(at, at + n).flatMap((w, k) => (matches(w) ? [at + k] : []));
    at += n;
    return { url: `w.html#p${i + 1}`, title: `p. ${i + 1}`, excerpt: `page ${i + 1}`, locations };
  });
  return { url: 'w.html', meta: { title: 'A Work' }, anchors: pages.map((_, i) => ({ element: 'span', title: `p. ${i + 1}` })), raw_content: content, sub_results };
}

describe('the print page a search hit names', () => {
  const pages = ['poor peasants and the co-operative, co-operatives and co-operation', 'their work in the co-operative'];
  const r = work(pages, (w) => /^(co-operat|work)/i.test(w));

  it('is the page with the most of the words searched, not the most forms of one', () => {
    const hit = byPrintPage(r, 'work co-operative');
    expect(hit.url).toBe('w.html#p2');
    expect(hit.meta.title).toBe('A Work, p. 2');
    expect(hit.sub_results.map((s) => s.url)).toEqual(['w.html#p2', 'w.html#p1']);
  });

  it('with one word searched, the page of most matches of it', () => {
    expect(byPrintPage(work(pages, (w) => /^co-operat/i.test(w)), 'co-operative').url).toBe('w.html#p1');
  });

  it('a form shorter than the word searched counts for it (peasant for "peasants")', () => {
    const q = work(['the peasant and the landlord', 'peasants'], (w) => /^(peasant|landlord)/i.test(w));
    expect(byPrintPage(q, 'peasants landlords').url).toBe('w.html#p1');
  });
});
