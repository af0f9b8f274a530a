/**
 * teikit's JSON Schemas (schema/*.schema.json) compiled with ajv, and ajv's errors as one line each:
 * `edition.json: /publication/licence/url: must match format "uri"`.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SOURCE_FORMATS } from '../readers/registry.js';

// ajv-formats is CommonJS with a default export; under NodeNext its type is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** schema/ of the package: the same relative path from src/edition and dist/edition. */
export const schemaDir = new URL('../../schema/', import.meta.url);

const compiled = new Map<string, ValidateFunction>();

export function schemaValidator(name: 'edition' | 'report'): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const schema = withFormats(JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemaDir), 'utf8')) as unknown);
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
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

/** One plain line per problem, naming the file and the JSON pointer of the field. */
export function formatSchemaErrors(file: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    if (e.keyword === 'required') {
      return `${file}: ${e.instancePath}/${String(e.params.missingProperty)}: required field is missing`;
    }
    if (e.keyword === 'additionalProperties') {
      return `${file}: ${e.instancePath}/${String(e.params.additionalProperty)}: unknown field`;
    }
    if (e.keyword === 'enum') {
      return `${file}: ${e.instancePath || '/'}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return `${file}: ${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`;
  });
}
