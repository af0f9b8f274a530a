/** Options shared by the three renderers. */
export interface RenderOptions {
  /** A user's stylesheet (.xsl, compiled at run time, or .sef.json) instead of the built-in one. */
  xslt?: string;
  /** Stylesheet parameters (`--param k=v`), e.g. `pages=true` for the text output. */
  params?: Record<string, string>;
  /** Folder where the images named by graphic/@url are found (EPUB); default: the working directory. */
  assetsDir?: string;
  /** Where messages say the images were looked for (`beside its work's TEI`), for a caller that
   * gathered them into assetsDir itself; default: the folder's path, with the --assets hint. */
  assetsNamed?: string;
  /** Told each warning (an image left out of an EPUB); the CLI prints them on standard error. */
  onWarning?: (message: string) => void;
  /** Name of the TEI input in messages (`SU39.tei.xml:12:3 …`); default `<tei>`. */
  source?: string;
}

export function sourceName(opts: RenderOptions | undefined): string {
  return opts?.source ?? '<tei>';
}
