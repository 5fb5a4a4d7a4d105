// Serves the two test pages on 127.0.0.1 (a secure context for getUserMedia): the agent harness
// (the real SipPhone) and the caller, each script bundled with esbuild from the sources at start,
// so every run tests the current code. Used by the specs and by bench/answer-audio.ts.
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';

const here = import.meta.dirname;

export interface Site {
  url: string;
  close(): Promise<void>;
}

async function bundle(entry: string): Promise<string> {
  const r = await build({
    entryPoints: [path.join(here, '..', entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

export async function startSite(): Promise<Site> {
  const [harness, caller] = await Promise.all([bundle('harness/agent-harness.ts'), bundle('caller/caller.ts')]);
  const files: Record<string, { type: string; body: string }> = {
    '/harness/': { type: 'text/html', body: fs.readFileSync(path.join(here, '../harness/index.html'), 'utf8') },
    '/harness/harness.js': { type: 'text/javascript', body: harness },
    '/caller/': { type: 'text/html', body: fs.readFileSync(path.join(here, '../caller/index.html'), 'utf8') },
    '/caller/caller.js': { type: 'text/javascript', body: caller },
  };
  const server = http.createServer((req, res) => {
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${f.type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
