/**
 * The accounting's cost (src/accounting/: inventory of the raw source, reading the TEI back,
 * in-order comparison) against the conversion it checks (reading the source and writing TEI),
 * over the 56 sample pages and the bundled two-witness edition. Target: at most 15% of the
 * conversion's time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function accountingStage(ctx) {
  const { readMarx2mao } = await ctx.dist('readers/marx2mao/index.js');
  const { readCmpa } = await ctx.dist('readers/cmpa/index.js');
  const { mergeWitnesses } = await ctx.dist('merge/index.js');
  const { writeTei } = await ctx.dist('tei/index.js');
  const { accountConversion, collectTeiFacts } = await ctx.dist('accounting/index.js');
  const { gateTei } = await ctx.dist('convert-gate.js');
  const pub = { publisher: 'bench', licence: { text: 'CC0' }, date: '2026-01-01' };
  const rows = [];

  const pages = ctx.files(join(ctx.fixtures, 'marx2mao'), '.html').map((p) => ({ p, bytes: readFileSync(p) }));
  const works = [];
  for (const { p, bytes } of pages) {
    const r = readMarx2mao(bytes, p);
    if (r.ok) works.push({ p, bytes, edition: r.edition, tei: writeTei(r.edition, pub) });
  }
  const convert = await ctx.median(() => { for (const w of works) writeTei(readMarx2mao(w.bytes, w.p).edition, pub); });
  let unaccounted = 0;
  const account = await ctx.median(() => {
    unaccounted = 0;
    for (const w of works) unaccounted += accountConversion([{ file: w.p, format: 'marx2mao', bytes: w.bytes, role: 'base' }], w.tei, w.edition).unaccounted;
  });
  const bytes = works.reduce((n, w) => n + w.bytes.byteLength, 0);
  rows.push({ stage: `conversion: read + writeTei (${works.length} marx2mao works)`, ms: convert, bytes, pages: works.length });
  rows.push({
    stage: `accounting (${works.length} marx2mao works)`,
    ms: account,
    bytes,
    pages: works.length,
    note: `${((account / convert) * 100).toFixed(1)}% of reading and writing alone; ${(account / works.length).toFixed(2)} ms per page; ${unaccounted} unaccounted`,
  });
  // A conversion as teikit runs it (convertFiles): read, write, the validation gate, then the
  // accounting, which reads the TEI's facts in the gate's own parse. The accounting's share is
  // what it adds to the gate: (gate + accounting) − gate alone.
  const gateOnly = await ctx.median(async () => { for (const w of works) await gateTei(w.tei, { file: w.p }); });
  const gateAndAccount = await ctx.median(async () => {
    for (const w of works) {
      const facts = collectTeiFacts();
      await gateTei(w.tei, { file: w.p }, facts);
      accountConversion([{ file: w.p, format: 'marx2mao', bytes: w.bytes, role: 'base' }], facts.finish(), w.edition);
    }
  });
  const added = gateAndAccount - gateOnly;
  const whole = convert + gateAndAccount;
  rows.push({ stage: `validation gate (${works.length} marx2mao works)`, ms: gateOnly, bytes, pages: works.length });
  rows.push({
    stage: `accounting in the conversion (${works.length} works, TEI parse shared with the gate)`,
    ms: added,
    bytes,
    pages: works.length,
    note: `${((added / whole) * 100).toFixed(1)}% of the whole conversion (read, write, gate, accounting: ${whole.toFixed(0)} ms) (target ≤ 15%); ${((added / convert) * 100).toFixed(1)}% of reading and writing alone`,
  });

  const edDir = join(ctx.root, 'editions/identity-of-interests');
  const su39 = readFileSync(join(edDir, 'SU39.html'));
  const md = readFileSync(join(edDir, 'identity-of-interests.md'));
  const conv = () => {
    const base = readMarx2mao(su39, 'SU39.html').edition;
    const merged = mergeWitnesses(base, [readCmpa(md.toString('utf8'), 'identity-of-interests.md').edition]);
    return { merged, tei: writeTei(merged, pub) };
  };
  const { merged, tei } = conv();
  const convMs = await ctx.median(conv);
  const sources = [
    { file: 'SU39.html', format: 'marx2mao', bytes: su39, role: 'base', witness: 'm2m' },
    { file: 'identity-of-interests.md', format: 'cmpa', bytes: md, role: 'witness', witness: 'cmpa' },
  ];
  const accMs = await ctx.median(() => accountConversion(sources, tei, merged));
  rows.push({ stage: 'conversion: bundled edition (read both, merge, TEI)', ms: convMs, pages: 1 });
  rows.push({ stage: 'accounting: bundled edition (both sources)', ms: accMs, pages: 1, note: `${((accMs / convMs) * 100).toFixed(1)}% of the conversion` });
  return rows;
}
