/**
 * The paragraphing variants of the witnesses (encoding.md, "Witnesses"): each paragraph a witness
 * split in mid-sentence, where the reading text has one, as an apparatus entry in
 * `standOff/listApp`. The entry points at the place in the reading text (`app/@from`, an anchor
 * there); the lemma is the reading text's (no paragraph break, `lem/@wit` the witnesses agreeing),
 * the reading the witness's paragraph break (`rdg/milestone unit="paragraph"`), and a note says
 * what the split is: the words on either side, and a print page marker lost there.
 */
import type { Edition, Repair } from '../model/types.js';
import { anchorId, type WriteContext } from './context.js';
import { att, child, indent, text, type El } from './xml.js';

export function writeApparatus(tei: El, edition: Edition, ctx: WriteContext): void {
  const entries = edition.repairs.filter((r) => r.kind === 'rejoin-paragraph' && r.at && ctx.anchors.has(anchorId(r.at)));
  if (!entries.length) return;
  const listApp = att(child(child(tei, 'standOff', 1), 'listApp', 2), 'type', 'paragraphing');
  for (const r of entries) writeEntry(listApp, r, edition);
  indent(listApp, 2);
  indent(listApp.up(), 1);
}

function writeEntry(listApp: El, r: Repair, edition: Edition): void {
  const app = att(att(child(listApp, 'app', 3), 'type', 'paragraphing'), 'from', `#${anchorId(r.at!)}`);
  const agreeing = r.evidence?.length ? r.evidence : r.witness === edition.baseWitness ? [] : [edition.baseWitness];
  att(child(app, 'lem', 4), 'wit', agreeing.length ? agreeing.map((w) => `#${w}`).join(' ') : undefined);
  const rdg = att(att(child(app, 'rdg', 4), 'wit', `#${r.witness}`), 'cause', r.lostPage ? 'lostPageMarker' : 'reprintLayout');
  att(rdg.ele('milestone'), 'unit', 'paragraph');
  const words = /"…[^"]*" \/ "[^"]*…"/.exec(r.message)?.[0];
  const lost = r.lostPage ? `, where it lost the marker of print page ${r.lostPage}` : '';
  text(child(app, 'note', 4), `#${r.witness} begins a new paragraph here in mid-sentence${words ? ` (${words})` : ''}${lost}.`);
  indent(app, 3);
}
