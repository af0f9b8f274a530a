/**
 * A new format is one module and one line of src/readers/formats.ts: here a toy plain-text format
 * is added to the list (as that one line would), and convert, detection, batch, edition.json (its
 * schema) and the report all take it without any other change.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Edition, ReadResult } from '../../src/model/types.js';
import type { SourceReader } from '../../src/readers/types.js';

/** The new module: `AUTHOR:` and `TITLE:` lines, then paragraphs between blank lines. */
const plainReader: SourceReader = {
  format: 'plain',
  description: 'plain-text work',
  extensions: ['.txt'],
  sniff: (head) => (/^AUTHOR: .+\nTITLE: /.test(head) ? 2 : 0),
  read(bytes, file): ReadResult {
    const [head, ...paras] = Buffer.from(bytes).toString('utf8').split(/\n\s*\n/);
    const author = /^AUTHOR: (.+)$/m.exec(head ?? '')?.[1];
    const title = /^TITLE: (.+)$/m.exec(head ?? '')?.[1];
    if (!author || !title) return { ok: false, diagnostics: [{ severity: 'error', code: 'not-a-work', message: 'no AUTHOR:/TITLE: lines', file, line: 1, column: 1 }] };
    const edition: Edition = {
      id: 'plain-work',
      work: { title, author, language: 'en' },
      witnesses: [{ kind: 'reprint', id: 'txt', publisher: 'A plain-text collection', file }],
      baseWitness: 'txt',
      front: [],
      body: [
        { type: 'heading', level: 1, children: [{ type: 'text', value: title }] },
        ...paras.filter((p) => p.trim()).map((p) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value: p.trim().replace(/\s+/g, ' ') }] })),
      ],
      repairs: [],
      diagnostics: [],
    };
    return { ok: true, edition };
  },
};

// the one line: the list of formats with the new one added
vi.mock('../../src/readers/formats.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/readers/formats.js')>();
  return { FORMATS: [...original.FORMATS, plainReader] };
});

const { detectFormat, SOURCE_FORMATS } = await import('../../src/readers/registry.js');
const { convertFiles } = await import('../../src/convert.js');
const { findSources } = await import('../../src/batch/index.js');
const { loadEdition } = await import('../../src/edition/index.js');
const { validateTei } = await import('../../src/validate/index.js');
const { runCli } = await import('../../src/cli/run.js');

const text = 'AUTHOR: A. Writer\nTITLE: A Plain Work\n\nThe first paragraph of the plain work.\n\nThe second one, with more words in it.\n';

describe('a format added as one module and one line of formats.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-plain-'));
  mkdirSync(join(dir, 'works'));
  writeFileSync(join(dir, 'works/plain.txt'), text);

  it('is a format of the registry, detected by its extension and by its content', () => {
    expect(SOURCE_FORMATS).toEqual(['lia', 'marx2mao', 'cmpa', 'plain']);
    expect(detectFormat('plain.txt', Buffer.from(text))).toBe('plain');
    expect(detectFormat('<stdin>', Buffer.from(text))).toBe('plain');
  });

  it('is converted to valid TEI, with the report naming its format', async () => {
    const r = await convertFiles(['works/plain.txt'], { cwd: dir });
    expect(r.report.inputs).toEqual([expect.objectContaining({ format: 'plain', witness: 'txt' })]);
    expect(r.tei).toContain('<p>The second one, with more words in it.</p>');
    expect(await validateTei(r.tei, 'plain.tei.xml')).toEqual([]);
  });

  it('is found by batch in a folder, and converted', async () => {
    expect(await findSources(['works'], dir)).toEqual([{ file: 'works/plain.txt', stem: 'plain' }]);
    let stdout = '';
    const code = await runCli(['batch', 'works', '-o', 'out', '--jobs', '1'], { stdout: (s) => void (stdout += s), stderr: () => {}, stdin: Readable.from([]), cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1 converted, 0 refused, 0 failed/m);
  });

  it('may be named in edition.json', () => {
    mkdirSync(join(dir, 'ed'));
    writeFileSync(join(dir, 'ed/plain.txt'), text);
    writeFileSync(join(dir, 'ed/edition.json'), JSON.stringify({
      id: 'plain', title: 'A Plain Work', base: { file: 'plain.txt', format: 'plain' },
      publication: { publisher: 'p', date: '2026-12-04', licence: { text: 'CC0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' } },
    }));
    expect(loadEdition('ed', dir).sources).toEqual([{ path: 'ed/plain.txt', format: 'plain' }]);
  });
});
