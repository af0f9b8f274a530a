import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { BagInfo } from './bagit.js';

/**
 * bag-info.txt fields from the TEI header of the payload (a TEI file, or the first `*.tei.xml` in a
 * folder): what an archive's ingest shows for the bag. Entities are never expanded.
 */
export async function bagInfoFromTei(payload: string): Promise<BagInfo> {
  const teiFile = (await stat(payload)).isDirectory()
    ? (await readdir(payload)).filter((f) => f.endsWith('.tei.xml')).map((f) => join(payload, f))[0]
    : payload.endsWith('.xml') ? payload : undefined;
  if (!teiFile) return {};
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: false, isArray: () => false });
  let header: Record<string, any>;
  try {
    header = parser.parse(await readFile(teiFile, 'utf8'))?.TEI?.teiHeader?.fileDesc ?? {};
  } catch {
    return {};
  }
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as any)['#text']) : undefined;
  const info: BagInfo = {};
  const idno = text(header.publicationStmt?.idno);
  const title = text(Array.isArray(header.titleStmt?.title) ? header.titleStmt.title[0] : header.titleStmt?.title);
  const author = text(header.titleStmt?.author);
  const publisher = text(header.publicationStmt?.publisher);
  if (publisher) info['Source-Organization'] = publisher;
  if (idno) info['External-Identifier'] = idno;
  if (title) info['External-Description'] = author ? `${author}, ${title} (TEI P5 edition)` : `${title} (TEI P5 edition)`;
  return info;
}
