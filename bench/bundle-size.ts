// bench/bundle-size: the renderer's initial JavaScript (gzip), against the 250 KB target. Baseline
// in the same run: the smallest React app there is (createRoot + one element), bundled and
// minified for production with esbuild, so the ratio says what the whole app adds on top of React.
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { buildRenderer } from '../scripts/build.js';
import { initialBundle } from '../scripts/bundle-size.js';

const root = path.resolve(import.meta.dirname, '..');
const dist = buildRenderer();
const b = initialBundle(dist);

const hello = await build({
  stdin: {
    contents: "import { createElement } from 'react'; import { createRoot } from 'react-dom/client'; createRoot(document.getElementById('root')).render(createElement('p', null, 'hello'));",
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
});
const reactGzip = zlib.gzipSync(hello.outputFiles[0]!.contents, { level: 9 }).length;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`renderer initial JS: ${b.files.length} file(s), ${kb(b.rawBytes)} raw, ${kb(b.gzipBytes)} gzip (target <= 250 KB gzip: ${b.gzipBytes <= 250 * 1024 ? 'ok' : 'MISS'})`);
console.log(`baseline: a minimal React app (React + ReactDOM, production, minified) ${kb(reactGzip)} gzip; the initial bundle is ${(b.gzipBytes / reactGzip).toFixed(2)}x that (${kb(b.gzipBytes - reactGzip)} of our own code and libraries)`);
console.log(`RESULT ${JSON.stringify({ bundleGzipKB: +(b.gzipBytes / 1024).toFixed(1), reactGzipKB: +(reactGzip / 1024).toFixed(1) })}`);
