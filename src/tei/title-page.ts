/**
 * A book's title page: `titlePage` with the cover `figure`, `docAuthor`, `docTitle` (`titlePart`
 * main and sub), `byline` (a translator, an editor), `docImprint` (`publisher`, `pubPlace`,
 * `docDate`) and `docEdition`, in the order the page prints them. See docs/encoding.md, "Title
 * page".
 */
import type { TitlePage, TitlePageLine } from '../model/types.js';
import type { WriteContext } from './context.js';
import { writeCommonBlock } from './blocks.js';
import { writeInlines } from './inlines.js';
import { att, child, indent, text, type El } from './xml.js';

export function writeTitlePage(parent: El, page: TitlePage, ctx: WriteContext, depth: number): void {
  // a line's words, or where it holds note references (a title block's lines), its inlines
  const lines = (el: El, line: TitlePageLine): void => {
    if (line.inlines) return writeInlines(el, line.inlines, ctx);
    line.text.forEach((p, i) => {
      if (i > 0) el.ele('lb');
      text(el, p);
    });
  };
  const tp = child(parent, 'titlePage', depth);
  if (page.cover) writeCommonBlock(tp, page.cover, ctx, depth + 1);
  let imprint: El | undefined;
  for (let i = 0; i < page.lines.length; i++) {
    const line = page.lines[i]!;
    // imprint lines in a row are one docImprint
    if (line.role !== 'publisher' && line.role !== 'imprint') imprint = undefined;
    switch (line.role) {
      case 'title': {
        // the subtitles printed right under the title are part of docTitle
        const docTitle = child(tp, 'docTitle', depth + 1);
        lines(att(child(docTitle, 'titlePart', depth + 2), 'type', 'main'), line);
        while (page.lines[i + 1]?.role === 'subtitle') lines(att(child(docTitle, 'titlePart', depth + 2), 'type', 'sub'), page.lines[++i]!);
        indent(docTitle, depth + 1);
        break;
      }
      case 'subtitle':
        lines(att(child(tp, 'titlePart', depth + 1), 'type', 'sub'), line);
        break;
      case 'author':
        lines(child(tp, 'docAuthor', depth + 1), line);
        break;
      case 'byline':
        lines(child(tp, 'byline', depth + 1), line);
        break;
      case 'edition':
        lines(child(tp, 'docEdition', depth + 1), line);
        break;
      case 'publisher':
      case 'imprint':
        if (imprint) text(imprint, ' ');
        imprint ??= child(tp, 'docImprint', depth + 1);
        writeImprint(imprint, line);
        break;
    }
  }
  indent(tp, depth);
}

function writeImprint(el: El, line: TitlePageLine): void {
  const value = line.text.join(' ');
  if (line.role === 'publisher') {
    text(el.ele('publisher'), value);
    return;
  }
  const { place, year } = line;
  if (place && year && value.startsWith(place) && value.endsWith(year)) {
    text(el.ele('pubPlace'), place);
    text(el, value.slice(place.length, value.length - year.length));
    text(att(el.ele('docDate'), 'when', year), year);
  } else if (year) text(att(el.ele('docDate'), 'when', year), value);
  else text(el, value);
}
