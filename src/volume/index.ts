/**
 * Volume editions (docs/encoding.md, "Volumes"): TEI files of works → the print volumes they
 * belong to → per volume one TEI (a teiCorpus, validated by teikit's schema and rules before it
 * is written) and one EPUB 3 whose page list holds every print page present, in print order.
 * The CLI (`teikit volume`) only wraps buildVolumes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic, Publication } from '../model/types.js';
import { diagnostic, formatDiagnostic, UserError } from '../model/diagnostics.js';
import { walk } from '../batch/sources.js';
import { ioFailure } from '../util/io-errors.js';
import { writeFileAtomic } from '../util/files.js';
import { validateTei, isValid } from '../validate/index.js';
import { decodeXmlText } from '../validate/decode.js';
import { renderEpub } from '../render/epub.js';
import { parseXmlTree } from './tree.js';
import { readMember, type VolumeMember } from './member.js';
import { groupVolumes, type Volume } from './group.js';
import { memberPrefix, writeVolumeTei } from './tei.js';
import { carryMemberImages } from './images.js';

export { groupVolumes, pageRanges, volumeKey, type Volume, type MissingPages, type MemberSpan } from './group.js';
export { readMember, type VolumeMember, type PrintBook } from './member.js';
export { writeVolumeTei } from './tei.js';
export { parseXmlTree } from './tree.js';

export interface BuildVolumesOptions {
  outDir: string;
  cwd?: string;
  /** Volumes with fewer works are not built (default 2: a volume of one work is that work's edition). */
  minWorks?: number;
  /** Publication data of the volume editions; default: what all members share, their latest date. */
  publication?: Publication;
  onDiagnostic?: (d: Diagnostic) => void;
  /** A volume written: its TEI and EPUB paths (as `outDir` joined with the volume id). */
  onVolume?: (volume: Volume, files: { tei: string; epub: string }) => void;
}

export interface BuildVolumesResult {
  volumes: { volume: Volume; files: { tei: string; epub: string } }[];
  /** Inputs left out: not valid TEI (their errors were reported). */
  failed: string[];
  /** Valid TEI whose header names no print volume. */
  noVolume: string[];
  /** Volumes with fewer than minWorks works, not built. */
  skipped: Volume[];
}

/** The TEI files among the inputs: files as named, folders searched for `*.tei.xml` (not inside BagIt bags). */
export async function findTeiFiles(inputs: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch((err: NodeJS.ErrnoException) => {
      throw ioFailure(err, 'read', input);
    });
    if (!info.isDirectory()) files.push(input);
    // a BagIt bag (teikit build's out/bags/) holds copies of the works: not read twice
    else await walk(input, abs, files, (name) => name.endsWith('.tei.xml'), (dir) => existsSync(join(dir, 'bagit.txt')));
  }
  if (files.length === 0) throw new UserError(`teikit volume: no TEI file (*.tei.xml) in ${inputs.join(', ')}`, 2);
  return files;
}

/** Read and validate each TEI; the members among them (valid, in a print volume). */
export async function readMembers(files: string[], cwd: string, report: (d: Diagnostic) => void): Promise<{ members: VolumeMember[]; failed: string[]; noVolume: string[] }> {
  const members: VolumeMember[] = [];
  const failed: string[] = [];
  const noVolume: string[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const bytes = await readFile(resolve(cwd, file)).catch((err: NodeJS.ErrnoException) => {
      throw ioFailure(err, 'read', file);
    });
    // a member must be house TEI: the volume is validated with the same schema and rules
    const problems = await validateTei(bytes, file);
    if (!isValid(problems)) {
      // its warnings are the work's own affair; its errors are why it is left out
      problems.filter((d) => d.severity === 'error').forEach(report);
      failed.push(file);
      continue;
    }
    // decoded as validate decoded it (UTF-16, ISO-8859-1), not as UTF-8 whatever it is
    const member = readMember(parseXmlTree(decodeXmlText(bytes, file), file), file);
    if (!member) {
      noVolume.push(file);
      continue;
    }
    const earlier = seen.get(member.id);
    if (earlier !== undefined) {
      report(diagnostic('warning', 'volume-duplicate', `the work ${member.id} is already read from ${earlier}: this copy is left out`, { file }));
      continue;
    }
    seen.set(member.id, file);
    members.push(member);
  }
  return { members, failed, noVolume };
}

/** What all members share of their publication data; the latest date (so a rebuild gives the same bytes). */
export function sharedPublication(members: VolumeMember[]): Publication {
  const one = <T>(values: T[]) => (new Set(values).size === 1 ? values[0] : undefined);
  const pubs = members.map((m) => m.publication);
  const licence = one(pubs.map((p) => p.licence));
  const url = one(pubs.map((p) => p.licenceUrl));
  const dates = pubs.map((p) => p.date).filter((d): d is string => !!d).sort();
  return {
    publisher: one(pubs.map((p) => p.publisher)) || 'teikit',
    licence: { text: licence || 'Unknown', ...(licence && url ? { url } : {}) },
    date: dates.at(-1) ?? '2000-01-01',
  };
}

/** The volume's TEI, refused (a teikit bug) unless teikit's own schema and rules accept it. */
export async function volumeTei(volume: Volume, publication: Publication, images?: Map<string, Map<string, string>>): Promise<string> {
  const tei = writeVolumeTei(volume, publication, images);
  const problems = (await validateTei(tei, `${volume.id}.tei.xml`)).filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    throw new UserError(`${volume.id}.tei.xml: error invalid-tei: teikit produced a volume TEI that its own schema and rules reject, so nothing is written (please report this): ${formatDiagnostic(problems[0]!)}`, 1);
  }
  return tei;
}

export async function buildVolumes(inputs: string[], opts: BuildVolumesOptions): Promise<BuildVolumesResult> {
  const cwd = opts.cwd ?? process.cwd();
  const report = opts.onDiagnostic ?? (() => undefined);
  const files = await findTeiFiles(inputs, cwd);
  const { members, failed, noVolume } = await readMembers(files, cwd, report);
  const minWorks = opts.minWorks ?? 2;
  const all = groupVolumes(members);
  const result: BuildVolumesResult = { volumes: [], failed, noVolume, skipped: all.filter((v) => v.members.length < minWorks) };
  for (const volume of all.filter((v) => v.members.length >= minWorks)) {
    volume.diagnostics.forEach(report);
    const pub = opts.publication ?? sharedPublication(volume.members.map((s) => s.member));
    const dir = join(opts.outDir, volume.id);
    const written = { tei: join(dir, `${volume.id}.tei.xml`), epub: join(dir, `${volume.id}.epub`) };
    // Made whole in a staging folder beside the final one, then renamed into place: a failure
    // leaves no half-made volume, and the images travel with the TEI.
    const stage = resolve(cwd, opts.outDir, `.${volume.id}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const images = new Map<string, Map<string, string>>();
      for (const { member } of volume.members) images.set(member.id, await carryMemberImages(member, memberPrefix(member), stage, cwd));
      const tei = await volumeTei(volume, pub, images);
      const epub = await renderEpub(tei, {
        source: `${volume.id}.tei.xml`,
        assetsDir: stage,
        // gathered from beside each work's TEI into the staging folder: named so in messages
        assetsNamed: 'beside its work\'s TEI',
        onWarning: (line) => report(diagnostic('warning', 'volume-epub', line.replace(/^.*?warning [\w-]+: /, ''), { file: written.epub })),
      });
      await writeFileAtomic(join(stage, `${volume.id}.tei.xml`), tei, written.tei);
      await writeFileAtomic(join(stage, `${volume.id}.epub`), epub, written.epub);
      await rm(resolve(cwd, dir), { recursive: true, force: true });
      await rename(stage, resolve(cwd, dir)).catch((err: NodeJS.ErrnoException) => {
        throw ioFailure(err, 'write', dir);
      });
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
    result.volumes.push({ volume, files: written });
    opts.onVolume?.(volume, written);
  }
  return result;
}
