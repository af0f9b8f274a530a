/**
 * Parse once, render several times: a TEI document checked (XML safety gate, well-formedness)
 * and parsed into SaxonJS's tree once, then given to renderHtml, renderEpub and renderText in
 * place of its text. Parsing was a fifth to a third of each rendition's time, and `build` makes
 * three renditions of every TEI. The tree is built on first use, so a document only checked costs
 * no SaxonJS parse.
 */
import { checkXml, saxonDocument, type ParsedSource, type XmlFacts } from './saxon.js';
import { sourceName, type RenderOptions } from './options.js';

/** A TEI document ready for the renderers: what parseTei returns. */
export type ParsedTei = ParsedSource;

/** Check and (lazily) parse a TEI text once. Bad XML is refused here, as each renderer would. */
export function parseTei(tei: string, opts: Pick<RenderOptions, 'source'> = {}): ParsedTei {
  const file = sourceName(opts);
  const facts = checkXml(tei, file);
  let node: unknown;
  return {
    text: tei,
    file,
    facts,
    node: () => (node ??= saxonDocument(tei)),
  };
}

/** What a renderer needs of its input, whether given as text or parsed: the checks run once. */
export function prepareInput(
  tei: string | ParsedTei,
  opts: RenderOptions,
): { source: string | ParsedTei; file: string; facts: XmlFacts } {
  if (typeof tei !== 'string') return { source: tei, file: opts.source ?? tei.file, facts: tei.facts };
  const file = sourceName(opts);
  return { source: tei, file, facts: checkXml(tei, file) };
}
