/**
 * HTML parsed by parse5 with the source position of every node, as the readers need for their
 * diagnostics. parse5's default tree adapter copies a text node's location into a new object at
 * every character token it appends (`{ ...old, ...end }`): on a marx2mao page, with its entities
 * and line breaks splitting the text into many tokens, that was about 5% of a conversion and much
 * of its garbage. This adapter updates the node's own location object instead: the objects are
 * the parser's own, made per token or per element and not shared, so the tree is the same.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from 'parse5';

const positionsAdapter: typeof defaultTreeAdapter = {
  ...defaultTreeAdapter,
  updateNodeSourceCodeLocation(node, endLocation) {
    if (node.sourceCodeLocation) Object.assign(node.sourceCodeLocation, endLocation);
    else defaultTreeAdapter.updateNodeSourceCodeLocation(node, endLocation);
  },
};

export function parseHtmlWithPositions(html: string): DefaultTreeAdapterMap['document'] {
  return parse(html, { sourceCodeLocationInfo: true, treeAdapter: positionsAdapter });
}
