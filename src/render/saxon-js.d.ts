// The small part of SaxonJS 2's Node API that teikit uses (the package ships no types).
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetFileName?: string;
    /** A SEF already parsed (JSON.parse of the .sef.json): no file read, parse or checksum per run. */
    stylesheetInternal?: object;
    stylesheetText?: string;
    sourceText?: string;
    /** A document already parsed (XPath parse-xml): transformed without parsing again. */
    sourceNode?: unknown;
    destination?: 'serialized' | 'raw' | 'document';
    stylesheetParams?: Record<string, unknown>;
    baseOutputURI?: string;
    stylesheetBaseURI?: string;
    deliverResultDocument?: (uri: string) => { destination: 'serialized' };
  }
  interface TransformResult {
    principalResult: string;
    resultDocuments: Record<string, string>;
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: 'sync'): TransformResult;
    XPath: { evaluate(expr: string, context: unknown, options?: { params?: Record<string, unknown> }): unknown };
    /** The host platform: its createDocument() makes an empty document of SaxonJS's own DOM. */
    getPlatform(): { createDocument(): unknown };
  };
  export default SaxonJS;
}
