/**
 * A link that holds a link (a contents entry whose title carries its note reference, as Lenin's
 * Collected Works print "LETTER TO THE CONGRESS[653] . . . ." in a volume's contents): HTML forbids
 * an a inside an a (EPUBCheck RSC-005), so each run of the entry's text around the note reference
 * is a link of its own. Made-up TEI.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { renderEpub, renderHtml } from '../src/render/index.js';

const TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>Contents with notes</title></titleStmt>
    <publicationStmt><p>Made up for teikit's tests.</p></publicationStmt>
    <sourceDesc><p>None.</p></sourceDesc></fileDesc></teiHeader>
  <text>
    <front><div type="contents"><list><item><ref target="#d1">A LETTER<ref type="noteref" xml:id="nr1" n="1" target="#n1">1</ref> . . . . 5</ref></item></list></div></front>
    <body><div xml:id="d1"><head>A LETTER</head><p>Text.</p></div></body>
    <back><div type="notes"><note xml:id="n1" n="1" place="end" target="#nr1"><p>The note.</p></note></div></back>
  </text>
</TEI>`;

/** Whether an a element opens before the a before it has closed. */
function nestedAnchor(html: string): boolean {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)a\b/g)) {
    depth += m[1] ? -1 : 1;
    if (depth > 1) return true;
  }
  return false;
}

describe('a link holding a note reference', () => {
  it('HTML: the entry is two links around the note reference, no a inside an a', async () => {
    const html = await renderHtml(TEI);
    expect(nestedAnchor(html)).toBe(false);
    expect(html).toMatch(/<a href="#d1">A LETTER<\/a><sup class="noteref"><a role="doc-noteref" id="nr1" href="#n1">1<\/a><\/sup><a href="#d1"> \. \. \. \. 5<\/a>/);
  });

  it('EPUB: the same in the front matter document', async () => {
    const files = unzipSync(await renderEpub(TEI));
    const front = strFromU8(files['OEBPS/front.xhtml']!);
    expect(nestedAnchor(front)).toBe(false);
    expect(front).toMatch(/<a href="c001.xhtml#d1">A LETTER<\/a><sup class="noteref"><a role="doc-noteref" id="nr1" href="back.xhtml#n1" epub:type="noteref">1<\/a><\/sup><a href="c001.xhtml#d1"> \. \. \. \. 5<\/a>/);
  });
});
