import { realPathInside } from '../util/files.js';
import { isAbsolute, resolve, sep } from 'node:path';

/** The media type an image's bytes say it has (EPUB core image types only), or undefined. */
export function sniffImage(b: Uint8Array): string | undefined {
  const ascii = (n: number) => String.fromCharCode(...b.subarray(0, n));
  if (ascii(6) === 'GIF87a' || ascii(6) === 'GIF89a') return 'image/gif';
  if (b[0] === 0x89 && ascii(4).slice(1) === 'PNG') return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (/<svg[\s>]/.test(new TextDecoder().decode(b.subarray(0, 2048)))) return 'image/svg+xml';
  return undefined;
}

/**
 * Where an image named by graphic/@url is, inside the assets folder — or undefined for a URL with a
 * scheme, an absolute path, or a path that climbs out of the folder (`../../etc/passwd`), by name or
 * through a symbolic link: a TEI file must not make a rendition read, embed or pack files from
 * elsewhere on the machine.
 */
export function assetPath(assetsDir: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || isAbsolute(url)) return undefined;
  const root = resolve(assetsDir);
  const path = resolve(root, url);
  if (!path.startsWith(root + sep)) return undefined;
  try {
    // the real path is the one read: a link changed after this check cannot lead elsewhere
    return realPathInside(path, root);
  } catch {
    return path; // not there: the caller finds it missing
  }
}

/** The media type an image's name gives it in the EPUB (xslt/common/epub-files.xsl t:image-type). */
export function imageTypeOfName(url: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(url)?.[1]?.toLowerCase() ?? '';
  return ({ gif: 'image/gif', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', svg: 'image/svg+xml' } as Record<string, string>)[ext];
}
