/**
 * A large TEI document in the house encoding, shared by the large-file test and `npm run bench`
 * (plain JS so that the bench, which runs against dist/, can import it): the house sample grown to
 * about `bytes` with paragraphs of real-looking text, one per line, a page break every fifth
 * paragraph (pages 280, 281, …) and the notes' page after the last of them.
 *
 * @param {string} sample the house sample (test/fixtures/tei/house-sample.tei.xml)
 * @param {number} bytes  the size to reach
 * @returns {{ xml: string, lastPage: number }}
 */
export function bigDocument(sample, bytes) {
  const para =
    '        <p>The Soviet Union has long devoted great energy to the cause of world peace; it has joined the ' +
    '<hi rend="italic">League of Nations</hi>, signed treaties of non-aggression and tried hard to conclude ' +
    'security pacts <choice><orig>--</orig><reg>—</reg></choice> but the reactionary forces of the world ' +
    'have, one after another, wrecked these efforts, and the people of all countries see it.</p>\n';
  const count = Math.ceil((bytes - sample.length) / para.length);
  const parts = [];
  let page = 279;
  for (let k = 0; k < count; k++) {
    if (k % 5 === 0) parts.push(`        <pb n="${++page}" edRef="#flp" source="#m2m"/>\n`);
    parts.push(para);
  }
  const xml = sample
    .replace('      </div>\n    </body>', `${parts.join('')}      </div>\n    </body>`)
    .replace('<pb n="279" edRef="#flp" source="#m2m #cmpa"/>', `<pb n="${page + 1}" edRef="#flp" source="#m2m #cmpa"/>`)
    // the header states the pages the grown text runs over (teikit validate compares them)
    .replace('<biblScope unit="page" from="275" to="283">275-83</biblScope>', `<biblScope unit="page" from="275" to="${page + 1}">275-${page + 1}</biblScope>`);
  return { xml, lastPage: page };
}
