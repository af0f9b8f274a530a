/**
 * Every fact of a title block in its TEI place (issue 9, "Header"): editors, translators and the
 * original's language, the first publication, copyright lines and the transcriber's © line, the
 * print edition's siglum from its publisher, an imprint dated only by its edition statement, and
 * the source's own title casing. Each pattern on a MADE-UP page (test/fixtures/marx2mao-patterns),
 * then counted on the 156 real sample pages, the expectations read from the HTML with regular
 * expressions, independently of the reader.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition, PrintWitness, TranscriptionWitness } from '../../src/model/types.js';
import { readMarx2mao } from '../../src/readers/marx2mao/index.js';
import { writeTei } from '../../src/tei/index.js';
import { validateTei } from '../../src/validate/index.js';
import { jingValidate } from '../support/jing.js';
import { fixtures, requireTool, teiAllRng, which } from '../support/tools.js';

const publication = { publisher: 'teikit tests', licence: { text: 'CC0 1.0' }, date: '2026-12-04' };

function read(path: string): { ed: Edition; html: string } {
  const r = readMarx2mao(readFileSync(path), path);
  if (!r.ok) throw new Error(`${path}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { ed: r.edition, html: readFileSync(path, 'latin1') };
}
const made = (rel: string) => read(join(fixtures, 'marx2mao-patterns', rel));
const print = (ed: Edition) => ed.witnesses.find((w): w is PrintWitness => w.kind === 'print' && !ed.witnesses.some((x) => x.kind === 'print' && x.basedOn === w.id));

async function expectValid(tei: string, name: string): Promise<void> {
  expect((await validateTei(tei, name)).filter((d) => d.severity === 'error')).toEqual([]);
  if (!(requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng()))) return;
  const file = join(mkdtempSync(join(tmpdir(), 'teikit-facts-')), name);
  writeFileSync(file, tei);
  expect(await jingValidate(teiAllRng()!, [file])).toEqual([]);
}

describe('a Collected Works title block (made-up Lenin/TR99.html)', () => {
  const { ed, html } = made('Lenin/TR99.html');
  const tei = writeTei(ed, publication);

  it('names the editors, the translators and the language of the original', () => {
    const [, lang, translators] = html.match(/Translated from the (\w+)<BR>\s*by ([^<]+)<BR>/)!;
    const [, ed1, ed2] = html.match(/Edited by ([^<]+)<BR>\s*(and [^<]+)<P>/)!;
    expect(print(ed)).toMatchObject({ editor: `${ed1} ${ed2}`, translator: translators, translatedFrom: lang });
    expect(tei).toContain(`<editor>${ed1} ${ed2}</editor>`);
    expect(tei).toContain(`<respStmt><resp>Translated from the ${lang} by</resp><persName>${translators}</persName></respStmt>`);
    expect(tei).toMatch(new RegExp(`<relatedItem type="translationOf">\\s*<bibl>\\s*<textLang mainLang="ru">${lang}</textLang>`));
  });

  it('puts the writing date and the first publication (over two lines) in creation', () => {
    const [, written] = html.match(/<I>(Written in [^<]+)<BR>/)!;
    const [, first, more] = html.match(/<BR>\s*(First published in \d{4})<BR>\s*([^<]+)<BR>/)!;
    expect(ed.work.published).toEqual({ text: `${first} ${more}`, when: first.slice(-4) });
    expect(tei).toContain(`<creation><date when="1903-10">${written}</date><date type="published" when="1925">${first} ${more}</date></creation>`);
  });

  it('gives the Progress Publishers edition its own siglum, and every page break points at it', () => {
    expect(html).toContain('Progress Publishers');
    expect(print(ed)!.id).toBe('pp');
    expect(tei).not.toContain('flp');
    const edRefs = [...tei.matchAll(/<pb [^>]*edRef="([^"]+)"/g)].map((m) => m[1]);
    expect(edRefs).toEqual(['#pp', '#pp']);
  });

  it("keeps the casing of the page's own title (a hyphenated name is not re-cased)", () => {
    const [, pageTitle] = html.match(/<TITLE>([^<]+)<\/TITLE>/)!;
    expect(pageTitle).toContain('Ya-min');
    expect(ed.work.title).toBe(pageTitle);
  });

  it("states the transcriber's © in the transcription's availability, the credit's words once, in its respStmt", () => {
    const w = ed.witnesses.find((x): x is TranscriptionWitness => x.kind === 'transcription')!;
    expect(w.rights).toBe('© David J. Romagnolo');
    expect(tei).toMatch(/<witness xml:id="m2m">\s*<bibl type="transcription">[\s\S]*<availability><p>© David J. Romagnolo<\/p><\/availability>/);
    expect(tei.match(/for the Internet/g)).toHaveLength(1);
  });

  it('is valid for teikit and tei_all', async () => {
    await expectValid(tei, 'TR99.tei.xml');
  });
});

describe("a book's title page (made-up M&E/TP99.html)", () => {
  const { ed, html } = made('M&E/TP99.html');
  const tei = writeTei(ed, publication);

  it('keeps "Peking" with no year after it, dated by the latest edition statement', () => {
    const years = [...html.matchAll(/(?:Edition|Printing) (\d{4})/g)].map((m) => m[1]!);
    expect(print(ed)).toMatchObject({ id: 'flp', place: 'Peking', publisher: 'Foreign Languages Press', date: years.sort().at(-1) });
    expect(tei).toMatch(/<pubPlace>Peking<\/pubPlace>\s*<publisher>Foreign Languages Press<\/publisher>\s*<date when="1979">1979<\/date>/);
  });

  it('keeps the translator with no language, under the book title as its monograph', () => {
    const [, who] = html.match(/Translated by ([^<]+)<BR>/)!;
    expect(print(ed)).toMatchObject({ translator: who });
    expect(print(ed)).not.toHaveProperty('translatedFrom');
    expect(tei).toMatch(new RegExp(`<title level="m">Wages and Looms</title>\\s*<respStmt><resp>Translated by</resp><persName>${who}</persName>`));
    expect(tei).not.toContain('translationOf');
  });

  it('keeps each copyright line, the holder on the next line joined to it', () => {
    const [, copy] = html.match(/&copy; (Karl Example, 1971)/)!;
    const [, line, holder] = html.match(/(Copyright, 1972, by)<BR>\s*([^<]+)<BR>/)!;
    expect(print(ed)!.rights).toEqual([`© ${copy}`, `${line} ${holder}`]);
    expect(tei).toContain(`<note type="rights">© ${copy}</note>`);
    expect(tei).toContain(`<note type="rights">${line} ${holder}</note>`);
  });

  it('is valid for teikit and tei_all', async () => {
    await expectValid(tei, 'TP99.tei.xml');
  });
});

describe('a subtitle in italics that begins "From" (made-up Stalin/SD99.html)', () => {
  const { ed, html } = made('Stalin/SD99.html');

  it('takes the collection from the plain "From" line, not from the subtitle\'s italics', () => {
    const [, collection] = html.match(/\nFrom J\. V\. Stalin, <B><I>([^<]+)<\/I><\/B>/)!;
    expect(html).toMatch(/<H6><I>From Speeches/);
    expect(print(ed)!.collection).toBe(collection);
    expect(writeTei(ed, publication)).toContain(`<title level="m">${collection}</title>`);
  });

  it('reads a periodical, its issue and its date as the first publication, not as the date of the work', () => {
    const [, name, tr, no, date] = html.match(/<I>([\w ]+)<\/I><BR>\s*\(<I>([\w ]+)<\/I>\), (No\. \d+),<BR>\s*(\w+ \d+, \d{4})<BR>/)!;
    expect(ed.work.published).toEqual({ text: `${name} (${tr}), ${no}, ${date}`, when: '1929-03-03' });
    expect(ed.work.date).toBeUndefined();
    expect(writeTei(ed, publication)).toContain(`<creation><date type="published" when="1929-03-03">${name} (${tr}), ${no}, ${date}</date></creation>`);
  });

  it('names whose collection it is, as the "From" line does, in the monograph', async () => {
    const [, who] = html.match(/\nFrom ([A-Z. ]+ \w+), <B><I>/)!;
    expect(print(ed)!.collectionAuthor).toBe(who);
    const tei = writeTei(ed, publication);
    expect(tei).toMatch(new RegExp(`<monogr>\\s*<author>${who}</author>\\s*<title level="m">`));
    await expectValid(tei, 'SD99.tei.xml');
  });
});

describe('a title heading left open (made-up Stalin/EC99.html)', () => {
  const { ed, html } = made('Stalin/EC99.html');

  it('takes the title from the heading only, not from the title block the open heading holds', () => {
    const [, a, b] = html.slice(html.indexOf('<BODY')).match(/<H2>(\w+(?: \w+)*)<BR>(\w+(?: \w+)*)<H2>/)!;
    expect(ed.work.title.toUpperCase()).toBe(`${a} ${b}`);
    expect(ed.work.author).toBe('J. V. Stalin');
  });
});

describe('a letter-spaced title under a part label, by two authors (made-up M&E/LS99.html)', () => {
  const { ed, html } = made('M&E/LS99.html');
  const body = html.slice(html.indexOf('<BODY'));

  it('rejoins the spaced display lines into the title, its qualifier in parentheses included', () => {
    const lines = [...body.matchAll(/<H[13]>([^<]*\p{Lu} \p{Lu}[^<]*)<\/H[13]>/gu)].map((m) =>
      m[1]!.split(/&nbsp;|\s{2,}/).map((w) => w.replace(/\s/g, '')).filter(Boolean).join(' '));
    expect(lines).toHaveLength(4);
    expect(ed.work.title.toUpperCase()).toBe(lines.join(' '));
  });

  it('takes the bracketed part label for neither author nor title, and joins the two authors', () => {
    const [, a, b] = body.match(/<H3>([A-Z ]+)<BR>and<BR>([A-Z ]+)<\/H3>/)!;
    expect(ed.work.author!.toUpperCase()).toBe(`${a} AND ${b}`);
    expect(ed.work.title).not.toMatch(/Part|Chapters/);
  });

  it('keeps the part label as the part of the work the page holds: title type="sub" in the TEI', async () => {
    const [, label] = body.match(/<H5>\[([^\]]+)\]<\/H5>/)!;
    expect(ed.work.part).toBe(label);
    const tei = writeTei(ed, publication);
    expect(tei).toMatch(new RegExp(`<title type="main">${ed.work.title.replace(/[()]/g, '\\$&')}</title>\\s*<title type="sub">${label}</title>`));
    await expectValid(tei, 'LS99.tei.xml');
    // the catalogue and the citations tell the parts of one work apart
    const { workEntry } = await import('../../src/pipeline/work-entry.js');
    expect(workEntry(ed, tei, 'LS99').title).toBe(`${ed.work.title} — ${label}`);
  });
});

describe('a pamphlet with no author heading and another imprint (made-up Other/SP99.html)', () => {
  const { ed, html } = made('Other/SP99.html');

  it('joins the title from its three display lines, enlarged initials included, and invents no author', () => {
    const lines = [...html.slice(html.indexOf('<BODY')).matchAll(/<H[14]>\s*([^<]+)<\/H[14]>/g)].map((m) => m[1]!.trim());
    const initials = html.match(/<B><FONT SIZE=\+2>\s*(\w)<\/FONT>(\w+) <FONT SIZE=\+2>(\w)<\/FONT>(\w+)<\/B>/)!;
    const last = `${initials[1]}${initials[2]} ${initials[3]}${initials[4]}`;
    expect(ed.work.title.toUpperCase()).toBe([...lines, last].join(' '));
    expect(ed.work.author).toBeUndefined();
  });

  it("reads the imprint's publisher and the city on the line under it", async () => {
    expect(print(ed)).toMatchObject({ publisher: 'Riverside Publishers', place: 'Little Rock' });
    await expectValid(writeTei(ed, publication), 'SP99.tei.xml');
  });
});

describe('title-block facts on the 156 sample pages', () => {
  const pages = ['marx2mao', 'marx2mao-tranche2'].flatMap((d) =>
    (readdirSync(join(fixtures, d), { recursive: true }) as string[]).filter((f) => /\.html?$/i.test(f)).map((f) => join(fixtures, d, f)),
  );
  /** The title block's text before the transcriber's credit, from the raw HTML. */
  const blockText = (html: string) => {
    const at = html.search(/for the\s+Internet/i);
    return at < 0 ? '' : html.slice(0, at).replace(/<head[\s\S]*?<\/head>/i, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;?/g, ' ').replace(/\s+/g, ' ');
  };
  const rows = pages.flatMap((path) => {
    const r = readMarx2mao(readFileSync(path), path);
    if (!r.ok) return [];
    return [{ path, ed: r.edition, text: blockText(readFileSync(path, 'latin1')) }];
  });

  it('reads every editor, translator, original language and first publication the title blocks state', () => {
    const count = (re: RegExp) => rows.filter((r) => re.test(r.text)).length;
    const edited = rows.filter((r) => print(r.ed)?.editor).length;
    const translated = rows.filter((r) => print(r.ed)?.translator).length;
    const from = rows.filter((r) => print(r.ed)?.translatedFrom).length;
    const published = rows.filter((r) => r.ed.work.published).length;
    // by the source: "Edited by <name>", or letter-spaced in capitals ("E D I T E D&nbsp; B Y&nbsp; A&nbsp; C O M M I S S I O N")
    expect(edited).toBe(count(/Edited by (?:[A-Z]\. ?)*[A-Z][a-z]|E D I T E D\s+B Y\s+\S/));
    expect(translated).toBe(count(/Translated (?:from the \w+ )?by \S/));
    expect(from).toBe(count(/Translated from the [A-Z]/));
    // a statement that begins a line of the title block (not "… was published in" inside another)
    const lines = (r: (typeof rows)[number]) => readFileSync(r.path, 'latin1').slice(0, readFileSync(r.path, 'latin1').search(/for the\s+Internet/i))
      .split(/<(?:BR|P|H\d|HR|TD|TR|CENTER)\b[^>]*>/i).map((l) => l.replace(/<[^>]+>/g, ' ').replace(/&nbsp;?/gi, ' ').replace(/\s+/g, ' ').trim());
    // or, with no such statement, a periodical's issue or issues over their date or dates (`Pravda,
    // No. 29,` / `February 10, 1921`; `No. 13 (71),`; `Nos. 106 and 107,` / `May 12 and 13, 1925`),
    // or beside it (`No. 1197, June 10, 1926`)
    const no = String.raw`\bNos?\. ?\d+(?: ?\(\d+\))?(?: and \d+)?`;
    const day = String.raw`[A-Z][a-z]+ \d{1,2}(?: and \d{1,2})?,? \d{4}`;
    const issue = (ls: string[]) =>
      ls.some((l, k) => new RegExp(`${no} ?,?$`).test(l) && new RegExp(`^${day}$`).test(ls[k + 1] ?? '')) || ls.some((l) => new RegExp(`${no}, ${day}$`).test(l));
    const stated = (r: (typeof rows)[number]) => lines(r).some((l) => /^(?:First (?:published|printed)|Published (?:in|at|on)|Publighed)\b/i.test(l)) || issue(lines(r));
    expect(rows.filter((r) => r.ed.work.published && stated(r)).length).toBe(rows.filter(stated).length);
    // the others state it under the text, in the statements closing it (closing-facts.ts), or under
    // the work's title, in a table of statements opening it (opening-facts.ts: WLC47)
    expect(rows.filter((r) => r.ed.work.published && !stated(r)).map((r) => basename(r.path)).sort()).toEqual(['PC47.html', 'TS19.html', 'WLC47.html']);
    console.log(`title-block facts on ${rows.length} pages: editors ${edited}, translators ${translated}, original language ${from}, first publication ${published}`);
    expect(edited).toBeGreaterThanOrEqual(20);
    expect(from).toBeGreaterThanOrEqual(20);
  });

  it('states the edition statements, the siglum by publisher and the © line of every transcription', () => {
    const withEdition = rows.filter((r) => print(r.ed)?.printings.length).length;
    expect(withEdition).toBe(rows.filter((r) => /\b(?:First|Second|Third|Fourth|Fifth|Sixth|\d+(?:st|nd|rd|th))\s+(?:[A-Z][a-z]+\s+)?(?:Edition|Printing|Impression)\b/i.test(r.text)).length);
    const progress = rows.filter((r) => /Progress Publishers/.test(r.text));
    expect(progress.length).toBeGreaterThan(0);
    for (const r of progress) expect(print(r.ed)?.id, r.path).toBe('pp');
    for (const r of rows.filter((x) => /Foreign Languages Press/.test(x.text) && !/Based on/.test(x.text))) expect(print(r.ed)?.id, r.path).toBe('flp');
    const claimed = rows.filter((r) => (r.ed.witnesses.find((w) => w.kind === 'transcription') as TranscriptionWitness).rights).length;
    expect(claimed).toBe(rows.filter((r) => r.text.includes('Prepared') && /Prepared[^<]*(?:©|&copy)/.test(readFileSync(r.path, 'latin1'))).length);
    const sigla = new Map<string, number>();
    for (const r of rows) sigla.set(print(r.ed)?.id ?? '-', (sigla.get(print(r.ed)?.id ?? '-') ?? 0) + 1);
    console.log(`edition statements on ${withEdition} pages; © line on ${claimed}; sigla ${JSON.stringify(Object.fromEntries(sigla))}`);
  });
});

describe(`a first printing in a periodical's issue or issues, stated without "Published"`, () => {
  const real = (rel: string) => read(join(fixtures, rel));
  const lines = (html: string, from: RegExp) => html.slice(html.search(from)).split(/<BR>/i, 3).map((l) => l.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim());

  it('PRC26: the magazine named on the line over its issue numbers (`No. 13 (71),`), dated by the line under', () => {
    const { ed, html } = real('marx2mao/Stalin/PRC26.html');
    const [name, issue, date] = lines(html, /The magazine/);
    expect(issue).toBe('No. 13 (71),');
    expect(ed.work.published).toEqual({ text: `${name} ${issue} ${date}`, when: '1926-12-10' });
  });

  it('SDD26: two issues over two days (`No. 256 and 257,` / `November 5 and 6, 1926`) date it from the first to the second', () => {
    const { ed } = real('marx2mao-tranche2/Stalin/SDD26.html');
    expect(ed.work.published).toMatchObject({ from: '1926-11-05', to: '1926-11-06' });
    expect(writeTei(ed, publication)).toContain('<date type="published" from="1926-11-05" to="1926-11-06">');
  });

  it('BSEP26: the issue and its date on one line (`No. 1197, June 10, 1926`)', () => {
    const { ed } = real('marx2mao-tranche2/Stalin/BSEP26.html');
    expect(ed.work.published).toMatchObject({ when: '1926-06-10' });
    expect(ed.work.published!.text).toMatch(/No\. 1197, June 10, 1926$/);
    // the line over the issue is the periodical's name only where it is no date (the work's)
    const { html } = real('marx2mao-tranche2/Stalin/BSEP26.html');
    const nameless = html.replace('<I>Zarya Vostoka</I> (Tiflis)<BR>', '');
    expect(nameless).not.toBe(html);
    const r = readMarx2mao(Buffer.from(nameless, 'latin1'), 'BSEP26.html');
    expect(r.ok && r.edition.work.published).toMatchObject({ text: 'No. 1197, June 10, 1926', when: '1926-06-10' });
  });
});
