/**
 * A TEI file must not make a rendition read files outside its assets folder: graphic/@url that
 * climbs out (`../x.gif`) or is absolute is neither embedded in the HTML nor packed in the EPUB (the
 * EPUB is written without it, with a warning).
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderEpub, renderHtml } from '../src/render/index.js';
import { fixtures } from './support/tools.js';

const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');
const withImage = (url: string) =>
  sample.replace('<p>Many people in China', `<figure><graphic url="${url}"/></figure>\n        <p>Many people in China`);
const gif = join(fixtures, 'marx2mao/Mao/Mao(250x264).GIF');

describe('images of a rendition come only from the assets folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-assets-'));
  const assets = join(dir, 'assets');
  mkdirSync(assets);
  copyFileSync(gif, join(dir, 'outside.gif'));
  copyFileSync(gif, join(assets, 'inside.gif'));

  it('embeds an image inside the folder and nothing outside it', async () => {
    const inside = await renderHtml(withImage('inside.gif'), { assetsDir: assets });
    expect(inside).toContain('src="data:image/gif;base64,');
    for (const url of ['../outside.gif', join(dir, 'outside.gif')]) {
      const html = await renderHtml(withImage(url), { assetsDir: assets });
      expect(html).not.toContain('data:image/gif');
    }
  });

  it('packs an image inside the folder; leaves one outside it out of the EPUB, with a warning', async () => {
    const packed = unzipSync(await renderEpub(withImage('inside.gif'), { assetsDir: assets }));
    expect(Object.keys(packed).filter((k) => k.startsWith('OEBPS/images/'))).toHaveLength(1);
    for (const url of ['../outside.gif', join(dir, 'outside.gif')]) {
      const warnings: string[] = [];
      const epub = unzipSync(await renderEpub(withImage(url), { assetsDir: assets, onWarning: (w) => warnings.push(w) }));
      expect(Object.keys(epub).filter((k) => k.startsWith('OEBPS/images/'))).toEqual([]);
      expect(strFromU8(epub['OEBPS/package.opf']!)).not.toContain('outside.gif');
      expect(warnings).toEqual([expect.stringContaining(`image '${url}' (graphic/@url) is outside the assets folder`)]);
      expect(warnings[0]).toMatch(/--assets <dir>/);
    }
  });
});
