/**
 * jing (Java) as the fast judge of validity against a big schema: tei_all compiles in about a
 * second in jing, against 10-15 s in libxml2. jing only says whether each document is valid;
 * the messages of an invalid document are still libxml2's, mapped as always (relaxng.ts), so
 * they are the same words and positions with or without Java. Used when `java` and `jing` are
 * on the PATH, unless TEIKIT_NO_JING=1 (or the validate option `jing: false`) turns it off.
 *
 * Many files are judged in one JVM (judgeWithJing); a verdict is kept per schema and per
 * content, so validateTei finds it without running jing again.
 */
import { createHash } from 'node:crypto';
import type * as ChildProcess from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { UserError } from '../model/diagnostics.js';

/** jing's word on one document: valid, or its error lines. */
export interface JingVerdict {
  valid: boolean;
  /** jing's error lines for the document, without the temporary file's name. */
  errors: { line: number; column: number; message: string }[];
}

const verdicts = new Map<string, JingVerdict>();
let available: boolean | undefined;

/** On the PATH? (No process is started to find out.) */
function onPath(cmd: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

/** Whether jing will be used: java and jing present, and TEIKIT_NO_JING not set. */
export function jingAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TEIKIT_NO_JING && env.TEIKIT_NO_JING !== '0') return false;
  available ??= onPath('jing', env) && onPath('java', env);
  return available;
}

function key(schema: string, content: string | Uint8Array): string {
  return `${schema}\0${createHash('sha1').update(content).digest('hex')}`;
}

/** The verdict already found for this content against this schema, if any. */
export function knownVerdict(schema: string, content: string | Uint8Array): JingVerdict | undefined {
  return verdicts.get(key(schema, content));
}

/**
 * Judge documents (their bytes as read, or text) against a schema, in one jing run where it can,
 * and keep the verdicts. Text is written as UTF-8 with its XML declaration saying so. A document
 * that uses XInclude gets no verdict (undefined): jing would resolve the includes, reading other
 * files, where teikit reports each include instead; libxml2 judges it.
 */
export function judgeWithJing(schema: string, docs: readonly (string | Uint8Array)[]): (JingVerdict | undefined)[] {
  const out: (JingVerdict | undefined)[] = docs.map(() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'teikit-jing-'));
  try {
    let todo = docs.flatMap((doc, i) => (usesXInclude(doc) ? [] : [{ i, path: join(dir, `${i}.xml`) }]));
    for (const { i, path } of todo) writeFileSync(path, typeof docs[i] === 'string' ? utf8Declared(docs[i]) : docs[i]!);
    while (todo.length > 0) {
      const errors = runJing(schema, todo.map((t) => t.path));
      // A fatal error (not well-formed for jing) ends jing's run: the files after it are judged in another.
      const fatal = todo.findIndex((t) => errors.get(t.path)?.fatal);
      const judged = fatal < 0 ? todo : todo.slice(0, fatal + 1);
      for (const { i, path } of judged) {
        const list = errors.get(path)?.errors ?? [];
        out[i] = { valid: list.length === 0, errors: list };
        verdicts.set(key(schema, docs[i]!), out[i]!);
      }
      todo = todo.slice(judged.length);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * node:child_process, loaded when jing is first run: with net and dgram it is about 8 ms of a
 * `teikit convert`, which imports this module (for the gate's messages) but never runs jing.
 */
function childProcess(): typeof ChildProcess {
  return createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
}

/** One jing run: the error lines of each file that has some. */
function runJing(schema: string, files: string[]): Map<string, { errors: JingVerdict['errors']; fatal: boolean }> {
  // jing's run is short (compiling the schema is most of it): the JVM's quick compiler alone
  // starts sooner than with the optimising one (tei_all and one file: 0.73 → 0.51 s; and 153
  // files: 1.3 → 0.8 s, on Java 17). The user's own JDK_JAVA_OPTIONS come after, so they win.
  const env = { ...process.env, JDK_JAVA_OPTIONS: ['-XX:TieredStopAtLevel=1', process.env.JDK_JAVA_OPTIONS].filter(Boolean).join(' ') };
  const r = childProcess().spawnSync('jing', [schema, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env });
  const failed = (why: string | undefined) =>
    new UserError(`teikit validate: jing failed on ${schema}: ${why ?? 'no message'} (TEIKIT_NO_JING=1 uses libxml2 instead)`, 2);
  // the launcher's note that it "Picked up JDK_JAVA_OPTIONS" is not the reason for a failure
  const reason = () => r.stderr.split('\n').find((l) => l && !l.startsWith('[warning]') && !l.startsWith('NOTE: Picked up'));
  if (r.error || (r.status !== 0 && r.status !== 1)) throw failed(r.error?.message ?? reason());
  const byFile = new Map<string, { errors: JingVerdict['errors']; fatal: boolean }>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): (error|fatal): (.*)$/.exec(line);
    if (!m) continue;
    const entry = byFile.get(m[1]!) ?? { errors: [], fatal: false };
    entry.errors.push({ line: Number(m[2]), column: Number(m[3]), message: m[5]! });
    entry.fatal ||= m[4] === 'fatal';
    byFile.set(m[1]!, entry);
  }
  if (r.status === 1 && byFile.size === 0) throw failed(r.stdout.split('\n')[0] || reason());
  return byFile;
}

const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

function usesXInclude(doc: string | Uint8Array): boolean {
  return (typeof doc === 'string' ? doc : Buffer.from(doc.buffer, doc.byteOffset, doc.byteLength).toString('latin1')).includes(XINCLUDE_NS);
}

/** The text with its XML declaration (if any) saying UTF-8, the encoding it is written in. */
function utf8Declared(text: string): string {
  return text.replace(/^(\uFEFF?<\?xml\s[^?]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}
