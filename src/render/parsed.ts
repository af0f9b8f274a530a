/**
 * Parse once, render several times: a TEI document checked (XML safety gate, well-formedness)
 * and parsed into SaxonJS's tree once, then given to renderHtml, renderEpub and renderText in
 * place of its text. Parsing was a fifth to a third of each rendition's time, and `build` makes
 * three renditions of every TEI. The tree is built in the same pass as the check (saxon-tree.ts).
 */
import { checkAndBuildTree, checkXml, saxonDocument, type ParsedSource, type XmlFacts } from './saxon.js';
import { sourceName, type RenderOptions } from './options.js';

/** A TEI document ready for the renderers: what parseTei returns. */
export type ParsedTei = ParsedSource;

/** Check and parse a TEI text once, in one pass. Bad XML is refused here, as each renderer would. */
export function parseTei(tei: string, opts: Pick<RenderOptions, 'source'> = {}): ParsedTei {
  return checkAndParse(tei, sourceName(opts));
}

/**
 * The check and SaxonJS's tree in one pass over the text (saxon-tree.ts). A TEI of nested TEI
 * elements is rendered from its text as a teiCorpus, so its tree is built from that text.
 */
function checkAndParse(tei: string, file: string): ParsedTei {
  const text = nestedTeiAsCorpus(tei);
  if (text === tei) {
    const { facts, tree } = checkAndBuildTree(tei, file);
    return { text, file, facts, node: () => tree };
  }
  const facts = checkXml(tei, file);
  let node: unknown;
  return { text, file, facts, node: () => (node ??= saxonDocument(text)) };
}

/** What a renderer needs of its input, whether given as text or parsed: the checks run once. */
export function prepareInput(
  tei: string | ParsedTei,
  opts: RenderOptions,
): { source: ParsedTei; file: string; facts: XmlFacts } {
  const file = typeof tei !== 'string' ? (opts.source ?? tei.file) : sourceName(opts);
  const parsed = typeof tei !== 'string' ? tei : checkAndParse(tei, file);
  const input = { source: parsed, file, facts: parsed.facts };
  // what the rendition leaves out is said, not dropped silently (validate reports it too)
  for (const x of input.facts.xincludes) {
    opts.onWarning?.(`${input.file}:${x.line}:${x.column}: warning xinclude-unresolved: <xi:include href="${x.href}"> is not resolved: the rendition is made without what it includes (resolve it first, e.g. xmllint --xinclude)`);
  }
  return input;
}

/**
 * A TEI whose members are TEI elements (P5's newer form of a corpus: `TEI` holding `teiHeader`
 * and `TEI`+) is rendered as the teiCorpus it is: the root's name is changed, nothing else, so
 * every member is rendered (it rendered empty). TEI elements occur only as members, so a second
 * `<TEI` start tag after the root's is a member.
 */
export function nestedTeiAsCorpus(tei: string): string {
  // the root is the first element (after the prolog, comments and processing instructions)
  const root = /<(?![?!])([^\s>/]+)[^>]*>/.exec(tei.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length)));
  if (!root || root[1] !== 'TEI') return tei;
  const afterRoot = root.index + root[0].length;
  const end = tei.lastIndexOf('</TEI>');
  if (end < afterRoot || !/<TEI[\s>]/.test(tei.slice(afterRoot, end))) return tei;
  return `${tei.slice(0, root.index)}<teiCorpus${root[0].slice(4)}${tei.slice(afterRoot, end)}</teiCorpus>${tei.slice(end + '</TEI>'.length)}`;
}
