/**
 * The document element of an XML file, read from its first bytes: what `teikit validate <folder>`
 * needs to tell a TEI file from the other XML files a folder holds (a bag's Dublin Core record,
 * `data/metadata/dc.xml`, an EPUB's unpacked package), without parsing them whole.
 */
import { open } from 'node:fs/promises';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** The first start tag's name and namespace, when the first 8 KB hold it (else undefined). */
export function rootOf(head: string): { name: string; namespace: string | undefined } | undefined {
  // prolog: the XML declaration, comments, processing instructions, a DOCTYPE without subset
  const text = head.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*>/g, '');
  const m = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/.exec(text);
  if (!m || text.slice(0, m.index).trim()) return undefined;
  const [prefix, local] = m[1]!.includes(':') ? m[1]!.split(':') : [undefined, m[1]!];
  const decl = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(m[2]!);
  return { name: local!, namespace: decl?.[2] };
}

/**
 * Whether a file is clearly not TEI: its document element is neither `TEI` nor `teiCorpus`, and
 * not in the TEI namespace. A `<TEI>` in no namespace is TEI gone wrong, and is validated (and
 * refused); a file whose start cannot be read this way is validated too.
 */
export async function isOtherXml(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const root = rootOf(buffer.subarray(0, bytesRead).toString('utf8'));
    if (!root) return false;
    return root.namespace !== TEI_NS && root.name !== 'TEI' && root.name !== 'teiCorpus';
  } finally {
    await handle.close();
  }
}
