/**
 * The deposit package of a built edition: one BagIt bag holding the TEI, the report, the renditions
 * and the sources it was made from (data/sources/), so that an archive keeps the evidence with the
 * edition. A rebuild replaces the old bag only once the new one is complete and verified.
 */
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createBag, verifyBag, type BagInfo, type DepositResult } from './bagit.js';

export async function bagEdition(builtDir: string, sourceFiles: string[], bagDir: string, info: BagInfo): Promise<DepositResult> {
  await mkdir(dirname(bagDir), { recursive: true });
  const work = await mkdtemp(join(dirname(bagDir), `.${basename(bagDir)}.`));
  try {
    const payload = join(work, 'payload');
    await cp(builtDir, payload, { recursive: true });
    for (const file of sourceFiles) await cp(file, join(payload, 'sources', basename(file)));
    const fresh = join(work, 'bag');
    const result = await createBag(payload, fresh, info);
    const problems = await verifyBag(fresh);
    if (problems.length > 0) throw new Error(`the new bag does not verify: ${problems[0]!.file}: ${problems[0]!.message}`);
    const old = join(work, 'old');
    await rename(bagDir, old).catch(() => undefined);
    await rename(fresh, bagDir);
    return { ...result, bag: bagDir };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
