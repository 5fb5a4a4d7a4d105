// SEC-1 logs: phone numbers (Korean and international formats), e-mails and tokens (Bearer, Basic,
// dev:, JWTs, API keys and passwords in fields, in query strings and in JSON fragments) never reach
// a log line in clear; ISO dates, record ids and IP addresses come through untouched. Checked on the
// JSON log every host uses (adapters/log) and on the Electron app's log file (main/electron/app-log.ts,
// opened in a temp dir exactly as main.ts opens it in userData/logs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLog } from '../../main/adapters/log/json-log.js';
import { redact, redactText } from '../../main/adapters/log/redact.js';
import { APP_LOG_FILE, openAppLog } from '../../main/electron/app-log.js';

const PHONES = [
  '010-1234-5678',
  '01012345678',
  '010 1234 5678',
  '010.1234.5678',
  '+82 10-1234-5678',
  '+82-10-1234-5678',
  '+821012345678',
  '+82 (0)10 1234 5678',
  '0082 10 1234 5678',
  '02-123-4567',
  '(02) 1234-5678',
  '031-987-6543',
  '1588-1234',
  '+1 (415) 555-2671',
  '+44 20 7946 0958',
  '+81 3-1234-5678',
  '+33 1 23 45 67 89',
];
const EMAILS = ['agent1@acme.test', 'kim.minji+support@mail.example.co.kr', 'Joon.Kim@Sub.Acme.COM', 'agent2%40acme.test', 'x_y-z@example.io'];
const TOKENS: [string, string][] = [
  ['Authorization: Bearer eyJraWQiOiJrMSJ9abcdefghijklmnop', 'eyJraWQiOiJrMSJ9abcdefghijklmnop'],
  ['bearer sk_live_51Habcdefghijk', 'sk_live_51Habcdefghijk'],
  ['Basic YWdlbnQxQGFjbWUudGVzdDpzM2NyZXQ=', 'YWdlbnQxQGFjbWUudGVzdDpzM2NyZXQ='],
  ['token dev:agent1@acme.test:agent,admin was refused', 'agent1@acme.test:agent,admin'],
  ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrdXN0b21lciJ9.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ['wss://cc.acme.example/socket?token=abcd1234efgh5678&v=1', 'abcd1234efgh5678'],
  ['GET /api/v2/x?api_key=zd-0123456789abcdef failed', 'zd-0123456789abcdef'],
  ['reply: {"error":"bad","apiKey":"fd-key-0123456789","password":"hunter2-hunter2"}', 'fd-key-0123456789'],
  ['reply: {"error":"bad","apiKey":"fd-key-0123456789","password":"hunter2-hunter2"}', 'hunter2-hunter2'],
  ['x-api-key: kus-0123456789abcdef', 'kus-0123456789abcdef'],
  ['set-cookie: session=s3cr3tc00kie; HttpOnly', 's3cr3tc00kie'],
];

/** The phone's digits (minus the two kept) must not appear, however the output is formatted. */
function expectNoPhone(out: string, phone: string): void {
  const digits = phone.replace(/\D/g, '');
  expect(out, phone).not.toContain(phone);
  expect(out.replace(/[\s().\-+/]/g, ''), phone).not.toContain(digits.slice(0, -2));
}

function lines(write: string[]): Record<string, unknown>[] {
  return write.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('SEC-1 log redaction', () => {
  it('phone numbers in text, Korean and international formats, keep only their last two digits', () => {
    for (const p of PHONES) {
      for (const text of [p, `call from ${p} ended`, `전화 ${p} 연결됨`, `고객번호${p}입니다`, `tel:${p.replace(/\s/g, '')}`, `GET /v1/customers/search?phone=${encodeURIComponent(p)}`, `{"phone":"${p}"}`, `/customers/${p.replace(/\s/g, '')}`]) {
        const out = redactText(text);
        expectNoPhone(out, p);
        expect(out).toMatch(new RegExp(`${p.replace(/\D/g, '').slice(-2)}`));
      }
    }
  });

  it('e-mails keep their first letter and domain only', () => {
    for (const e of EMAILS) {
      const local = decodeURIComponent(e).split('@')[0] ?? '';
      for (const text of [e, `user ${e} signed in`, `mailto:${e}`, `https://x.example/?email=${e}`]) {
        const out = redactText(text);
        expect(out, text).not.toContain(local);
        expect(out).toContain(`${local[0]}***@`);
      }
    }
  });

  it('tokens, credentials and keys in text are dropped', () => {
    for (const [text, secret] of TOKENS) expect(redactText(text), text).not.toContain(secret);
    // Ordinary words are not credentials.
    expect(redactText('basic settings saved; the token is missing')).toBe('basic settings saved; the token is missing');
  });

  it('secret fields are dropped whatever their name looks like; phone fields are masked even as numbers', () => {
    const fields = {
      apiKey: 'k1-secret-value',
      api_key: 'k2-secret-value',
      'x-api-key': 'k3-secret-value',
      'crm.apiKey': 'k4-secret-value',
      crmApiKey: 'k5-secret-value',
      clientSecret: 'k6-secret-value',
      password: 'k7-secret-value',
      sipPassword: 'k8-secret-value',
      token: 'k9-secret-value',
      accessToken: 'k10-secret-value',
      refresh_token: 'k11-secret-value',
      authorization: 'Bearer k12-secret-value',
      Cookie: 'sid=k13-secret-value',
      headers: { Authorization: 'Basic k14-secret-value', 'Set-Cookie': ['a=k15-secret-value'] },
      credentials: { user: 'u', pass: 'k16-secret-value' },
      privateKey: 'k17-secret-value',
      pin: 1234,
      hasPassword: true,
      phone: 821012345678,
      dialedNumber: '+8215881234',
      callerId: '0212345678',
      customer: { phones: ['+821098765432', '010-5555-6666'], email: 'kim@example.com' },
    };
    const out = JSON.stringify(redact(fields));
    for (let i = 1; i <= 17; i++) expect(out, `k${i}`).not.toContain(`k${i}-secret-value`);
    expect(out).toContain('"hasPassword":true');
    for (const p of ['821012345678', '8215881234', '0212345678', '821098765432', '01055556666']) expectNoPhone(out, p);
    expect(out).not.toContain('kim@example.com');
  });

  it('ISO dates, record ids, session ids, UUIDs, IP addresses and numbers come through untouched', () => {
    const fields = {
      at: '2026-11-21T09:00:00Z',
      since: '2026-11-21T18:30:15.123+09:00',
      day: '2026-11-21',
      when: new Date('2026-11-21T09:00:00Z'),
      text: 'opened at 2026-11-21 09:00:00 from 192.168.100.200:443',
      recordId: '12345678',
      ticketId: '987654321',
      customerId: '5f7a1b2c3d4e5f6a7b8c9d0e',
      caseId: '5003000000D8cuIQAS',
      sessionId: 'S-1001',
      entryId: 42,
      seq: 1_234_567,
      uuid: '123e4567-e89b-12d3-a456-426614174000',
      url: 'https://acme.kustomerapp.com/app/conversations/64e8123456789abcdef01234',
      path: 'zendesk PUT /api/v2/tickets/12345678 -> 500',
      ids: ['5f7a1b2c3d4e5f6a7b8c9d0e', '12345678'],
    };
    expect(redact(fields)).toEqual({ ...fields, when: '2026-11-21T09:00:00.000Z' });
  });

  it('the JSON log: one redacted line per call, never thrown, fields cannot forge time/level/event', () => {
    const out: string[] = [];
    const log = jsonLog((l) => out.push(l));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { email: 'deep@example.com' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    log.info('cc.event', { phone: '+821012345678', from: 'agent1@acme.test', error: new Error('POST /v1/customers failed for 010-1234-5678 with Bearer abcdef123456'), seq: 7 });
    log.warn('odd.fields', { cyclic, deep, big: 10n ** 30n, buf: Buffer.from('secret-bytes'), fn: () => 1, sym: Symbol('s'), time: 'forged', level: 'debug', event: 'forged' });
    log.error('huge', { text: `${'1'.repeat(200_000)} 010-9999-8888 ${'a'.repeat(200_000)}@x.com` });
    const [a, b, c] = lines(out);
    expect(out).toHaveLength(3);
    expect(a).toMatchObject({ level: 'info', event: 'cc.event', seq: 7 });
    expect(JSON.stringify(a)).not.toMatch(/1012345678|agent1@|1234-5678|abcdef123456/);
    expect((a?.error as { message: string }).message).toContain('[redacted]');
    expect(b).toMatchObject({ level: 'warn', event: 'odd.fields', _time: 'forged', _level: 'debug', _event: 'forged', cyclic: { a: 1, self: '[circular]' }, buf: '[binary 12 bytes]' });
    expect(JSON.stringify(b)).not.toContain('deep@example.com');
    expect(JSON.stringify(b)).not.toContain('secret-bytes');
    expect(c).toMatchObject({ level: 'error', event: 'huge' });
    expect(String(c?.text).length).toBeLessThan(10_000);
    expect(JSON.stringify(c)).not.toContain('9999-8888');
  });

  it('redaction stays linear on hostile input (no catastrophic backtracking)', () => {
    const hostile = ['1'.repeat(100_000) + 'a', 'a'.repeat(100_000), '1 '.repeat(50_000) + 'x', '"a":"'.repeat(20_000), 'a.'.repeat(50_000) + '@', '@a.'.repeat(30_000), `eyJ${'a'.repeat(100_000)}`, 'Bearer '.repeat(20_000), `dev:${'x'.repeat(100_000)}`, '%2B1'.repeat(30_000)];
    const started = performance.now();
    for (const h of hostile) redactText(h);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('the Electron app log file: redacted lines, owner-only, and stdout gets the same redacted lines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-logs-'));
    const stdout: string[] = [];
    const app = openAppLog(path.join(dir, 'logs'), (l) => stdout.push(l));
    app.log.info('core.started', { identity: 'agent1@acme.test', contactCenter: 'https://cc.acme.example/?token=dev:agent1@acme.test' });
    app.log.warn('window.external_refused', { url: 'tel:+82-10-1234-5678' });
    app.log.error('Unexpected error', { error: 'request with Authorization: Bearer abc.def.ghi failed', stack: 'Error: at https://api.kustomerapp.com/v1/customers?email=kim%40example.com' });
    await app.close();
    expect(app.file).toBe(path.join(dir, 'logs', APP_LOG_FILE));
    const text = fs.readFileSync(app.file as string, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(stdout.join('')).toBe(text);
    for (const leak of ['agent1@acme.test', 'dev:agent1', '1234-5678', 'abc.def.ghi', 'kim%40example', 'kim@example']) expect(text, leak).not.toContain(leak);
    expect(text).toContain('a***@acme.test');
    if (process.platform !== 'win32') expect(fs.statSync(app.file as string).mode & 0o777).toBe(0o600);

    // A log folder that cannot be created: stdout only, no throw.
    const blocked = path.join(dir, 'file-not-dir');
    fs.writeFileSync(blocked, '');
    const fallback = openAppLog(path.join(blocked, 'logs'), (l) => stdout.push(l));
    expect(fallback.file).toBeNull();
    expect(() => fallback.log.info('still.logging', { email: 'x@example.com' })).not.toThrow();
    expect(stdout.at(-1)).not.toContain('x@example.com');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
