/**
 * TEI fixtures for the rendition tests, and the word/structure readers the tests compare with.
 * The TEI comes from teikit's own pipeline on the real corpus (readers → merge → writer), plus the
 * hand-made house sample. Renditions are read with parse5 (HTML/XHTML) and saxes (TEI), never with
 * regular expressions over markup.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { SaxesParser } from 'saxes';
import { convertFiles } from '../../src/convert.js';
import { loadEdition, publicationOf } from '../../src/edition/index.js';
import { UserError } from '../../src/model/diagnostics.js';
import { fixtures, repoRoot } from './tools.js';

export interface TeiFixture {
  name: string;
  tei: string;
  /** Folder of the images the TEI names. */
  assetsDir: string;
  /** teikit's house encoding (every fixture but the made-up other TEI). */
  house: boolean;
}

/** Compile xslt/*.xsl to SEF if a stylesheet changed (vitest runs the sources, not a build). */
export function compileStylesheets(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/compile-xslt.mjs')], { stdio: 'pipe' });
}

/** The bundled edition, built as `teikit build` builds it (edition.json's publication data). */
export async function bundledEditionTei(): Promise<string> {
  const loaded = loadEdition(join(repoRoot, 'editions/identity-of-interests'));
  const files = [loaded.config.base, ...(loaded.config.witnesses ?? [])];
  const result = await convertFiles(
    loaded.sources.map((s) => s.path),
    {
      id: loaded.config.id,
      title: loaded.config.title,
      publication: publicationOf(loaded.config),
      formats: files.map((s) => s.format),
      urls: files.map((s) => s.url),
    },
  );
  return result.tei;
}

/**
 * Every TEI fixture: the house sample, the bundled edition, made-up other TEI, every marx2mao
 * page of the corpus that teikit converts (the reader refuses the pages that are not works), the
 * made-up marx2mao pages (several documents with their own notes) and the made-up LIA pages.
 */
export async function teiFixtures(): Promise<TeiFixture[]> {
  const out: TeiFixture[] = [
    { name: 'house-sample', tei: readFileSync(join(fixtures, 'tei/house-sample.tei.xml'), 'utf8'), assetsDir: join(fixtures, 'tei'), house: true },
    { name: 'bundled', tei: await bundledEditionTei(), assetsDir: join(repoRoot, 'editions/identity-of-interests'), house: true },
    { name: 'other-tei', tei: otherTei, assetsDir: fixtures, house: false },
  ];
  // the sample pages, then the made-up pages of test/fixtures/marx2mao-made (named made/…) and the
  // made-up Lenin Internet Archive pages, which have no print page markers (named lia/…)
  for (const [root, prefix] of [[join(fixtures, 'marx2mao'), ''], [join(fixtures, 'marx2mao-made'), 'made/'], [join(fixtures, 'lia'), 'lia/']] as const) {
    for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      for (const page of readdirSync(join(root, dir)).filter((f) => f.endsWith('.html')).sort()) {
        const file = join(root, dir, page);
        let tei: string;
        try {
          tei = (await convertFiles([file])).tei;
        } catch (err) {
          if (err instanceof UserError) continue; // not a work
          throw err;
        }
        out.push({ name: `${prefix}${dir}/${page.replace(/\.html$/, '')}`, tei, assetsDir: join(root, dir), house: true });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TEI side: the reading text and the page breaks
// ---------------------------------------------------------------------------------------------

/**
 * The reading text of a TEI document: text of <text>, regularised readings (not orig/sic/abbr in
 * a choice), no figDesc; printed labels that TEI keeps in attributes (note/@n, item/@n) included
 * where they are printed. Line breaks separate words.
 */
export function teiReadingText(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  let inText = 0;
  let skip = 0;
  const main: string[] = [];
  // A foot note inside a paragraph (the page it ends is not the paragraph's first) is shown by
  // every rendition after its paragraph: its words are held until the paragraph closes.
  let out = main;
  const held: { depth: number; words: string[] }[] = [];
  let footInP: { depth: number; words: string[] } | undefined;
  parser.on('opentag', (tag) => {
    const name = tag.local;
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (name === 'text') inText++;
    const skipped =
      name === 'teiHeader' || name === 'figDesc' || (parent === 'choice' && ['orig', 'sic', 'abbr'].includes(name));
    if (skipped || skip) skip++;
    if (!inText || skip) return;
    const place = tag.attributes['place'];
    if (name === 'note' && parent === 'p' && !footInP && place && typeof place !== 'string' && place.value === 'foot') {
      footInP = { depth: stack.length, words: [] };
      out = footInP.words;
    }
    // A note reference's label is a word of its own ("Czechoslovakia" + "2"), as every rendition shows it.
    const noteref = name === 'ref' && tag.attributes['type'] && typeof tag.attributes['type'] !== 'string' && tag.attributes['type'].value === 'noteref';
    const br = tag.attributes['break'];
    const pbBetweenWords = name === 'pb' && !(br && typeof br !== 'string' && br.value === 'no');
    if (noteref || pbBetweenWords || name === 'lb' || name === 'p' || name === 'head' || name === 'cell' || name === 'item') out.push(' ');
    if (name === 'note' || name === 'item') {
      const n = tag.attributes['n'];
      if (n && typeof n !== 'string') out.push(` ${n.value} `);
    }
  });
  parser.on('text', (t) => {
    if (inText && !skip) out.push(t);
  });
  parser.on('closetag', (tag) => {
    const depth = stack.length;
    stack.pop();
    if (skip) skip--;
    if (tag.local === 'text') inText--;
    if (inText) out.push(['p', 'head', 'cell', 'ref'].includes(tag.local) ? ' ' : '');
    if (footInP && tag.local === 'note' && depth === footInP.depth) {
      held.push({ depth: depth - 1, words: footInP.words });
      footInP = undefined;
      out = main;
    } else if (tag.local === 'p' && !footInP) {
      // the held notes of this paragraph follow it
      const mine = held.filter((h) => h.depth === depth);
      held.splice(0, held.length, ...held.filter((h) => h.depth !== depth));
      for (const h of mine) main.push(' ', ...h.words, ' ');
    }
  });
  parser.write(xml).close();
  return main.join('');
}

export interface TeiPageBreak {
  n: string;
  breakNo: boolean;
  /** For break="no": the word the two halves make (letters only around the break). */
  joined?: string;
}

/** The page breaks (pb with @n) of a TEI document in order, with the word split by break="no". */
export function teiPageBreaks(xml: string): TeiPageBreak[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: TeiPageBreak[] = [];
  let before = '';
  let open: TeiPageBreak | undefined;
  let after = '';
  parser.on('opentag', (tag) => {
    if (tag.local === 'pb') {
      const n = tag.attributes['n'];
      const br = tag.attributes['break'];
      if (n && typeof n !== 'string' && n.value.trim()) {
        const pb: TeiPageBreak = { n: n.value.trim(), breakNo: !!br && typeof br !== 'string' && br.value === 'no' };
        if (pb.breakNo) {
          pb.joined = /[\p{L}\p{N}'-]*$/u.exec(before)![0];
          open = pb;
          after = '';
        }
        out.push(pb);
      }
    }
  });
  parser.on('text', (t) => {
    before = (before + t).slice(-200);
    if (open) {
      after += t;
      const m = /^[\p{L}\p{N}'-]*/u.exec(after)![0];
      if (m.length < after.length) {
        open.joined += m;
        open = undefined;
      }
    }
  });
  parser.write(xml).close();
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTML side
// ---------------------------------------------------------------------------------------------

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

export const attr = (n: HtmlNode, name: string) => n.attrs?.find((a) => a.name === name)?.value;
export const hasClass = (n: HtmlNode, c: string) => (attr(n, 'class') ?? '').split(/\s+/).includes(c);

export function* elements(n: HtmlNode): Generator<HtmlNode> {
  if (n.tagName) yield n;
  for (const c of n.childNodes ?? []) yield* elements(c);
}

export const find = (root: HtmlNode, pred: (n: HtmlNode) => boolean) => [...elements(root)].filter(pred);

/**
 * The reading text of a rendition's element: its text, line breaks as spaces, without the
 * apparatus the renditions add (page-reference brackets, extra back-links).
 */
export function htmlReadingText(root: HtmlNode): string {
  const out: string[] = [];
  const walk = (n: HtmlNode) => {
    if (n.nodeName === '#text') out.push(n.value ?? '');
    if (n.tagName === 'br') out.push(' ');
    if (n.tagName && (hasClass(n, 'pageref') || hasClass(n, 'backlink') || hasClass(n, 'supplied-label') || n.tagName === 'style' || n.tagName === 'title')) return;
    const block = n.tagName && ['p', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'section', 'aside'].includes(n.tagName);
    const separate = block || attr(n, 'role') === 'doc-noteref';
    if (separate) out.push(' ');
    for (const c of n.childNodes ?? []) walk(c);
    if (separate) out.push(' ');
  };
  walk(root);
  return out.join('');
}

/** The reading text of the plain-text rendition: after the header rule, without [p. N] markers. */
export function textReadingText(txt: string): string {
  const body = txt.slice(txt.indexOf('\n' + '='.repeat(40) + '\n') + 42);
  return body.replace(/\[p\. [^\]]*\]/g, ' ').replace(/\[Figure: [^\]]*\]/g, ' ');
}

/**
 * Reasonable TEI that is not the house encoding: numbered divisions, a title page, notes written
 * inside the text, verse, a list, a nested quotation, roman page numbers (one repeated, one
 * missing), a sparse header. The stylesheets must render it validly too.
 */
export const otherTei = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A Sampler &amp; its "Notes"</title></titleStmt>
      <publicationStmt><p>Unpublished test material.</p></publicationStmt>
      <sourceDesc><p>Made up for the teikit tests.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text xml:lang="en">
    <front>
      <titlePage><docTitle><titlePart type="main">A Sampler</titlePart></docTitle><byline>by Nobody</byline></titlePage>
      <pb n="i"/>
      <div1 type="preface"><head>Preface</head><p>Short words before<note place="foot">A note written inside the preface.</note> the text.</p></div1>
    </front>
    <body>
      <pb n="1"/>
      <div1 type="chapter" xml:id="ch1">
        <head>First <hi rend="italic">Chapter</hi></head>
        <p>Some <foreign xml:lang="la">verba</foreign> and a note<note n="a">The first note, with <hi rend="bold">bold</hi> text.</note> here; a
          <choice><sic>mistaek</sic><corr>mistake</corr></choice> corrected &lt;in brackets&gt;.</p>
        <div2>
          <head>A Section</head>
          <lg><l>One line of verse,</l><l>another line.</l></lg>
          <list type="bulleted"><item>first item</item><pb n="2"/><item>second item</item></list>
          <quote><quote><p>Nested quotation.</p></quote></quote>
          <table><row><cell rows="3">tall</cell><cell cols="4">wide</cell></row><row><cell>x</cell></row></table>
        </div2>
      </div1>
      <pb/>
      <pb n="2"/>
      <div1 type="chapter">
        <head>Second Chapter</head>
        <p>More text<note>An unnumbered note.</note> and a <ref target="#ch1">link back</ref> and <ref target="https://example.org/?a=1&amp;b=2">out</ref>.</p>
      </div1>
    </body>
    <back>
      <div1 type="appendix"><head>Appendix</head><p>Last words.</p></div1>
    </back>
  </text>
</TEI>
`;
