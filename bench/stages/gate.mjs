/**
 * What the validation gate costs (src/convert-gate.ts): every conversion validates its TEI with
 * teikit's schema and rules before handing it out. Measured over the works among the 56 fixture
 * pages: convertFiles as a whole (the gate included) against the gate alone on the same TEI.
 */
import { join } from 'node:path';

export default async function gateStage(ctx) {
  const { convertFiles } = await ctx.dist('convert.js');
  const { gateTei } = await ctx.dist('convert-gate.js');
  const pub = { publisher: 'bench', licence: { text: 'CC0' }, date: '2026-01-01' };
  const pages = ctx.files(join(ctx.fixtures, 'marx2mao'), '.html');
  const works = [];
  for (const p of pages) {
    try {
      works.push({ p, tei: (await convertFiles([p], { publication: pub })).tei });
    } catch {
      // a non-work: refused before any TEI is written, so no gate
    }
  }
  const convert = await ctx.median(async () => { for (const { p } of works) await convertFiles([p], { publication: pub }); });
  const gate = await ctx.median(async () => { for (const { p, tei } of works) await gateTei(tei, { file: p }); });
  const share = `${((100 * gate) / convert).toFixed(0)}% of conversion time`;
  return [
    { stage: `convertFiles, gate included (${works.length} marx2mao works)`, ms: convert, pages: works.length },
    { stage: `validation gate alone (${works.length} works' TEI)`, ms: gate, pages: works.length, note: `${(gate / works.length).toFixed(1)} ms per conversion, ${share}` },
  ];
}
