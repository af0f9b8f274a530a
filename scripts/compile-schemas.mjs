// Compile the JSON Schemas teikit checks at run time (schema/edition.schema.json,
// schema/report.schema.json) to standalone validation code with ajv, once, at build time:
// compiling them with ajv in every process cost a third of a cold `teikit convert`.
// Each output starts with the SHA-256 of the schema it was made from; src/edition/json-schema.ts
// uses it only when that still matches, and compiles the schema itself otherwise.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');
const addFormats = require('ajv-formats');
const standaloneCode = require('ajv/dist/standalone').default;
// the schema as the run time checks it (format names from the reader registry), from the built dist/
const { effectiveSchemaText } = await import('../dist/edition/json-schema.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'schema/compiled');
mkdirSync(outDir, { recursive: true });
for (const name of ['edition', 'report']) {
  const text = effectiveSchemaText(name);
  // The same options as the run-time fallback in src/edition/json-schema.ts.
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
  addFormats(ajv);
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(text)));
  const out = join(outDir, `${name}.validate.cjs`);
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, `// sha256:${createHash('sha256').update(text).digest('hex')}\n${code}\n`);
  renameSync(tmp, out);
}
console.log('compiled schema/edition.schema.json, schema/report.schema.json');
