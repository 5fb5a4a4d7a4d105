// The browser host's Kustomer origin proxy: it injects the page bridge as the first script of HTML
// pages, lets only the host page frame the proxied page, keeps cookies and redirects on the proxy,
// passes other content through untouched, and serves the bridge bundle. Against a scripted upstream
// and against the real Kustomer page emulator with the real bridge bundle.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { injectScript, INJECTED_PATH, rewriteCsp, startKustomerProxy, stripCookieDomain, type KustomerProxy } from '../../../main/browser-host/kustomer-proxy.js';
import { startKustomerWithPage } from '../../../emulators/kustomer-page/index.js';
import { bundleKustomerPreload } from '../../../scripts/build-kustomer-preloads.js';
import { kustomerSeed, memoryLog } from './core-rig.js';

const HOST_ORIGIN = 'http://127.0.0.1:5999';
const TAG = `<script src="${INJECTED_PATH}?parentOrigin=${encodeURIComponent(HOST_ORIGIN)}"></script>`;

let upstream: http.Server;
let upstreamOrigin: string;
const seen: http.IncomingHttpHeaders[] = [];
/** Server-sent-event streams the upstream has open (the page's live updates). */
const openStreams = new Set<http.IncomingMessage>();

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/app') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; script-src 'self'; frame-ancestors 'self'",
        'x-frame-options': 'SAMEORIGIN',
        'set-cookie': ['sid=abc; Domain=kustomerapp.com; Path=/; HttpOnly; SameSite=Lax'],
      });
      res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/app.js"></script></head><body>app</body></html>');
    } else if (req.url === '/go') {
      res.writeHead(302, { location: `${upstreamOrigin}/app?x=1` });
      res.end();
    } else if (req.url === '/events') {
      openStreams.add(req);
      req.on('close', () => openStreams.delete(req));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('data: hello\n\n');
    } else if (req.url === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"<head>":"not html"}');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => upstream.close(() => r()));
});

let proxy: KustomerProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe('Kustomer proxy: pure rewrites', () => {
  it('injects the tag right after <head>, else after <html>, else first', () => {
    expect(injectScript('<html><HEAD class="x"><script src="a.js"></script></HEAD></html>', TAG)).toBe(`<html><HEAD class="x">${TAG}<script src="a.js"></script></HEAD></html>`);
    expect(injectScript('<html lang="ko"><body></body></html>', TAG)).toBe(`<html lang="ko">${TAG}<body></body></html>`);
    expect(injectScript('<p>bare</p>', TAG)).toBe(`${TAG}<p>bare</p>`);
  });

  it('replaces frame-ancestors, strips cookie domains', () => {
    expect(rewriteCsp("default-src 'none'; frame-ancestors 'self' https://x", HOST_ORIGIN)).toBe(`default-src 'none'; frame-ancestors ${HOST_ORIGIN}`);
    expect(rewriteCsp("script-src 'self'", HOST_ORIGIN)).toBe(`script-src 'self'; frame-ancestors ${HOST_ORIGIN}`);
    expect(stripCookieDomain('sid=1; Domain=.kustomerapp.com; Path=/; Secure')).toBe('sid=1; Path=/; Secure');
  });
});

describe('Kustomer proxy: against a scripted upstream', () => {
  it('HTML gets the bridge as its first script, framing is for the host only, cookies stay on the proxy', async () => {
    proxy = await startKustomerProxy({ upstream: upstreamOrigin, hostOrigin: HOST_ORIGIN, injectedScript: async () => 'console.log(1)', log: memoryLog() });
    const res = await fetch(`${proxy.origin}/app`);
    const html = await res.text();
    expect(html).toBe(`<!doctype html><html lang="en"><head>${TAG}<meta charset="utf-8"><script src="/app.js"></script></head><body>app</body></html>`);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(res.headers.get('content-security-policy')).toBe(`default-src 'none'; script-src 'self'; frame-ancestors ${HOST_ORIGIN}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('set-cookie')).toBe('sid=abc; Path=/; HttpOnly; SameSite=Lax');
    // The upstream saw its own Host and Origin, not the proxy's.
    const last = seen.at(-1);
    expect(last?.host).toBe(new URL(upstreamOrigin).host);
  });

  it('maps the origin header and redirects onto the proxy; passes other content untouched', async () => {
    proxy = await startKustomerProxy({ upstream: upstreamOrigin, hostOrigin: HOST_ORIGIN, injectedScript: async () => null, log: memoryLog() });
    await fetch(`${proxy.origin}/app`, { method: 'POST', headers: { origin: proxy.origin } });
    expect(seen.at(-1)?.origin).toBe(upstreamOrigin);
    const go = await fetch(`${proxy.origin}/go`, { redirect: 'manual' });
    expect(go.headers.get('location')).toBe(`${proxy.origin}/app?x=1`);
    expect(await (await fetch(`${proxy.origin}/data.json`)).text()).toBe('{"<head>":"not html"}');
    expect(proxy.toProxy(`${upstreamOrigin}/app/conversations/1`)).toBe(`${proxy.origin}/app/conversations/1`);
    expect(proxy.toProxy('https://elsewhere.example/x')).toBe('https://elsewhere.example/x');
  });

  it('serves the bridge script, or 404 when it is not built', async () => {
    proxy = await startKustomerProxy({ upstream: upstreamOrigin, hostOrigin: HOST_ORIGIN, injectedScript: async () => 'console.log("bridge")', log: memoryLog() });
    const res = await fetch(`${proxy.origin}${INJECTED_PATH}?parentOrigin=x`);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('console.log("bridge")');
    await proxy.close();
    proxy = await startKustomerProxy({ upstream: upstreamOrigin, hostOrigin: HOST_ORIGIN, injectedScript: async () => null, log: memoryLog() });
    expect((await fetch(`${proxy.origin}${INJECTED_PATH}`)).status).toBe(404);
  });

  it('a client that goes away closes its upstream request: an event stream does not stay open upstream', async () => {
    const log = memoryLog();
    proxy = await startKustomerProxy({ upstream: upstreamOrigin, hostOrigin: HOST_ORIGIN, injectedScript: async () => '', log });
    const abort = new AbortController();
    const res = await fetch(`${proxy.origin}/events`, { signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: hello\n\n');
    expect(openStreams.size).toBe(1);
    abort.abort();
    await expect.poll(() => openStreams.size).toBe(0);
    expect(log.lines.filter((l) => l.event === 'kustomer_proxy.upstream_failed')).toEqual([]);
  });

  it('a dead upstream is a 502 with a reason', async () => {
    proxy = await startKustomerProxy({ upstream: 'http://127.0.0.1:1', hostOrigin: HOST_ORIGIN, injectedScript: async () => null, log: memoryLog() });
    const res = await fetch(`${proxy.origin}/app`);
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(/not reachable/);
  });
});

describe('Kustomer proxy: the real Kustomer page emulator and bridge bundle', () => {
  it('the signed-in app page comes through with the bridge injected and framing allowed for the host only', async () => {
    const k = await startKustomerWithPage({ seed: kustomerSeed() });
    try {
      const bundle = await bundleKustomerPreload('kustomer-injected');
      proxy = await startKustomerProxy({ upstream: k.page.url, hostOrigin: HOST_ORIGIN, injectedScript: async () => bundle, log: memoryLog() });
      const cookie = k.page.signIn('agent1@acme.test');
      expect(cookie).not.toBeNull();
      const res = await fetch(`${proxy.origin}/app`, { headers: { cookie: `${cookie?.name}=${cookie?.value}` } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html.indexOf(TAG)).toBeGreaterThan(-1);
      expect(html.indexOf(TAG)).toBeLessThan(html.indexOf('<script', html.indexOf(TAG) + TAG.length));
      expect(html).toContain('agent1@acme.test');
      expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors ${HOST_ORIGIN}`);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await (await fetch(`${proxy.origin}${INJECTED_PATH}`)).text()).toBe(bundle);
    } finally {
      await k.close();
    }
  });
});
