/**
 * What a rendition loads: SaxonJS without axios (a stand-in loads it on first use), and the SEF of
 * a built-in stylesheet parsed once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/render/index.js';
import { fixtures } from './support/tools.js';

const tei = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8');
const fromSaxon = createRequire(createRequire(import.meta.url).resolve('saxon-js'));

describe('rendering start-up', () => {
  it('renders without loading axios, and the stand-in hands over to the real axios when used', async () => {
    const text = await renderText(tei);
    expect(text.length).toBeGreaterThan(100);
    const loaded = () => Object.keys(fromSaxon.cache).filter((k) => /[\\/]node_modules[\\/](follow-redirects|form-data|proxy-from-env)[\\/]/.test(k));
    expect(loaded()).toEqual([]);
    const axios = fromSaxon('axios') as { get: unknown; isAxiosError: (x: unknown) => boolean };
    expect(typeof axios.get).toBe('function');
    expect(axios.isAxiosError(new Error('plain'))).toBe(false);
    expect(loaded().length).toBeGreaterThan(0);
  });

  it('gives the same text on repeated runs from the cached stylesheet', async () => {
    const first = await renderText(tei);
    expect(await renderText(tei)).toBe(first);
    expect(await renderText(tei, { params: { pages: 'true' } })).not.toBe(first);
  });
});
