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

/** What a yes/no parameter of the built-in stylesheets takes (text.xsl reads true, yes and 1 as yes). */
const YES_NO = ['true', 'false', 'yes', 'no', '1', '0'] as const;

/**
 * The parameters of the built-in stylesheets a caller may set (`--param`), each with the values
 * it takes; `null`: any text. Those the renderers set themselves (`uuid`, `image-data`,
 * `skip-images`) are not among them. A value outside these would be read as some other one,
 * silently (`pages=maybe` as false), so `builtinParamProblem` says so and the CLI refuses it.
 */
export const BUILTIN_PARAMS: Record<'html' | 'epub' | 'txt', Record<string, readonly string[] | null>> = {
  html: { css: null, toc: ['yes', 'no', 'auto'] },
  epub: { css: null, 'page-break-source': ['source-of', 'pageBreakSource', 'both'] },
  txt: { pages: YES_NO, header: YES_NO },
};

/**
 * Why the built-in stylesheet of `format` cannot take these parameters (the first one wrong): a
 * parameter it does not declare, or a value outside those it takes; undefined when all is well.
 */
export function builtinParamProblem(format: keyof typeof BUILTIN_PARAMS, params: Record<string, string>): string | undefined {
  const known = BUILTIN_PARAMS[format];
  for (const [name, value] of Object.entries(params)) {
    if (!Object.hasOwn(known, name)) {
      return `unknown parameter '${name}' for --to ${format} (known: ${Object.keys(known).join(', ')})`;
    }
    const allowed = known[name];
    if (allowed && !allowed.includes(value)) {
      const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed[0];
      return `parameter '${name}' for --to ${format} takes ${list}, not "${value}"`;
    }
  }
  return undefined;
}
