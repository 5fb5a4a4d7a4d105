// Loopback servers for the renderer specs: the built renderer (dist/renderer) under the strict
// CSP the hosts apply, and a stand-in Kustomer page on another origin for the browser-host iframe.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** The renderer build under test (support/build.ts), or dist/renderer when run without the global setup. */
export const DIST = process.env.AGENTDESK_RENDERER_DIST ?? path.resolve(import.meta.dirname, '../../../../dist/renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Served {
  url: string;
  origin: string;
  close(): Promise<void>;
}

function listen(server: http.Server, host: string): Promise<Served> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://${host}:${port}`;
      resolve({ url: `${origin}/`, origin, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** The built renderer. `frameOrigin` is the only origin the CSP lets it frame (the Kustomer proxy). */
export function serveRenderer(frameOrigin: string): Promise<Served> {
  const csp = `default-src 'self'; frame-src ${frameOrigin}; object-src 'none'; base-uri 'none'`;
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(DIST, rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp, 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return listen(server, '127.0.0.1');
}

/**
 * A stand-in Kustomer page: reports its user and status to the parent when loaded, sends a status
 * change or a tel: dial on click, and answers apply requests with `applied`.
 */
const KUSTOMER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kustomer stand-in</title></head>
<body><h1>Kustomer stand-in</h1><p id="where"></p>
<button id="lunch" type="button">Set Lunch</button> <a id="tel" href="tel:+821055550000">+82 10 5555 0000</a>
<ul id="applied"></ul>
<script>
  const send = (m) => parent.postMessage(Object.assign({ instanceId: 'k-1' }, m), '*');
  document.getElementById('where').textContent = location.pathname;
  send({ type: 'page', userEmail: 'minji@acme.test', userId: 'ku-1' });
  send({ type: 'status', name: 'Available', statusType: 'available', origin: 'page-load', at: 1 });
  document.getElementById('lunch').addEventListener('click', () => send({ type: 'status', name: 'Lunch', statusType: 'unavailable', origin: 'change', at: 2 }));
  document.getElementById('tel').addEventListener('click', (e) => { e.preventDefault(); send({ type: 'dial', number: '+821055550000' }); });
  window.addEventListener('message', (e) => {
    if (e.source !== parent || !e.data || e.data.type !== 'apply') return;
    const li = document.createElement('li'); li.textContent = 'apply ' + e.data.name + ' from ' + e.origin; document.getElementById('applied').appendChild(li);
    send({ type: 'applied', commandId: e.data.commandId });
  });
</script></body></html>`;

export function serveKustomer(): Promise<Served> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(KUSTOMER_PAGE);
  });
  // "localhost" and "127.0.0.1" are different origins, like a real Kustomer proxy origin.
  return listen(server, 'localhost');
}
