// Every CRM emulator's standalone entry (`emulators/<vendor>/serve.ts`) as a real process: it
// starts on a free loopback port and answers its control surface, stops with exit 0 on SIGTERM,
// and refuses a bad port or a bad seed file with exit 2 and one clear line (nothing half-started).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../emulators/', import.meta.url));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs serve.ts; once stdout matches `whileUp.ready`, runs `whileUp.run` and then sends SIGTERM. */
function serve(vendor: string, args: string[], whileUp?: { ready: RegExp; run: (out: string) => Promise<void> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(root, vendor, 'serve.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let started = false;
    p.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (!started && whileUp?.ready.test(out)) {
        started = true;
        whileUp.run(out).then(
          () => p.kill('SIGTERM'),
          (e: unknown) => {
            p.kill('SIGKILL');
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      }
    });
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.once('error', reject);
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

const vendors: { vendor: string; name: string; controlBase: (out: string) => string }[] = [
  { vendor: 'kustomer', name: 'kustomer emulator', controlBase: (o) => /listening on (\S+)/.exec(o)![1]! },
  { vendor: 'kustomer-page', name: 'kustomer page emulator', controlBase: (o) => /Kustomer API:\s+(\S+)\/v1/.exec(o)![1]! },
  { vendor: 'zendesk', name: 'zendesk emulator', controlBase: (o) => /listening on (\S+)/.exec(o)![1]! },
  { vendor: 'freshdesk', name: 'freshdesk emulator', controlBase: (o) => /listening on (\S+)/.exec(o)![1]! },
  { vendor: 'salesforce', name: 'salesforce emulator', controlBase: (o) => /listening on (\S+)/.exec(o)![1]! },
];

const dir = mkdtempSync(join(tmpdir(), 'emulator-serve-'));
const badSeed = join(dir, 'bad-seed.json');
writeFileSync(badSeed, JSON.stringify({ notAField: true }));
const notJson = join(dir, 'not-json.json');
writeFileSync(notJson, '{ half');

describe.each(vendors)('$vendor/serve.ts', ({ vendor, name, controlBase }) => {
  it('starts on a free loopback port, answers its control surface, exits 0 on SIGTERM', async () => {
    let state = 0;
    const ready = vendor === 'kustomer-page' ? /Users:.*\n/ : /Control:.*\n/;
    const run = await serve(vendor, ['--port', '0'], {
      ready,
      run: async (out) => {
        const base = controlBase(out);
        expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        state = (await fetch(`${base}/__emulator/state`)).status;
      },
    });
    expect(state).toBe(200);
    expect(run.code).toBe(0);
  });

  it.each([
    [['--port', '70000'], '--port must be 0-65535'],
    [['--port', 'abc'], '--port must be an integer >= 0'],
    [['--seed', badSeed], `bad seed file ${badSeed}`],
    [['--seed', notJson], `cannot read seed file ${notJson}`],
    [['--seed', join(dir, 'missing.json')], 'cannot read seed file'],
  ])('refuses %j with exit 2 and a clear line', async (args, message) => {
    const run = await serve(vendor, args);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${name}: ${message}`);
    expect(run.out).not.toContain('listening');
  });
});
