/**
 * The bundled edition end to end (issue 2): `teikit build` on editions/identity-of-interests, and
 * each reprint converted alone. TEI structure is read with fast-xml-parser (preserveOrder), never
 * with regular expressions; the reprints' words are taken from the source files independently of
 * teikit's readers and compared, in order, with the TEI's reading text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { runCli } from '../src/cli/run.js';
import { convertFiles } from '../src/convert.js';
import { schemaValidator } from '../src/edition/json-schema.js';
import type { ConversionReport } from '../src/report/index.js';
import { jingValidate } from './support/jing.js';
import { requireTool, repoRoot, teiAllRng, which } from './support/tools.js';
import { firstDifference, words } from './support/words.js';

const edDir = join(repoRoot, 'editions/identity-of-interests');
const su39 = join(edDir, 'SU39.html');
const cmpa = join(edDir, 'identity-of-interests.md');

// ---------------------------------------------------------------------------------------------
// TEI as a flat sequence of events in document order
// ---------------------------------------------------------------------------------------------
type Ev =
  | { kind: 'open'; name: string; attrs: Record<string, string>; path: string[] }
  | { kind: 'close'; name: string }
  | { kind: 'text'; value: string };

function events(xml: string): Ev[] {
  const tree = new XMLParser({
    preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false,
    parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: false,
  }).parse(xml) as unknown[];
  const out: Ev[] = [];
  const walk = (nodes: unknown[], path: string[]): void => {
    for (const node of nodes as Record<string, unknown>[]) {
      const name = Object.keys(node).find((k) => k !== ':@')!;
      if (name === '#text') out.push({ kind: 'text', value: String(node[name]) });
      else if (name !== '?xml') {
        out.push({ kind: 'open', name, attrs: (node[':@'] ?? {}) as Record<string, string>, path });
        walk(node[name] as unknown[], [...path, name]);
        out.push({ kind: 'close', name });
      }
    }
  };
  walk(tree, []);
  return out;
}
type Open = Extract<Ev, { kind: 'open' }>;
const opens = (evs: Ev[], name: string) =>
  evs.map((e, i) => ({ e, i })).filter((x): x is { e: Open; i: number } => x.e.kind === 'open' && x.e.name === name);
/** The events of the element opened at index i (exclusive of its own open/close). */
function inside(evs: Ev[], i: number): Ev[] {
  let depth = 0;
  for (let j = i; j < evs.length; j++) {
    const e = evs[j]!;
    if (e.kind === 'open') depth++;
    if (e.kind === 'close' && --depth === 0) return evs.slice(i + 1, j);
  }
  throw new Error('unclosed element');
}
const textOf = (evs: Ev[]) => evs.filter((e) => e.kind === 'text').map((e) => (e as { value: string }).value).join('');

/**
 * The reading text: regularised readings (orig dropped), no note-reference labels or page
 * back-references, words across `pb break="no"` joined (a compound's kept hyphen dropped there,
 * as the source extraction drops the hyphen at its page markers).
 */
function readingText(evs: Ev[]): string {
  let s = '';
  let skip = 0;
  for (const e of evs) {
    if (e.kind === 'open') {
      if (skip > 0 || e.name === 'orig' || (e.name === 'ref' && e.attrs.type === 'noteref') || (e.name === 'ptr' && e.attrs.type === 'pageref')) skip++;
      else if (e.name === 'pb') s = e.attrs.break === 'no' ? s.replace(/-$/, '') : `${s} `;
      else if (['p', 'head', 'dateline', 'note', 'lb', 'item', 'cell'].includes(e.name)) s += ' ';
    } else if (e.kind === 'close') {
      if (skip > 0) skip--;
    } else if (skip === 0) s += e.value;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// The reprints' words, straight from the files
// ---------------------------------------------------------------------------------------------
const MARK = '\u0000';
function joinAtMarkers(s: string): string {
  // A hyphen before a page marker is the printer's (or a compound's, see readingText): join.
  return s.replace(new RegExp(`-\\s*${MARK}\\s*`, 'g'), '').replace(new RegExp(MARK, 'g'), ' ');
}
function decodeHtml(s: string): string {
  return s
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|AMP);?/g, '&').replace(/&(quot|QUOT);?/g, '"').replace(/&[a-zA-Z]+;?/g, ' ');
}
function marx2maoWords(html: string): { body: string[]; notes: string[] } {
  const start = html.indexOf('<UL>');
  const notesAt = html.indexOf('<A NAME="NOTES">');
  const end = html.lastIndexOf('</UL>');
  const clean = (part: string) =>
    words(decodeHtml(joinAtMarkers(
      part
        .replace(/<P[^>]*>\s*<FONT SIZE=-2>\s*<B>\s*page\s+\d+\s*<\/B>\s*<\/FONT>\s*<P>/gi, MARK)
        .replace(/<FONT SIZE=-2>\[<A HREF="[^"]*#en\d+">\d+<\/A>\]<\/FONT>/gi, '')
        .replace(/<A NAME="en\d+">\[\d+\]<\/A>/gi, ' ')
        .replace(/\[p\.\s*<A HREF="[^"]*">\d+<\/A>\]/gi, ' ')
        .replace(/<B>NOTES<\/B>/, ' ')
        .replace(/<\/?(P|BR|UL|CENTER|H\d|HR|TABLE|TR|TD)\b[^>]*>/gi, ' ')
        .replace(/<[^>]+>/g, ''),
    )));
  return { body: clean(html.slice(start, notesAt)), notes: clean(html.slice(notesAt, end)) };
}
function cmpaWords(md: string): { body: string[]; notes: string[] } {
  const start = md.indexOf('\n## ') + 1;
  const notesAt = md.indexOf('\n## NOTES');
  const clean = (part: string) =>
    words(joinAtMarkers(
      part
        .replace(/^## NOTES$/m, ' ')
        .replace(/^page \d+$/gm, MARK)
        .replace(/<sup>\[\d+\]<\/sup>/g, '')
        .replace(/^\[\d+\]/gm, ' ')
        .replace(/\[p\.\s*\d+\]/g, ' ')
        .replace(/<[^>]+>/g, ''),
    ));
  return { body: clean(md.slice(start, notesAt)), notes: clean(md.slice(notesAt)) };
}

// ---------------------------------------------------------------------------------------------

let teiBundled = '';
let report: ConversionReport;
let teiCmpa = '';
let teiSu39 = '';
let cmpaWarnings: string[] = [];
let buildOut = { code: -1, stdout: '', stderr: '' };

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'teikit-bundled-'));
  let stdout = '';
  let stderr = '';
  const code = await runCli(['build', 'editions', '-o', out], {
    stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: process.stdin, cwd: repoRoot,
  });
  buildOut = { code, stdout, stderr };
  teiBundled = readFileSync(join(out, 'identity-of-interests/identity-of-interests.tei.xml'), 'utf8');
  report = JSON.parse(readFileSync(join(out, 'identity-of-interests/identity-of-interests.report.json'), 'utf8')) as ConversionReport;
  const alone = await convertFiles([cmpa]);
  teiCmpa = alone.tei;
  cmpaWarnings = alone.diagnostics.filter((d) => d.code === 'page-gap').map((d) => `${d.line}:${d.column}`);
  teiSu39 = (await convertFiles([su39])).tei;
});

describe('the bundled edition (identity-of-interests)', () => {
  it('builds with exit 0', () => {
    expect(buildOut.stderr.split('\n').filter((l) => / error /.test(l))).toEqual([]);
    expect(buildOut.code).toBe(0);
    expect(buildOut.stdout).toContain('identity-of-interests.tei.xml');
  });

  const rng = teiAllRng();
  describe.runIf(requireTool('jing', which('jing')) && requireTool('tei_all.rng', rng))('validity', () => {
    it('the edition, the CMPA alone and SU39 alone are valid tei_all (one jing run)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'teikit-bundled-jing-'));
      const files = [['bundled', teiBundled], ['cmpa', teiCmpa], ['su39', teiSu39]].map(([name, xml]) => {
        const p = join(dir, `${name}.xml`);
        writeFileSync(p, xml!);
        return p;
      });
      expect(await jingValidate(rng!, files)).toEqual([]);
    });
  });

  it('has print page breaks 275…283 in order, each of the FLP edition, attested as the reprints have them', () => {
    const pbs = opens(events(teiBundled), 'pb').map(({ e }) => e.attrs);
    expect(pbs.map((a) => a.n)).toEqual(['275', '276', '277', '278', '279', '280', '281', '282', '283']);
    expect(pbs.every((a) => a.edRef === '#flp')).toBe(true);
    const source = Object.fromEntries(pbs.map((a) => [a.n, a.source]));
    for (const n of ['275', '278', '279']) expect(source[n], `page ${n}`).toBe('#m2m');
    for (const n of ['276', '277', '280', '281', '282', '283']) expect(source[n], `page ${n}`).toBe('#m2m #cmpa');
  });

  it('puts 275 before the title, 277 inside over/looking, 283 between notes 1 and 2', () => {
    const evs = events(teiBundled);
    const pbAt = (n: string) => opens(evs, 'pb').find(({ e }) => e.attrs.n === n)!;
    const firstBodyHead = opens(evs, 'head').find(({ e }) => e.path.includes('body'))!;
    expect(pbAt('275').i).toBeLessThan(firstBodyHead.i);

    const p277 = pbAt('277');
    expect(p277.e.attrs.break).toBe('no');
    expect(p277.e.attrs.rend).toBe('hyphen');
    expect(p277.e.path.at(-1)).toBe('p');
    const before = evs[p277.i - 1]!;
    const after = evs[p277.i + 2]!; // open, close, then the text after it
    expect(before.kind === 'text' && /\bover$/.test(before.value)).toBe(true);
    expect(after.kind === 'text' && /^looking\b/.test(after.value)).toBe(true);

    const notesDiv = opens(evs, 'div').find(({ e }) => e.attrs.type === 'notes')!;
    expect(notesDiv.e.path).toEqual(['TEI', 'text', 'back']);
    const children = inside(evs, notesDiv.i).filter((e): e is Open => e.kind === 'open' && e.path.length === notesDiv.e.path.length + 1);
    const seq = children.map((e) => (e.name === 'note' ? `note ${e.attrs.n}` : e.name === 'pb' ? `pb ${e.attrs.n}` : e.name));
    expect(seq.slice(0, 4)).toEqual(['head', 'note 1', 'pb 283', 'note 2']);
  });

  it('has six body paragraphs after the dateline', () => {
    const evs = events(teiBundled);
    const work = opens(evs, 'div').find(({ e }) => e.attrs.type === 'work')!;
    const kids = inside(evs, work.i).filter((e): e is Open => e.kind === 'open' && e.path.length === work.e.path.length + 1);
    const names = kids.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['head', 'dateline']);
    expect(names.slice(2).filter((n) => n === 'p')).toHaveLength(6);
    expect(names.slice(2).every((n) => n === 'p' || n === 'pb')).toBe(true);
    expect(report.counts.paragraphs).toBe(6);
  });

  it('has six notes, each referenced from the body and pointing back, each with its page back-reference', () => {
    const evs = events(teiBundled);
    // the notes of the text (the header and the apparatus have notes of the edition's own)
    const notes = opens(evs, 'note').filter(({ e }) => e.path.includes('text'));
    expect(notes.map(({ e }) => e.attrs.n)).toEqual(['1', '2', '3', '4', '5', '6']);
    const refs = opens(evs, 'ref').filter(({ e }) => e.attrs.type === 'noteref');
    const refById = new Map(refs.map(({ e }) => [e.attrs['xml:id'], e]));
    expect(refs).toHaveLength(6);
    const expectedPages = ['275', '275', '276', '279', '281', '281'];
    notes.forEach(({ e, i }, k) => {
      const id = e.attrs['xml:id']!;
      const targets = e.attrs.target!.split(' ');
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(refById.get(t.slice(1))?.attrs.target).toBe(`#${id}`);
      expect(refs.filter(({ e: r }) => r.attrs.target === `#${id}`).map(({ e: r }) => `#${r.attrs['xml:id']}`)).toEqual(targets);
      const kids = inside(evs, i).filter((x): x is Open => x.kind === 'open' && x.path.length === e.path.length + 1);
      const last = kids.at(-1)!;
      // a pointer, added by the transcriber: @resp names their respStmt
      expect(last.name).toBe('ptr');
      expect(last.attrs.type).toBe('pageref');
      expect(last.attrs.resp).toBe('#m2m-resp');
      expect(opens(evs, 'respStmt').some(({ e: r }) => r.attrs['xml:id'] === 'm2m-resp' && r.path.includes('witness'))).toBe(true);
      expect(last.attrs.n).toBe(expectedPages[k]);
      const anchorIds = new Set(opens(evs, 'anchor').map(({ e: a }) => `#${a.attrs['xml:id']}`));
      if (last.attrs.target) expect(anchorIds.has(last.attrs.target)).toBe(true);
    });
    expect(report.counts.notes).toBe(6);
    expect(report.counts.noteRefs).toBe(6);
  });

  for (const [name, file, extract] of [
    ['marx2mao SU39.html', su39, marx2maoWords],
    ['CMPA identity-of-interests.md', cmpa, cmpaWords],
  ] as const) {
    it(`has every word of the body and the notes of ${name}, in order`, () => {
      const source = extract(readFileSync(file, 'latin1'));
      expect(source.body.length).toBeGreaterThan(3000);
      expect(source.notes.length).toBeGreaterThan(300);
      const evs = events(teiBundled);
      const body = opens(evs, 'body')[0]!;
      const teiBody = words(readingText(inside(evs, body.i)));
      const teiNotes = opens(evs, 'note').filter(({ e }) => e.path.includes('text')).flatMap(({ i }) => words(readingText(inside(evs, i))));
      expect(firstDifference(source.body, teiBody)).toBeUndefined();
      expect(firstDifference(source.notes, teiNotes)).toBeUndefined();
      expect(teiBody).toContain('overlooking');
    });
  }

  it('keeps the title block, Republish block, navigation and page markers out of the text', () => {
    const evs = events(teiBundled);
    const text = readingText(inside(evs, opens(evs, 'text')[0]!.i));
    for (const leak of ['Republish', 'cmpa.af', 'Afghanistan', 'From Marx to Mao', 'Mao Collection', 'Reading Guide', 'Prepared', 'Romagnolo', 'Foreign Languages Press', 'Second Printing', 'Vol. II']) {
      expect(text, leak).not.toContain(leak);
    }
    expect(text).not.toMatch(/\bpage \d+/);
    expect(text).not.toMatch(/\[p\. ?\d+\]/);
  });

  it('states the work, the print edition and both reprints in the header', () => {
    const evs = events(teiBundled);
    const header = inside(evs, opens(evs, 'teiHeader')[0]!.i);
    const all = (name: string) => opens(header, name).map(({ e, i }) => ({ attrs: e.attrs, text: textOf(inside(header, i)), path: e.path }));
    const mainTitle = all('title').find((t) => t.attrs.type === 'main')!;
    expect(mainTitle.text).toBe('The Identity of Interests between the Soviet Union and All Mankind');
    expect(all('author').map((a) => a.text)).toContain('Mao Tse-tung');
    expect(all('date').find((d) => d.path.includes('creation'))?.attrs.when).toBe('1939-09-28');
    expect(all('publisher').map((p) => p.text)).toEqual(expect.arrayContaining(['Foreign Languages Press', 'teikit project', 'Communist (Maoist) Party of Afghanistan (CMPA)']));
    expect(all('pubPlace').map((p) => p.text)).toEqual(['Peking']);
    expect(all('edition').map((e) => e.text)).toEqual(['First Edition 1965', 'Second Printing 1967']);
    expect(all('biblScope').map((b) => [b.attrs.unit, b.attrs.n ?? `${b.attrs.from}-${b.attrs.to}`, b.text])).toEqual([
      ['volume', '2', 'II'],
      ['page', '275-283', '275-83'],
    ]);
    expect(all('persName').map((p) => p.text)).toEqual(['David J. Romagnolo']);
    expect(all('date').filter((d) => d.path.at(-1) === 'bibl').map((d) => d.attrs.when)).toEqual(['1999-10']);
    expect(all('ptr').map((p) => p.attrs.target)).toEqual(['http://www.marx2mao.com/Mao/SU39.html', 'https://cmpa.af']);
    expect(all('licence')[0]!.attrs.target).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(opens(header, 'biblStruct').map(({ e }) => e.attrs['xml:id'])).toEqual(['flp']);
    const correction = all('correction')[0]!.text;
    expect(correction).toContain('print page break(s) 275, 278, 279 are attested by #m2m only');
    // the texts read are the witnesses of listWit; the print edition is known only through them
    expect(opens(header, 'witness').map(({ e }) => e.attrs['xml:id'])).toEqual(['m2m', 'cmpa']);
  });

  it('records the CMPA as the witness whose mid-sentence splits were undone, on the evidence of marx2mao, its variants in the TEI', () => {
    const evs = events(teiBundled);
    const header = inside(evs, opens(evs, 'teiHeader')[0]!.i);
    const correction = textOf(inside(header, opens(header, 'correction')[0]!.i));
    // the paragraph splits, counted in the reprint itself: a paragraph that ends without
    // sentence-final punctuation and is followed, across blank lines and page markers, by prose
    const md = readFileSync(cmpa, 'utf8');
    const paras = md.slice(md.indexOf('\n## ') + 1, md.indexOf('\n## NOTES')).split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);
    const prose = paras.map((p, i) => ({ p, i })).filter(({ p }) => !/^(#|\*|page \d+$)/.test(p));
    // (a paragraph running on across one of the reprint's own page markers is not a split)
    const splits = prose.filter(({ p, i }, k) => k + 1 < prose.length && !/[.!?:]["'”’)\]]*$/.test(p) && !/^page \d+$/.test(paras[i + 1]!));
    expect(splits.length).toBe(6);
    expect(correction).toContain(`The witness #cmpa splits ${splits.length} paragraph(s) in mid-sentence`);
    expect(correction).toContain('the reading text keeps the paragraphs of #m2m');
    expect(correction).toContain('(evidence: #m2m)');
    expect(correction).not.toContain('evidence: #cmpa');
    // the two splits where the reprint lost the marker of a page marx2mao has (278, 279), the four others
    const su = readFileSync(su39, 'latin1');
    const lost = ['278', '279'].filter((n) => su.includes(`page ${n}`) && !new RegExp(`^page ${n}$`, 'm').test(md));
    expect(lost).toEqual(['278', '279']);
    expect(correction).toContain(`${lost.length} of them stand where it also lost the marker of print page(s) ${lost.join(', ')}, ${splits.length - lost.length} have no marker lost`);
    // the relation of the witnesses, stated in the CMPA's witness entry
    const wit = opens(header, 'witness').find(({ e }) => e.attrs['xml:id'] === 'cmpa')!;
    const relation = textOf(inside(header, wit.i));
    expect(relation).toContain('A reprint of m2m: it gives the same words in the same order');
    expect(relation).toContain(`it splits ${splits.length} of them in mid-sentence (${lost.length} where it lost a print page marker)`);
    expect(relation).toContain('it lacks the markers of print page(s) 275, 278, 279');
    // each variant in the apparatus, pointing at an anchor just before the first word after the split
    const apps = opens(evs, 'app');
    expect(apps).toHaveLength(splits.length);
    const body = evs.slice(opens(evs, 'body')[0]!.i);
    apps.forEach(({ e, i }, k) => {
      expect(e.path).toEqual(['TEI', 'standOff', 'listApp']);
      const inner = inside(evs, i);
      expect(opens(inner, 'lem')[0]!.e.attrs.wit).toBe('#m2m');
      const rdg = opens(inner, 'rdg')[0]!;
      expect(rdg.e.attrs.wit).toBe('#cmpa');
      expect(opens(inner, 'milestone')[0]!.e.attrs.unit).toBe('paragraph');
      const id = e.attrs.from!.slice(1);
      const at = body.findIndex((x) => x.kind === 'open' && x.name === 'anchor' && x.attrs['xml:id'] === id);
      expect(at, id).toBeGreaterThan(0);
      const next = words(readingText(body.slice(at + 1, at + 6)))[0];
      const after = splits[k]!;
      const nextPara = prose[prose.findIndex((x) => x === after) + 1]!.p;
      expect(next).toBe(words(nextPara)[0]);
      expect(rdg.e.attrs.cause).toBe(textOf(inner).includes('lost the marker') ? 'lostPageMarker' : 'reprintLayout');
    });
    expect(apps.filter(({ i }) => textOf(inside(evs, i)).includes('lost the marker')).length).toBe(lost.length);
  });

  it('writes a report valid against schema/report.schema.json with every repair and the page sequence', () => {
    const validate = schemaValidator('report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.edition).toBe('identity-of-interests');
    expect(report.inputs.map((i) => [i.file, i.role, i.witness])).toEqual([
      ['editions/identity-of-interests/SU39.html', 'base', 'm2m'],
      ['editions/identity-of-interests/identity-of-interests.md', 'witness', 'cmpa'],
    ]);
    expect(report.pages.map((p) => `${p.n}:${p.attestedBy.join('+')}:${p.in}`)).toEqual([
      '275:m2m:body', '276:m2m+cmpa:body', '277:m2m+cmpa:body', '278:m2m:body', '279:m2m:body',
      '280:m2m+cmpa:body', '281:m2m+cmpa:body', '282:m2m+cmpa:body', '283:m2m+cmpa:notes',
    ]);
    // The CMPA's mid-sentence paragraph splits, rejoined, each with its place in the reprint.
    const rejoined = report.repairs.filter((r) => r.kind === 'rejoin-paragraph');
    expect(rejoined.length).toBeGreaterThanOrEqual(4);
    for (const r of rejoined) {
      expect(r.witness).toBe('cmpa');
      expect(r.pos.file).toBe('editions/identity-of-interests/identity-of-interests.md');
      expect(r.pos.line).toBeGreaterThan(33);
    }
    // the apparatus's notes are the edition's account, not text: every source is wholly accounted for
    const fidelity = (report as unknown as { fidelity: { sources: { file: string; tei: { notes: number }; unaccounted: unknown[] }[] } }).fidelity;
    expect(fidelity.sources.map((x) => [x.file, x.tei.notes, x.unaccounted.length])).toEqual([
      ['editions/identity-of-interests/SU39.html', 6, 0],
      ['editions/identity-of-interests/identity-of-interests.md', 6, 0],
    ]);
    expect(report.counts.pageBreaks).toBe(9);
    expect(report.counts.words).toBeGreaterThan(3000);
  });
});

describe('each reprint alone', () => {
  it('CMPA alone: page-gap warnings with line numbers for the pages it lacks', () => {
    expect(cmpaWarnings.length).toBeGreaterThanOrEqual(2);
    for (const pos of cmpaWarnings) expect(Number(pos.split(':')[0])).toBeGreaterThan(1);
    const pbs = opens(events(teiCmpa), 'pb').map(({ e }) => e.attrs.n);
    expect(pbs).toEqual(['276', '277', '280', '281', '282', '283']);
  });

  it('SU39.html alone: all nine page breaks, attested by marx2mao', () => {
    const pbs = opens(events(teiSu39), 'pb').map(({ e }) => e.attrs);
    expect(pbs.map((a) => a.n)).toEqual(['275', '276', '277', '278', '279', '280', '281', '282', '283']);
    expect(pbs.every((a) => a.source === '#m2m' && a.edRef === '#flp')).toBe(true);
  });
});
