/**
 * BagIt packages (RFC 8493) for deposit in digital archives: `data/` holds the payload, SHA-256 and
 * SHA-512 manifests fix every byte, `bag-info.txt` says what the bag is. Written to a temporary folder
 * and renamed into place, so a failed deposit leaves nothing half-made.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { UserError } from '../model/diagnostics.js';
import { toolVersion } from '../util/version.js';
import { ioFailure } from '../util/io-errors.js';
import { buildDate } from '../util/build-date.js';
import { copyTree, makeDirs } from '../util/files.js';

// The file work is synchronous: a bag is a few small files, and a build bags in worker threads,
// where a round trip to libuv's thread pool per call cost more than the calls (20 ms a bag).
/** The manifests teikit writes. */
const ALGORITHMS = ['sha256', 'sha512'] as const;
/** The manifests verify checks: RFC 8493's, md5 and sha1 kept for older bags. */
const CHECKED = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
type Algorithm = (typeof CHECKED)[number];
type Digest = Partial<Record<Algorithm, string>> & { size: number };

export interface BagInfo {
  /** Free-form fields for bag-info.txt (`Source-Organization`, `External-Identifier`, …). */
  [label: string]: string;
}

export interface DepositResult {
  bag: string;
  files: number;
  bytes: number;
  /** The payload files, as the manifests list them (`data/…`). */
  payload: string[];
}

/** Make a bag at `bagDir` from a file or the files of a folder. `bagDir` must not exist yet. */
export async function createBag(payload: string, bagDir: string, info: BagInfo = {}, now = buildDate()): Promise<DepositResult> {
  let source;
  try {
    source = statSync(payload);
  } catch (err) {
    throw ioFailure(err, 'read', payload);
  }
  if (existsSync(bagDir)) throw new UserError(`cannot write ${bagDir}: already exists; choose a new folder for the bag`, 2);
  const tmp = join(dirname(bagDir), `.${basename(bagDir)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const data = join(tmp, 'data');
    makeDirs(data);
    if (source.isDirectory()) copyTree(payload, data);
    else copyFileSync(payload, join(data, basename(payload)));
    const result = sealBag(tmp, info, now);
    renameSync(tmp, bagDir);
    return { ...result, bag: bagDir };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Make `dir` a bag around the payload already in `dir/data`: bagit.txt, the manifests, bag-info.txt
 * (Bagging-Date, Bag-Software-Agent and Payload-Oxum, then `info`) and the tag manifests. Each
 * payload file is read once for both digests.
 */
export function sealBag(dir: string, info: BagInfo = {}, now = buildDate()): DepositResult {
  // copyTree wrote files and folders only: a link in the payload was copied as its file
  const files = listPayload(join(dir, 'data')).files;
  const sums = files.map((f) => digestFile(f, ALGORITHMS));
  const bytes = sums.reduce((n, d) => n + d.size, 0);
  const payload = files.map((f) => encodePath(relative(dir, f)));
  const fields: BagInfo = {
    'Bagging-Date': now.toISOString().slice(0, 10),
    'Bag-Software-Agent': `teikit ${toolVersion()}`,
    'Payload-Oxum': `${bytes}.${files.length}`,
    ...info,
  };
  const infoText = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v.replace(/\r?\n/g, '\n  ')}`)
    .join('\n');
  const tags: [string, string][] = [
    ['bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'],
    ['bag-info.txt', infoText + '\n'],
    ...ALGORITHMS.map((alg): [string, string] => [`manifest-${alg}.txt`, payload.map((p, i) => `${sums[i]![alg]}  ${p}`).join('\n') + '\n']),
  ];
  for (const [name, text] of tags) writeFileSync(join(dir, name), text);
  const tagSums = tags.map(([name, text]) => [name, digest((update) => update(Buffer.from(text)))] as const);
  for (const alg of ALGORITHMS) {
    writeFileSync(join(dir, `tagmanifest-${alg}.txt`), tagSums.map(([name, d]) => `${d[alg]}  ${name}`).join('\n') + '\n');
  }
  return { bag: dir, files: files.length, bytes, payload };
}

/** What is wrong: a changed, missing or unlisted file, or a fault of the bag's own tag files. */
export type VerifyProblemKind = 'changed' | 'missing' | 'unlisted' | 'not-a-file' | 'payload-oxum' | 'not-a-bag' | 'malformed' | 'unsupported-algorithm' | 'unsupported-version' | 'outside-bag';

export interface VerifyProblem {
  /** The file, as the bag folder joined with its path in the bag. */
  file: string;
  kind: VerifyProblemKind;
  message: string;
}

/**
 * Check a bag: required tag files, every manifest entry present with its digest, no unlisted
 * payload, Payload-Oxum. A file is named once per kind of problem, whatever the number of
 * manifests that see it. A bag folder that cannot be read is an I/O error (UserError, exit 2).
 */
export async function verifyBag(bagDir: string, shownAs = bagDir): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  const seen = new Set<string>();
  const say = (file: string, kind: VerifyProblemKind, message: string) => {
    if (seen.has(`${kind}\0${file}`)) return;
    seen.add(`${kind}\0${file}`);
    problems.push({ file: join(shownAs, file), kind, message });
  };
  let entries: string[];
  try {
    entries = readdirSync(bagDir).sort();
  } catch (err) {
    throw ioFailure(err, 'read', shownAs);
  }
  const declaration = readText(join(bagDir, 'bagit.txt'), join(shownAs, 'bagit.txt'));
  if (declaration === undefined) {
    say('bagit.txt', 'not-a-bag', 'missing: this is not a BagIt bag');
    return problems;
  }
  // exactly two lines, in this order (RFC 8493 §2.1.1)
  const declared = declaration.split(/\r?\n/);
  if (declared.at(-1) === '') declared.pop();
  const version = /^BagIt-Version: (\d+\.\d+)$/.exec(declared[0] ?? '')?.[1];
  if (!version) say('bagit.txt', 'malformed', 'first line must be "BagIt-Version: M.N"');
  else if (!['0.97', '1.0'].includes(version)) say('bagit.txt', 'unsupported-version', `BagIt-Version ${version}: teikit checks versions 1.0 (RFC 8493) and 0.97`);
  const encoding = /^Tag-File-Character-Encoding: *(\S+) *$/.exec(declared[1] ?? '')?.[1];
  if (!encoding) say('bagit.txt', 'malformed', 'second line must be "Tag-File-Character-Encoding: UTF-8"');
  else if (!/^utf-?8$/i.test(encoding)) say('bagit.txt', 'unsupported-version', `tag files in ${encoding}: teikit reads UTF-8 tag files only`);
  if (declared.length > 2) say('bagit.txt', 'malformed', `${declared.length} lines: a bagit.txt has exactly two`);
  const manifests = entries.filter((e) => /^manifest-[a-z0-9]+\.txt$/.test(e));
  // the digests a file is read for: those of this bag's manifests that teikit can check
  const algorithms = CHECKED.filter((alg) => entries.includes(`manifest-${alg}.txt`) || entries.includes(`tagmanifest-${alg}.txt`));
  if (manifests.length === 0) say('manifest-sha256.txt', 'missing', 'no payload manifest');
  let listing: PayloadListing = { files: [], others: [] };
  // data/ itself, and the tag files, are the bag's own: a link there could lead anywhere
  const links = ['data', ...entries.filter((e) => e.endsWith('.txt'))].filter((name) => lstatIsLink(join(bagDir, name)));
  for (const name of links) say(name, 'not-a-file', `a symbolic link, not the bag's own ${name === 'data' ? 'folder' : 'file'}`);
  try {
    if (!links.includes('data')) listing = listPayload(join(bagDir, 'data'));
  } catch {
    // no data/ folder: every listed file is missing
  }
  const inBag = (f: string) => relative(bagDir, f).split(sep).join('/');
  const payload = new Set(listing.files.map(inBag));
  // A payload is files: a symbolic link (to a file, a folder, anywhere) or a special file in data/
  // is neither a payload file nor nothing, whether a manifest lists its name or not.
  for (const other of listing.others) say(inBag(other.path), 'not-a-file', `${other.what} in data/, not a file: a bag's payload is files`);
  // a file listed in several manifests is read once, for all its digests
  const digests = new Map<string, Digest | undefined>();
  const digestOf = (path: string) => {
    if (!digests.has(path)) {
      try {
        digests.set(path, digestFile(join(bagDir, path), algorithms));
      } catch (err) {
        // not there (or a folder where a file is listed): missing; unreadable: the bag cannot be checked
        if (!['ENOENT', 'ENOTDIR', 'EISDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) throw ioFailure(err, 'read', join(shownAs, path));
        digests.set(path, undefined);
      }
    }
    return digests.get(path);
  };
  /** What each payload manifest lists (fetch.txt's files must be in all of them). */
  const listedBy = new Map<string, Set<string>>();
  for (const manifest of [...manifests, ...entries.filter((e) => /^tagmanifest-[a-z0-9]+\.txt$/.test(e))]) {
    const alg = manifest.replace(/^(tag)?manifest-|\.txt$/g, '');
    if (!(CHECKED as readonly string[]).includes(alg)) {
      say(manifest, 'unsupported-algorithm', `algorithm "${alg}" cannot be checked (teikit checks ${CHECKED.join(', ')})`);
      continue;
    }
    const listed = new Set<string>();
    if (!manifest.startsWith('tag')) listedBy.set(manifest, listed);
    const lines = (readText(join(bagDir, manifest), join(shownAs, manifest)) ?? '').split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      const m = /^([0-9a-fA-F]+)\s+(.+)$/.exec(line);
      if (!m) {
        say(`${manifest}:${i + 1}`, 'malformed', 'malformed line (expected "<digest> <path>")');
        continue;
      }
      const path = decodePath(m[2]!);
      listed.add(path);
      if (path.split('/').includes('..')) {
        say(`${manifest}:${i + 1}`, 'outside-bag', `path "${path}" leaves the bag`);
        continue;
      }
      const actual = digestOf(path);
      if (!actual) say(path, 'missing', `listed in ${manifest} but missing`);
      else if (actual[alg as Algorithm] !== m[1]!.toLowerCase()) say(path, 'changed', `changed: its ${alg} digest differs from ${manifest}`);
    }
    if (!manifest.startsWith('tag')) {
      for (const p of payload) if (!listed.has(p)) say(p, 'unlisted', `in data/ but not listed in ${manifest}`);
    }
  }
  const info = readText(join(bagDir, 'bag-info.txt'), join(shownAs, 'bag-info.txt')) ?? '';
  checkBagInfo(info, (kind, message) => say('bag-info.txt', kind, message));
  const oxum = /^Payload-Oxum:[ \t]*(\d+)\.(\d+)[ \t]*\r?$/im.exec(info);
  if (oxum) {
    let bytes = 0;
    for (const p of payload) bytes += digests.get(p)?.size ?? statSync(join(bagDir, p)).size;
    if (Number(oxum[1]) !== bytes || Number(oxum[2]) !== payload.size) {
      say('bag-info.txt', 'payload-oxum', `Payload-Oxum ${oxum[1]}.${oxum[2]} but the payload is ${bytes}.${payload.size}`);
    }
  }
  // files a fetch.txt says to fetch into the bag: a bag is complete only when they are there
  const fetch = readText(join(bagDir, 'fetch.txt'), join(shownAs, 'fetch.txt'));
  for (const [i, line] of (fetch ?? '').split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const m = /^(\S+)\s+(\d+|-)\s+(.+)$/.exec(line);
    if (!m) {
      say(`fetch.txt:${i + 1}`, 'malformed', 'malformed line (expected "<url> <length> <path>")');
      continue;
    }
    const path = decodePath(m[3]!);
    // a file to fetch is payload: under data/, listed in every payload manifest (RFC 8493 §2.2.3)
    if (path.split('/').includes('..')) say(`fetch.txt:${i + 1}`, 'outside-bag', `path "${path}" leaves the bag`);
    else if (!path.startsWith('data/')) say(`fetch.txt:${i + 1}`, 'malformed', `path "${path}" is not in data/: only payload is fetched`);
    else {
      for (const [manifest, listed] of listedBy) if (!listed.has(path)) say(path, 'unlisted', `listed in fetch.txt but not in ${manifest}`);
      if (!payload.has(path)) say(path, 'missing', `listed in fetch.txt to be fetched from ${m[1]}: teikit does not fetch, and the bag is not complete without it`);
    }
  }
  return problems;
}

/**
 * bag-info.txt's reserved fields that have a form (RFC 8493 §2.2.2), by name in lower case (the RFC
 * reads names in any case): Payload-Oxum `<octets>.<files>`, Bagging-Date a date, Bag-Count `N of
 * T` (or `N of ?`). verify checks a bag's fields against them, and deposit the fields it is given
 * before it makes anything: a bag it wrote with a malformed field would not verify.
 */
const FORMS: Record<string, { label: string; ok: (value: string) => boolean; form: string }> = {
  'payload-oxum': { label: 'Payload-Oxum', ok: (v) => /^\d+\.\d+$/.test(v), form: '<octets>.<files>' },
  'bagging-date': { label: 'Bagging-Date', ok: isCalendarDate, form: 'a date (YYYY-MM-DD)' },
  'bag-count': { label: 'Bag-Count', ok: isBagCount, form: '"N of T" with 1 ≤ N ≤ T (or "N of ?")' },
};

/** The fields of `info` whose value is not of their form, with that form in words. */
export function malformedBagInfo(info: BagInfo): { label: string; value: string; form: string }[] {
  return Object.entries(info).flatMap(([label, value]) => {
    const rule = FORMS[label.toLowerCase()];
    return rule && !rule.ok(value) ? [{ label: rule.label, value, form: rule.form }] : [];
  });
}

/**
 * A bag's bag-info.txt against the forms above; Payload-Oxum once only (it MUST NOT be repeated;
 * the others SHOULD NOT, which does not make a bag invalid).
 */
function checkBagInfo(info: string, say: (kind: VerifyProblemKind, message: string) => void): void {
  const values = (name: string) => [...info.matchAll(new RegExp(`^${name}:[ \\t]*(.*?)[ \\t]*\\r?$`, 'gmi'))].map((m) => m[1]!);
  const oxums = values('Payload-Oxum');
  if (oxums.length > 1) say('malformed', `Payload-Oxum is given ${oxums.length} times; it must be given once`);
  for (const [name, { label, ok, form }] of Object.entries(FORMS)) {
    for (const value of values(name)) if (!ok(value)) say(name === 'payload-oxum' ? 'payload-oxum' : 'malformed', `${label} "${value}" is not ${form}`);
  }
}

/** `N of T` with 1 ≤ N ≤ T, or `N of ?` (the total not known yet). */
function isBagCount(text: string): boolean {
  const m = /^(\d+) of (\d+|\?)$/.exec(text);
  return m !== null && Number(m[1]) >= 1 && (m[2] === '?' || Number(m[1]) <= Number(m[2]));
}

/** `YYYY-MM-DD` that names a day of the calendar (not 2020-13-45). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A tag file's text; undefined when it is not there. One that is there but cannot be read (a
 * folder in its place, no permission) is an I/O error: the bag cannot be checked, not "valid". */
function readText(path: string, shown: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioFailure(err, 'read', shown);
  }
}

function lstatIsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

interface PayloadListing {
  files: string[];
  /** What data/ holds that is neither a file nor a folder (links are not followed). */
  others: { path: string; what: string }[];
}

function listPayload(dir: string, out: PayloadListing = { files: [], others: [] }): PayloadListing {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) listPayload(p, out);
    else if (entry.isFile()) out.files.push(p);
    else out.others.push({ path: p, what: entry.isSymbolicLink() ? 'a symbolic link' : 'a special file' });
  }
  return out;
}

/** The digests (teikit's two by default) and the size of what `feed` gives, chunk by chunk. */
function digest(feed: (update: (chunk: Uint8Array) => void) => void, algorithms: readonly Algorithm[] = ALGORITHMS): Digest {
  const hashes = algorithms.map((a) => createHash(a));
  let size = 0;
  feed((chunk) => {
    size += chunk.byteLength;
    for (const h of hashes) h.update(chunk);
  });
  const out: Digest = { size };
  algorithms.forEach((a, i) => (out[a] = hashes[i]!.digest('hex')));
  return out;
}

/** One read buffer for every file (the file work is synchronous, so it is never shared). */
const chunk = Buffer.allocUnsafe(1 << 20);

/** A file's digests, read in chunks: a payload file may be larger than memory (or than the 2 GiB a
 * single read can return). */
function digestFile(path: string, algorithms: readonly Algorithm[]): Digest {
  const fd = openSync(path, 'r');
  try {
    return digest((update) => {
      for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) update(chunk.subarray(0, n));
    }, algorithms);
  } finally {
    closeSync(fd);
  }
}

/** RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded; separators are "/". */
function encodePath(p: string): string {
  return p.split(sep).join('/').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function decodePath(p: string): string {
  return p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}
