/**
 * bag-info.txt fields from the TEI header (through the edition's Dublin Core record): what an
 * archive's ingest shows for the bag. Options given by the user (`--contact-name` …) win.
 */
import { readFile } from 'node:fs/promises';
import type { BagInfo } from './bagit.js';
export { BAG_INFO_OPTIONS } from '../names.js';
import { dublinCore, type DublinCore } from './dublin-core.js';
import { ioFailure } from '../util/io-errors.js';
import { decodeXmlText } from '../validate/decode.js';


/** Source-Organization (publisher), External-Identifier (idno), External-Description (author, title). */
export function bagInfoFromDublinCore(dc: DublinCore): BagInfo {
  const first = (name: string) => dc.fields[name]?.find((v) => v !== '');
  const info: BagInfo = {};
  const publisher = first('publisher');
  const identifier = first('identifier');
  const title = first('title');
  const creators = (dc.fields['creator'] ?? []).filter((v) => v !== '').join(', ');
  if (publisher) info['Source-Organization'] = publisher;
  if (identifier) info['External-Identifier'] = identifier;
  if (title) info['External-Description'] = creators ? `${creators}, ${title} (TEI P5 edition)` : `${title} (TEI P5 edition)`;
  return info;
}

/** bag-info fields from a TEI file. */
export async function bagInfoFromTei(teiFile: string): Promise<BagInfo> {
  const bytes = await readFile(teiFile).catch((err) => {
    throw ioFailure(err, 'read', teiFile);
  });
  return bagInfoFromDublinCore(dublinCore(decodeXmlText(bytes, teiFile), teiFile));
}
