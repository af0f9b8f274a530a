/**
 * edition.json: an edition's sources and the publication data that the sources cannot give.
 * Loaded and checked against schema/edition.schema.json; every wrong or missing field is reported
 * as one line naming the file, the line and column of the value and the field's JSON pointer.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import type { Publication } from '../model/types.js';
import { diagnostic, formatDiagnostic, sortDiagnostics, UserError } from '../model/diagnostics.js';
import { jsonFault, jsonPlaces } from '../util/json-syntax.js';
import type { SourceFormat } from '../readers/registry.js';
import { editionSchemaDiagnostics, schemaValidator } from './json-schema.js';
import { ioFailure } from '../util/io-errors.js';

export type { SourceFormat } from '../readers/registry.js';

export interface EditionSource {
  file: string;
  format?: SourceFormat;
  /** The source's address on its original site, overriding what the reader infers. */
  url?: string;
}

/** edition.json as written (see schema/edition.schema.json). */
export interface EditionConfig {
  id: string;
  title: string;
  base: EditionSource;
  witnesses?: EditionSource[];
  publication: Required<Pick<Publication, 'publisher' | 'date'>> & {
    licence: { text: string; url: string };
    encoder?: string;
  };
}

/** An edition.json with the paths of its sources resolved against its folder. */
export interface LoadedEdition {
  config: EditionConfig;
  dir: string;
  /** Source paths (base first), as `dir/file`. */
  sources: { path: string; format?: SourceFormat }[];
}

export const EDITION_FILE = 'edition.json';

/**
 * Load `dir/edition.json`; UserError (exit 1) listing every problem, one per line. A relative
 * `dir` is read from `cwd` and named as given in messages and source paths.
 */
export function loadEdition(dir: string, cwd = process.cwd()): LoadedEdition {
  const file = join(dir, EDITION_FILE);
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw ioFailure(err, 'read', file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // where, as every other message says it (JSON.parse gives an offset at best)
    const fault = jsonFault(text, err);
    const d = diagnostic('error', 'invalid-json', `not valid JSON: ${fault.message}`, { file, line: fault.line, column: fault.column });
    throw new UserError(formatDiagnostic(d), 1, [d]);
  }
  const validate = schemaValidator('edition');
  if (!validate(data)) {
    // each at the line and column of the value it is about (the file is read again to find them)
    const found = sortDiagnostics(editionSchemaDiagnostics(file, validate.errors, jsonPlaces(text)));
    throw new UserError(found.map(formatDiagnostic).join('\n'), 1, found);
  }
  const config = data as EditionConfig;
  // The sources are the edition's own files (what its bag carries and its build's cache key
  // hashes): one reached through `..` would be read, but a change to it would go unseen.
  const outside = [config.base, ...(config.witnesses ?? [])].map((s, i) => ({ s, at: i === 0 ? '/base/file' : `/witnesses/${i - 1}/file` }))
    .filter(({ s }) => isAbsolute(s.file) || normalize(s.file).split(/[\\/]/)[0] === '..');
  if (outside.length > 0) {
    throw new UserError(outside.map(({ s, at }) => `${file}: ${at}: "${s.file}" is outside the edition's folder; an edition's sources are files in its folder`).join('\n'));
  }
  const sources = [config.base, ...(config.witnesses ?? [])].map((s) => ({ path: join(dir, s.file), format: s.format }));
  const missing = sources.filter((s) => !existsSync(resolve(cwd, s.path)));
  if (missing.length > 0) {
    throw new UserError(missing.map((s) => `${file}: source file not found: ${s.path}`).join('\n'));
  }
  return { config, dir, sources };
}

/** Folders of `root` holding an edition.json, sorted by name (stable build order). */
export function findEditions(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (err) {
    throw ioFailure(err, 'read', root);
  }
  return names
    .sort()
    .map((n) => join(root, n))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, EDITION_FILE)));
}

/** The model's Publication from edition.json. */
export function publicationOf(config: EditionConfig): Publication {
  const p = config.publication;
  return { publisher: p.publisher, licence: { text: p.licence.text, url: p.licence.url }, date: p.date, encoder: p.encoder };
}
