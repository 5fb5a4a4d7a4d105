// The renderer's initial JavaScript: the entry chunk and everything it imports statically (what
// the browser loads before the app runs), from vite's manifest, with gzip sizes. Shared by the
// bundle budget spec and bench/bundle-size.ts.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

export function readManifest(dist: string): Record<string, ManifestChunk> {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

export function initialChunks(m: Record<string, ManifestChunk>): ManifestChunk[] {
  const entry = Object.values(m).find((c) => c.isEntry);
  if (!entry) throw new Error('no entry chunk');
  const seen = new Map<string, ManifestChunk>();
  const visit = (c: ManifestChunk) => {
    if (seen.has(c.file)) return;
    seen.set(c.file, c);
    for (const key of c.imports ?? []) {
      const next = m[key];
      if (next) visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

export function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

export function initialBundle(dist: string): { files: string[]; rawBytes: number; gzipBytes: number } {
  const files = initialChunks(readManifest(dist)).map((c) => c.file);
  return {
    files,
    rawBytes: files.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0),
    gzipBytes: files.reduce((n, f) => n + gzipSize(path.join(dist, f)), 0),
  };
}
