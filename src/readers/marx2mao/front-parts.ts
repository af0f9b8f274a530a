/**
 * A foreword printed under a work's title, its heading a centred line of the title's block
 * (RSP17: `CAN THE BOLSHEVIKS RETAIN STATE POWER?` / `FOREWORD TO THE SECOND EDITION`), is a
 * division of its own inside the work: from that line to the author's signature that ends it and
 * the statements of its source set under that (`First published in 1918 …` | `Published
 * according to the pamphlet`). The work's own text follows it. Without such a signature, and
 * text after it, the line stays as it is: where the foreword ends is not known. See
 * docs/encoding.md, "Title page and front matter".
 */
import type { Block, Division, Heading } from '../../model/types.js';
import { plainLine } from '../../model/plain-text.js';
import { isDateLine, isStatementBlock } from './end-statements.js';
import { isContent } from './letters.js';

/**
 * The heading of a foreword or preface: of one edition or of its author, or by another hand
 * (`PREFACE TO THE GERMAN EDITION OF 1872`, `AUTHOR'S PREFACE`, `INTRODUCTION BY FREDERICK ENGELS`).
 */
const FRONT_PART =
  /^(?:(?:the\s+)?(?:author['’]?s|publishers?['’]?s?|editors?['’]?s?)\s+)?(?:foreword|preface|introduction)(?:\s+(?:to|by)\s+[\p{L}\d\s.,'’-]{1,60})?\.?$/iu;

/** Page breaks and notes, which stand anywhere. */
const isAside = (b: Block): boolean => !isContent(b);

/** A signature: a right-aligned line of a few words (`N. Lenin`, `The Author`), not a date or a bracketed source. */
function isSignature(b: Block): boolean {
  if (b.type !== 'paragraph' || b.rend !== 'right' || isDateLine(b)) return false;
  const t = plainLine(b.children);
  return t.split(' ').length <= 6 && /\p{L}/u.test(t) && !/^[([]/.test(t);
}

/** Make each foreword under a title a division (in `blocks` and every division in it). */
export function markForewordsUnderTitles(blocks: Block[]): void {
  for (const b of blocks) if (b.type === 'division' && b.kind !== 'notes' && b.kind !== 'contents') markForewordsUnderTitles(b.blocks);
  for (let i = 0; i < blocks.length; i++) {
    const title = blocks[i]!;
    if (title.type !== 'heading') continue;
    let k = i + 1;
    while (k < blocks.length && (isAside(blocks[k]!) || blocks[k]!.type === 'subtitle')) k++;
    const line = blocks[k];
    if (line?.type !== 'paragraph' || line.rend !== 'center' || !FRONT_PART.test(plainLine(line.children))) continue;
    const end = forewordEnd(blocks, k);
    if (end === undefined) continue;
    const heading: Heading = { type: 'heading', level: title.level + 1, children: line.children, ...(line.pos ? { pos: line.pos } : {}) };
    const foreword: Division = { type: 'division', kind: 'preface', blocks: [heading, ...blocks.slice(k + 1, end)], ...(line.pos ? { pos: line.pos } : {}) };
    blocks.splice(k, end - k, foreword);
  }
}

/**
 * Where the foreword whose heading is `blocks[k]` ends: past its signature (text standing over
 * it) and the statements under that; undefined where a heading comes first or no text follows.
 */
function forewordEnd(blocks: Block[], k: number): number | undefined {
  let j = k + 1;
  let text = false;
  for (; j < blocks.length && !(text && isSignature(blocks[j]!)); j++) {
    const b = blocks[j]!;
    if (b.type === 'heading' || b.type === 'division') return undefined;
    if (b.type === 'paragraph' && b.rend !== 'right') text = true;
  }
  if (j >= blocks.length) return undefined;
  // the place and date under the signature, and the statements under them
  let end = j + 1;
  let dated = false;
  for (let s = end; s < blocks.length; s++) {
    const b = blocks[s]!;
    if (isAside(b)) continue;
    if (!dated && isDateLine(b)) dated = true;
    else if (!isStatementBlock(b)) break;
    end = s + 1;
  }
  // the work's own text follows
  return blocks.slice(end).some((b) => b.type === 'paragraph') ? end : undefined;
}
