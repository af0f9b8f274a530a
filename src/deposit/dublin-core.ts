/**
 * The Dublin Core record of an edition (oai_dc), made from its teiHeader by xslt/dc.xsl. The TEI
 * passes the one XML safety gate and the well-formedness check first (render/saxon.ts checkXml).
 * The record's fields are read back (saxes) to fill bag-info.txt, so that the bag and its record
 * always say the same thing.
 */
import { SaxesParser } from '../util/saxes.js';
import { requireTei, runChecked, checkXml } from '../render/saxon.js';
import type { ParsedTei } from '../render/parsed.js';

const DC_NS = 'http://purl.org/dc/elements/1.1/';

export interface DublinCore {
  /** The oai_dc record, serialized. */
  xml: string;
  /** Its elements by local name (title, creator, identifier, …), in document order. */
  fields: Record<string, string[]>;
}

/** `tei`: its text, or the TEI already checked and parsed for the renditions (parsed.ts). */
export function dublinCore(tei: string | ParsedTei, file: string): DublinCore {
  requireTei(typeof tei === 'string' ? checkXml(tei, file) : tei.facts, file);
  const xml = runChecked('builtin:dc', tei, file, {}).principal;
  return { xml: xml.endsWith('\n') ? xml : `${xml}\n`, fields: dcFields(xml) };
}

function dcFields(xml: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const parser = new SaxesParser({ xmlns: true });
  let current: string | undefined;
  let text = '';
  parser.on('opentag', (tag) => {
    if (tag.uri === DC_NS) {
      current = tag.local;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (current) text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === DC_NS && current) {
      (fields[current] ??= []).push(text.trim());
      current = undefined;
    }
  });
  parser.write(xml).close();
  return fields;
}
