/**
 * The deposit package of a built edition: one BagIt bag holding the TEI, the report, the renditions
 * and the sources it was made from (data/sources/), so that an archive keeps the evidence with the
 * edition, and the edition's Dublin Core record (data/metadata/dc.xml, made from the teiHeader by
 * xslt/dc.xsl). bag-info.txt takes its fields from that record; `info` (the user's) wins. A
 * rebuild replaces the old bag only once the new one is complete and verified.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sealBag, verifyBag, type BagInfo, type DepositResult } from './bagit.js';
import { copyTree, makeDirs } from '../util/files.js';
import { dublinCore, type DublinCore } from './dublin-core.js';
import { bagInfoFromDublinCore } from './bag-info.js';
import { UserError } from '../model/diagnostics.js';
import { ioFailure } from '../util/io-errors.js';
import { DC_PATH } from '../names.js';
import { decodeXmlText } from '../validate/decode.js';
export { DC_PATH };


export interface EditionBag extends DepositResult {
  /** Every bag-info.txt field but the computed ones (Bagging-Date, Bag-Software-Agent, Payload-Oxum). */
  info: BagInfo;
}

/** `record`: the edition's Dublin Core record when the caller has made it from the same TEI
 * (a build has the TEI parsed for its renditions); else it is made from the TEI in builtDir. */
export async function bagEdition(builtDir: string, sourceFiles: string[], bagDir: string, info: BagInfo = {}, record?: DublinCore): Promise<EditionBag> {
  const teiName = readdirSync(builtDir).filter((f) => f.endsWith('.tei.xml')).sort()[0];
  if (!teiName) throw new UserError(`${builtDir}: no TEI file (*.tei.xml) to deposit`);
  const dc = record ?? dublinCore(decodeXmlText(readFileSync(join(builtDir, teiName)), join(builtDir, teiName)), join(builtDir, teiName));
  const fields = { ...bagInfoFromDublinCore(dc), ...info };
  makeDirs(dirname(bagDir));
  const work = mkdtempSync(join(dirname(bagDir), `.${basename(bagDir)}.`));
  try {
    // the payload is copied once, straight into the new bag's data/
    const fresh = join(work, 'bag');
    const data = join(fresh, 'data');
    copyTree(builtDir, data);
    if (sourceFiles.length > 0) makeDirs(join(data, 'sources'));
    for (const file of sourceFiles) {
      try {
        copyFileSync(file, join(data, 'sources', basename(file)));
      } catch (err) {
        // the bag's folder was just made: what fails is reading the source
        throw ioFailure(err, 'read', file);
      }
    }
    makeDirs(join(data, 'metadata'));
    writeFileSync(join(data, 'metadata', 'dc.xml'), dc.xml);
    const result = sealBag(fresh, fields);
    const problems = await verifyBag(fresh);
    if (problems.length > 0) throw new Error(`the new bag does not verify: ${problems[0]!.file}: ${problems[0]!.message}`);
    const old = join(work, 'old');
    try {
      renameSync(bagDir, old);
    } catch {
      // no old bag
    }
    renameSync(fresh, bagDir);
    return { ...result, bag: bagDir, info: fields };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
