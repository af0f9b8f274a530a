// Compile every top-level stylesheet in xslt/ (not the shared modules in xslt/common/) to SEF with
// xslt3, once, at build time: saxon-js runs SEF, and compiling at run time would cost seconds.
import { execFileSync } from 'node:child_process';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const xsltDir = join(root, 'xslt');
const require = createRequire(import.meta.url);
const xslt3 = require.resolve('xslt3/xslt3.js');

const sheets = readdirSync(xsltDir).filter((f) => f.endsWith('.xsl'));
for (const sheet of sheets) {
  const src = join(xsltDir, sheet);
  const sef = src.replace(/\.xsl$/, '.sef.json');
  let fresh = false;
  try {
    fresh = statSync(sef).mtimeMs > newestInput();
  } catch {
    fresh = false;
  }
  if (fresh) continue;
  // Export to a temporary name, then rename: test files compiling at the same time never read
  // a half-written SEF.
  const tmp = `${sef}.${process.pid}.tmp`;
  try {
    execFileSync(process.execPath, [xslt3, `-xsl:${src}`, `-export:${tmp}`, '-nogo', '-relocate:on', '-ns:##html5'], {
      stdio: 'inherit',
    });
    renameSync(tmp, sef);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  console.log(`compiled ${sheet}`);
}

function newestInput() {
  let newest = 0;
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (p.endsWith('.xsl')) newest = Math.max(newest, s.mtimeMs);
    }
  };
  walk(xsltDir);
  return newest;
}
