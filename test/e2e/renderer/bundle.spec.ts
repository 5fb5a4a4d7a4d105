// The build: relative base, no inline script (CSP), the initial JavaScript within budget, and
// the admin, supervisor and SIP parts in lazy chunks.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { DIST } from './support/servers.js';
import { gzipSize, initialChunks, readManifest } from '../../../scripts/bundle-size.js';

const BUDGET_GZIP = 250 * 1024;

test('index.html has no inline script or style and uses relative URLs', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style/);
  expect(html).not.toMatch(/\s(src|href)="\//);
  expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[^"]+\.js"><\/script>/);
});

test(`the initial JavaScript is at most ${BUDGET_GZIP / 1024} KB gzip; admin, supervisor and SIP are lazy`, () => {
  const m = readManifest(DIST);
  const initial = initialChunks(m);
  const files = initial.map((c) => c.file);
  const gzip = files.reduce((n, f) => n + gzipSize(path.join(DIST, f)), 0);
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
