/**
 * A minimal XML tree builder for the TEI writer: elements, attributes, text, serialized in one pass.
 * It replaced xmlbuilder2, whose 100-odd modules took a third of a cold `teikit convert` to load;
 * it keeps the small part of xmlbuilder2's API the writer used (ele, att, txt, up, end) and its
 * output byte for byte: `&` escaped unless it starts an entity or character reference (the writer
 * escapes every `&` itself, src/tei/xml.ts), `<` and `>` always, `"` in attributes, empty
 * elements as `<x/>`.
 */

const NON_ENTITY_AMPERSAND = /&(?![A-Za-z]+;|#\d+;)/g;

function escapeText(s: string): string {
  return s.replace(NON_ENTITY_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export class XmlNode {
  private readonly attributes = new Map<string, string>();
  private readonly children: (XmlNode | string)[] = [];

  private constructor(
    /** The element name; '' for the document node. */
    private readonly name: string,
    private readonly parent: XmlNode | undefined,
  ) {}

  /** A document node: its one element child is made with ele(). */
  static document(): XmlNode {
    return new XmlNode('', undefined);
  }

  /** Append a child element; with a namespace, it is declared there as the default namespace. */
  ele(nameOrNamespace: string, name?: string): XmlNode {
    const el = new XmlNode(name ?? nameOrNamespace, this);
    if (name !== undefined) el.attributes.set('xmlns', nameOrNamespace);
    this.children.push(el);
    return el;
  }

  /** Set an attribute (the namespace form is for xml:*, whose prefix needs no declaration). */
  att(nameOrNamespace: string, nameOrValue: string, value?: string): XmlNode {
    if (value === undefined) this.attributes.set(nameOrNamespace, nameOrValue);
    else this.attributes.set(nameOrValue, value);
    return this;
  }

  txt(s: string): XmlNode {
    this.children.push(s);
    return this;
  }

  up(): XmlNode {
    if (!this.parent) throw new Error('the document node has no parent');
    return this.parent;
  }

  /** The serialized document (no XML declaration: the writer adds its own). */
  end(_options?: { headless: true }): string {
    const out: string[] = [];
    this.write(out);
    return out.join('');
  }

  private write(out: string[]): void {
    if (this.name) {
      out.push('<', this.name);
      for (const [k, v] of this.attributes) out.push(' ', k, '="', escapeAttribute(v), '"');
      if (this.children.length === 0) {
        out.push('/>');
        return;
      }
      out.push('>');
    }
    for (const c of this.children) {
      if (typeof c === 'string') out.push(escapeText(c));
      else c.write(out);
    }
    if (this.name) out.push('</', this.name, '>');
  }
}
