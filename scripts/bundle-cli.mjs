// Bundle the `teikit` command (dist/cli/main.js, as tsc wrote it) into dist/bundle/ with esbuild:
// one module for what every command needs and one chunk per lazily loaded part, instead of the
// ~220 modules a `teikit convert` otherwise resolves, reads and links one by one (about 0.1 s of a
// cold process). package.json's "bin" is dist/bundle/teikit.js; dist/cli/main.js stays runnable.
//
// Left outside the bundle, as npm installed them: packages that find files beside their own code
// (SaxonJS through the V8 code cache, Pagefind's binary, piscina's worker)
// ajv (only a fallback), and the CommonJS packages that require Node's modules at run time
// (cli-progress), which an ES module bundle cannot do. The bundle lives two folders below the package root, like every
// dist/<folder>/ module, so that the paths the code makes from import.meta.url stay right.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

/**
 * libxml2-wasm ships its WebAssembly inside its JavaScript, as an 820 KB string literal that every
 * process decodes from UTF-8, parses and turns back into bytes before compiling it: about 25 ms of
 * a cold `teikit convert`. In the bundle the module reads the same bytes from libxml2.wasm beside
 * it instead. The literal is evaluated here, once, exactly as the module would evaluate it; if a new
 * libxml2-wasm embeds it differently the build stops rather than ship a module that cannot load.
 */
const wasmFromFile = {
  name: 'libxml2-wasm-file',
  setup(b) {
    b.onLoad({ filter: /libxml2-wasm[\\/]lib[\\/]libxml2raw\.mjs$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const call = "pa??=ea('";
      const at = source.indexOf(call);
      if (at < 0 || source.indexOf(call, at + 1) >= 0 || !/function ea\(a\)\{for\(var c=0,b=a\.length,d=new Uint8Array\(b\),e;c<b;\+\+c\)e=a\.charCodeAt\(c\),d\[c\]=~e>>8&e;return d\}/.test(source)) {
        throw new Error(`${path}: the embedded WebAssembly is not where this script expects it; update wasmFromFile in scripts/bundle-cli.mjs`);
      }
      const open = at + call.length - 1;
      let close = open + 1;
      while (close < source.length && source[close] !== "'") close += source[close] === '\\' ? 2 : 1;
      if (source[close] !== "'" || source[close + 1] !== ')') throw new Error(`${path}: the embedded WebAssembly's call does not end where expected`);
      const text = new Function(`return ${source.slice(open, close + 1)}`)();
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = ~text.charCodeAt(i) >> 8 & text.charCodeAt(i);
      if (!WebAssembly.validate(bytes)) throw new Error(`${path}: the embedded WebAssembly does not validate`);
      writeFileSync(join(outdir, 'libxml2.wasm'), bytes);
      const read = "pa??=new Uint8Array(require('node:fs').readFileSync(new URL('./libxml2.wasm', import.meta.url)))";
      return { contents: source.slice(0, at) + read + source.slice(close + 2), loader: 'js' };
    });
  },
};

/**
 * saxes is CommonJS, which dist/util/saxes.js loads with require() so that an unbundled process
 * does not start Node's CommonJS export scanner for it. In the bundle esbuild wraps it like its own
 * code instead: no resolving, reading and compiling saxes and xmlchars through Node's CommonJS
 * loader in every process that reads XML.
 */
const saxesInBundle = {
  name: 'saxes-in-bundle',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]util[\\/]saxes\.js$/ }, () => ({
      contents: "import saxes from 'saxes';\nexport const SaxesParser = saxes.SaxesParser;\n",
      loader: 'js',
      resolveDir: join(root, 'dist/util'),
    }));
  },
};

await build({
  // The worker threads of batch and build are entries too (util/pool.ts compiledWorker): a thread
  // then loads the bundle's chunks it needs, not some 200 modules one by one.
  entryPoints: {
    teikit: join(root, 'dist/cli/main.js'),
    'batch-worker': join(root, 'dist/batch/worker.js'),
    'pipeline-worker': join(root, 'dist/pipeline/worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [wasmFromFile, saxesInBundle],
  external: ['saxon-js', 'pagefind', 'piscina', 'ajv', 'ajv-formats', 'cli-progress'],
  logLevel: 'warning',
  legalComments: 'none',
});
// A CommonJS module inside an ES module bundle cannot require(): esbuild leaves a call that throws
// "Dynamic require ... is not supported" when it runs. Refuse the build rather than ship one.
for (const name of readdirSync(outdir)) {
  const calls = readFileSync(join(outdir, name), 'utf8').match(/__require\("[^"]+"\)/g);
  if (calls) {
    console.error(`bundle-cli: ${name} would ${[...new Set(calls)].join(', ')} at run time: add its package to "external"`);
    process.exit(1);
  }
}
console.log('bundled the teikit command into dist/bundle/');
