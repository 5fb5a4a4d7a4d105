// Our page is served from app://agentdesk (a privileged, standard, secure custom scheme) rather
// than file:// (Electron security checklist: a real origin, no file access semantics). Every reply
// carries the CSP and the other security headers; paths cannot leave dist/renderer.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { resolveStatic } from '../browser-host/static-files.js';
import { appCsp, securityHeaders } from '../app/csp.js';
import { APP_HOST, APP_SCHEME } from './origins.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/** Before app ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

export function serveAppScheme(rendererDir: string, sipWsUrl: () => string | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = securityHeaders(appCsp({ self: `${APP_SCHEME}://${APP_HOST}`, sipWsUrl: sipWsUrl() }));
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('not found', { status: 404, headers });
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return new Response('not found', { status: 404, headers });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' } });
    } catch {
      return new Response('not found', { status: 404, headers });
    }
  });
}
