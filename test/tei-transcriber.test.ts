/**
 * What the transcriber added is attributed to them (issue 9, "Witnesses"): the bracketed notes a
 * transcriber signs with their initials or labels as theirs become `seg type="transcriberNote"`
 * with @resp pointing at the transcriber's respStmt, the words kept in place; other brackets (an
 * editor's `[sic]`, a note signed by someone else) are left alone. Made-up model editions and the
 * sample pages that have such notes.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Edition, Inline } from '../src/model/types.js';
import { writeTei } from '../src/tei/index.js';
import { initials } from '../src/tei/transcriber-notes.js';
import { convertFiles } from '../src/convert.js';
import { validateTei } from '../src/validate/index.js';
import { fixtures } from './support/tools.js';

const t = (value: string): Inline => ({ type: 'text', value });
const i = (...children: Inline[]): Inline => ({ type: 'emph', rend: 'italic', children });
const dash: Inline = { type: 'norm', orig: '--', reg: '—' };

function tei(children: Inline[], transcriber = 'Anna B. Carter'): string {
  const edition: Edition = {
    id: 'made-up', work: { title: 'A Text', author: 'A. Author', language: 'en' },
    witnesses: [{ kind: 'transcription', id: 'm2m', transcriber, file: 'made-up.html' }],
    baseWitness: 'm2m', front: [], body: [{ type: 'paragraph', children }], repairs: [], diagnostics: [],
  };
  return writeTei(edition, { publisher: 'Test', licence: { text: 'CC0' }, date: '2026-11-26' });
}

/** The segs written, as the XML between <seg …> and </seg>. */
const segs = (xml: string) => [...xml.matchAll(/<seg type="transcriberNote" resp="#m2m-resp">(.*?)<\/seg>/g)].map((m) => m[1]);

describe("the transcriber's bracketed notes", () => {
  it('a note signed with the transcriber\'s initials, over emphasis and a normalised dash', async () => {
    const xml = tei([t('the great struggles ['), i(t('cont. onto')), t(' p. 24. '), i(dash, t(' ABC')), t('] of the peasants')]);
    expect(segs(xml)).toEqual(['[<hi rend="italic">cont. onto</hi> p. 24. <hi rend="italic"><choice><orig>--</orig><reg>—</reg></choice> ABC</hi>]']);
    expect(xml).toContain('the great struggles <seg');
    expect(xml).toContain('</seg> of the peasants');
    expect(xml).toContain('<respStmt xml:id="m2m-resp">');
    expect((await validateTei(xml, 'made-up.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("a note labelled as the transcriber's, unsigned", () => {
    expect(segs(tei([t('a letter [Transcriber\'s Note: See the other page.] to the editors')]))).toEqual(["[Transcriber's Note: See the other page.]"]);
  });

  it("leaves other brackets alone: an editor's [sic], a note signed by another, no transcriber named", () => {
    expect(segs(tei([t('a criminal [sic!] proposal')]))).toEqual([]);
    expect(segs(tei([t('the text [see p. 4 -- XYZ] goes on')]))).toEqual([]);
    expect(tei([t('[cont. onto p. 4 -- ABC]')], '')).not.toContain('<seg');
  });

  it('takes the initials from the name', () => {
    expect(initials('David J. Romagnolo')).toBe('DJR');
    expect(initials('Plato')).toBeUndefined();
  });

  it('finds them on the sample pages, valid, every word still accounted for', async () => {
    const page = join(fixtures, 'marx2mao/Mao/HP27.html');
    // strict: anything of the source the accounting cannot find in the TEI is an error
    const r = await convertFiles([page], { strict: true });
    expect(segs(r.tei)).toHaveLength(1);
    expect(segs(r.tei)[0]).toContain('cont. onto</hi> p. 24.');
    expect((await validateTei(r.tei, 'HP27.tei.xml')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is set apart in the HTML and the EPUB: its own span, named for assistive technology, the words kept', async () => {
    const { renderHtml, renderEpub } = await import('../src/render/index.js');
    const { unzipSync, strFromU8 } = await import('fflate');
    const r = await convertFiles([join(fixtures, 'marx2mao/Mao/HP27.html')]);
    const spans = (html: string) => [...html.matchAll(/<span class="transcriber-note" title="Transcriber's note[^"]*">([\s\S]*?\])<\/span>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const words = segs(r.tei)[0]!.replace(/<orig>[^<]*<\/orig>/g, '').replace(/<[^>]+>/g, '');
    expect(spans(await renderHtml(r.tei))).toEqual([words]);
    const epub = unzipSync(await renderEpub(r.tei, { source: 'HP27.tei.xml' }));
    const xhtml = Object.entries(epub).filter(([p]) => p.endsWith('.xhtml') && !p.endsWith('nav.xhtml')).map(([, b]) => strFromU8(b)).join('');
    expect(spans(xhtml)).toEqual([words]);
  });
});
