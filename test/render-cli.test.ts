/**
 * `teikit render` in-process: each format to a file and to standard output, parameters, a user's
 * stylesheet compiled at run time, and bad input: one line naming file and position, non-zero
 * exit, nothing written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/run.js';
import { fixtures, repoRoot } from './support/tools.js';
import { compileStylesheets } from './support/render-fixtures.js';

const sample = join(fixtures, 'tei/house-sample.tei.xml');

async function cli(args: string[], cwd: string, stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(['render', ...args], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    stdin: Readable.from([stdin]),
    cwd,
  });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  compileStylesheets();
  dir = mkdtempSync(join(tmpdir(), 'teikit-render-cli-'));
});

describe('teikit render', () => {
  it('writes html, epub and txt files named after the input, or where -o says', async () => {
    copyFileSync(sample, join(dir, 'sample.tei.xml'));
    for (const to of ['html', 'epub', 'txt']) {
      const r = await cli(['sample.tei.xml', '--to', to], dir);
      expect(r.code, r.err).toBe(0);
      expect(existsSync(join(dir, `sample.${to}`))).toBe(true);
    }
    expect(readFileSync(join(dir, 'sample.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(join(dir, 'sample.epub')).subarray(30, 38).toString()).toBe('mimetype');
    const r = await cli(['sample.tei.xml', '-o', 'out/x.txt'], dir); // format from the extension
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, 'out/x.txt'), 'utf8')).toContain('In overlooking this plot');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads standard input and writes standard output, with --param', async () => {
    const r = await cli(['-', '--to', 'txt', '--param', 'pages=true'], dir, readFileSync(sample, 'utf8'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('In overlooking [p. 277] this plot');
    const plain = await cli([sample, '--to', 'txt', '-o', '-'], dir);
    expect(plain.out).toContain('In overlooking this plot');
    expect(plain.out).not.toContain('[p. 277]');
  });

  it('--param css takes CSS text or a .css file, whose text it is; a missing one is named', async () => {
    writeFileSync(join(dir, 'extra.css'), 'p.extra-rule { color: #333; }\n');
    const text = await cli([sample, '--to', 'html', '-o', '-', '--param', 'css=h1.inline-rule { color: #111; }'], dir);
    expect(text.out).toContain('h1.inline-rule { color: #111; }');
    const file = await cli([sample, '--to', 'epub', '-o', 'css.epub', '--param', 'css=extra.css'], dir);
    expect(file.code, file.err).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(join(dir, 'css.epub')))['OEBPS/style.css']!)).toContain('p.extra-rule { color: #333; }');
    const missing = await cli([sample, '--to', 'epub', '-o', 'none.epub', '--param', 'css=none.css'], dir);
    expect([missing.code, missing.err.trim()]).toEqual([2, 'cannot read --param css=none.css: no such file or folder']);
    expect(existsSync(join(dir, 'none.epub'))).toBe(false);
  });

  it('runs a user stylesheet that imports the built-in one, compiled at run time', async () => {
    const xsl = join(dir, 'my.xsl');
    writeFileSync(xsl, `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
      xmlns="http://www.w3.org/1999/xhtml" xpath-default-namespace="http://www.tei-c.org/ns/1.0">
  <xsl:import href="${join(repoRoot, 'xslt/html.xsl')}"/>
  <xsl:param name="label" select="'default'"/>
  <xsl:template match="dateline"><p class="my-dateline"><xsl:value-of select="$label"/>: <xsl:apply-templates/></p></xsl:template>
</xsl:stylesheet>\n`);
    // a user's stylesheet gives the parameters their meaning: neither names nor values are checked
    const r = await cli([sample, '--to', 'html', '--xslt', 'my.xsl', '--param', 'label=Written', '--param', 'toc=sometimes', '-o', '-'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('<p class="my-dateline">Written: <time datetime="1939-09-28">');
    expect(r.out).toContain('role="doc-noteref"'); // everything else from html.xsl
  }, 60_000);

  it('refuses bad input with one line naming file, line and column, and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body>\n<p>a <hi>b</p>\n</body></text></TEI>\n');
    const r = await cli(['bad.xml', '--to', 'html'], dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^bad\.xml:3:\d+: error \S+: /);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);

    writeFileSync(join(dir, 'entity.xml'), '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>\n');
    const e = await cli(['entity.xml', '-o', 'entity.txt'], dir);
    expect(e.code).toBe(1);
    // The one safety gate (src/validate/safety.ts): the code and words teikit validate gives.
    expect(e.err).toMatch(/^entity\.xml:1:\d+: error external-entity: entity &x; is declared as the external resource SYSTEM "file:\/\/\/etc\/passwd"/);
    expect(existsSync(join(dir, 'entity.txt'))).toBe(false);

    writeFileSync(join(dir, 'html.xml'), '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>\n');
    const n = await cli(['html.xml', '--to', 'epub'], dir);
    expect(n.code).toBe(1);
    expect(n.err.trim()).toBe('html.xml:2:1: error not-tei: the document element is <html> in namespace http://www.w3.org/1999/xhtml, not <TEI> in http://www.tei-c.org/ns/1.0');
    expect(existsSync(join(dir, 'html.epub'))).toBe(false);

    // a byte that is not UTF-8: named at its line and column, in the words teikit validate uses
    writeFileSync(join(dir, 'latin.xml'), Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>caf\xe9</p></body></text></TEI>\n', 'latin1'));
    const u = await cli(['latin.xml', '--to', 'txt'], dir);
    expect(u.code).toBe(1);
    expect(u.err.trim()).toBe('latin.xml:2:60: error encoding-error: byte 0xe9 is not valid UTF-8 (declare the file\'s real encoding)');
    expect(existsSync(join(dir, 'latin.txt'))).toBe(false);
  });

  it('a hand-edited note reference to a javascript: address is not a link in the HTML nor in the EPUB', async () => {
    const evil = readFileSync(sample, 'utf8').replace('target="#n2"', 'target="javascript:alert(document.cookie)"');
    writeFileSync(join(dir, 'evil.tei.xml'), evil);
    const html = await cli(['evil.tei.xml', '--to', 'html', '-o', '-'], dir);
    expect(html.code, html.err).toBe(0);
    expect(html.out).not.toContain('javascript:');
    expect(html.out).toContain('<sup class="noteref"><span id="nr2">2</span></sup>');
    const epub = await cli(['evil.tei.xml', '--to', 'epub', '-o', 'evil.epub'], dir);
    expect(epub.code, epub.err).toBe(0);
    const files = unzipSync(readFileSync(join(dir, 'evil.epub')));
    expect(Object.values(files).some((bytes) => strFromU8(bytes).includes('javascript:'))).toBe(false);
  });

  it('reads a TEI in UTF-16 or declared ISO-8859-1 as teikit validate does: the same text as from UTF-8', async () => {
    const text = readFileSync(sample, 'utf8');
    writeFileSync(join(dir, 'u16.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    // "café" as the one byte 0xe9 ISO-8859-1 gives it
    // (what ISO-8859-1 cannot hold as a character reference, as an editor's tool would write it)
    const latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(/(<body>[\s\S]*?<p(?:\s[^>]*)?>)/, '$1café ').replace(/[^\x00-\xff]/gu, (c) => `&#${c.codePointAt(0)};`);
    writeFileSync(join(dir, 'l1.xml'), Buffer.from(latin, 'latin1'));
    const utf8 = await cli([sample, '--to', 'txt', '-o', '-'], dir);
    const u16 = await cli(['u16.xml', '--to', 'txt', '-o', '-'], dir);
    const l1 = await cli(['l1.xml', '--to', 'txt', '-o', '-'], dir);
    expect([u16.code, l1.code], u16.err + l1.err).toEqual([0, 0]);
    expect(u16.out).toBe(utf8.out);
    expect(l1.out).toContain('café ');
    expect(l1.out.replace('café ', '')).toBe(utf8.out);
    expect(utf8.out.length).toBeGreaterThan(1000);
  });

  it('writes the EPUB without a missing image, with a warning naming it and --assets; refuses an empty image', async () => {
    const tei = readFileSync(sample, 'utf8').replace('<p>Many people', '<figure><graphic url="missing.gif"/></figure><p>Many people');
    writeFileSync(join(dir, 'img.tei.xml'), tei);
    const r = await cli(['img.tei.xml', '-o', 'img.epub'], dir);
    expect(r.code).toBe(0);
    expect(r.err.split('\n')[0]).toBe(
      `img.tei.xml: warning image-skipped: image 'missing.gif' (graphic/@url) is not found in ${dir} (--assets <dir> names the folder of the images); the EPUB is written without it`,
    );
    const epub = unzipSync(readFileSync(join(dir, 'img.epub')));
    expect(Object.keys(epub).filter((k) => k.includes('images/'))).toEqual([]);
    expect(strFromU8(epub['OEBPS/c001.xhtml'] ?? epub['OEBPS/c002.xhtml']!)).not.toContain('missing.gif');

    // LLL60's portrait is an empty file in the corpus: no image, so left out like a missing one
    const lll = join(fixtures, 'marx2mao/Other');
    writeFileSync(join(dir, 'empty.tei.xml'), tei.replace('missing.gif', 'L14(220x248).GIF'));
    const e = await cli(['empty.tei.xml', '-o', 'empty.epub', '--assets', lll], dir);
    expect(e.code).toBe(0);
    expect(e.err.split('\n')[0]).toBe(`empty.tei.xml: warning image-skipped: image 'L14(220x248).GIF' (graphic/@url) is an empty file in ${lll}; the EPUB is written without it`);
    const packed = unzipSync(readFileSync(join(dir, 'empty.epub')));
    expect(Object.keys(packed).filter((k) => k.includes('images/'))).toEqual([]);
  });

  it('-o a folder (out/, or one that exists) writes <input name>.<format> into it', async () => {
    copyFileSync(sample, join(dir, 'folder.tei.xml'));
    const slash = await cli(['folder.tei.xml', '--to', 'txt', '-o', 'made/here/'], dir);
    expect(slash.code, slash.err).toBe(0);
    expect(readdirSync(join(dir, 'made/here'))).toEqual(['folder.txt']);
    const existing = await cli(['folder.tei.xml', '--to', 'epub', '-o', 'made'], dir);
    expect(existing.code, existing.err).toBe(0);
    expect(readdirSync(join(dir, 'made')).sort()).toEqual(['folder.epub', 'here']);
    const unknown = await cli(['folder.tei.xml', '-o', 'x.pdf'], dir);
    expect([unknown.code, unknown.err.trim()]).toEqual([2, 'teikit render: cannot tell the format from -o x.pdf: name it .html, .epub or .txt, or give --to html, epub or txt']);
  });

  it('rejects wrong usage with exit 2', async () => {
    expect((await cli([sample, '--to', 'pdf'], dir)).code).toBe(2);
    expect((await cli([sample, '--to', 'epub', '-o', '-'], dir)).code).toBe(2);
    expect((await cli([sample, '--param', 'nonsense', '--to', 'txt'], dir)).code).toBe(2);
    const typo = await cli([sample, '--param', 'page=true', '--to', 'txt', '-o', '-'], dir);
    expect(typo.code).toBe(2);
    expect(typo.err.trim()).toBe("teikit render: unknown parameter 'page' for --to txt (known: pages, header)");
    // a yes/no (or yes/no/auto, or named) parameter takes its documented values only: any other
    // was read as false (or as no table of contents), silently; nothing is read or written
    const bad: [string[], string][] = [
      [['--to', 'txt', '--param', 'pages=maybe'], `parameter 'pages' for --to txt takes true, false, yes, no, 1 or 0, not "maybe"`],
      [['--to', 'txt', '--param', 'header=False'], `parameter 'header' for --to txt takes true, false, yes, no, 1 or 0, not "False"`],
      [['--to', 'html', '--param', 'toc=true'], `parameter 'toc' for --to html takes yes, no or auto, not "true"`],
      [['--to', 'epub', '--param', 'page-break-source=print'], `parameter 'page-break-source' for --to epub takes source-of, pageBreakSource or both, not "print"`],
    ];
    for (const [args, words] of bad) {
      const r = await cli(['nothere.xml', ...args, '-o', 'refused.out'], dir);
      expect([r.code, r.err.trim(), r.out]).toEqual([2, `teikit render: ${words}`, '']);
      expect(existsSync(join(dir, 'refused.out'))).toBe(false);
    }
    for (const value of ['true', 'false', 'yes', 'no', '1', '0']) {
      const r = await cli([sample, '--to', 'txt', '--param', `pages=${value}`, '--param', `header=${value}`, '-o', '-'], dir);
      expect(r.code, r.err).toBe(0);
      expect(r.out.includes('[p. 277]'), value).toBe(['true', 'yes', '1'].includes(value));
      expect(r.out.includes('Print edition:'), value).toBe(['true', 'yes', '1'].includes(value));
    }
    const missing = await cli(['nothere.xml', '--to', 'txt'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('cannot read nothere.xml: no such file or folder');
    copyFileSync(sample, join(dir, 'own.tei.xml'));
    const own = await cli(['own.tei.xml', '--to', 'html', '-o', './own.tei.xml'], dir);
    expect(own.code).toBe(2);
    expect(own.err.trim()).toBe('teikit render: the output ./own.tei.xml is the input own.tei.xml; writing it would destroy the input (choose another -o)');
    expect(readFileSync(join(dir, 'own.tei.xml'), 'utf8')).toBe(readFileSync(sample, 'utf8'));
    const xslt = await cli([sample, '--to', 'html', '--xslt', 'no-such.xsl', '-o', '-'], dir);
    expect(xslt.code).toBe(2);
    expect(xslt.err.trim()).toBe(`cannot read stylesheet ${join(dir, 'no-such.xsl')}: no such file or folder`);
    // an empty or broken stylesheet is named with its position, never a compiler's internal failure
    writeFileSync(join(dir, 'empty.xsl'), '');
    writeFileSync(join(dir, 'broken.xsl'), '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">');
    for (const [name, message] of [['empty.xsl', ':1:1: error no-root-element: '], ['broken.xsl', ':1:'] as const]) {
      const bad = await cli([sample, '--to', 'html', '--xslt', name, '-o', '-'], dir);
      expect(bad.code).toBe(1);
      expect(bad.err.trim().split('\n')).toHaveLength(1);
      expect(bad.err).toContain(`${join(dir, name)}${message}`);
      expect(bad.err).not.toMatch(/Cannot read properties|XSLT error/);
    }
    const blocked = await cli([sample, '--to', 'epub', '-o', `${sample}/x.epub`], dir);
    expect(blocked.code).toBe(2);
    expect(blocked.err.trim()).toBe(`cannot write ${sample}/x.epub: a part of the path is a file, not a folder`);
  });
});
