/**
 * What the statements of the source under the work's title say of it (end-statements.ts,
 * markOpeningStatements): when it was written (WLC47's `Written by Marx in December 1847`, CWF71's
 * `Written by Marx in April-May 1871`) and first printed. They date the work where neither its
 * title block nor its end does. The work is the page's one work division, or the division headed
 * by the work's title (WLC47's WAGE LABOUR AND CAPITAL, after Engels' introduction).
 */
import type { Block, DateStatement, Division } from '../../model/types.js';
import { plainLine, titleKey } from '../../model/plain-text.js';
import { statementLines } from './end-statements.js';
import { readFirstPublished, readWritten } from './title-facts.js';

export interface OpeningFacts {
  written?: DateStatement;
  published?: DateStatement;
}

export function openingFacts(body: readonly Block[], workTitle: string): OpeningFacts {
  const works = body.filter((b): b is Division => b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents');
  const headed = works.find((d) => d.blocks.some((b) => b.type === 'heading' && titleKey(plainLine(b.children)) === titleKey(workTitle)));
  const work = headed ?? (works.length === 1 ? works[0] : undefined);
  if (!work) return {};
  const first = work.blocks.findIndex((b) => b.type === 'statement');
  // the statements of its top: under its heading, before any of its text
  if (first < 0 || work.blocks.slice(0, first).some((b) => b.type === 'paragraph' || b.type === 'division')) return {};
  const run: Block[] = [];
  for (const b of work.blocks.slice(first)) {
    if (b.type === 'statement') run.push(b);
    else if (b.type !== 'pbBlock' && b.type !== 'noteBlock') break;
  }
  const lines = run.map((b) => statementLines([b]));
  const out: OpeningFacts = {};
  const written = lines.map(readWritten).find((w) => w?.when ?? w?.from);
  if (written) out.written = written;
  const published = lines.map(readFirstPublished).find((p) => p?.when ?? p?.from ?? p?.notBefore);
  if (published) out.published = published;
  return out;
}
