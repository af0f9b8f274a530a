/**
 * The edition's persistent identifier: one UUID, written in the TEI (`publicationStmt/idno
 * type="UUID"`) and carried by the EPUB as its `dc:identifier`. Made here only, so the two never
 * differ, and stable: a version-5 UUID (RFC 4122, name-based) of what names the source, so the
 * same source gives the same identifier on every run and machine.
 */
import { createHash } from 'node:crypto';
import type { Edition } from './types.js';

/** RFC 4122 version-5 UUID of a name in the URL namespace. */
export function uuidV5(name: string): string {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * What the identifier is made from: the base source's address on its site where it is known
 * (edition.json's `url`, or an address the page states), else teikit's id of the edition
 * (`teikit:SU39`, from the base file's name or edition.json's `id`) — the name an EPUB of a TEI
 * without a UUID is identified by, so both agree there too.
 */
export function identifierName(edition: Pick<Edition, 'id' | 'witnesses' | 'baseWitness'>): string {
  const base = edition.witnesses.find((w) => w.id === edition.baseWitness);
  const url = base && base.kind !== 'print' ? base.url?.trim() : undefined;
  return url ? url : idnoName(edition.id);
}

/** The name of a TEI's teikit idno (`teikit:SU39`): the fallback for a TEI that carries no UUID. */
export function idnoName(idno: string): string {
  return `teikit:${idno}`;
}

/** The edition's persistent identifier (a UUID, lower case, without `urn:uuid:`). */
export function editionUuid(edition: Pick<Edition, 'id' | 'witnesses' | 'baseWitness'>): string {
  return uuidV5(identifierName(edition));
}
