/**
 * Validate a TEI document: safe reading (encoding, no DOCTYPE entities), well-formedness,
 * RELAX NG (schema/teikit.rng by default, tei_all or a file), then the house rules — by default
 * only with the house schema: `tei_all` or a user's schema is checked alone, as jing does, unless
 * rules are asked for (`rules`). Each stage
 * runs only when the one before let the document through as XML: a document that is not safe or
 * not well-formed gets that one error. RELAX NG and rules both run on a well-formed document, so a
 * user sees every problem at once. Returns diagnostics in source order; errors make it invalid.
 */
import type { Diagnostic } from '../model/types.js';
import { diagnostic, sortDiagnostics } from '../model/diagnostics.js';
import { decodeXml } from './decode.js';
import { checkProlog } from './safety.js';
import { parseWellFormed, TEI_NS, type SaxTap } from './wellformed.js';
import { HouseChecks } from './house.js';
import { compileSchema, isSchemaCompiled, schemaPath, validateRelaxNG, type SchemaName } from './relaxng.js';
import { loadLibxml2 } from './libxml2.js';
import { jingAvailable, judgeWithJing, knownVerdict, type JingVerdict } from './jing.js';
import { checkRules, RULE_NAMES, type RuleName } from './rules.js';
import { xincludeDiagnostics } from './xinclude.js';

export { schemaPath, loadSchema, isSchemaCompiled } from './relaxng.js';
export { jingAvailable, judgeWithJing } from './jing.js';
export type { SchemaName } from './relaxng.js';
export type { SaxTap } from './wellformed.js';
export { RULE_NAMES, parseRuleList, type RuleName } from './rules.js';

export interface ValidateOptions {
  /** `teikit` (default), `tei_all`, or the path of a RELAX NG schema (XML syntax). */
  schema?: SchemaName;
  /** Directory a relative schema path is resolved against (default: the process's). */
  cwd?: string;
  /** teikit's rules to run (house.ts and rules.ts); default: all with the teikit schema, none otherwise. */
  rules?: ReadonlySet<RuleName>;
  /** With tei_all, let jing judge validity when java and jing are present (default: true; the
   * environment variable TEIKIT_NO_JING=1 also turns it off). Messages are the same either way. */
  jing?: boolean;
  /** Told the schema's path just before a schema is compiled with libxml2 (tei_all: 10-15 s), so
   * that a terminal can say so rather than look hung. */
  onCompile?: (path: string) => void;
  /** Another reader of the well-formedness parse (the accounting's TEI facts): one parse for both. */
  tap?: SaxTap;
}

/** Whether jing judges this validation (tei_all only: the house schema compiles in 0.1 s). */
export function usesJing(options: ValidateOptions): boolean {
  return options.schema === 'tei_all' && options.jing !== false && jingAvailable();
}

/** The compiled schema, telling options.onCompile first when it is compiled now. */
async function compiled(path: string, options: ValidateOptions) {
  // libxml2 first, then no await between the check and the compile: concurrent calls would each
  // announce it
  await loadLibxml2();
  if (!isSchemaCompiled(path)) options.onCompile?.(path);
  return compileSchema(path);
}

/** libxml2's follow-on errors, dropped when the house checks have named the problem precisely. */
const FOLLOW_ON = new Set(['unexpected-content', 'invalid-attributes', 'invalid-content']);

export async function validateTei(
  xml: string | Uint8Array,
  file: string,
  options: ValidateOptions = {},
): Promise<Diagnostic[]> {
  const schema = options.schema ?? 'teikit';
  // Resolve and compile the schema first: a bad --schema is a usage error, whatever the document.
  // With jing, tei_all is compiled with libxml2 only for the messages of an invalid document.
  const path = schemaPath(schema, options.cwd);
  const jing = usesJing(options);
  if (!jing) await compiled(path, options);

  const decoded = decodeXml(xml, file);
  if (!decoded.ok) return [decoded.diagnostic];
  const text = decoded.text;

  const unsafe = checkProlog(text, file);
  if (unsafe.length > 0) return unsafe;

  const rules = options.rules ?? new Set<RuleName>(schema === 'teikit' ? RULE_NAMES : []);
  const house = rules.has('house') ? new HouseChecks(file) : undefined;
  const parsed = parseWellFormed(text, file, house?.visit, options.tap);
  if (!parsed.ok) return [parsed.diagnostic];

  // A TEI schema on a root outside the TEI namespace: one clear error instead of a schema cascade.
  const root = parsed.facts.root;
  if ((schema === 'teikit' || schema === 'tei_all') && root && root.ns !== TEI_NS) {
    const where = root.ns ? `the namespace ${root.ns}` : 'no namespace';
    return [
      diagnostic('error', 'wrong-namespace', `<${root.name}> is in ${where}: a TEI P5 document has xmlns="${TEI_NS}" on its root`, {
        file,
        line: root.line,
        column: root.column,
      }),
    ];
  }

  const houseErrors = house?.finish() ?? [];
  const xincludes = xincludeDiagnostics(parsed.facts.xincludes, file);
  let schemaErrors = await relaxNgErrors(xml, text, file, path, jing, options);
  if (xincludes.length > 0) {
    // The schema's word on an xi:include ("not allowed here") is the XInclude message's to say.
    const at = new Set(xincludes.map((d) => `${d.line}:${d.column}`));
    schemaErrors = schemaErrors.filter((d) => !at.has(`${d.line}:${d.column}`));
  }
  if (houseErrors.length > 0 && schema === 'teikit') {
    // The house checks named these problems precisely: drop libxml2's vaguer word on the same element.
    const explained = new Set(houseErrors.map((d) => `${d.line}:${d.column}`));
    schemaErrors = schemaErrors.filter((d) => !FOLLOW_ON.has(d.code) && !explained.has(`${d.line}:${d.column}`));
  }
  const ruleErrors = checkRules(parsed.facts, file, rules);
  const all = dropRepeats([...xincludes, ...houseErrors, ...schemaErrors, ...ruleErrors]);
  return sortDiagnostics(all);
}

/**
 * The RELAX NG errors of a document: libxml2's, mapped; with jing, none when jing finds the
 * document valid, and libxml2's when it does not (the same messages as without Java). Where the
 * two disagree and libxml2 finds nothing, jing's own errors are given, so an invalid document is
 * never passed.
 */
async function relaxNgErrors(raw: string | Uint8Array, text: string, file: string, path: string, jing: boolean, options: ValidateOptions): Promise<Diagnostic[]> {
  if (!jing) return validateRelaxNG(text, file, await compiled(path, options));
  const verdict: JingVerdict | undefined = knownVerdict(path, raw) ?? judgeWithJing(path, [raw])[0];
  if (!verdict) return validateRelaxNG(text, file, await compiled(path, options)); // XInclude: libxml2 judges
  if (verdict.valid) return [];
  const errors = validateRelaxNG(text, file, await compiled(path, options));
  if (errors.length > 0) return errors;
  return verdict.errors.map((e) => diagnostic('error', 'schema-invalid', e.message, { file, line: e.line, column: e.column }));
}

/** The same code at the same place once (the schema and the rules may both see a duplicate id). */
function dropRepeats(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}:${d.line}:${d.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when the diagnostics contain an error (warnings and infos do not make a file invalid). */
export function isValid(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error');
}
