/**
 * A member's images in a volume: its `graphic/@url`s are relative to its own TEI file, and the
 * members of a volume come from several folders. Each image found beside its member is copied
 * into the volume's folder under the member's id (`HWR97/HWR97(144x15).GIF`), and the url in the
 * volume TEI says so; an image not found, remote or outside the member's folder keeps its url
 * (the EPUB leaves it out with a warning, as for any TEI).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, normalize, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../util/files.js';
import { attr, descendants } from './tree.js';
import type { VolumeMember } from './member.js';

/** Copy a member's images into `volumeDir/<prefix>/`; the urls that now name a copy, old → new. */
export async function carryMemberImages(m: VolumeMember, prefix: string, volumeDir: string, cwd: string): Promise<Map<string, string>> {
  const moved = new Map<string, string>();
  for (const g of descendants(m.root, 'graphic')) {
    const url = attr(g, 'url');
    if (!url || moved.has(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    let rel: string;
    try {
      rel = normalize(decodeURI(url));
    } catch {
      continue;
    }
    if (isAbsolute(rel) || rel.split(sep).includes('..')) continue;
    const from = resolve(cwd, dirname(m.file), rel);
    if (!(await stat(from).then((s) => s.isFile() && s.size > 0, () => false))) continue;
    await writeFileAtomic(resolve(volumeDir, prefix, rel), await readFile(from));
    moved.set(url, `${prefix}/${url}`);
  }
  return moved;
}
