/**
 * Exact line and column for the elements libxml2 names by XPath in its validation errors
 * (`/*\/*[2]/*[1]`, `/TEI`). libxml2 reports a line only; a second, cheap saxes pass over the source
 * finds the `<` of each element asked for. Only run when there are errors to place.
 *
 * libxml2's paths (xmlGetNodePath): `*[k]` is the k-th element child whatever its name (used for
 * elements in a default namespace); `name[k]` the k-th child of that name; no `[k]` means 1.
 */
import { SaxesParser } from '../util/saxes.js';

export interface Located {
  name: string;
  /** Name of the parent element as the document writes it (undefined for the root). */
  parent?: string;
  line: number;
  column: number;
}

interface Step {
  name: string;
  index: number;
}

function parseXPath(xpath: string): Step[] | undefined {
  const steps: Step[] = [];
  for (const part of xpath.split('/').slice(1)) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m || m[1] === 'text()' || m[1]!.startsWith('@')) return undefined;
    steps.push({ name: m[1]!, index: m[2] ? Number(m[2]) : 1 });
  }
  return steps.length > 0 ? steps : undefined;
}

export function locateXPaths(text: string, xpaths: Iterable<string>): Map<string, Located> {
  const found = new Map<string, Located>();
  const wanted = [...new Set(xpaths)]
    .map((x) => ({ xpath: x, steps: parseXPath(x) }))
    .filter((w): w is { xpath: string; steps: Step[] } => w.steps !== undefined);
  if (wanted.length === 0) return found;

  // Per open element: the wanted paths still matching, and counters of its element children.
  type Frame = { name?: string; candidates: typeof wanted; total: number; byName: Map<string, number> };
  const stack: Frame[] = [{ candidates: wanted, total: 0, byName: new Map() }];
  const parser = new SaxesParser({ position: true });
  let start = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1]!;
    parent.total++;
    const nameIndex = (parent.byName.get(tag.name) ?? 0) + 1;
    parent.byName.set(tag.name, nameIndex);
    const depth = stack.length - 1;
    const candidates = parent.candidates.filter((w) => {
      const step = w.steps[depth]!;
      return step.name === '*' ? step.index === parent.total : step.name === tag.name && step.index === nameIndex;
    });
    for (const w of candidates) {
      if (w.steps.length === depth + 1) found.set(w.xpath, { name: tag.name, parent: parent.name, ...start });
    }
    stack.push({ name: tag.name, candidates: candidates.filter((w) => w.steps.length > depth + 1), total: 0, byName: new Map() });
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (err) => {
    throw err;
  });
  try {
    parser.write(text).close();
  } catch {
    /* already known to be well-formed; nothing more to find */
  }
  return found;
}

