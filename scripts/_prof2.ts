import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMarx2mao } from '/work/wt-account/src/readers/marx2mao/index.js';
import { writeTei } from '/work/wt-account/src/tei/index.js';
import { teiFacts, inventoryOfMarx2mao } from '/work/wt-account/src/accounting/index.js';
const dir = process.argv[2]!;
const files = (d: string): string[] => readdirSync(d).sort().flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? files(p) : p.endsWith('.html') ? [p] : []; });
const teis: string[] = []; const srcs: [Buffer, string][] = [];
for (const f of files(dir)) { const bytes = readFileSync(f); const r = readMarx2mao(bytes, f); if (!r.ok) continue; srcs.push([bytes, f]); teis.push(writeTei(r.edition, { publisher: 'x', licence: { text: 'x' }, date: '2026-01-01' })); }
const t0 = performance.now();
for (let i = 0; i < 5; i++) { for (const x of teis) teiFacts(x); for (const [b, f] of srcs) inventoryOfMarx2mao(b, f); }
console.log((performance.now() - t0) / 5);
