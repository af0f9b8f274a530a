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

/** Packages left as npm installed them (see the top of this file). */
const EXTERNAL = ['saxon-js', 'pagefind', 'piscina', 'ajv', 'ajv-formats', 'cli-progress'];

/**
 * The commands a user runs one process at a time on one work, whose start-up is most of their
 * time. Each is bundled a second time, as one CommonJS file (command-<name>.cjs), which the command
 * table loads through V8's code cache (src/render/code-cache.ts): a process then neither parses
 * the readers, parse5 and micromark nor compiles the functions it runs (a cold `teikit convert`
 * 0.55 → 0.38 s). ES modules have no code cache in Node 20. The commands that start worker threads
 * (batch, build, volume) stay ES modules: their time is in the work, not in the start.
 */
const CACHED_COMMANDS = ['convert', 'render', 'validate'];

/** In the ES module bundle, the command table's import of a cached command loads its CommonJS file. */
const commandsFromCache = {
  name: 'commands-from-code-cache',
  setup(b) {
    const filter = new RegExp(`^\\./commands/(${CACHED_COMMANDS.join('|')})\\.js$`);
    b.onResolve({ filter }, ({ path, importer }) =>
      /[\\/]dist[\\/]cli[\\/]run\.js$/.test(importer) ? { path: path.match(filter)[1], namespace: 'cached-command' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'cached-command' }, ({ path: name }) => ({
      contents: [
        "import { fileURLToPath } from 'node:url';",
        `import { requireCached } from ${JSON.stringify(join(root, 'dist/render/code-cache.js'))};`,
        `const file = fileURLToPath(new URL('./command-${name}.cjs', import.meta.url));`,
        'export default requireCached(file, (specifier) => import(new URL(specifier, import.meta.url).href)).default;',
      ].join('\n'),
      loader: 'js',
      resolveDir: join(root, 'dist/cli'),
    }));
  },
};

/**
 * libxml2-wasm instantiates its WebAssembly with a top-level await: a CommonJS file can only
 * import it. The CommonJS commands import the ES module bundle's own copy beside them (entries
 * libxml2-wasm.js and libxml2-wasm-nodejs.js below, which read libxml2.wasm from its file), through
 * the __teikitImport that requireCached hands them (an import() made in the ES module that loads them): one libxml2 per process either way.
 */
const LIBXML2_ENTRIES = { 'libxml2-wasm': 'libxml2-wasm/lib/index.mjs', 'libxml2-wasm-nodejs': 'libxml2-wasm/lib/nodejs.mjs' };
const libxml2Beside = {
  name: 'libxml2-beside',
  setup(b) {
    b.onResolve({ filter: /^libxml2-wasm(\/lib\/nodejs\.mjs)?$/ }, ({ path }) => ({
      path: path === 'libxml2-wasm' ? './libxml2-wasm.js' : './libxml2-wasm-nodejs.js',
      external: true,
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
    ...Object.fromEntries(Object.entries(LIBXML2_ENTRIES).map(([name, file]) => [name, join(root, 'node_modules', file)])),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [wasmFromFile, saxesInBundle, commandsFromCache],
  external: EXTERNAL,
  logLevel: 'warning',
  legalComments: 'none',
});

await build({
  entryPoints: Object.fromEntries(CACHED_COMMANDS.map((name) => [`command-${name}`, join(root, `dist/cli/commands/${name}.js`)])),
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [saxesInBundle, libxml2Beside],
  external: EXTERNAL,
  // The code's import.meta.url (paths to xslt/, schema/, package.json) is the file's own: it lives
  // in dist/bundle/ like the ES module chunks, two folders below the package root.
  define: { 'import.meta.url': '__teikitModuleUrl' },
  // "use strict" first: esbuild's own directive would stand after the banner, no directive any more
  banner: { js: '"use strict";\nvar __teikitModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
  legalComments: 'none',
});
for (const name of CACHED_COMMANDS) {
  const file = join(outdir, `command-${name}.cjs`);
  const source = readFileSync(file, 'utf8');
  // import() in code run by vm.Script fails without an experimental Node API: requireCached's
  // __teikitImport imports instead. Only libxml2's two modules may be imported; anything else
  // would fail at run time, so the build stops.
  const imports = source.match(/\bimport\((?:"[^"]*"|[^)]*)\)/g) ?? [];
  const unknown = imports.filter((call) => !/^import\("\.\/libxml2-wasm(-nodejs)?\.js"\)$/.test(call));
  if (unknown.length > 0) {
    console.error(`bundle-cli: command-${name}.cjs would ${[...new Set(unknown)].join(', ')} at run time: bundle it, or leave ${name} an ES module`);
    process.exit(1);
  }
  writeFileSync(file, source.replace(/\bimport\("(\.\/libxml2-wasm(?:-nodejs)?\.js)"\)/g, '__teikitImport("$1")'));
}
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
