// Serves the built renderer from one folder: GET/HEAD only, no path outside the folder, known
// content types, the security headers on every reply, and index.html for the root.
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './http-util.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webmanifest': 'application/manifest+json',
};

const NOT_BUILT = 'The renderer is not built yet: run `npm run build` (or `npx vite build -c renderer/vite.config.ts`), then reload.';

/** The file a URL path names inside `root`, or null when it would leave it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed', { ...headers, allow: 'GET, HEAD' });
  const file = resolveStatic(root, req.url ?? '/');
  if (!file) return sendText(res, 404, 'not found', headers);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    const isIndex = path.basename(file) === 'index.html';
    return sendText(res, isIndex ? 503 : 404, isIndex ? NOT_BUILT : 'not found', headers);
  }
  if (!stat.isFile()) return sendText(res, 404, 'not found', headers);
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': String(stat.size), 'cache-control': file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600' });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file).pipe(res);
}
