// Bundle the `teikit` command (dist/cli/main.js, as tsc wrote it) into dist/bundle/ with esbuild:
// one module for what every command needs and one chunk per lazily loaded part, instead of the
// ~220 modules a `teikit convert` otherwise resolves, reads and links one by one (about 0.1 s of a
// cold process). package.json's "bin" is dist/bundle/teikit.js; dist/cli/main.js stays runnable.
//
// Left outside the bundle, as npm installed them: packages that find files beside their own code
// (SaxonJS through the V8 code cache, libxml2's WebAssembly, Pagefind's binary, piscina's worker)
// ajv (only a fallback), and the CommonJS packages that require Node's modules at run time
// (cli-progress), which an ES module bundle cannot do. The bundle lives two folders below the package root, like every
// dist/<folder>/ module, so that the paths the code makes from import.meta.url stay right.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { teikit: join(root, 'dist/cli/main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['libxml2-wasm', 'saxon-js', 'pagefind', 'piscina', 'ajv', 'ajv-formats', 'cli-progress'],
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
