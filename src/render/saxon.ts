/**
 * Running the teikit stylesheets (or a user's) with SaxonJS.
 *
 * The built-in stylesheets are compiled to SEF once at build time (scripts/compile-xslt.mjs) and
 * loaded from xslt/<name>.sef.json. A user's stylesheet (`--xslt my.xsl`) is compiled at run time
 * by SaxonJS's own XX compiler through XPath's fn:transform with `stylesheet-location`, so that
 * its xsl:import/xsl:include hrefs resolve against its own location (it may import
 * xslt/html.xsl and override templates). A precompiled `my.sef.json` is run directly.
 */
import type SaxonJSModule from 'saxon-js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseWellFormed } from '../validate/wellformed.js';
import { SaxesParser } from '../util/saxes.js';
import { formatDiagnostic, UserError } from '../model/diagnostics.js';
import { checkProlog } from '../validate/safety.js';
import { requireCached } from './code-cache.js';
import { SaxonTreeBuilder } from './saxon-tree.js';

/** xslt/ of this package, from src/render/ (tests) and dist/render/ (built) alike. */
export const xsltDir = fileURLToPath(new URL('../../xslt/', import.meta.url));

let saxon: typeof SaxonJSModule | undefined;

/**
 * SaxonJS, loaded on first use with require: it is one 2.4 MB CommonJS file, and importing it as
 * an ES module made Node 20 scan it for module syntax first (over half a second at start-up).
 */
function saxonJs(): typeof SaxonJSModule {
  if (!saxon) {
    const require = createRequire(import.meta.url);
    deferAxios(require);
    // Compiled from V8's code cache when a previous process left one (code-cache.ts).
    saxon = requireCached(require.resolve('saxon-js')) as typeof SaxonJSModule;
  }
  return saxon;
}

/**
 * SaxonJS requires axios as it loads, for stylesheets that read http(s) resources; axios and the
 * fetch machinery it pulls in were a fifth of a cold `teikit render`, and teikit's stylesheets
 * never use them. So axios's slot in the require cache holds a stand-in that loads the real
 * axios on first use (a user's stylesheet calling doc('https://…')).
 */
function deferAxios(require: NodeJS.Require): void {
  let path: string;
  try {
    path = createRequire(require.resolve('saxon-js')).resolve('axios');
  } catch {
    return;
  }
  if (require.cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      delete require.cache[path];
      real = require(path) as object;
    }
    return real;
  };
  const standIn = new Proxy(() => undefined, {
    apply: (_target, thisArg, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, thisArg, args),
    get: (_target, prop) => Reflect.get(load(), prop),
    has: (_target, prop) => Reflect.has(load(), prop),
  });
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = standIn;
  require.cache[path] = module;
}

/** Where result documents are written "to" inside SaxonJS; keys are returned relative to it. */
const OUTPUT_BASE = 'file:///teikit-output/';

export interface StylesheetRun {
  /** The principal result, serialized. */
  principal: string;
  /** xsl:result-document outputs by their href (relative, e.g. `OEBPS/nav.xhtml`), serialized. */
  documents: Map<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the well-formedness pass notes on the way: the edition's idno (for the EPUB identifier). */
export interface XmlFacts {
  idno?: string;
  /** The persistent identifier, `idno type="UUID"` of the publicationStmt (a UUID, checked). */
  uuid?: string;
  title?: string;
  /** Every graphic/@url, in document order, once each. */
  images: string[];
  /** The document element: name, namespace, where it starts. */
  root?: { local: string; uri: string; line: number; column: number };
  /** Every xi:include (renditions do not resolve XIncludes: each is a warning). */
  xincludes: { href: string; line: number; column: number }[];
}

/**
 * Check that the input passes teikit's one XML safety gate (validate/safety.ts: no external DTD,
 * no entity or attribute-list declarations, the same decision and words as `teikit validate`) and
 * is well-formed XML: SaxonJS's parser reports errors without useful positions.
 */
export function checkXml(xml: string, file: string): XmlFacts {
  return scanXml(xml, file);
}

/**
 * checkXml and, in the same pass, SaxonJS's tree of the document (saxon-tree.ts): for a rendition,
 * which needs both.
 */
export function checkAndBuildTree(xml: string, file: string): { facts: XmlFacts; tree: unknown } {
  const builder = new SaxonTreeBuilder(() => saxonJs().getPlatform().createDocument());
  const facts = scanXml(xml, file, builder);
  return { facts, tree: withoutToString(builder.finish()) };
}

function scanXml(xml: string, file: string, tree?: SaxonTreeBuilder): XmlFacts {
  const unsafe = checkProlog(xml, file);
  if (unsafe.length > 0) throw new UserError(unsafe.map(formatDiagnostic).join('\n'));
  const parser = new SaxesParser({ xmlns: true, position: true });
  const facts: XmlFacts = { images: [], xincludes: [] };
  // Text of the first <idno> and <title> inside the publicationStmt / titleStmt.
  const open: string[] = [];
  let grab: 'idno' | 'uuid' | 'title' | undefined;
  let buf = '';
  parser.on('opentag', (tag) => {
    if (open.length === 0 && !facts.root) facts.root = { local: tag.local, uri: tag.uri, line: parser.line, column: parser.column };
    open.push(tag.local);
    const url = tag.local === 'graphic' ? tag.attributes['url'] : undefined;
    if (url && typeof url !== 'string' && !facts.images.includes(url.value)) facts.images.push(url.value);
    if (tag.local === 'include' && tag.uri === XINCLUDE_NS) {
      const href = tag.attributes['href'];
      facts.xincludes.push({ href: href && typeof href !== 'string' ? href.value : '', line: parser.line, column: parser.column });
    }
    if (tag.local === 'idno' && open.includes('publicationStmt')) {
      const type = tag.attributes['type'];
      const isUuid = type !== undefined && typeof type !== 'string' && type.value.toUpperCase() === 'UUID';
      if (isUuid && facts.uuid === undefined) grab = 'uuid';
      else if (!isUuid && facts.idno === undefined) grab = 'idno';
    }
    if (tag.local === 'title' && open.includes('titleStmt') && facts.title === undefined) grab = 'title';
    buf = '';
    tree?.openTag(tag);
  });
  parser.on('text', (t) => {
    if (grab) buf += t;
    tree?.text(t);
  });
  if (tree) {
    parser.on('cdata', (t) => tree.text(t));
    parser.on('comment', (t) => tree.comment(t));
    parser.on('processinginstruction', (pi) => tree.processingInstruction(pi.target ?? '', pi.body));
  }
  parser.on('closetag', (tag) => {
    tree?.closeTag();
    open.pop();
    if (grab && tag.local === (grab === 'uuid' ? 'idno' : grab)) {
      const value = buf.replace(/\s+/g, ' ').trim();
      // a UUID as the EPUB needs it (urn:uuid: is added there); anything else is not one
      if (grab !== 'uuid') facts[grab] = value;
      else if (UUID.test(value.replace(/^urn:uuid:/i, ''))) facts.uuid = value.replace(/^urn:uuid:/i, '').toLowerCase();
      grab = undefined;
    }
  });
  let failure: string | undefined;
  parser.on('error', (err) => {
    failure ??= err.message;
  });
  parser.write(xml);
  if (!failure) parser.close();
  if (failure) {
    // The same words and position as `teikit validate`: one function describes the fault.
    const wf = parseWellFormed(xml, file);
    throw new UserError(wf.ok ? `${file}:1:1: error not-well-formed: ${failure}` : formatDiagnostic(wf.diagnostic));
  }
  return facts;
}

/**
 * Run a stylesheet on a TEI document. `sheet` is a built-in one (`builtin:html`, `builtin:epub`,
 * `builtin:text`) or the path of a user's .xsl / .sef.json.
 */
export function runStylesheet(
  sheet: string,
  tei: string,
  file: string,
  params: Record<string, string> = {},
): StylesheetRun {
  const facts = checkXml(tei, file);
  if (sheet.startsWith('builtin:')) requireTei(facts, file);
  return runChecked(sheet, tei, file, params);
}

const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** The built-in stylesheets render TEI: any other document would give an empty rendition. */
export function requireTei(facts: XmlFacts, file: string): void {
  const root = facts.root;
  if (!root || root.uri !== TEI_NS || (root.local !== 'TEI' && root.local !== 'teiCorpus')) {
    const name = root ? `<${root.local}>${root.uri ? ` in namespace ${root.uri}` : ' (no namespace)'}` : 'missing';
    throw new UserError(`${file}:${root?.line ?? 1}:1: error not-tei: the document element is ${name}, not <TEI> in ${TEI_NS}`);
  }
}

/**
 * A TEI document checked (checkXml) and parsed into SaxonJS's tree once, for several renditions:
 * parsing was a fifth to a third of each rendition's time. Made by parseTei() (render/parsed.ts).
 */
export interface ParsedSource {
  readonly text: string;
  readonly file: string;
  readonly facts: XmlFacts;
  /** SaxonJS's document node: built in the check's pass (or on first use, for a TEI of nested TEI). */
  node(): unknown;
}

/** SaxonJS's tree of an XML text already passed through checkXml (checked again on the way: the one pass that builds it checks). */
export function saxonDocument(xml: string): unknown {
  return checkAndBuildTree(xml, '<tei>').tree;
}

/**
 * SaxonJS's transform() describes its options for its log before it runs, calling toString() on
 * each, and a document node's toString() serializes the whole document (to keep 30 characters of
 * it): 5 ms of every rendition of a large TEI, and as much as the run itself of a small
 * stylesheet (the Dublin Core record). The tree itself never needs toString.
 */
function withoutToString(doc: unknown): unknown {
  Object.defineProperty(doc, 'toString', { value: () => '#document (TEI)', enumerable: false });
  return doc;
}

/** runStylesheet for input already passed through checkXml (its text, or it parsed once). */
export function runChecked(sheet: string, source: string | ParsedSource, file: string, params: Record<string, string>): StylesheetRun {
  const tei = typeof source === 'string' ? source : source.text;
  const builtin = sheet.startsWith('builtin:');
  const path = builtin ? resolve(xsltDir, `${sheet.slice('builtin:'.length)}.sef.json`) : resolve(sheet);
  if (!existsSync(path)) {
    // a missing stylesheet of the user's (--xslt) is a usage error (exit 2), like any missing file
    throw builtin
      ? new UserError(`teikit: stylesheet ${path} is missing; run 'npm run build' to compile xslt/`)
      : new UserError(`cannot read stylesheet ${sheet}: no such file or folder`, 2);
  }
  if (statSync(path).isDirectory()) throw new UserError(`cannot read stylesheet ${sheet}: is a folder, not a file`, 2);
  try {
    if (path.endsWith('.sef.json')) {
      const r = saxonJs().transform(
        {
          stylesheetInternal: loadSef(path),
          stylesheetBaseURI: pathToFileURL(path).href,
          ...(typeof source === 'string' ? { sourceText: tei } : { sourceNode: source.node() }),
          destination: 'serialized',
          stylesheetParams: params,
          baseOutputURI: OUTPUT_BASE,
          // Keep xsl:result-document output in memory: SaxonJS on Node would write it to disk.
          deliverResultDocument: () => ({ destination: 'serialized' }),
        },
        'sync',
      );
      return { principal: r.principalResult ?? '', documents: relativeKeys(r.resultDocuments ?? {}) };
    }
    // a user's stylesheet passes the same XML gate as any input (well-formed, no DTD tricks): an
    // empty or broken file is named with its position, not a compiler's internal failure
    checkXml(readFileSync(path, 'utf8'), sheet);
    return compileAndRun(path, tei, params);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${builtin ? file : sheet}: XSLT error: ${describe(err)}`);
  }
}

/** Parsed SEF files by path, each with the modification time it was read at. */
const sefCache = new Map<string, { mtimeMs: number; sef: object }>();

/**
 * A SEF file parsed once per process (and per worker thread): reading, parsing and checking the
 * 300-440 KB of JSON took 20-70 ms of every run. A file changed since (a rebuild) is read again.
 */
function loadSef(path: string): object {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = sefCache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.sef;
  const sef = JSON.parse(readFileSync(path, 'utf8')) as object;
  sefCache.set(path, { mtimeMs, sef });
  return sef;
}

function compileAndRun(path: string, tei: string, params: Record<string, string>): StylesheetRun {
  const expr = `transform(map {
      'stylesheet-location': $loc,
      'source-node': parse-xml($src),
      'delivery-format': 'serialized',
      'base-output-uri': $out,
      'stylesheet-params': map:merge(for $i in 1 to count($names) return map { QName('', $names[$i]): $values[$i] })
    })`;
  const result = saxonJs().XPath.evaluate(expr, null, {
    // JS arrays arrive as XDM sequences (a JS object would not become a map).
    params: { loc: pathToFileURL(path).href, src: tei, out: OUTPUT_BASE, names: Object.keys(params), values: Object.values(params) },
  }) as Record<string, string>;
  const documents = new Map<string, string>();
  let principal = '';
  for (const [k, v] of Object.entries(result)) {
    if (k === 'output' || k === OUTPUT_BASE) principal = v;
    else documents.set(k.startsWith(OUTPUT_BASE) ? k.slice(OUTPUT_BASE.length) : k, v);
  }
  return { principal, documents };
}

function relativeKeys(docs: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(docs)) out.set(k.startsWith(OUTPUT_BASE) ? k.slice(OUTPUT_BASE.length) : k, v);
  return out;
}

/** One line from a SaxonJS error: code, message, and the stylesheet line when known. */
function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; xsltLineNr?: number; xsltModule?: string };
  const where = e.xsltModule ? ` (${e.xsltModule.replace(/^file:\/\//, '')}${e.xsltLineNr ? `:${e.xsltLineNr}` : ''})` : '';
  return `${e.code ? `${e.code} ` : ''}${(e.message ?? String(err)).split('\n')[0]}${where}`;
}
