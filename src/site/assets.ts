/**
 * The site's stylesheet and script, written as site/site.css and site/site.js. Kept here rather
 * than as files so that the published package (dist/) carries them.
 *
 * The script sorts the catalogue by a column (a button in each head, aria-sort on the sorted one)
 * and filters its rows by author and by a text box, and makes a work page's "Cite this" name the
 * print page in view; it is plain ES2017 loaded with `defer`, so it runs from
 * file:// as well as from a server, and the table is whole without it.
 */
export const SITE_CSS = `:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfb; --muted: #5a5a5a; --line: #d8d8d0; --link: #1a4f9c; --mark: #ffe97a; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e6e1; --bg: #16171a; --muted: #a8a6a0; --line: #3a3b40; --link: #8db4f0; --mark: #4d4220; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 1rem/1.5 Georgia, "Times New Roman", serif; color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
a { color: var(--link); }
h1 { font-size: 1.6rem; line-height: 1.25; }
#catalogue { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
#catalogue th, #catalogue td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
.filter input, .filter select { font: inherit; padding: 0.25rem; max-width: 100%; }
nav.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding-bottom: 0.5rem; border-bottom: 1px solid var(--line); }
nav.volume ul, nav.pages ol { list-style: none; padding: 0; }
nav.pages ol { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; }
.cite-pages { font-weight: bold; }
/* Pagefind's box and results in the site's colours, so that dark mode keeps their contrast. */
#search .pagefind-ui { --pagefind-ui-primary: var(--fg); --pagefind-ui-text: var(--fg); --pagefind-ui-background: var(--bg); --pagefind-ui-border: var(--line); --pagefind-ui-tag: var(--line); }
#search .pagefind-ui a { color: var(--link); }
/* The text (the HTML rendition's): print page numbers in a margin of the text column. */
main.text { position: relative; max-width: 40rem; margin: 2rem auto 0; padding-left: 3.5rem; border-top: 1px solid var(--line); font-size: 1.05rem; line-height: 1.6; }
main.text h1, main.text h2, main.text h3, main.text h4 { font-weight: normal; line-height: 1.25; }
main.text .div.work > h2, main.text .div.document > h2, main.text .div.chapter > h2 { text-align: center; }
main.text p.center, main.text .dateline, main.text .salute, main.text .byline { text-align: center; }
main.text p.right, main.text .signed { text-align: right; }
main.text .dateline { font-style: italic; }
main.text blockquote { margin: 0.8em 1.5em; font-size: 0.95em; }
main.text ul.simple, main.text ul.labelled, main.text ol.labelled { list-style: none; padding-left: 1.5em; }
main.text table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; margin: 1em 0; }
main.text td, main.text th { border: 1px solid var(--line); padding: 0.2em 0.5em; vertical-align: top; }
main.text figure { text-align: center; margin: 1.5em 0; }
main.text img { max-width: 100%; height: auto; }
main.text sup.noteref { line-height: 0; font-size: 0.75em; }
main.text .note { font-size: 0.9em; margin: 0.6em 0; }
main.text .note-label { font-weight: bold; }
main.text .reg { text-decoration: underline dotted var(--muted); }
main.text section.footnotes { border-top: 1px solid var(--line); margin-top: 2em; }
[id] { scroll-margin-top: 2rem; }
.pb { border-left: 1px solid var(--muted); }
.pb::before { content: attr(data-n); position: absolute; left: 0; width: 2.8rem; text-align: right; font: 0.75rem/2 system-ui, sans-serif; color: var(--muted); }
.pb:target { background: var(--mark); }
/* a link of the source to a page this collection does not have: its words, its address in the tooltip */
.source-link.offsite { text-decoration: underline dotted; }
.pb:target::before { color: var(--fg); font-weight: bold; }
.note:target, aside:target { background: var(--mark); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.cite { border-left: 3px solid var(--line); padding-left: 1rem; }
@media (max-width: 40rem) {
  /* A narrow screen shows each row as a block, each cell labelled: no horizontal scrolling. */
  /* The heads stay as a wrapped row of sort buttons above the blocks. */
  #catalogue thead, #catalogue thead tr { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  #catalogue thead th { border: 0; padding: 0.25rem 0; }
  #catalogue, #catalogue tbody, #catalogue tbody tr, #catalogue td { display: block; width: 100%; }
  #catalogue tbody tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
  #catalogue td { border: 0; padding: 0.1rem 0; }
  #catalogue td:empty { display: none; }
  #catalogue td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
  /* Page numbers in a narrow margin: the text column keeps most of the phone's width. */
  main.text { padding-left: 2.2rem; font-size: 1rem; }
  .pb::before { width: 1.9rem; font-size: 0.7rem; }
  main.text blockquote { margin: 0.8em 0.5em; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --link: #000; }
  .filter, nav, nav.site, th button::after, #search-section, .files, .cite-link { display: none; }
  main.text { max-width: none; border: 0; }
  .pb:target { background: none; }
  body { max-width: none; font-size: 11pt; }
  tr { break-inside: avoid; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  th a[href]::after, td a[href]::after, main.text a[href]::after, .cite a[href]::after { content: none; }
}
`;

export const SITE_JS = `'use strict';
// A work with print pages is one search record whose sub-results are its print pages (anchors
// titled "p. 277", site/search.ts): a hit names and opens the page that matches the most of the
// words searched (then the most matches, then the first such page), and the work's other matching
// pages follow it. Pagefind's word positions index the record's words split at white space.
// Pagefind matches a word's forms (searching "peasant" finds "peasants", "peasant's"): each word
// found is counted for the searched word it shares its beginning with, so that three forms of one
// word on a page do not outrank a page with two of the words searched.
function byPrintPage(result, query) {
  var paged = (result.anchors || []).some(function (a) { return a.element === 'span' && a.title; });
  var pages = (result.sub_results || []).filter(function (s) { return s.url !== result.url; });
  if (!paged || pages.length === 0) return result;
  var words = (result.raw_content || result.content || '').split(/[^\\S\\uFEFF]+/);
  var norm = function (w) { return (w || '').toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, ''); };
  var terms = (query || '').split(/\\s+/).map(norm).filter(Boolean);
  var termOf = function (w) {
    var best = w, longest = 0;
    terms.forEach(function (t, i) {
      var k = 0;
      while (k < t.length && k < w.length && t[k] === w[k]) k++;
      // the one is the other's beginning, or they share one of 4 letters or more (econom-y, -ic)
      if (k > longest && (k === t.length || k === w.length || k >= Math.max(4, Math.min(t.length, w.length) - 3))) { best = '\\u0000' + i; longest = k; }
    });
    return best;
  };
  var score = function (s) {
    var seen = {};
    s.locations.forEach(function (l) { seen[termOf(norm(words[l]))] = true; });
    return Object.keys(seen).length * 1e6 + s.locations.length;
  };
  var scores = pages.map(score);
  var best = pages[scores.indexOf(Math.max.apply(null, scores))];
  return Object.assign({}, result, {
    url: best.url,
    excerpt: best.excerpt,
    meta: Object.assign({}, result.meta, { title: result.meta.title + ', ' + best.title }),
    sub_results: [best].concat(pages.filter(function (s) { return s !== best; })),
  });
}
(function () {
  // Pagefind fetches its index, which browsers refuse from file://: there the note stays instead.
  var search = document.getElementById('search');
  if (search && typeof PagefindUI !== 'undefined' && location.protocol !== 'file:') {
    // a large collection's index is in several bundles (data-merge, paths from this page): one
    // search over them all; Pagefind would take a relative path from its own bundle's folder
    var merge = (search.getAttribute('data-merge') || '').split(' ').filter(Boolean)
      .map(function (path) { return { bundlePath: new URL(path, document.baseURI).href }; });
    var searched = function () { var box = search.querySelector('input'); return box ? box.value : ''; };
    new PagefindUI({ element: '#search', showSubResults: true, showImages: false, mergeIndex: merge, processResult: function (r) { return byPrintPage(r, searched()); } });
    // Pagefind's box has only a placeholder and a title: the section's heading is its label.
    var input = search.querySelector('input');
    if (input) input.setAttribute('aria-labelledby', 'search-heading');
    var note = document.getElementById('search-note');
    if (note) note.hidden = true;
  }
})();
(function () {
  var table = document.getElementById('catalogue');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function key(row, i) {
    var c = row.cells[i];
    return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim().toLowerCase();
  }
  heads.forEach(function (th, i) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var sign = dir === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        var ka = key(a, i), kb = key(b, i);
        // Rows without a value go last whatever the direction.
        if (ka === '' || kb === '') return ka === kb ? 0 : ka === '' ? 1 : -1;
        return ka < kb ? -sign : ka > kb ? sign : 0;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
  var box = document.getElementById('filter');
  var author = document.getElementById('author');
  var shown = document.getElementById('shown');
  if (!box) return;
  box.parentNode.hidden = false;
  function filter() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var who = author ? author.value : '';
    var n = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var match = (!who || r.getAttribute('data-author') === who) && words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !match;
      if (match) n++;
    });
    if (shown) shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  box.addEventListener('input', filter);
  if (author) author.addEventListener('change', filter);
  filter();
})();
(function () {
  // "Cite this" names the print page in view: the last page break above the reading line (a fifth
  // of the way down the window). An IntersectionObserver whose root reaches far above the window
  // and ends at that line tells when a page break crosses it, however fast the reader scrolls.
  // Above the text (reading the page's head, or "Cite this" itself) the last page read stays cited.
  var cite = document.getElementById('site-cite');
  var text = document.querySelector('main.text');
  if (!cite || !text || typeof IntersectionObserver === 'undefined') return;
  var marks = Array.prototype.slice.call(text.querySelectorAll('.pb[id][data-n]'));
  var pages = cite.querySelector('.cite-pages');
  var line = cite.querySelector('.cite-link');
  var url = cite.querySelector('.cite-url');
  if (!marks.length || !pages) return;
  var base = location.href.split('#')[0];
  var current = null;
  function show(pb) {
    if (pb === current) return;
    current = pb;
    pages.textContent = 'p. ' + pb.getAttribute('data-n');
    url.setAttribute('href', '#' + pb.id);
    url.textContent = base + '#' + pb.id;
    line.hidden = false;
  }
  function update() {
    var at = window.innerHeight / 5;
    if (text.getBoundingClientRect().top > at) return;
    var pick = marks[0];
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getBoundingClientRect().top <= at) pick = marks[i];
      else break;
    }
    show(pick);
  }
  var observer = new IntersectionObserver(update, { rootMargin: '100000px 0px -80% 0px' });
  marks.forEach(function (m) { observer.observe(m); });
  observer.observe(text);
})();
`;
