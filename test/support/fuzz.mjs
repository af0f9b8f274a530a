/**
 * The fuzz harness of issue 8, shared by `test/fuzz.test.ts` (2,000 mutations, from src/) and
 * `npm run fuzz` (scripts/fuzz.mjs, any count, from dist/): plain JS so that both can import it.
 *
 * A seeded PRNG (mulberry32) drives every choice, so a seed and a count name one exact list of
 * inputs: a failure is reproduced by its seed and index alone (`mutant(samples, seed, i)`).
 * Each input is a sample source with one to three mutations of the kinds real pages and careless
 * edits produce: bytes flipped, the file cut short, lines deleted, duplicated or swapped, page
 * markers and note markers (anchors, references, labels) duplicated or deleted, and markup
 * injected (unclosed tags, a stray `<A NAME=…>`, a `<FONT SIZE=-2>` never closed).
 */

/**
 * The sample sources, relative to the repository root: small pages (the fuzz test runs 2,000 of
 * them in well under a minute) with the shapes that matter — endnotes with anchors and `[p. N]`
 * back-references, a foot note `[*]`, several page markers, a second-tranche page — and the CMPA
 * reprint.
 */
export const FUZZ_SAMPLES = [
  'test/fixtures/marx2mao/Mao/CO47.html',
  'test/fixtures/marx2mao/Mao/MFM39.html',
  'test/fixtures/marx2mao/Mao/NYD52.html',
  'test/fixtures/marx2mao-tranche2/Stalin/LL21.html',
  'test/fixtures/cmpa/identity-of-interests.md',
];

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough to spread mutations. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** Page markers as the two formats print them (`<B>page 275</B>`, a CMPA `page 276` line). */
const PAGE_MARKER = {
  marx2mao: /<P[^>]*>\s*<FONT SIZE=-2>\s*<B>\s*page\s*[0-9ivxlc]+\s*<\/B>\s*<\/FONT>\s*<P>|<B>\s*page\s*\d+\s*<\/B>/gi,
  cmpa: /^page \d+[^\n]*$/gm,
};

/** Note markers: anchors, references, labels, back-references. */
const NOTE_MARKER = {
  marx2mao: /<A NAME="[^"]*">(\[[^\]]*\])?(<\/A>)?|\[<A HREF="[^"]*#[^"]*">[^<]*<\/A>\]|<FONT SIZE=-2>\[p\. <A HREF="[^"]*">\d+<\/A>\]<\/FONT>|<SUP>[\s\S]{0,40}?<\/SUP>/gi,
  cmpa: /<sup>\[[^\]]*\]<\/sup>|^\[\d+\] |\[p\. \d+\]/gm,
};

/** Markup a careless edit or a broken page leaves behind. */
const INJECTED = {
  marx2mao: [
    '<A NAME="en1">', '<A NAME="p1">', '<A NAME="en1">[1]</A>', '<A NAME="fnp">', '<A NAME="NOTES">',
    '[<A HREF="X.html#en1">1</A>]', '<FONT SIZE=-2>[<A HREF="#en99">99</A>]</FONT>', '[<A HREF="#fnp">*</A>]',
    '<FONT SIZE=-2>', '<FONT SIZE=-1>', '</FONT>', '<B>', '</B>', '<I>', '</I>', '<SUP>', '</A>', '<P>',
    '<CENTER>', '<TABLE><TR><TD>', '</TD></TR></TABLE>', '<UL><LI>', '<BLOCKQUOTE>', '<HR>', '<BR>',
    '<P><FONT SIZE=-2><B>page 1</B></FONT><P>', '<B>page 9999</B>', '<B>page</B>', '<H3>NOTES</H3>',
    '<!--', '-->', '<', '&', '&#0;', '&#xD800;', '&#1114112;', '&nbsp;', '<IMG SRC="x.gif">', '<SCRIPT>',
    '<TITLE>', '</BODY>', '</HTML>', '[p. <A HREF="X.html#p1">1</A>]', '\u0000', '\uFFFE', '--',
  ],
  cmpa: [
    '**', '*', '## ', '# ', '### NOTES', '---', '\npage 9999\n', '\npage 1\n', 'page ', '<sup>[1]</sup>',
    '<sup>[99]</sup>', '\n[1] a note\n', '[p. 1]', '[', ']', '`', '```', '<', '<div>', '&', '&#0;', '\\',
    '\u0000', '\uFFFE', '> ', '- ', '1. ', '| a | b |\n|---|---|\n', '[x](', '![i](x.png)', '--',
  ],
};

function formatOf(name) {
  return /\.md$/i.test(name) ? 'cmpa' : 'marx2mao';
}

function matchesOf(text, re) {
  return [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => ({ at: m.index, text: m[0] }));
}

/** A random line boundary (0 or just after a newline). */
function lineStart(text, rng) {
  const at = rng.int(text.length + 1);
  const nl = text.lastIndexOf('\n', at - 1);
  return nl + 1;
}

/** The mutations: each takes the source as latin1 text (one char per byte) and returns new text. */
export const MUTATIONS = {
  'flip-bytes'(text, rng) {
    const chars = text.split('');
    const n = 1 + rng.int(4);
    for (let k = 0; k < n && chars.length > 0; k++) chars[rng.int(chars.length)] = String.fromCharCode(rng.int(256));
    return chars.join('');
  },
  truncate(text, rng) {
    return text.slice(0, rng.int(text.length));
  },
  'delete-line'(text, rng) {
    const lines = text.split('\n');
    lines.splice(rng.int(lines.length), 1 + (rng.next() < 0.2 ? rng.int(5) : 0));
    return lines.join('\n');
  },
  'duplicate-line'(text, rng) {
    const lines = text.split('\n');
    const k = rng.int(lines.length);
    lines.splice(rng.next() < 0.5 ? k + 1 : rng.int(lines.length + 1), 0, lines[k]);
    return lines.join('\n');
  },
  'swap-lines'(text, rng) {
    const lines = text.split('\n');
    const a = rng.int(lines.length);
    const b = rng.next() < 0.5 ? Math.min(lines.length - 1, a + 1 + rng.int(3)) : rng.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  'duplicate-page-marker'(text, rng, format) {
    return duplicateMatch(text, rng, PAGE_MARKER[format]);
  },
  'delete-page-marker'(text, rng, format) {
    return deleteMatch(text, rng, PAGE_MARKER[format]);
  },
  'duplicate-note-marker'(text, rng, format) {
    return duplicateMatch(text, rng, NOTE_MARKER[format]);
  },
  'delete-note-marker'(text, rng, format) {
    return deleteMatch(text, rng, NOTE_MARKER[format]);
  },
  'inject-markup'(text, rng, format) {
    const what = rng.pick(INJECTED[format]);
    const at = rng.next() < 0.5 ? lineStart(text, rng) : rng.int(text.length + 1);
    return text.slice(0, at) + what + text.slice(at);
  },
};

function duplicateMatch(text, rng, re) {
  const found = matchesOf(text, re);
  if (found.length === 0) return MUTATIONS['duplicate-line'](text, rng);
  const m = rng.pick(found);
  // Right after itself (a marker printed twice), or somewhere else (a marker in the wrong place).
  const at = rng.next() < 0.5 ? m.at + m.text.length : rng.next() < 0.5 ? lineStart(text, rng) : rng.int(text.length + 1);
  return text.slice(0, at) + m.text + text.slice(at);
}

function deleteMatch(text, rng, re) {
  const found = matchesOf(text, re);
  if (found.length === 0) return MUTATIONS['delete-line'](text, rng);
  const m = rng.pick(found);
  return text.slice(0, m.at) + text.slice(m.at + m.text.length);
}

const KINDS = Object.keys(MUTATIONS);

/**
 * Input number `index` of the run with `seed`: which sample, which mutations, the bytes. Each
 * input has its own PRNG (seed and index mixed), so any one can be rebuilt without the others.
 * @param {{ name: string, bytes: Uint8Array }[]} samples
 */
export function mutant(samples, seed, index) {
  const rng = prng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const sample = rng.pick(samples);
  const format = formatOf(sample.name);
  let text = Buffer.from(sample.bytes).toString('latin1');
  const ops = [];
  const count = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
  for (let k = 0; k < count; k++) {
    const kind = rng.pick(KINDS);
    text = MUTATIONS[kind](text, rng, format);
    ops.push(kind);
  }
  return { index, name: sample.name, ops, bytes: Buffer.from(text, 'latin1') };
}

/**
 * Run `count` mutants through `convert` and check each outcome.
 *
 * @param {object} o
 * @param {{ name: string, bytes: Uint8Array }[]} o.samples
 * @param {number} o.seed
 * @param {number} o.count
 * @param {number} [o.start] first index (a worker's share of a long run)
 * @param {(bytes: Uint8Array, name: string) => Promise<{ tei: string }>} o.convert
 *   the conversion under test; it returns a result or throws
 * @param {(err: unknown) => boolean} o.isRefusal true for a clean refusal (a UserError)
 * @param {(tei: string, name: string) => Promise<string | undefined>} o.firstError
 *   the first validation error of an accepted TEI, or undefined when it is valid
 * @param {number} [o.limitMs] the time bound per input (default 5,000 ms) in CPU time: an input
 *   that never ends burns CPU, while wall time on a shared machine measures the others' load too
 * @param {(line: string) => void} [o.onProblem] called for each crash, hang or invalid output
 * @param {(line: string) => void} [o.onGateRefusal] called for each input the validation gate
 *   refused: clean for the user (exit 1, nothing written) but a reader or writer bug to fix
 * @param {() => void} [o.onReady] called once the samples have been converted unmutated (warm-up)
 * @param {(index: number, outcome: { kind: 'accepted' | 'invalid' | 'refused' | 'refused-invalid-tei' | 'crash' | 'hang', ms: number, cpuMs: number, hang: boolean }) => void} [o.onDone]
 *   called after each input (a long run's progress and tally)
 */
export async function runFuzz(o) {
  const limitMs = o.limitMs ?? 5000;
  const stats = newStats();
  const problem = (line) => {
    stats.problems.push(line);
    o.onProblem?.(line);
  };
  // Each sample converted once, unmutated and untimed: loading the modules and compiling the
  // schema are the first conversion's cost, not an input's.
  for (const sample of o.samples) await o.convert(sample.bytes, sample.name).catch(() => undefined);
  o.onReady?.();
  const start = o.start ?? 0;
  for (let i = start; i < start + o.count; i++) {
    const m = mutant(o.samples, o.seed, i);
    const what = `seed ${o.seed} #${i} ${m.name} [${m.ops.join(', ')}]`;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let result;
    let thrown;
    try {
      result = await o.convert(m.bytes, m.name);
    } catch (err) {
      thrown = err;
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const hang = cpuMs > limitMs;
    if (hang) problem(`hang: ${what} took ${Math.round(cpuMs)} ms of CPU, ${Math.round(ms)} ms in all (limit ${limitMs} ms of CPU)`);
    let kind;
    if (thrown !== undefined) {
      if (o.isRefusal(thrown)) {
        kind = / error invalid-tei: /.test(String(thrown.message)) ? 'refused-invalid-tei' : 'refused';
        if (kind === 'refused-invalid-tei') {
          const line = `gate refusal: ${what}: ${String(thrown.message).split('\n')[0]}`;
          stats.gateRefusals.push(line);
          o.onGateRefusal?.(line);
        }
      } else {
        kind = 'crash';
        const why = thrown instanceof Error ? thrown.stack ?? thrown.message : String(thrown);
        problem(`crash: ${what}: ${why.split('\n').slice(0, 4).join(' | ')}`);
      }
    } else {
      const error = await o.firstError(result.tei, m.name);
      kind = error === undefined ? 'accepted' : 'invalid';
      if (error !== undefined) problem(`invalid TEI accepted: ${what}: ${error}`);
    }
    tally(stats, i, { kind, ms, cpuMs, hang });
    o.onDone?.(i, { kind, ms, cpuMs, hang });
  }
  return stats;
}

/** An empty tally of outcomes. */
export function newStats() {
  return { mutations: 0, accepted: 0, refused: 0, refusedInvalidTei: 0, crashes: 0, hangs: 0, invalid: 0, maxMs: 0, maxAt: -1, maxCpuMs: 0, problems: [], gateRefusals: [] };
}

/** Count one input's outcome (an invalid output was accepted too, so it counts in both; an input
 * stopped by `npm run fuzz`'s watchdog is kind `hang`, with no other outcome). */
export function tally(stats, index, { kind, ms, cpuMs, hang }) {
  stats.mutations++;
  if (kind === 'accepted' || kind === 'invalid') stats.accepted++;
  if (kind === 'invalid') stats.invalid++;
  if (kind === 'refused' || kind === 'refused-invalid-tei') stats.refused++;
  if (kind === 'refused-invalid-tei') stats.refusedInvalidTei++;
  if (kind === 'crash') stats.crashes++;
  if (hang) stats.hangs++;
  if (cpuMs > stats.maxCpuMs) stats.maxCpuMs = cpuMs;
  if (ms > stats.maxMs) {
    stats.maxMs = ms;
    stats.maxAt = index;
  }
}

/** The one summary line both the test and `npm run fuzz` print. */
export function summaryLine(s, seconds) {
  return (
    `fuzz: ${s.mutations} mutations, ${s.accepted} accepted (${s.invalid} invalid), ${s.refused} refused ` +
    `(${s.refusedInvalidTei} by the validation gate), ${s.crashes} crashes, ${s.hangs} hangs, ` +
    `max ${s.maxMs.toFixed(1)} ms (#${s.maxAt}), ${s.maxCpuMs.toFixed(1)} ms of CPU${seconds !== undefined ? ` in ${seconds.toFixed(1)} s` : ''}`
  );
}
