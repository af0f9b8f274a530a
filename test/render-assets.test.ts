/**
 * A TEI file must not make a rendition read files outside its assets folder: graphic/@url that
 * climbs out (`../x.gif`) or is absolute is neither embedded in the HTML nor packed in the EPUB.
 */
import { describe, expect, it } from 'vitest';
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

  it('refuses to pack an image outside the folder into an EPUB', async () => {
    await expect(renderEpub(withImage('inside.gif'), { assetsDir: assets })).resolves.toBeInstanceOf(Uint8Array);
    await expect(renderEpub(withImage('../outside.gif'), { assetsDir: assets })).rejects.toThrow(/not a relative path inside the assets folder/);
    await expect(renderEpub(withImage(join(dir, 'outside.gif')), { assetsDir: assets })).rejects.toThrow(/not a relative path inside the assets folder/);
  });
});
