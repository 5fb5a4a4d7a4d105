// serve.ts and cli.ts as real processes: the CLI drives a standalone simulator over HTTP.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedAgent, type SimulatedAgent } from '../../../emulators/contact-center/index.js';

const run = promisify(execFile);
const dir = fileURLToPath(new URL('../../../emulators/contact-center/', import.meta.url));
const node = (script: string, args: string[]) => [process.execPath, ['--import', 'tsx', `${dir}${script}`, ...args]] as const;

let server: ChildProcess;
let url = '';
let agent: SimulatedAgent | undefined;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [cmd, argv] = node('cli.ts', ['--url', url, ...args]);
  try {
    const { stdout, stderr } = await run(cmd, argv);
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

// A --config file: its own queue tree and settings replace the defaults.
const config = {
  settings: { crm: { kind: 'freshdesk' } },
  ringTimeoutSec: 5,
  queues: [
    { id: 'q-support', name: 'Support', parent: null },
    { id: 'q-billing', name: 'Billing', parent: 'q-support' },
    { id: 'q-chat', name: 'Chat', parent: null },
  ],
};

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-sim-')), 'sim.json');
  writeFileSync(file, JSON.stringify(config));
  const [cmd, argv] = node('serve.ts', ['--port', '0', '--config', file]);
  server = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    server.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) resolve(line.trim());
    });
    server.once('exit', (code) => reject(new Error(`serve.ts exited early (${code})`)));
  });
});

afterAll(async () => {
  agent?.close();
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

describe('cli.ts against serve.ts', () => {
  it('prints the URL, then drives calls and chats and reports state', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const call = await cli('inbound', 'ivr', '+82 10-1234-5678', '--queue', 'q-billing', '--language', 'ko', '--data', 'orderId=A-77', '--record');
    expect(call.code).toBe(0);
    const sessionId = (JSON.parse(call.out) as { sessionId: string }).sessionId;
    expect(sessionId).toMatch(/^S-\d+$/);

    const chat = await cli('chat', 'web', '--email', 'a@b.c', '--queue', 'q-chat', '--message', 'hello there');
    expect(chat.code).toBe(0);

    // Not connected yet: a 409 on stderr and exit code 1.
    const early = await cli('end', sessionId);
    expect(early.code).toBe(1);
    expect(early.err).toContain('409');

    agent = simulatedAgent(url, 'agent1@acme.test', { autoAccept: true });
    await agent.waitFor('session.connected', (p) => p.sessionId === sessionId);
    expect((await cli('end', sessionId)).code).toBe(0);
    await agent.waitFor('session.recording');

    const state = await cli('state');
    const parsed = JSON.parse(state.out) as { sessions: { id: string; state: string; session: { customData: object } }[] };
    expect(parsed.sessions[0]).toMatchObject({ id: sessionId, state: 'ended', session: { customData: { orderId: 'A-77' } } });
    expect(parsed.sessions).toHaveLength(2);
    const fromConfig = JSON.parse(state.out) as { settings: { crm: { kind: string } }; queues: { id: string }[] };
    expect(fromConfig.settings.crm.kind).toBe('freshdesk');
    expect(fromConfig.queues.map((q) => q.id)).toEqual(['q-support', 'q-billing', 'q-chat']);
  });

  it('reports usage errors and server-side validation errors', async () => {
    const usage = await cli('inbound', 'fax', '--queue', 'q-billing');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('unknown call kind');
    const bad = await cli('inbound', 'ivr', '+821012345678', '--queue', 'q-support');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('not a leaf');
  });

  it('serve.ts exits 0 on SIGTERM', async () => {
    agent?.close();
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
