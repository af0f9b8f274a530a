/**
 * The external checkers of the rendition tests, each run once over all files: EPUBCheck (through
 * its Java API, since its command line takes one file) and the Nu Html Checker (vnu-jar).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './tools.js';

const run = promisify(execFile);

/** Debian's EPUBCheck (package epubcheck), run through Java. */
export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
export const VNU_JAR = join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** EPUBCheck over every EPUB in one JVM: one `RESULT TAB file TAB fatal TAB errors TAB warnings` line each. */
export async function runEpubcheck(epubs: { name: string; epub: Uint8Array }[], tmp: string) {
  const files = epubs.map((r) => {
    const p = join(tmp, `${r.name}.epub`);
    writeFileSync(p, r.epub);
    return p;
  });
  // EPUBCheck's command line takes one file; its Java API checks all of them in one JVM.
  const src = join(tmp, 'CheckAll.java');
  writeFileSync(src, `import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
public class CheckAll {
  public static void main(String[] args) {
    for (String a : args) {
      DefaultReportImpl r = new DefaultReportImpl(a);
      new EpubCheck(new java.io.File(a), r).validate();
      System.out.println("RESULT\\t" + a + "\\t" + r.getFatalErrorCount() + "\\t" + r.getErrorCount() + "\\t" + r.getWarningCount());
    }
  }
}
`);
  const { stdout, stderr } = await run('java', ['-cp', EPUBCHECK_JAR, src, ...files], { maxBuffer: 64 << 20 });
  return { results: stdout.split('\n').filter((l) => l.startsWith('RESULT')), stderr, count: files.length };
}

/** The Nu Html Checker once over the HTML pages and the EPUB content documents: its errors. */
export async function runVnu(pages: { name: string; html: string; files: Record<string, string> }[], tmp: string) {
  const files: string[] = [];
  for (const r of pages) {
    const html = join(tmp, `${r.name}.html`);
    writeFileSync(html, r.html);
    files.push(html);
    const dir = join(tmp, `${r.name}-epub`);
    mkdirSync(dir, { recursive: true });
    for (const [p, text] of Object.entries(r.files)) {
      if (!p.endsWith('.xhtml')) continue;
      const out = join(dir, p.replace(/\//g, '_'));
      // epub:type belongs to EPUB (EPUBCheck checks it); vnu knows only HTML's attributes.
      writeFileSync(out, text.replace(/ epub:type="[^"]*"/g, '').replace(/ xmlns:epub="[^"]*"/, ''));
      files.push(out);
    }
  }
  let report = '';
  try {
    report = (await run('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 << 20 })).stderr;
  } catch (err) {
    report = (err as { stderr: string }).stderr;
  }
  const messages = (JSON.parse(report) as { messages: { type: string; url: string; message: string; lastLine?: number }[] }).messages;
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  return { errors: errors.map((e) => `${e.url}:${e.lastLine}: ${e.message}`), count: files.length };
}
