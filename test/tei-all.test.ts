/** Where tei_all.rng is looked for: $TEI_ALL_RNG, then teikit's schema/, then the workspace default. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTeiAll, teiAllCandidates } from '../src/validate/tei-all.js';
import { repoRoot } from './support/tools.js';

describe('tei_all lookup', () => {
  it('takes $TEI_ALL_RNG first, then schema/tei_all.rng, then ../shared/reference/', () => {
    const rng = join(mkdtempSync(join(tmpdir(), 'teikit-teiall-')), 'my-tei_all.rng');
    writeFileSync(rng, '<grammar xmlns="http://relaxng.org/ns/structure/1.0"/>');
    expect(findTeiAll({ TEI_ALL_RNG: rng })).toBe(rng);
    expect(teiAllCandidates({})).toEqual([join(repoRoot, 'schema/tei_all.rng'), join(repoRoot, '../shared/reference/tei_all.rng')]);
  });

  it('says where to get it when $TEI_ALL_RNG names a missing file (exit 2)', () => {
    expect(() => findTeiAll({ TEI_ALL_RNG: '/no/such/tei_all.rng' })).toThrow(/TEI_ALL_RNG names \/no\/such\/tei_all\.rng, which does not exist/);
  });
});
