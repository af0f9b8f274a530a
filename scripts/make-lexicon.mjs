// Make data/flp-lexicon.txt: the words of the Foreign Languages Press texts as the marx2mao site
// prints them, with how often each occurs, for deciding a hyphen at a print page break where the
// page itself gives no evidence (src/readers/lexicon.ts). Run on a folder of marx2mao pages:
//   node scripts/make-lexicon.mjs ../shared/corpus/marx2mao > data/flp-lexicon.txt
// A word is a run of letters and digits, or several joined by hyphens (`non-aggression`),
// lowercased. Words seen once are left out (misprints, and words cut at a page break), unless
// hyphenated: a compound seen once is still evidence that it is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/make-lexicon.mjs <folder of marx2mao pages>');
  process.exit(2);
}
function* pages(d) {
  for (const f of readdirSync(d).sort()) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) yield* pages(p);
    else if (/\.html?$/i.test(f)) yield p;
  }
}
const counts = new Map();
for (const file of pages(dir)) {
  // the pages are windows-1252; the words counted are ASCII letters in all but a few names
  const text = readFileSync(file, 'latin1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;?|&#160;/gi, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .toLowerCase();
  for (const [w] of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) counts.set(w, (counts.get(w) ?? 0) + 1);
}
const kept = [...counts].filter(([w, n]) => n >= 2 || w.includes('-')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
process.stdout.write(`# teikit FLP lexicon: word TAB count; made by scripts/make-lexicon.mjs from ${kept.length} words\n`);
for (const [w, n] of kept) process.stdout.write(`${w}\t${n}\n`);
