/**
 * Header facts teikit states about itself and the text (issue 9, "Header"): the application and
 * its version, the persistent identifier (the same UUID the EPUB carries, stable across runs), the
 * xml-model processing instruction, and the kind of text where the source says it — on made-up
 * model editions (a speech by its title, a circular by its subtitle, a letter and a book by their
 * form, a text that says nothing) and on the bundled edition's sources.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Block, Edition, Inline } from '../src/model/types.js';
import { writeTei } from '../src/tei/index.js';
import { editionUuid, uuidV5 } from '../src/model/identifier.js';
import { convertFiles } from '../src/convert.js';
import { validateTei } from '../src/validate/index.js';
import { repoRoot } from './support/tools.js';

const pub = { publisher: 'Test Press', licence: { text: 'CC0 1.0' }, date: '2026-11-26' };
const t = (value: string): Inline => ({ type: 'text', value });
const p = (s: string): Block => ({ type: 'paragraph', children: [t(s)] });
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);

/** A made-up one-work edition: a title, some blocks, optionally front matter. */
function edition(title: string, body: Block[], front: Block[] = [], date?: string): Edition {
  return {
    id: 'made-up', work: { title, author: 'A. Author', language: 'en', ...(date ? { date: { text: date } } : {}) },
    witnesses: [{ kind: 'transcription', id: 'm2m', transcriber: 'A. Transcriber', file: 'made-up.html' }],
    baseWitness: 'm2m', front, body, repairs: [], diagnostics: [],
  };
}

/** A made-up edition whose transcription states its address. */
function sampleEdition(): Edition {
  const ed = edition('The Identity of Interests', [p('Some people say…')]);
  return { ...ed, witnesses: [{ kind: 'transcription', id: 'm2m', transcriber: 'A. Transcriber', file: 'SU39.html', url: 'http://www.marx2mao.com/Mao/SU39.html' }] };
}

/** The kind written in textClass, and the category it points at (undefined: no class). */
function kindOf(ed: Edition): string | undefined {
  const header = parse(writeTei(ed, pub)).TEI.teiHeader;
  const catRef = header.profileDesc.textClass?.catRef;
  if (!catRef) {
    expect(header.encodingDesc.classDecl).toBeUndefined();
    return undefined;
  }
  const category = header.encodingDesc.classDecl.taxonomy.category;
  expect(catRef['@target']).toBe(`#${category['@xml:id']}`);
  expect(catRef['@scheme']).toBe(`#${header.encodingDesc.classDecl.taxonomy['@xml:id']}`);
  return category['@xml:id'].replace(/^kind-/, '');
}

describe('teikit in the header', () => {
  it('names itself with its version from package.json in appInfo', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const app = parse(writeTei(sampleEdition(), pub)).TEI.teiHeader.encodingDesc.appInfo.application;
    expect(app['@ident']).toBe('teikit');
    expect(app['@version']).toBe(version);
    expect(app.label).toBe('teikit');
  });

  it('points an xml-model processing instruction at teikit.rng of this version', () => {
    const tei = writeTei(sampleEdition(), pub);
    const pi = tei.split('\n')[1]!;
    expect(pi).toMatch(/^<\?xml-model href="https:\/\/unpkg\.com\/teikit@\d+\.\d+\.\d+\/schema\/teikit\.rng" type="application\/xml" schematypens="http:\/\/relaxng\.org\/ns\/structure\/1\.0"\?>$/);
  });
});

describe('persistent identifier', () => {
  it('is a UUID v5 of the base source\'s address, the same on every run, in publicationStmt', () => {
    const ed = sampleEdition();
    const idnos = parse(writeTei(ed, pub)).TEI.teiHeader.fileDesc.publicationStmt.idno as { '@type': string; '#text': string }[];
    const uuid = idnos.find((i) => i['@type'] === 'UUID')!['#text'];
    expect(uuid).toBe(uuidV5('http://www.marx2mao.com/Mao/SU39.html'));
    expect(uuid).toBe('9dfd34b0-3978-5187-90fb-30e628925da8'); // RFC 4122 v5 of that URL (python: uuid.uuid5(NAMESPACE_URL, …))
    expect(writeTei(sampleEdition(), pub)).toContain(`<idno type="UUID">${uuid}</idno>`);
  });

  it('falls back to the edition id where no address is known, and differs between sources', () => {
    const a = edition('One', [p('Text.')]);
    const b = { ...edition('One', [p('Text.')]), id: 'other' };
    expect(editionUuid(a)).toBe(uuidV5('teikit:made-up'));
    expect(editionUuid(a)).not.toBe(editionUuid(b));
  });

  it('is the same in the TEI of two conversions of one source', async () => {
    const su39 = join(repoRoot, 'editions/identity-of-interests/SU39.html');
    const [x, y] = await Promise.all([convertFiles([su39]), convertFiles([su39])]);
    const uuid = (tei: string) => /<idno type="UUID">([^<]+)<\/idno>/.exec(tei)?.[1];
    expect(uuid(x.tei)).toBeDefined();
    expect(uuid(x.tei)).toBe(uuid(y.tei));
  });
});

describe('kind of text (textClass), where the source says it', () => {
  const letterBody: Block[] = [
    { type: 'heading', level: 1, children: [t('To the Workers of Petrograd')] },
    { type: 'salute', children: [t('Dear Comrades,')] },
    p('We write to you.'),
    { type: 'signed', children: [t('N. Lenin')] },
  ];
  const bookFront: Block[] = [{ type: 'titlePage', lines: [{ role: 'title', text: ['A BOOK'] }] }];
  const chapter = (title: string): Block => ({ type: 'division', kind: 'chapter', blocks: [{ type: 'heading', level: 2, children: [t(title)] }, p('Text.')] });

  it('reads it from the title, a subtitle after a dash, or the title\'s last word', () => {
    expect(kindOf(edition('Speech at the Assembly of Representatives', [p('Comrades!')]))).toBe('speech');
    expect(kindOf(edition('Excerpt from a Speech on the Military Question', [p('x')]))).toBe('speech');
    expect(kindOf(edition('A Telegram to the Front', [p('x')]))).toBe('telegram');
    expect(kindOf(edition('On the Meeting -- Circular of the Central Committee', [p('x')]))).toBe('circular');
    expect(kindOf(edition("New Year's Day Message", [p('x')]))).toBe('message');
    expect(kindOf(edition('Letters from Afar', [p('x')]))).toBe('letter');
  });

  it('reads it from the date line that says what it dates', () => {
    expect(kindOf(edition('The Right Danger', [p('x')], [], 'Speech Delivered on July 5, 1928'))).toBe('speech');
    expect(kindOf(edition('The Right Danger', [p('x')], [], 'July 5, 1928'))).toBeUndefined();
  });

  it('reads a letter and a book from their form', () => {
    expect(kindOf(edition('To the Workers of Petrograd', letterBody))).toBe('letter');
    expect(kindOf(edition('A Book', [chapter('ONE'), chapter('TWO')], bookFront))).toBe('book');
    // a title page over a single text is not a book by its form
    expect(kindOf(edition('A Pamphlet', [p('Text.')], bookFront))).toBeUndefined();
  });

  it('says nothing where the source does not (never from a file name), and stays valid', async () => {
    const plain = edition('The Identity of Interests', [p('Some people say…')]);
    expect(kindOf({ ...plain, id: 'speech-letter-telegram' })).toBeUndefined();
    for (const ed of [plain, edition('To the Workers of Petrograd', letterBody), edition('A Book', [chapter('ONE'), chapter('TWO')], bookFront)]) {
      expect(await validateTei(writeTei(ed, pub), 'made-up.tei.xml')).toEqual([]);
    }
  });
});
