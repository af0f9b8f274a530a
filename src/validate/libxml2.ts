/**
 * libxml2-wasm, loaded on first need. Its module instantiates the WebAssembly with a top-level
 * await, so it can only be imported, never required: loading it here, once, with import() lets
 * the rest of teikit be bundled as CommonJS and run from V8's code cache (scripts/bundle-cli.mjs),
 * and lets a process that validates nothing never load it. Every function that uses libxml2 is
 * reached through validateTei or loadSchema, which await loadLibxml2() first.
 */
import type * as Libxml2Module from 'libxml2-wasm';
import type * as Libxml2Node from 'libxml2-wasm/lib/nodejs.mjs';

export type Libxml2 = typeof Libxml2Module & Pick<typeof Libxml2Node, 'xmlRegisterFsInputProviders'>;

let loading: Promise<Libxml2> | undefined;
let loaded: Libxml2 | undefined;

/** libxml2, imported (and its WebAssembly instantiated) on the first call; later calls share it. */
export function loadLibxml2(): Promise<Libxml2> {
  loading ??= Promise.all([import('libxml2-wasm'), import('libxml2-wasm/lib/nodejs.mjs')]).then(([lib, node]) => {
    loaded = { ...lib, xmlRegisterFsInputProviders: node.xmlRegisterFsInputProviders };
    return loaded;
  });
  return loading;
}

/** libxml2 once loadLibxml2() has resolved; calling it earlier is a bug of teikit's. */
export function libxml2(): Libxml2 {
  if (!loaded) throw new Error('libxml2 is used before loadLibxml2() resolved');
  return loaded;
}
