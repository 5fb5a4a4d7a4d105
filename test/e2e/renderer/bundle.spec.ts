// The build: relative base, no inline script (CSP), the initial JavaScript within budget, and
// the admin, supervisor and SIP parts in lazy chunks.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '@playwright/test';
import { DIST } from './support/servers.js';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

const BUDGET_GZIP = 250 * 1024;

function manifest(): Record<string, Chunk> {
  return JSON.parse(fs.readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
}

/** The entry and everything it imports statically: what the browser must load before the app runs. */
function initialChunks(m: Record<string, Chunk>): Chunk[] {
  const entry = Object.values(m).find((c) => c.isEntry);
  if (!entry) throw new Error('no entry chunk');
  const seen = new Map<string, Chunk>();
  const visit = (c: Chunk) => {
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

test('index.html has no inline script or style and uses relative URLs', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style/);
  expect(html).not.toMatch(/\s(src|href)="\//);
  expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[^"]+\.js"><\/script>/);
});

test(`the initial JavaScript is at most ${BUDGET_GZIP / 1024} KB gzip; admin, supervisor and SIP are lazy`, () => {
  const m = manifest();
  const initial = initialChunks(m);
  const files = initial.map((c) => c.file);
  const gzip = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
  console.log(`initial JS: ${files.join(', ')} = ${(gzip / 1024).toFixed(1)} KB gzip`);
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  const lazy = Object.values(m).filter((c) => !initial.includes(c) && c.src);
  const lazySources = lazy.map((c) => c.src ?? '');
  for (const part of ['src/admin/admin-screen.tsx', 'src/supervisor/supervisor-screen.tsx', 'src/softphone/sip/sip-phone.ts']) {
    expect(lazySources, `${part} should be a lazy chunk`).toContain(part);
    expect(initial.map((c) => c.src)).not.toContain(part);
  }
  // sip.js and zod must not be in the initial chunks.
  const initialText = files.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
  expect(initialText).not.toContain('SIP.js');
  expect(initialText).not.toMatch(/ZodError|\$ZodType/);
});

test('no eval or new Function in any chunk (CSP without unsafe-eval)', () => {
  const chunks = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(3);
  // Run-time attempts are caught too: every browser spec fails on a securitypolicyviolation event.
  expect(chunks.filter((f) => /\beval\(|new Function\(/.test(fs.readFileSync(path.join(DIST, 'assets', f), 'utf8')))).toEqual([]);
});
