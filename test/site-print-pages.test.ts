/** The text of each print page of an HTML rendition, for search (src/site/print-pages.ts), on made-up HTML. */
import { describe, expect, it } from 'vitest';
import { printPages } from '../src/site/print-pages.js';

describe('printPages', () => {
  it('splits <main> at the page markers; the heading goes to the first page, a broken word whole to the second', () => {
    const html = `<!DOCTYPE html><html><head><title>T</title><style>.pb{}</style></head><body>
      <header><h1>Not indexed header</h1></header>
      <main><h2>A <em>Title</em></h2><span class="pb" id="p9" data-n="9"></span><p>First page
      text with <a href="#n1">a link</a>.</p><p>Over<span class="pb" id="p10" data-n="10"></span>looking the
      second</p><script>var x = 1;</script><span class="pb" id="pix-2" data-n="ix"></span><p>Third &amp; last</p></main></body></html>`;
    expect(printPages(html)).toEqual([
      { id: 'p9', n: '9', text: 'A Title First page text with a link.' },
      { id: 'p10', n: '10', text: 'Overlooking the second' },
      { id: 'pix-2', n: 'ix', text: 'Third & last' },
    ]);
  });

  it('a foot note shown after its paragraph goes to the page it names, after that page\'s text; a word broken over the pages stays whole', () => {
    const html = `<main><span class="pb" id="p9" data-n="9"></span><p>First page ends over<span class="pb" id="p10" data-n="10"></span>looking the second</p>
      <aside class="note foot" data-page="p9"><p>* The note of page 9.</p></aside><p>More of page 10</p></main>`;
    expect(printPages(html)).toEqual([
      { id: 'p9', n: '9', text: 'First page ends * The note of page 9.' },
      { id: 'p10', n: '10', text: 'overlooking the second More of page 10' },
    ]);
  });

  it('a rendition without page markers or without <main> gives no pages', () => {
    expect(printPages('<html><body><main><p>No markers</p></main></body></html>')).toEqual([]);
    expect(printPages('<html><body><span class="pb" id="p1" data-n="1"></span></body></html>')).toEqual([]);
  });
});
