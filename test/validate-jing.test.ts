/**
 * `validate --schema tei_all` with jing (issue 11): jing judges validity when java and jing are
 * present, libxml2 gives the messages of an invalid document, so the messages are the same as on
 * a machine without Java (forced here with `jing: false`, as TEIKIT_NO_JING=1 does); libxml2
 * compiles tei_all at most once per process, and not at all when every document is valid. Under
 * CI=true a missing java, jing or tei_all.rng fails these tests.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSchemaCompiled, jingAvailable, judgeWithJing, schemaPath, validateTei } from '../src/validate/index.js';
import { fixtures, requireTool, teiAllRng, which } from './support/tools.js';

const present = requireTool('java', which('java')) && requireTool('jing', which('jing')) && requireTool('tei_all.rng', teiAllRng());

const sample = readFileSync(join(fixtures, 'tei/house-sample.tei.xml'));
const invalidDir = join(fixtures, 'tei-other/invalid');
/** Made-up invalid TEI: an element tei_all does not know, and an attribute it does not allow. */
const madeUp = [
  `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>one <widget>two</widget></p><p colour="red">three</p></body></text></TEI>`,
];
const invalids = [
  ...readdirSync(invalidDir).filter((f) => f.endsWith('.xml')).sort().map((f) => ({ name: f, xml: readFileSync(join(invalidDir, f)) as Uint8Array | string })),
  ...madeUp.map((xml, i) => ({ name: `made-up-${i}.xml`, xml })),
];

describe.runIf(present)('tei_all with jing', () => {
  it('is used here, and TEIKIT_NO_JING=1 turns it off', () => {
    expect(jingAvailable()).toBe(true);
    expect(jingAvailable({ ...process.env, TEIKIT_NO_JING: '1' })).toBe(false);
  });

  it('passes a valid document without compiling tei_all in libxml2', async () => {
    const path = schemaPath('tei_all');
    let compiles = 0;
    expect(await validateTei(sample, 'sample.xml', { schema: 'tei_all', onCompile: () => compiles++ })).toEqual([]);
    expect(compiles).toBe(0);
    expect(isSchemaCompiled(path)).toBe(false);
  }, 60_000);

  it('judges many documents in one run: the valid one valid, every invalid one invalid', () => {
    const verdicts = judgeWithJing(schemaPath('tei_all'), [sample, ...invalids.map((i) => i.xml)]);
    expect(verdicts[0]).toEqual({ valid: true, errors: [] });
    // A document with xi:include is left to libxml2 (jing would read the included files).
    for (const [i, doc] of invalids.entries()) {
      expect({ name: doc.name, valid: verdicts[i + 1]?.valid }).toEqual({ name: doc.name, valid: doc.name === 'xinclude.xml' ? undefined : false });
    }
    expect(verdicts[invalids.length]!.errors.map((e) => e.line)).toEqual([3, 3]);
  }, 60_000);

  it('gives the same messages as libxml2 alone, compiling tei_all once for all the files', async () => {
    let compiles = 0;
    const onCompile = () => compiles++;
    for (const doc of invalids) {
      const withJing = await validateTei(doc.xml, doc.name, { schema: 'tei_all', onCompile });
      const withoutJing = await validateTei(doc.xml, doc.name, { schema: 'tei_all', jing: false, onCompile });
      expect(withJing).toEqual(withoutJing);
      if (doc.name !== 'xinclude.xml') expect(withJing.some((d) => d.severity === 'error'), doc.name).toBe(true);
    }
    expect(compiles).toBe(1);
  }, 180_000);
});
