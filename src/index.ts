/**
 * teikit's public API. The CLI (src/cli) only wraps these functions.
 */
export type * from './model/types.js';
export { diagnostic, formatDiagnostic, sortDiagnostics, UserError } from './model/diagnostics.js';
export { writeTei, writeTeiWithRepairs, defaultPublication } from './tei/index.js';
export { gateTei, InvalidTeiError } from './convert-gate.js';
export type { GateSource } from './convert-gate.js';
export { convertFiles, detectFormat } from './convert.js';
export type { ConvertOptions, ConvertResult } from './convert.js';
export { READERS, SOURCE_FORMATS, SOURCE_EXTENSIONS, readerFor } from './readers/registry.js';
export type { SourceFormat } from './readers/registry.js';
export type { SourceReader } from './readers/types.js';
export { loadEdition, findEditions, publicationOf } from './edition/index.js';
export type { EditionConfig, LoadedEdition } from './edition/index.js';
export { buildReport } from './report/index.js';
export type { ConversionReport } from './report/index.js';
export { validateTei, isValid } from './validate/index.js';
export type { ValidateOptions, SchemaName } from './validate/index.js';
export { renderHtml, renderEpub, renderText } from './render/index.js';
export type { RenderOptions } from './render/index.js';
export { deposit } from './deposit/deposit.js';
export type { Deposit, DepositKind, DepositOptions } from './deposit/deposit.js';
export { createBag, verifyBag } from './deposit/bagit.js';
export type { BagInfo, VerifyProblem, VerifyProblemKind } from './deposit/bagit.js';
export { dublinCore } from './deposit/dublin-core.js';
export { buildEditionFiles } from './edition/build.js';
export { toolVersion } from './util/version.js';
export { buildCollection, buildWork, findBuildUnits, parseShard, inShard } from './pipeline/index.js';
export type { BuildCallbacks, BuildCollectionOptions, BuildCollectionResult, BuildUnit, BuiltWork, CacheEntry, Shard, WorkEntry } from './pipeline/index.js';
export { writeSite, siteFiles, cslJson, bibtex, citationMeta } from './site/index.js';
