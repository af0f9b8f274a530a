/** The frame of every page of the site: doctype, language, viewport, the stylesheet, a title. */
import { escapeHtml, hrefOf } from './escape.js';

export interface PageFrame {
  title: string;
  /** Relative path from the page to the site's root folder (`.` or `..`). */
  root: string;
  /** Extra `<meta name content>` pairs, unescaped. */
  meta?: [string, string][];
  /** Extra stylesheets (relative to the site root), before the site's own. */
  styles?: string[];
  /** Script files to load (relative to the site root), deferred. */
  scripts?: string[];
  body: string;
}

export function page(frame: PageFrame): string {
  const meta = (frame.meta ?? []).map(([name, content]) => `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`);
  const at = (file: string) => hrefOf(frame.root === '.' ? file : `${frame.root}/${file}`);
  const scripts = (frame.scripts ?? []).map((s) => `<script src="${at(s)}" defer></script>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(frame.title)}</title>`,
    ...meta,
    ...(frame.styles ?? []).map((f) => `<link rel="stylesheet" href="${at(f)}">`),
    `<link rel="stylesheet" href="${at('site.css')}">`,
    ...scripts,
    '</head>',
    '<body>',
    frame.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
