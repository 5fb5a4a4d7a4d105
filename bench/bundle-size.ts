// bench/bundle-size: the renderer's initial JavaScript (gzip), against the 250 KB target, with
// React + ReactDOM alone (gzip, production builds) as the baseline measured in the same run.
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildRenderer } from '../scripts/build.js';
import { gzipSize, initialBundle } from '../scripts/bundle-size.js';

const require = createRequire(import.meta.url);
const dist = buildRenderer();
const b = initialBundle(dist);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const react = gzipSize(path.join(pkgDir('react'), 'cjs/react.production.js')) + gzipSize(path.join(pkgDir('react-dom'), 'cjs/react-dom-client.production.js'));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`renderer initial JS: ${b.files.length} file(s), ${kb(b.rawBytes)} raw, ${kb(b.gzipBytes)} gzip (target <= 250 KB gzip: ${b.gzipBytes <= 250 * 1024 ? 'ok' : 'MISS'})`);
console.log(`baseline: React + ReactDOM alone ${kb(react)} gzip; the initial bundle is ${(b.gzipBytes / react).toFixed(2)}x that`);
console.log(`RESULT ${JSON.stringify({ bundleGzipKB: +(b.gzipBytes / 1024).toFixed(1), reactGzipKB: +(react / 1024).toFixed(1) })}`);
