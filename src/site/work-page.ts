/**
 * A work's page (site/works/<id>.html): what it is, links to its renditions (HTML at its first
 * print page, EPUB, TEI, text) and citations, a "Cite this" block, and the `citation_*` meta tags
 * that Google Scholar and Zotero read.
 */
import type { WorkEntry } from '../pipeline/work-entry.js';
import { citationMeta, citationText } from './cite.js';
import { escapeHtml, hrefOf } from './escape.js';
import { page } from './layout.js';

/** From site/works/ to the output folder, where the works' own folders are. */
const TO_OUT = '../..';

function link(path: string, text: string, fragment = ''): string {
  return `<a href="${hrefOf(path)}${fragment ? `#${encodeURIComponent(fragment)}` : ''}">${escapeHtml(text)}</a>`;
}

function facts(w: WorkEntry): string {
  const rows: [string, string | undefined][] = [
    ['Author', w.author],
    ['Collection', w.print?.collection],
    ['Volume', w.print?.volume],
    ['Pages', w.print?.pages?.text],
    ['Publisher', w.print ? `${w.print.place}: ${w.print.publisher}, ${w.print.year}` : undefined],
    ['Date', w.date?.text],
  ];
  const items = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
  return `<dl class="facts">${items.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

export function workPage(w: WorkEntry): string {
  const files = [
    `<li>${link(`${TO_OUT}/${w.files.html}`, 'Read (HTML)')}${w.firstPageAnchor ? `, from ${link(`${TO_OUT}/${w.files.html}`, `its first print page`, w.firstPageAnchor)}` : ''}</li>`,
    `<li>${link(`${TO_OUT}/${w.files.epub}`, 'EPUB')}</li>`,
    `<li>${link(`${TO_OUT}/${w.files.tei}`, 'TEI P5 XML')}</li>`,
    `<li>${link(`${TO_OUT}/${w.files.text}`, 'Plain text')}</li>`,
  ];
  const body = [
    `<nav><a href="../index.html">Catalogue</a></nav>`,
    `<main>`,
    `<h1>${escapeHtml(w.title)}</h1>`,
    facts(w),
    '<h2>Files</h2>',
    `<ul class="files">${files.join('')}</ul>`,
    '<section class="cite" aria-labelledby="cite-this">',
    '<h2 id="cite-this">Cite this</h2>',
    `<p>${escapeHtml(citationText(w))}</p>`,
    `<p>${link(`${w.id}.csl.json`, 'CSL-JSON')} · ${link(`${w.id}.bib`, 'BibTeX')}</p>`,
    '</section>',
    '</main>',
  ].join('\n');
  return page({ title: w.title, root: '..', meta: citationMeta(w), body });
}
