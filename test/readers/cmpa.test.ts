import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCmpa } from '../../src/readers/cmpa/index.js';
import type { Edition, Paragraph } from '../../src/model/types.js';
import { fixtures } from '../support/tools.js';
import { firstDifference, words } from '../support/words.js';
import { allPageBreaks, editionText, inlineText, notesOf } from '../support/model-text.js';

const FILE = 'identity-of-interests.md';
const source = readFileSync(join(fixtures, 'cmpa', FILE), 'utf8');
const lines = source.split('\n');
/** 1-based number of the first line that starts with `prefix`. */
const lineOf = (prefix: string) => {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  expect(i, `line starting ${prefix}`).toBeGreaterThanOrEqual(0);
  return i + 1;
};

function read(text = source, file = FILE): Edition {
  const result = readCmpa(text, file);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.edition;
}

/** The reprint's text by a simple independent method: drop the title block, markers, markup. */
function rawText(): string {
  const start = lines.findIndex((l) => l.startsWith('## '));
  return lines
    .slice(start)
    .filter((l) => !/^page \d+$/.test(l.trim()) && l.trim() !== '## NOTES' && l.trim() !== '---')
    .join('\n')
    .replace(/<sup>\[\d+\]<\/sup>/g, ' ')
    .replace(/^\[\d+\]/gm, ' ')
    .replace(/\[p\. \d+\]/g, ' ')
    .replace(/[#*]/g, ' ');
}

describe('readCmpa on identity-of-interests.md', () => {
  const e = read();

  it('reads the witnesses from the title block: the print edition and the reprint, which credits the transcription it reprints', () => {
    expect(e.baseWitness).toBe('cmpa');
    // the marx2mao transcription is not read here: no witness of its own, only the reprint's credit
    expect(e.witnesses.map((w) => w.id)).toEqual(['flp', 'cmpa']);
    expect(e.witnesses[0]).toEqual({
      kind: 'print', id: 'flp', collection: 'Selected Works of Mao Tse-tung', publisher: 'Foreign Languages Press',
      place: 'Peking', date: '1967', printings: ['First Edition 1965', 'Second Printing 1967'], volume: 'II',
      pages: { from: '275', to: '283', text: 'pp. 275-83' },
    });
    expect(e.witnesses[1]).toEqual({
      kind: 'reprint', id: 'cmpa', publisher: 'Communist (Maoist) Party of Afghanistan (CMPA)', url: 'https://cmpa.af', file: FILE,
      terms: 'Republish by: Communist (Maoist) Party of Afghanistan (CMPA) https://cmpa.af',
      reprints: {
        kind: 'transcription', id: 'm2m', transcriber: 'David J. Romagnolo', resp: 'Prepared for the Internet by', publisher: 'From Marx to Mao',
        email: 'djr@marx2mao.org', date: { text: 'October 1999', when: '1999-10' },
      },
    });
  });

  it('reads the work: title, author, date from the dateline', () => {
    expect(e.id).toBe('identity-of-interests');
    expect(e.work).toEqual({
      title: 'The Identity of Interests between the Soviet Union and All Mankind',
      author: 'Mao Tse-tung',
      date: { text: 'September 28, 1939', when: '1939-09-28' },
      language: 'en',
    });
    expect(e.body[0]).toMatchObject({ type: 'heading', level: 1, pos: { line: lineOf('## THE IDENTITY') } });
    expect(e.body[1]).toMatchObject({ type: 'dateline', children: [{ type: 'date', when: '1939-09-28' }] });
  });

  it('has six paragraphs after the dateline, the mid-sentence splits rejoined', () => {
    const rest = e.body.slice(2);
    expect(rest.map((b) => b.type)).toEqual(Array(6).fill('paragraph'));
    const starts = rest.map((b) => inlineText((b as Paragraph).children).slice(0, 30));
    expect(starts).toEqual(lines.filter((l) => /^(With the|Some people|Many people|The whole|These four)/.test(l)).map((l) => l.slice(0, 30)));
    for (const p of rest) expect(inlineText((p as Paragraph).children).trimEnd()).toMatch(/\.$/);
  });

  it('records a repair at each blank-line split without a marker', () => {
    const continuations = ['world peace was thwarted', 'Expedition thirteen', 'much less participation', 'government, it was a fascist', 'the news reports', 'foreign help, but'];
    expect(e.repairs.map((r) => [r.kind, r.witness, r.pos.file, r.pos.line])).toEqual(
      continuations.map((c) => ['rejoin-paragraph', 'cmpa', FILE, lineOf(c)]),
    );
  });

  it('turns page markers into page breaks: 276, 277 (inside over/looking), 280-283', () => {
    const pbs = allPageBreaks(e);
    expect(pbs.map((pb) => pb.n)).toEqual(['276', '277', '280', '281', '282', '283']);
    for (const pb of pbs) {
      expect(pb).toMatchObject({ edition: 'flp', attestedBy: ['cmpa'], pos: { file: FILE, line: lineOf(`page ${pb.n}`) } });
    }
    expect(pbs.map((pb) => pb.wordBreak)).toEqual(['none', 'hyphen', 'none', 'none', 'none', 'none']);
    // 277 splits over|looking: the printed hyphen is removed, the halves abut the break.
    const para = e.body.find((b) => b.type === 'paragraph' && b.children.some((n) => n.type === 'pb' && n.n === '277')) as Paragraph;
    const at = para.children.findIndex((n) => n.type === 'pb' && n.n === '277');
    const before = para.children[at - 1];
    const after = para.children[at + 1];
    expect(before?.type === 'text' && before.value.endsWith(' In over')).toBe(true);
    expect(after?.type === 'text' && after.value.startsWith('looking this plot')).toBe(true);
    // 276 falls inside the second paragraph, between "conclude" and "security".
    expect(inlineText((e.body[3] as Paragraph).children, true)).toMatch(/tried hard to conclude\s+⟦pb 276⟧\s+security pacts/);
    // Markers never leak into the running text.
    expect(editionText(e)).not.toMatch(/page \d/);
  });

  it('reads six notes with their back-references and the page 283 break between notes 1 and 2', () => {
    const items = e.notes!.items;
    expect(items.map((it) => ('type' in it ? `pb${it.pb.n}` : it.id))).toEqual(['n1', 'pb283', 'n2', 'n3', 'n4', 'n5', 'n6']);
    const notes = notesOf(e);
    expect(notes.map((n) => [n.n, n.place, n.backRef?.page])).toEqual([
      ['1', 'end', '275'], ['2', 'end', '275'], ['3', 'end', '276'], ['4', 'end', '279'], ['5', 'end', '281'], ['6', 'end', '281'],
    ]);
    for (const n of notes) {
      expect(n.pos?.line).toBe(lineOf(`[${n.n}]`));
      expect(inlineText((n.blocks[0] as Paragraph).children)).not.toMatch(/\[p\.|^\s*\[\d/);
    }
  });

  it('links every note reference to its note', () => {
    const refs: { id: string; noteId: string; line?: number }[] = [];
    JSON.stringify(e.body, (_k, v) => (v?.type === 'noteRef' ? (refs.push({ id: v.id, noteId: v.noteId, line: v.pos?.line }), v) : v));
    expect(refs.map((r) => [r.id, r.noteId])).toEqual([1, 2, 3, 4, 5, 6].map((i) => [`nr${i}`, `n${i}`]));
    for (const r of refs) expect(lines[r.line! - 1]).toContain(`<sup>[${r.noteId.slice(1)}]</sup>`);
    expect(e.diagnostics.filter((d) => d.code.startsWith('note-'))).toEqual([]);
  });

  it('keeps every word of the body and notes, in order, and nothing of the title block', () => {
    const expected = words(rawText());
    const actual = words(editionText(e));
    expect(firstDifference(expected, actual)).toBeUndefined();
    expect(actual.length).toBeGreaterThan(3000);
    expect(actual).not.toContain('republish');
    expect(actual).not.toContain('romagnolo');
  });

  it('regularises every -- to an em dash, keeping the original', () => {
    const norms = JSON.stringify(e).match(/"type":"norm","orig":"--","reg":"—"/g) ?? [];
    expect(norms.length).toBe(rawText().split('--').length - 1);
    expect(norms.length).toBeGreaterThan(0);
  });

  it('warns, with line numbers, of the pages the reprint lacks: 275, 278-279', () => {
    const gaps = e.diagnostics.filter((d) => d.code === 'page-gap');
    expect(gaps.map((d) => [d.severity, d.file, d.line])).toEqual([
      ['warning', FILE, lineOf('## THE IDENTITY')],
      ['warning', FILE, lineOf('page 280')],
    ]);
    expect(gaps[0]!.message).toMatch(/page 275\b/);
    expect(gaps[1]!.message).toMatch(/pages 278-279/);
    expect(e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('readCmpa on small made-up reprints', () => {
  /** 1-based line of the n-th (1-based) line of `text` equal to or starting with `prefix`. */
  const lineIn = (text: string, prefix: string, nth = 1) => {
    let seen = 0;
    const i = text.split('\n').findIndex((l) => l.startsWith(prefix) && ++seen === nth);
    return i + 1;
  };
  const head = '**Author**\n\n**TITLE**\n\nFrom the  \n*Works*,  \nSome Press  \nPeking 1960\n\n**Vol. 1, pp. 10-12.**\n\n---\n\n## TITLE\n\n';

  it('refuses a file without a work heading, in one diagnostic naming the file', () => {
    const r = readCmpa('just some text\n', 'x.md');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map((d) => [d.file, d.severity, d.code])).toEqual([['x.md', 'error', 'not-a-work']]);
  });

  it('keeps a real compound hyphen across a page and drops a repeated marker', () => {
    const text = `${head}a non-\n\npage 11\n\naggression treaty and non-aggression.\n\npage 12\n\npage 12\n\nMore text.\n`;
    const e = read(text, 'm.md');
    const pbs = allPageBreaks(e);
    expect(pbs.map((pb) => [pb.n, pb.wordBreak])).toEqual([['11', 'compound'], ['12', 'none']]);
    expect(inlineText((e.body[1] as Paragraph).children, true)).toBe('a non- ⟦pb 11⟧ aggression treaty and non-aggression.');
    expect(e.repairs.map((r) => [r.kind, r.pos.line])).toEqual([['drop-duplicate-page-break', lineIn(text, 'page 12', 2)]]);
    expect(e.diagnostics.filter((d) => d.code === 'page-gap').map((d) => d.message)).toEqual([expect.stringMatching(/page 10\b/)]);
  });

  it('reads a marker line inside a paragraph, but not "page 12" within a line of text', () => {
    const text = `${head}It was set out in *Capital* page 12 and the\npage 11\nnext page goes on.\n`;
    const e = read(text, 'p.md');
    expect(allPageBreaks(e).map((pb) => [pb.n, pb.pos?.line])).toEqual([['11', lineIn(text, 'page 11')]]);
    expect(inlineText((e.body[1] as Paragraph).children, true)).toBe('It was set out in Capital page 12 and the ⟦pb 11⟧ next page goes on.');
  });

  it('reports a reference without its note and a note without reference, at their positions', () => {
    const text = `${head}Text<sup>[1]</sup> and more.<sup>[2]</sup>\n\n## NOTES\n\n[1] One. [p. 10]\n\n[3] Three. [p. 11]\n`;
    const e = read(text, 'n.md');
    const d = e.diagnostics.filter((x) => x.code.startsWith('note-')).map((x) => `${x.line}:${x.column} ${x.code}`);
    expect(d).toEqual([`${lineIn(text, 'Text<sup>')}:29 note-missing`, `${lineIn(text, '[3]')}:1 note-unreferenced`]);
  });

  it('warns that a GitHub Markdown table is read as plain text, keeping its words; a line with a bar is no table', () => {
    const text = `${head}Either | or, as said.\n\n| a | table |\n|---|:---:|\n| 1 | 2 |\n\nAfter.\n`;
    const e = read(text, 't.md');
    expect(e.diagnostics.filter((x) => x.code === 'markdown-unsupported').map((x) => `${x.line} ${x.message}`)).toEqual([
      `${lineIn(text, '| a |')} a table (GitHub Markdown) in a reprint is read as plain text, its rows as lines of one paragraph`,
    ]);
    expect(words(editionText(e))).toEqual(expect.arrayContaining(['table', '1', '2', 'after']));
  });
});
