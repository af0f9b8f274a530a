/**
 * RELAX NG validation with libxml2 (WebAssembly: no Java needed). Each schema is read and compiled
 * once per process and cached; documents are parsed with network and external-entity loading off
 * (they have already passed the prolog check in safety.ts). libxml2's messages are turned into
 * teikit diagnostics by schema-messages.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { libxml2, loadLibxml2 } from './libxml2.js';
import type { Diagnostic } from '../model/types.js';
import { diagnostic, UserError } from '../model/diagnostics.js';
import { schemaDiagnostics } from './schema-messages.js';
import { locateXPaths } from './locate.js';
import { allowedChildren } from './expected.js';
import { findTeiAll } from './tei-all.js';
import { readContentModel, type ContentModel } from './content-model.js';
import { rngTreeAt } from './rng-tree.js';
import { contentErrors } from './content-errors.js';
import { ioFailure } from '../util/io-errors.js';

const MAX_ERRORS = 200;

/** The repository (or installed package) root: src/validate/ and dist/validate/ are two levels down. */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type SchemaName = 'teikit' | 'tei_all' | (string & {});

/** Path of a schema named on the command line: `teikit`, `tei_all` or a file path. */
export function schemaPath(schema: SchemaName = 'teikit', cwd = process.cwd()): string {
  if (schema === 'teikit') return resolve(packageRoot, 'schema/teikit.rng');
  if (schema === 'tei_all') return findTeiAll();
  return resolve(cwd, schema);
}

const cache = new Map<string, RelaxNGValidator>();
const childTables = new Map<string, Map<string, string[]>>();

/** The schema's element → allowed children table, read on first need (for messages only). */
function childTable(path: string): Map<string, string[]> {
  let table = childTables.get(path);
  if (!table) {
    try {
      table = allowedChildren(rngTreeAt(path));
    } catch {
      table = new Map();
    }
    childTables.set(path, table);
  }
  return table;
}
const models = new Map<string, ContentModel | undefined>();

/** The schema's content model, read on first need (for order and content messages only). */
function contentModel(path: string): ContentModel | undefined {
  if (!models.has(path)) {
    let model: ContentModel | undefined;
    try {
      model = readContentModel(rngTreeAt(path));
    } catch {
      model = undefined;
    }
    models.set(path, model);
  }
  return models.get(path);
}

/** libxml2's codes for order and content errors, which the content model words better when it can. */
const STRUCTURAL = new Set(['unexpected-element', 'missing-element', 'unexpected-content', 'invalid-content', 'schema-invalid']);

let providersRegistered = false;

/** Whether the schema at `path` is compiled already (so loadSchema returns at once). */
export function isSchemaCompiled(path: string): boolean {
  return cache.has(path);
}

/** The compiled schema at `path`, compiled on first use. Throws UserError (exit 2) when unusable. */
export async function loadSchema(path: string): Promise<RelaxNGValidator> {
  await loadLibxml2();
  return compileSchema(path);
}

/** loadSchema once libxml2 is loaded (loadLibxml2 has resolved), without waiting. */
export function compileSchema(path: string): RelaxNGValidator {
  const cached = cache.get(path);
  if (cached) return cached;
  const { RelaxNGValidator, XmlDocument, XmlLibError, xmlRegisterFsInputProviders } = libxml2();
  if (!providersRegistered) {
    // Lets a user's schema <include> its modules by relative path.
    xmlRegisterFsInputProviders();
    providersRegistered = true;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw ioFailure(err, 'read', `schema ${path}`);
  }
  let validator: RelaxNGValidator;
  try {
    // The schema document stays alive with the compiled validator for the life of the process.
    const doc = XmlDocument.fromBuffer(bytes, { url: path, option: safeParse() });
    validator = RelaxNGValidator.fromDoc(doc);
  } catch (err) {
    const detail = err instanceof XmlLibError ? err.details[0] : undefined;
    // libxml2 gives line -1 (or 0) for a fault of the schema as a whole (a document that is not RELAX NG)
    const where = detail && detail.line > 0 ? `${path}:${detail.line}: ` : `${path}: `;
    const msg = (detail?.message ?? (err as Error).message).trim();
    throw new UserError(`teikit validate: ${where}not a usable RELAX NG schema: ${msg}`, 2);
  }
  cache.set(path, validator);
  schemaPaths.set(validator, path);
  return validator;
}

const schemaPaths = new WeakMap<RelaxNGValidator, string>();

/** No network, no external entities or DTDs, line numbers past 65535 (large files). */
function safeParse(): number {
  const { ParseOption } = libxml2();
  return ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_SKIP_IDS;
}

/** Validate decoded XML text against a compiled schema (from loadSchema, so libxml2 is loaded). */
export function validateRelaxNG(text: string, file: string, validator: RelaxNGValidator): Diagnostic[] {
  const { XmlDocument, XmlLibError } = libxml2();
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(text, { url: file, encoding: 'utf-8', option: safeParse() });
  } catch (err) {
    // saxes accepted the document; libxml2 is stricter in a few corners (e.g. some names).
    const d = err instanceof XmlLibError ? err.details[0] : undefined;
    return [
      diagnostic('error', 'not-well-formed', (d?.message ?? (err as Error).message).trim(), {
        file,
        line: d?.line ?? 1,
        column: d?.col || 1,
      }),
    ];
  }
  try {
    validator.validate(doc);
    return [];
  } catch (err) {
    if (!(err instanceof XmlLibError)) throw err;
    // Cap the work on a document that is invalid everywhere: the first errors are the useful ones.
    const details = err.details.slice(0, MAX_ERRORS);
    const located = locateXPaths(text, details.flatMap((d) => (d.xpath ? [d.xpath] : [])));
    const path = schemaPaths.get(validator);
    const model = path ? contentModel(path) : undefined;
    const structural = model ? contentErrors(text, file, model, MAX_ERRORS) : [];
    const needsTable = structural.length === 0 && details.some((d) => /^Did not expect element/.test(d.message));
    const mapped = schemaDiagnostics(details, located, file, needsTable && path ? childTable(path) : undefined);
    if (structural.length === 0) return mapped;
    // The content model names what is expected and where: it replaces libxml2's order and content errors.
    return [...structural, ...mapped.filter((d) => !STRUCTURAL.has(d.code))];
  } finally {
    doc.dispose();
  }
}
