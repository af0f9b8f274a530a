/**
 * BagIt packages (RFC 8493) for deposit in digital archives: `data/` holds the payload, SHA-256 and
 * SHA-512 manifests fix every byte, `bag-info.txt` says what the bag is. Written to a temporary folder
 * and renamed into place, so a failed deposit leaves nothing half-made.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../model/diagnostics.js';
import { toolVersion } from '../util/version.js';
import { ioFailure } from '../util/io-errors.js';
import { buildDate } from '../util/build-date.js';

const ALGORITHMS = ['sha256', 'sha512'] as const;
type Algorithm = (typeof ALGORITHMS)[number];

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
  const source = await stat(payload).catch((err) => {
    throw ioFailure(err, 'read', payload);
  });
  if (await exists(bagDir)) throw new UserError(`cannot write ${bagDir}: already exists; choose a new folder for the bag`, 2);
  const tmp = join(dirname(bagDir), `.${basename(bagDir)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const data = join(tmp, 'data');
    await mkdir(data, { recursive: true });
    if (source.isDirectory()) await cp(payload, data, { recursive: true });
    else await cp(payload, join(data, basename(payload)));
    const files = await listFiles(data);
    const sums = await Promise.all(files.map((f) => digestFile(f)));
    let bytes = 0;
    for (const f of files) bytes += (await stat(f)).size;
    await writeFile(join(tmp, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    for (const alg of ALGORITHMS) {
      const lines = files.map((f, i) => `${sums[i]![alg]}  ${encodePath(relative(tmp, f))}`);
      await writeFile(join(tmp, `manifest-${alg}.txt`), lines.join('\n') + '\n');
    }
    const fields: BagInfo = {
      'Bagging-Date': now.toISOString().slice(0, 10),
      'Bag-Software-Agent': `teikit ${toolVersion()}`,
      'Payload-Oxum': `${bytes}.${files.length}`,
      ...info,
    };
    const infoText = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v.replace(/\r?\n/g, '\n  ')}`)
      .join('\n');
    await writeFile(join(tmp, 'bag-info.txt'), infoText + '\n');
    const tagFiles = ['bagit.txt', 'bag-info.txt', ...ALGORITHMS.map((a) => `manifest-${a}.txt`)];
    for (const alg of ALGORITHMS) {
      const lines = await Promise.all(
        tagFiles.map(async (t) => `${(await digestFile(join(tmp, t)))[alg]}  ${t}`),
      );
      await writeFile(join(tmp, `tagmanifest-${alg}.txt`), lines.join('\n') + '\n');
    }
    await rename(tmp, bagDir);
    return { bag: bagDir, files: files.length, bytes, payload: files.map((f) => encodePath(relative(tmp, f))) };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** What is wrong: a changed, missing or unlisted file, or a fault of the bag's own tag files. */
export type VerifyProblemKind = 'changed' | 'missing' | 'unlisted' | 'payload-oxum' | 'not-a-bag' | 'malformed' | 'unsupported-algorithm' | 'outside-bag';

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
  const entries = await readdir(bagDir).catch((err) => {
    throw ioFailure(err, 'read', shownAs);
  });
  entries.sort();
  const declaration = await readFile(join(bagDir, 'bagit.txt'), 'utf8').catch(() => undefined);
  if (declaration === undefined) {
    say('bagit.txt', 'not-a-bag', 'missing: this is not a BagIt bag');
    return problems;
  }
  if (!/^BagIt-Version: \d+\.\d+\r?\n/.test(declaration)) say('bagit.txt', 'malformed', 'first line must be "BagIt-Version: M.N"');
  const manifests = entries.filter((e) => /^manifest-[a-z0-9]+\.txt$/.test(e));
  if (manifests.length === 0) say('manifest-sha256.txt', 'missing', 'no payload manifest');
  const payload = new Set((await listFiles(join(bagDir, 'data')).catch(() => [])).map((f) => relative(bagDir, f).split(sep).join('/')));
  for (const manifest of [...manifests, ...entries.filter((e) => /^tagmanifest-[a-z0-9]+\.txt$/.test(e))]) {
    const alg = manifest.replace(/^(tag)?manifest-|\.txt$/g, '');
    if (!(ALGORITHMS as readonly string[]).includes(alg)) {
      say(manifest, 'unsupported-algorithm', `unsupported algorithm "${alg}"`);
      continue;
    }
    const listed = new Set<string>();
    const lines = (await readFile(join(bagDir, manifest), 'utf8')).split(/\r?\n/);
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
      const actual = await digestFile(join(bagDir, path)).catch(() => undefined);
      if (!actual) say(path, 'missing', `listed in ${manifest} but missing`);
      else if (actual[alg as Algorithm] !== m[1]!.toLowerCase()) say(path, 'changed', `changed: its ${alg} digest differs from ${manifest}`);
    }
    if (!manifest.startsWith('tag')) {
      for (const p of payload) if (!listed.has(p)) say(p, 'unlisted', `in data/ but not listed in ${manifest}`);
    }
  }
  const info = await readFile(join(bagDir, 'bag-info.txt'), 'utf8').catch(() => '');
  const oxum = /^Payload-Oxum:\s*(\d+)\.(\d+)/m.exec(info);
  if (oxum) {
    let bytes = 0;
    for (const p of payload) bytes += (await stat(join(bagDir, p))).size;
    if (Number(oxum[1]) !== bytes || Number(oxum[2]) !== payload.size) {
      say('bag-info.txt', 'payload-oxum', `Payload-Oxum ${oxum[1]}.${oxum[2]} but the payload is ${bytes}.${payload.size}`);
    }
  }
  return problems;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

function digestFile(path: string): Promise<Record<Algorithm, string>> {
  return new Promise((resolve, reject) => {
    const hashes = ALGORITHMS.map((a) => createHash(a));
    createReadStream(path)
      .on('data', (chunk) => hashes.forEach((h) => h.update(chunk)))
      .on('error', reject)
      .on('end', () => resolve({ sha256: hashes[0]!.digest('hex'), sha512: hashes[1]!.digest('hex') }));
  });
}

/** RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded; separators are "/". */
function encodePath(p: string): string {
  return p.split(sep).join('/').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function decodePath(p: string): string {
  return p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}
