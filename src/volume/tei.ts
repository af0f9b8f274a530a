/**
 * A volume as one TEI (docs/encoding.md, "Volumes"): a `teiCorpus` whose own teiHeader describes
 * the print volume (collection, volume, editors, editions, imprint, the pages the collection
 * spans), says which print pages are present and which lie between two works with no work of the
 * collection to hold them, and lists the works; then each work's TEI as a member, in print order,
 * its ids prefixed with its own id (`SU39.n1`) so that they stay unique in the one document.
 */
import type { Publication } from '../model/types.js';
import { XmlNode } from '../tei/builder.js';
import { att, child, indent, isoDate, ncName, TEI_NS, text, uri, type El } from '../tei/xml.js';
import { attr, serialize, type XmlElement } from './tree.js';
import { pageRanges, type Volume } from './group.js';
import type { VolumeMember } from './member.js';

const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', zh: 'Chinese', ru: 'Russian', es: 'Spanish' };

/** Values in first-seen order, each once. */
const distinct = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];

/** The prefix a member's ids get in the volume: its id as an NCName. */
export function memberPrefix(m: VolumeMember): string {
  return ncName(m.id);
}

/** The volume TEI; `images` gives, per member id, the image urls changed by carryMemberImages. */
export function writeVolumeTei(volume: Volume, pub: Publication, images: Map<string, Map<string, string>> = new Map()): string {
  const members = volume.members.map((s) => s.member);
  const doc = XmlNode.document();
  const corpus = doc.ele(TEI_NS, 'teiCorpus');
  att(corpus, 'xml:lang', members[0]?.language ?? 'en');
  writeVolumeHeader(corpus, volume, pub);
  indent(corpus, 0);
  const shell = `<?xml version="1.0" encoding="UTF-8"?>\n${doc.end({ headless: true })}\n`;
  const close = shell.lastIndexOf('</teiCorpus>');
  const parts = members.map((m) => `  ${memberXml(m, images.get(m.id))}\n`);
  return `${shell.slice(0, close)}${parts.join('')}${shell.slice(close)}`;
}

function writeVolumeHeader(corpus: El, volume: Volume, pub: Publication): void {
  const members = volume.members.map((s) => s.member);
  const print = members.map((m) => m.print);
  const header = child(corpus, 'teiHeader', 1);
  const fileDesc = child(header, 'fileDesc', 2);

  const titleStmt = child(fileDesc, 'titleStmt', 3);
  text(att(child(titleStmt, 'title', 4), 'type', 'main'), `${volume.collection}, Volume ${volume.volume.text}`);
  text(att(child(titleStmt, 'title', 4), 'type', 'sub'), `The ${members.length} work(s) of the collection printed in this volume, in print order`);
  for (const a of distinct(members.flatMap((m) => m.authors))) text(child(titleStmt, 'author', 4), a);
  if (!members.some((m) => m.authors.length)) text(child(titleStmt, 'author', 4), '[Unknown]');
  for (const e of distinct(print.flatMap((p) => p.editors))) text(child(titleStmt, 'editor', 4), e);
  const resp = att(child(titleStmt, 'respStmt', 4), 'xml:id', 'teikit');
  resp.ele('resp').txt('TEI encoding of the volume');
  text(resp.ele('name'), pub.encoder || 'teikit');
  indent(titleStmt, 3);

  const pubStmt = child(fileDesc, 'publicationStmt', 3);
  text(child(pubStmt, 'publisher', 4), pub.publisher);
  text(att(child(pubStmt, 'date', 4), 'when', isoDate(pub.date)), pub.date);
  const licence = child(pubStmt, 'availability', 4).ele('licence');
  att(licence, 'target', pub.licence.url ? uri(pub.licence.url) : undefined);
  text(licence, pub.licence.text);
  text(att(child(pubStmt, 'idno', 4), 'type', 'teikit'), volume.id);
  indent(pubStmt, 3);

  const notes = child(fileDesc, 'notesStmt', 3);
  text(att(child(notes, 'note', 4), 'type', 'pages'), presentNote(volume));
  for (const gap of volume.missing) {
    const range = gap.from === gap.to ? `page ${gap.from}` : `pages ${gap.from}-${gap.to}`;
    text(att(child(notes, 'note', 4), 'type', 'missing'), `Missing from the collection: ${range} (${Number(gap.to) - Number(gap.from) + 1} page(s)), between “${gap.after.title}” and “${gap.before.title}”: the work(s) printed there are not in the collection.`);
  }
  if (volume.missing.length === 0 && members.length > 1) {
    text(att(child(notes, 'note', 4), 'type', 'missing'), 'No page is missing between the works of the collection: each begins where the one before it ends.');
  }
  indent(notes, 3);

  const sourceDesc = child(fileDesc, 'sourceDesc', 3);
  const bs = att(att(child(sourceDesc, 'biblStruct', 4), 'xml:id', 'volume'), 'type', 'print');
  const monogr = child(bs, 'monogr', 5);
  for (const a of distinct(print.flatMap((p) => p.authors))) text(child(monogr, 'author', 6), a);
  text(att(child(monogr, 'title', 6), 'level', 'm'), volume.collection);
  for (const e of distinct(print.flatMap((p) => p.editors))) text(child(monogr, 'editor', 6), e);
  for (const e of distinct(print.flatMap((p) => p.editions))) text(child(monogr, 'edition', 6), e);
  const imprint = child(monogr, 'imprint', 6);
  for (const p of distinct(print.flatMap((p) => p.place))) text(child(imprint, 'pubPlace', 7), p);
  const publishers = distinct(print.flatMap((p) => p.publisher));
  for (const p of publishers.length ? publishers : ['[s.n.]']) text(child(imprint, 'publisher', 7), p);
  const dates = new Map(print.flatMap((p) => p.date).map((d) => [d.text, d]));
  for (const d of dates.values()) text(att(child(imprint, 'date', 7), 'when', isoDate(d.when)), d.text);
  indent(imprint, 6);
  text(att(att(child(monogr, 'biblScope', 6), 'unit', 'volume'), 'n', volume.volume.n), volume.volume.text);
  const first = volume.members.find((s) => s.first)?.first;
  const last = volume.members.map((s) => s.last).filter(Boolean).at(-1);
  if (first && last) {
    const scope = att(att(att(child(monogr, 'biblScope', 6), 'unit', 'page'), 'from', first), 'to', last);
    text(scope, `${first}-${last}`);
  }
  indent(monogr, 5);
  indent(bs, 4);

  const list = att(child(sourceDesc, 'listBibl', 4), 'type', 'contents');
  text(child(list, 'head', 5), 'Works of the collection in this volume, in print order');
  for (const s of volume.members) {
    const bibl = att(att(child(list, 'bibl', 5), 'type', 'work'), 'corresp', `#${memberPrefix(s.member)}`);
    text(att(child(bibl, 'title', 6), 'level', 'a'), s.member.title);
    for (const a of s.member.authors) text(child(bibl, 'author', 6), a);
    if (s.first && s.last) {
      const scope = att(att(att(child(bibl, 'biblScope', 6), 'unit', 'page'), 'from', s.first), 'to', s.last);
      text(scope, s.first === s.last ? s.first : `${s.first}-${s.last}`);
    }
    indent(bibl, 5);
  }
  indent(list, 4);
  indent(sourceDesc, 3);
  indent(fileDesc, 2);

  const profile = child(header, 'profileDesc', 2);
  const lang = members[0]?.language ?? 'en';
  text(att(child(profile, 'langUsage', 3).ele('language'), 'ident', lang), LANGUAGES[lang] ?? lang);
  indent(profile, 2);
  const change = child(child(header, 'revisionDesc', 2), 'change', 3);
  att(att(change, 'when', isoDate(pub.date)), 'who', '#teikit');
  text(change, `Assembled by teikit from the TEI of ${members.length} work(s): ${members.map((m) => m.id).join(', ')}.`);
  indent(change.up(), 2);
  indent(header, 1);
}

function presentNote(volume: Volume): string {
  const n = volume.pages.length;
  if (n === 0) return 'No print page is marked in the works of this volume.';
  return `Print pages present (${n}): ${pageRanges(volume.pages)}.`;
}

/** A member's TEI with its ids prefixed (`SU39.n1`) and its same-document pointers with them. */
export function memberXml(m: VolumeMember, images: Map<string, string> = new Map()): string {
  const prefix = memberPrefix(m);
  const ids = new Set<string>();
  const collect = (e: XmlElement) => {
    const id = attr(e, 'xml:id');
    if (id) ids.add(id);
    for (const c of e.children) if (c.kind === 'element') collect(c);
  };
  collect(m.root);
  const root: XmlElement = {
    ...m.root,
    // the member's own id first, where the schema puts xml:id beside xml:lang
    attrs: [['xml:id', ''], ...m.root.attrs.filter(([k, v]) => k !== 'xml:id' && !(k === 'xmlns' && v === TEI_NS))],
  };
  return serialize(root, (el, name, value) => {
    if (el === root && name === 'xml:id') return prefix;
    if (name === 'xml:id') return `${prefix}.${value}`;
    if (name.startsWith('xml:') || name.startsWith('xmlns')) return value;
    if (el.name === 'graphic' && name === 'url') return images.get(value) ?? value;
    const tokens = value.trim().split(/\s+/);
    // a list of same-document pointers (#n1 #n2): each that names an id of this member follows it
    if (tokens.length === 0 || !tokens.every((t) => t.startsWith('#'))) return value;
    return tokens.map((t) => (ids.has(t.slice(1)) ? `#${prefix}.${t.slice(1)}` : t)).join(' ');
  });
}
