/**
 * teikit's JSON Schemas (schema/*.schema.json) as validation functions, and ajv's errors as one line
 * each: `edition.json: /publication/licence/url: must match format "uri"`.
 *
 * The build compiles each schema to standalone code (scripts/compile-schemas.mjs →
 * schema/compiled/<name>.validate.cjs); that code is used when it was made from the schema as it is
 * now (its first line holds the schema's SHA-256). Otherwise (a checkout that was not built, a
 * schema edited since) ajv compiles the schema here, as it always did, at ~0.1 s per process.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { SOURCE_FORMATS } from '../readers/registry.js';
import { diagnostic } from '../model/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import { pointerToken, type JsonPlace } from '../util/json-syntax.js';

/** schema/ of the package: the same relative path from src/edition and dist/edition. */
export const schemaDir = new URL('../../schema/', import.meta.url);

// ajv and its compiled validators are CommonJS: require loads them without ESM format detection.
const require = createRequire(import.meta.url);
const compiled = new Map<string, ValidateFunction>();

export function schemaValidator(name: 'edition' | 'report'): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const text = effectiveSchemaText(name);
    validate = precompiled(name, text) ?? compileSchemaNow(text);
    compiled.set(name, validate);
  }
  return validate;
}

/**
 * The schemas name the source formats by `"$comment": "teikit:formats"`: the allowed names are
 * the reader registry's, so that a new format is one module and one registry line, not a schema edit.
 */
function withFormats(node: unknown): object {
  if (Array.isArray(node)) node.forEach(withFormats);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.$comment === 'teikit:formats') o.enum = [...SOURCE_FORMATS];
    Object.values(o).forEach(withFormats);
  }
  return node as object;
}

/** The schema as checked: its text with the registry's format names filled in (also what the build compiles). */
export function effectiveSchemaText(name: 'edition' | 'report'): string {
  const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemaDir), 'utf8')) as unknown;
  return JSON.stringify(withFormats(schema));
}

function precompiled(name: string, schemaText: string): ValidateFunction | undefined {
  const path = new URL(`compiled/${name}.validate.cjs`, schemaDir);
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const hash = createHash('sha256').update(schemaText).digest('hex');
  if (!code.startsWith(`// sha256:${hash}\n`)) return undefined;
  return require(fileURLToPath(path)) as ValidateFunction;
}

export function compileSchemaNow(schemaText: string): ValidateFunction {
  const { Ajv } = require('ajv') as { Ajv: new (opts: object) => AjvClass };
  const addFormats = require('ajv-formats') as (ajv: AjvClass) => AjvClass;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(schemaText) as object);
}

/** What an ajv error says, and of which value of the document: the one it is about, for a missing
 * field the object that lacks it, for an unknown field that field (its name). */
function described(e: ErrorObject): { message: string; pointer: string; name: boolean } {
  if (e.keyword === 'required') {
    return { message: `${e.instancePath}/${String(e.params.missingProperty)}: required field is missing`, pointer: e.instancePath, name: false };
  }
  if (e.keyword === 'additionalProperties') {
    const pointer = `${e.instancePath}/${pointerToken(String(e.params.additionalProperty))}`;
    return { message: `${e.instancePath}/${String(e.params.additionalProperty)}: unknown field`, pointer, name: true };
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { message: `${e.instancePath || '/'}: must be one of ${allowed}`, pointer: e.instancePath, name: false };
  }
  return { message: `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`, pointer: e.instancePath, name: false };
}

/**
 * One line per problem, naming the file, the JSON pointer of the field and what is wrong, as an
 * error of the house form (`file: error code: message`), so that `--quiet`, which prints errors
 * only, still prints it (a bare `file: /title: …` line was taken for a message and hidden).
 * Without the document's text there is no line and column (the conversion report, checked in
 * memory); editionSchemaDiagnostics gives them.
 */
export function formatSchemaErrors(file: string, errors: ErrorObject[] | null | undefined, code = 'invalid-edition'): string[] {
  return (errors ?? []).map((e) => `${file}: error ${code}: ${described(e).message}`);
}

/**
 * The problems of a JSON file, as errors at the line and column of the value each is about
 * (`places`: jsonPlaces of its text): the offending value, the object missing a field, the name
 * of an unknown field (`editions/x/edition.json:7:20: error invalid-edition: /publication/date:
 * must match format "date"`).
 */
export function editionSchemaDiagnostics(
  file: string,
  errors: ErrorObject[] | null | undefined,
  places: ReadonlyMap<string, JsonPlace> | undefined,
  code = 'invalid-edition',
): Diagnostic[] {
  return (errors ?? []).map((e) => {
    const { message, pointer, name } = described(e);
    const place = places?.get(pointer);
    const at = (name ? place?.name : undefined) ?? place;
    return diagnostic('error', code, message, { file, ...(at ? { line: at.line, column: at.column } : {}) });
  });
}
