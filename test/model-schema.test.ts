/**
 * The document model is plain data with a JSON Schema (schema/model.schema.json) generated from
 * src/model/types.ts. The schema must not drift from the types, and what the readers and the merge
 * really produce must satisfy it (so a model dumped as JSON can be checked by anyone with ajv).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { Ajv } from 'ajv';
import { readMarx2mao } from '../src/readers/marx2mao/index.js';
import { readCmpa } from '../src/readers/cmpa/index.js';
import { mergeWitnesses } from '../src/merge/index.js';
import type { Edition } from '../src/model/types.js';
import { fixtures, repoRoot } from './support/tools.js';

const committed = JSON.parse(readFileSync(join(repoRoot, 'schema/model.schema.json'), 'utf8'));

function editionOf(result: ReturnType<typeof readMarx2mao>, file: string): Edition {
  if (!result.ok) throw new Error(`${file} was refused`);
  return result.edition;
}

describe('the model schema', () => {
  it('is what src/model/types.ts says (run `npm run schema:model` after changing the types)', () => {
    const generated = createGenerator({ path: join(repoRoot, 'src/model/types.ts'), type: 'Edition', skipTypeCheck: true }).createSchema('Edition');
    expect(JSON.parse(JSON.stringify(generated))).toEqual(committed);
  }, 60_000);

  it('accepts the model of every sample page, of the CMPA reprint and of the merged bundled edition', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(committed);
    const check = (edition: Edition, name: string) => {
      const ok = validate(JSON.parse(JSON.stringify(edition)));
      expect(ok, `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    };
    let pages = 0;
    for (const author of readdirSync(join(fixtures, 'marx2mao'))) {
      for (const name of readdirSync(join(fixtures, 'marx2mao', author)).filter((f) => f.endsWith('.html'))) {
        const file = join(fixtures, 'marx2mao', author, name);
        const result = readMarx2mao(readFileSync(file), file);
        if (!result.ok) continue;
        check(result.edition, name);
        pages++;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(53);
    const su39File = join(fixtures, 'marx2mao/Mao/SU39.html');
    const mdFile = join(fixtures, 'cmpa/identity-of-interests.md');
    const su39 = editionOf(readMarx2mao(readFileSync(su39File), su39File), su39File);
    const cmpa = editionOf(readCmpa(readFileSync(mdFile, 'utf8'), mdFile), mdFile);
    check(cmpa, 'identity-of-interests.md');
    check(mergeWitnesses(su39, [cmpa]), 'merged');
    // And the schema is not a rubber stamp: a page break without its number is refused.
    const broken = JSON.parse(JSON.stringify(su39));
    delete broken.body.find((b: { type: string }) => b.type === 'pbBlock').pb.n;
    expect(validate(broken)).toBe(false);
  });
});
