/**
 * The site's stylesheet and script, written as site/site.css and site/site.js. Kept here rather
 * than as files so that the published package (dist/) carries them.
 *
 * The script sorts the catalogue by a column (a button in each head, aria-sort on the sorted one)
 * and filters its rows by a text box; it is plain ES2017 loaded with `defer`, so it runs from
 * file:// as well as from a server, and the table is whole without it.
 */
export const SITE_CSS = `:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfb; --muted: #5a5a5a; --line: #d8d8d0; --link: #1a4f9c; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e6e1; --bg: #16171a; --muted: #a8a6a0; --line: #3a3b40; --link: #8db4f0; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 1rem/1.5 Georgia, "Times New Roman", serif; color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
a { color: var(--link); }
h1 { font-size: 1.6rem; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
.filter input { font: inherit; padding: 0.25rem; max-width: 100%; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.cite { border-left: 3px solid var(--line); padding-left: 1rem; }
@media (max-width: 40rem) {
  /* A narrow screen shows each row as a block, each cell labelled: no horizontal scrolling. */
  /* The heads stay as a wrapped row of sort buttons above the blocks. */
  thead, thead tr { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  thead th { border: 0; padding: 0.25rem 0; }
  table, tbody, tbody tr, td { display: block; width: 100%; }
  tbody tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
  td { border: 0; padding: 0.1rem 0; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --link: #000; }
  .filter, nav, th button::after { display: none; }
  body { max-width: none; font-size: 11pt; }
  tr { break-inside: avoid; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  th a[href]::after, td a[href]::after { content: none; }
}
`;

export const SITE_JS = `'use strict';
(function () {
  // Pagefind fetches its index, which browsers refuse from file://: there the note stays instead.
  var search = document.getElementById('search');
  if (search && typeof PagefindUI !== 'undefined' && location.protocol !== 'file:') {
    new PagefindUI({ element: '#search', showSubResults: true, showImages: false });
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
  var shown = document.getElementById('shown');
  if (!box) return;
  box.parentNode.hidden = false;
  function filter() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var n = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !match;
      if (match) n++;
    });
    if (shown) shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  box.addEventListener('input', filter);
  filter();
})();
`;
