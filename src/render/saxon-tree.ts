/**
 * SaxonJS's tree of a document, built from the events of the saxes pass that checks it
 * (saxon.ts checkXml), so that a rendition parses its TEI once, not twice.
 *
 * Before, the check (saxes) and SaxonJS's own parse (its bundled sax parser, about a quarter as
 * fast) each read the whole text: on the sample's four largest books the two took 10 + 37 ms of
 * CPU, the one pass building the tree takes 19 ms. The tree is made with SaxonJS's own DOM
 * (getPlatform().createDocument()) and the same steps as its parser: elements and attributes by
 * namespace, an id or xml:id attribute's value whitespace-collapsed (SaxonJS does so for
 * id()), text only inside the document element, comments and processing instructions wherever
 * they stand, adjacent text joined. The renditions of the sample's TEIs are byte-identical
 * either way (test/render-tree.test.ts).
 */
import type { SaxesTagNS } from '../util/saxes.js';

/** The part of SaxonJS's DOM the builder uses (W3C DOM Level 2 names). */
interface DomNode {
  appendChild(child: DomNode): DomNode;
  parentNode: DomNode | null;
  lastChild: DomNode | null;
  nodeType: number;
}
interface DomAttr extends DomNode {
  value: string;
  nodeValue: string;
}
interface DomDocument extends DomNode {
  createElementNS(uri: string | null, qname: string): DomNode & { setAttributeNode(a: DomAttr): void };
  createAttributeNS(uri: string | null, qname: string): DomAttr;
  createTextNode(text: string): DomNode;
  createComment(text: string): DomNode;
  createProcessingInstruction(target: string, body: string): DomNode;
  normalize(): void;
}

const TEXT_NODE = 3;

/** Builds one SaxonJS document from a parser's events, in order. */
export class SaxonTreeBuilder {
  readonly document: DomDocument;
  private current: DomNode;
  private depth = 0;
  /** A CDATA section beside text leaves two text nodes: joined at the end, as SaxonJS does. */
  private splitText = false;

  constructor(createDocument: () => unknown) {
    this.document = createDocument() as DomDocument;
    this.current = this.document;
  }

  openTag(tag: SaxesTagNS): void {
    const doc = this.document;
    const el = doc.createElementNS(tag.uri || null, tag.name);
    this.current.appendChild(el);
    for (const name in tag.attributes) {
      const a = tag.attributes[name]!;
      const attr = doc.createAttributeNS(a.uri || null, name);
      const value = name === 'xml:id' || name === 'id' ? a.value.replace(/\s+/g, ' ').trim() : a.value;
      attr.value = attr.nodeValue = value;
      el.setAttributeNode(attr);
    }
    this.current = el;
    this.depth++;
  }

  closeTag(): void {
    this.current = this.current.parentNode ?? this.document;
    this.depth--;
  }

  text(text: string): void {
    if (this.depth === 0 || !text) return;
    if (this.current.lastChild?.nodeType === TEXT_NODE) this.splitText = true;
    this.current.appendChild(this.document.createTextNode(text));
  }

  comment(text: string): void {
    this.current.appendChild(this.document.createComment(text));
  }

  processingInstruction(target: string, body: string): void {
    this.current.appendChild(this.document.createProcessingInstruction(target, body));
  }

  /** The finished document. */
  finish(): unknown {
    if (this.splitText) this.document.normalize();
    return this.document;
  }
}
