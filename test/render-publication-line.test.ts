/**
 * The renditions' publication line names each identifier of the edition by its kind: the
 * edition's own id as `id`, its persistent identifier as `UUID` (it read `id identity-of-interests,
 * id 9dfd34b0-…`, two ids of one kind to a reader).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, renderText } from '../src/render/index.js';
import { bundledEditionTei, compileStylesheets } from './support/render-fixtures.js';

describe('the publication line of the renditions\' header', () => {
  let tei: string;
  beforeAll(async () => {
    compileStylesheets();
    tei = await bundledEditionTei();
  }, 120_000);

  it('gives the edition\'s id and its UUID, each by its kind', async () => {
    const id = /<idno type="teikit">([^<]+)<\/idno>/.exec(tei)![1]!;
    const uuid = /<idno type="UUID">([^<]+)<\/idno>/.exec(tei)![1]!;
    const line = (await renderText(tei)).split('\n').find((l) => l.startsWith('Published by'))!;
    expect(line).toContain(`id ${id}, UUID ${uuid}.`);
    expect(await renderHtml(tei)).toMatch(new RegExp(`<p class="publication">[^]*?id ${id}, UUID ${uuid}\\.</p>`));
  });
});
