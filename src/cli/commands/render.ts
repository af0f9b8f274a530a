/**
 * `teikit render <tei.xml|-> --to html|epub|txt [-o out|-] [--xslt my.xsl] [--param k=v]...
 *  [--assets dir]`
 *
 * Runs the built-in XSLT 3 stylesheets (or the user's) with SaxonJS. Output is written atomically;
 * on any error nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { renderSpec } from '../specs/render.js';
import { namesFolder, parseCommandArgs, readAll, refuseOverwritingInput } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { UserError } from '../../model/diagnostics.js';
import { decodeXmlText } from '../../validate/decode.js';
import { writeFileAtomic } from '../../util/files.js';
import { renderEpub, renderHtml, renderText, type RenderOptions } from '../../render/index.js';
import { builtinParamProblem } from '../../render/options.js';
import { ioFailure } from '../../util/io-errors.js';

const FORMATS = { html: 'html', htm: 'html', xhtml: 'html', epub: 'epub', txt: 'txt', text: 'txt' } as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];

function parseParams(list: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const p of list) {
    const m = /^([A-Za-z_][\w.-]*)=(.*)$/s.exec(p);
    if (!m) throw new UserError(`teikit render: --param wants name=value, not "${p}"`, 2);
    params[m[1]!] = m[2]!;
  }
  return params;
}

const command: Command = {
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(renderSpec, args);
    if (positionals.length !== 1) throw new UserError('teikit render: give exactly one TEI file (or - for standard input)', 2);
    const input = positionals[0]!;
    // -o out/ (or a folder that exists): the rendition goes into it, named after the input
    const intoFolder = namesFolder(values.output, io.cwd);
    const output = intoFolder ? undefined : values.output;
    const fromExt = output && output !== '-' ? FORMATS[extname(output).slice(1).toLowerCase() as keyof typeof FORMATS] : undefined;
    const to: Format | undefined = values.to ? FORMATS[values.to.toLowerCase() as keyof typeof FORMATS] : fromExt;
    if (!to) {
      if (values.to) throw new UserError(`teikit render: --to must be html, epub or txt, not "${values.to}"`, 2);
      throw new UserError(output && output !== '-'
        ? `teikit render: cannot tell the format from -o ${output}: name it .html, .epub or .txt, or give --to html, epub or txt`
        : 'teikit render: give --to html, epub or txt (or -o a file named .html, .epub or .txt)', 2);
    }
    const named = input === '-' ? (intoFolder ? `stdin.${to}` : '-') : `${basename(input).replace(/(\.tei)?\.xml$/i, '')}.${to}`;
    const target = output ?? (intoFolder ? join(values.output!, named) : named);
    if (target === '-' && to === 'epub') throw new UserError('teikit render: an EPUB is binary; give -o <file.epub>', 2);

    const params = parseParams(values.param ?? []);
    // the built-in stylesheets' parameters and their values (a misspelt name, or pages=maybe, would
    // otherwise be read as nothing or as some other value, silently); a user's stylesheet (--xslt)
    // declares its own and gives them its own meaning, so they pass through as given
    if (!values.xslt) {
      const problem = builtinParamProblem(to, params);
      if (problem) throw new UserError(`teikit render: ${problem}`, 2);
    }

    refuseOverwritingInput(target, [input], io.cwd, 'render');
    let bytes: Buffer;
    try {
      bytes = input === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, input));
    } catch (err) {
      throw ioFailure(err, 'read', input);
    }
    // read as `teikit validate` reads it: a TEI it accepts (UTF-16, ISO-8859-1) renders, and a
    // broken byte is named at its line and column in the same words
    const tei = decodeXmlText(bytes, input === '-' ? '<stdin>' : input);
    // css=extra.css names a file of CSS (its text is the parameter): as CSS text, a file name would
    // make an EPUB that EPUBCheck refuses
    if (params.css !== undefined && /\.css$/i.test(params.css.trim()) && !params.css.includes('{')) {
      const cssFile = params.css.trim();
      try {
        params.css = await readFile(resolve(io.cwd, cssFile), 'utf8');
      } catch (err) {
        throw ioFailure(err, 'read', `--param css=${cssFile}`);
      }
    }
    const opts: RenderOptions = {
      source: input === '-' ? '<stdin>' : input,
      params,
      assetsDir: resolve(io.cwd, values.assets ?? (input === '-' ? '.' : dirname(input))),
      onWarning: (message) => io.stderr(`${message}\n`),
      ...(values.xslt ? { xslt: resolve(io.cwd, values.xslt) } : {}),
    };
    const result = to === 'html' ? await renderHtml(tei, opts) : to === 'txt' ? await renderText(tei, opts) : await renderEpub(tei, opts);
    if (target === '-') {
      io.stdout(result as string);
    } else {
      await writeFileAtomic(resolve(io.cwd, target), result, target);
      io.stderr(`wrote ${target}\n`);
    }
    return 0;
  },
};

export default command;
