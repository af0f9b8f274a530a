/**
 * A TEI file must not make a rendition read files outside its assets folder: graphic/@url that
 * climbs out (`../x.gif`) or is absolute is neither embedded in the HTML nor packed in the EPUB (the
 * EPUB is written without it, with a warning).
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
  // a link inside the folder to an image outside it, and a folder link out of it
  symlinkSync(join(dir, 'outside.gif'), join(assets, 'link.gif'));
  symlinkSync(dir, join(assets, 'up'));
  // a file named like an image that is not one, and a PNG named .gif
  writeFileSync(join(assets, 'notes.gif'), 'these are my notes, not an image\n');
  copyFileSync(join(fixtures, 'marx2mao/Mao/Mao(250x264).GIF'), join(assets, 'real.png'));

  it('embeds an image inside the folder and nothing outside it', async () => {
    const inside = await renderHtml(withImage('inside.gif'), { assetsDir: assets });
    expect(inside).toContain('src="data:image/gif;base64,');
    for (const url of ['../outside.gif', join(dir, 'outside.gif'), 'link.gif', 'up/outside.gif']) {
      const html = await renderHtml(withImage(url), { assetsDir: assets });
      expect(html).not.toContain('data:image/gif');
    }
  });

  it('packs an image inside the folder; leaves one outside it out of the EPUB, with a warning', async () => {
    const packed = unzipSync(await renderEpub(withImage('inside.gif'), { assetsDir: assets }));
    expect(Object.keys(packed).filter((k) => k.startsWith('OEBPS/images/'))).toHaveLength(1);
    for (const url of ['../outside.gif', join(dir, 'outside.gif'), 'link.gif', 'up/outside.gif']) {
      const warnings: string[] = [];
      const epub = unzipSync(await renderEpub(withImage(url), { assetsDir: assets, onWarning: (w) => warnings.push(w) }));
      expect(Object.keys(epub).filter((k) => k.startsWith('OEBPS/images/'))).toEqual([]);
      expect(strFromU8(epub['OEBPS/package.opf']!)).not.toContain('outside.gif');
      expect(warnings).toEqual([expect.stringContaining(`image '${url}' (graphic/@url) is outside the assets folder`)]);
      expect(warnings[0]).toMatch(/--assets <dir>/);
    }
  });

  it('leaves out of the EPUB, with a warning, a file that is not an image or not the image its name says', async () => {
    for (const [url, why] of [['notes.gif', 'is not a GIF, JPEG, PNG or SVG image'], ['real.png', 'is image/gif, not image/png as its name says']]) {
      const warnings: string[] = [];
      const epub = unzipSync(await renderEpub(withImage(url!), { assetsDir: assets, onWarning: (w) => warnings.push(w) }));
      expect(Object.keys(epub).filter((k) => k.startsWith('OEBPS/images/'))).toEqual([]);
      expect(warnings).toEqual([expect.stringContaining(`warning image-skipped: image '${url}' (graphic/@url) ${why}; the EPUB is written without it`)]);
    }
  });
});
