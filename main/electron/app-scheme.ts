// What app://agentdesk is (SEC-1, Electron security checklist: a custom protocol instead of file://,
// a CSP on our pages): the scheme's privileges and the request handler protocol.handle runs. No
// Electron import at run time: test/security/ runs this exact handler with plain Requests.
// Every reply carries the CSP and the other security headers; paths cannot leave the renderer dir.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
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

/** Standard (a real origin) and secure (a secure context: getUserMedia); never bypassCSP. */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }];

export type ReadFile = (file: string) => Promise<Uint8Array>;

/** The handler of app:// requests: GET of files inside `rendererDir` on host `agentdesk`, else 404. */
export function appSchemeHandler(rendererDir: string, sipWsUrl: () => string | null, readFile: ReadFile = (f) => fs.readFile(f)): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = securityHeaders(appCsp({ self: `${APP_SCHEME}://${APP_HOST}`, sipWsUrl: sipWsUrl() }));
    const notFound = () => new Response('not found', { status: 404, headers });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || request.method !== 'GET') return notFound();
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' } });
    } catch {
      return notFound();
    }
  };
}
