/**
 * The parts of a work page made from made-up data: the previous and next work of a print volume
 * (same collection and volume only, by first print page as a number), and the contents taken
 * from a rendition (nested divisions, note references and line breaks out of the titles).
 */
import { describe, expect, it } from 'vitest';
import type { WorkEntry } from '../src/pipeline/work-entry.js';
import { volumeNeighbours } from '../src/site/volumes.js';
import { renditionParts } from '../src/site/contents.js';

function work(id: string, volume: string | undefined, from?: string, collection = 'Selected Works'): WorkEntry {
  return {
    id, title: id,
    print: { collection, ...(volume ? { volume } : {}), publisher: 'FLP', place: 'Peking', year: '1965', ...(from ? { pages: { from, to: from, text: `p. ${from}` } } : {}) },
    files: { html: `${id}/${id}.html`, epub: '', tei: '', text: '' },
  };
}

describe('volumeNeighbours', () => {
  it('orders a volume by first page as a number, keeps volumes and collections apart, pages unknown last', () => {
    const works = [work('p10', 'II', '10'), work('p9', 'II', '9'), work('p100', 'II', '100'), work('none', 'II'), work('other', 'III', '50'), work('book', undefined, '5', 'A Book'), work('alone', undefined, '7', 'Another Book')];
    const n = volumeNeighbours(works);
    const ids = (id: string) => ({ prev: n.get(id)?.prev?.id, next: n.get(id)?.next?.id });
    expect(ids('p9')).toEqual({ prev: undefined, next: 'p10' });
    expect(ids('p10')).toEqual({ prev: 'p9', next: 'p100' });
    expect(ids('p100')).toEqual({ prev: 'p10', next: 'none' });
    expect(ids('none')).toEqual({ prev: 'p100', next: undefined });
    expect(ids('other')).toEqual({ prev: undefined, next: undefined });
    expect(ids('alone')).toEqual({ prev: undefined, next: undefined });
    // A work without a print book has no volume.
    const loose: WorkEntry = { id: 'loose', title: 'loose', files: { html: '', epub: '', tei: '', text: '' } };
    expect(volumeNeighbours([loose]).get('loose')).toBeUndefined();
  });
});

describe('renditionParts', () => {
  it('takes the text inside <main> and its divisions with headings, nested, titled without note references', () => {
    const html = `<!DOCTYPE html><html lang="zh-Latn"><head><title>x</title></head><body><header class="edition"><h1>X</h1><section class="sources"><h2 id="sources-heading">Sources</h2></section></header>
<main><span class="pb" id="p1" data-n="1"></span><section id="d1" class="div work"><h2>PART ONE<br>THE START<sup class="noteref"><a href="#n1">1</a></sup></h2><p>Text &amp; more.</p>
<section id="d2"><h3>I. A &lt;Section&gt;</h3><p>a</p></section><section id="d3"><p>no heading</p><section id="d4"><h4>Deep</h4></section></section></section>
<section id="d5" class="div notes"><h2>NOTES</h2></section></main></body></html>`;
    const parts = renditionParts(html);
    expect(parts.lang).toBe('zh-Latn');
    expect(parts.text.startsWith('<span class="pb" id="p1" data-n="1"></span><section id="d1"')).toBe(true);
    expect(parts.text).toContain('<p>Text &amp; more.</p>');
    expect(parts.text).not.toContain('Sources');
    expect(parts.contents).toEqual([
      { id: 'd1', title: 'PART ONE THE START', children: [
        { id: 'd2', title: 'I. A <Section>', children: [] },
        { id: 'd4', title: 'Deep', children: [] },
      ] },
      { id: 'd5', title: 'NOTES', children: [] },
    ]);
    expect(renditionParts('<html><body><p>no main</p></body></html>')).toEqual({ text: '', contents: [], lang: 'en' });
  });
});
