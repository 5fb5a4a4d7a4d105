// Shared set-up of the Kustomer integration tests: an emulator with agents whose ids the tests
// know, a small fetch helper, an adapter pointed at the emulator, and the spec check of every
// request a client sent (skipped, with the reason printed, only when the spec file is absent).
import { expect } from 'vitest';
import { startKustomer, type KustomerEmulator, type KustomerOptions } from '../../../emulators/kustomer/index.js';
import { KustomerAdapter, type KustomerAdapterDeps, type KustomerAdapterSettings } from '../../../main/adapters/crm/kustomer/index.js';
import type { NewRecord } from '../../../main/engine/crm-port.js';
import { available, unavailableReason, validateRequest } from '../../support/kustomer-openapi.js';
import { emulatorRequest, type Res } from '../../support/emulator-request.js';

export const AGENT_A = '64b0000000000000000000a1';
export const AGENT_B = '64b0000000000000000000b2';
export const API_KEY = 'test-kustomer-key';
export const APP_URL = 'https://acme.kustomerapp.com';

export function start(opts: KustomerOptions = {}): Promise<KustomerEmulator> {
  return startKustomer({
    ...opts,
    seed: {
      org: { name: 'Acme' },
      apiKeys: [API_KEY],
      users: [
        { id: AGENT_A, email: 'alice@acme.example', name: 'Alice Agent' },
        { id: AGENT_B, email: 'bob@acme.example', name: 'Bob Agent' },
      ],
      ...opts.seed,
    },
  });
}

export type { Res };

export function api(k: KustomerEmulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  return emulatorRequest(k.url + path, `Bearer ${API_KEY}`, method, body, headers);
}

export function adapterFor(k: KustomerEmulator, settings: Partial<KustomerAdapterSettings> = {}, deps: KustomerAdapterDeps = {}): KustomerAdapter {
  return new KustomerAdapter({ baseUrl: k.url, apiKey: API_KEY, appUrl: APP_URL, timeoutMs: 5_000, ...settings }, deps);
}

let reasonPrinted = false;
export function printSpecReasonOnce(): void {
  if (!available && !reasonPrinted) {
    reasonPrinted = true;
    console.warn(`[skip] ${unavailableReason}`);
  }
}

/** Spec violations of every /v1 request the emulator received (the S3 upload stand-in is not Kustomer's API). */
export function specViolations(k: KustomerEmulator): string[] {
  return k
    .requests()
    .filter((r) => r.path.startsWith('/v1/'))
    .flatMap((r) => validateRequest(r.method, r.query ? `${r.path}?${r.query}` : r.path, r.json).map((e) => `${r.method} ${r.path}: ${e}`));
}

/** Fails the test on any spec violation; prints why and does nothing when the spec is absent. */
export function expectRequestsConform(k: KustomerEmulator): void {
  if (!available) return printSpecReasonOnce();
  expect(specViolations(k)).toEqual([]);
}

export const newCaller = { phoneE164: '+14155550100', phoneRaw: '(415) 555-0100', identifier: null, email: null, name: 'Carol Caller' };

export function voiceRecord(customerId: string, externalId: string, extra: Partial<NewRecord> = {}): NewRecord {
  return {
    externalId,
    customerId,
    subject: 'Incoming call 1234 - Sales > Billing',
    channel: 'voice' as const,
    sessionType: 'voice_inbound_ivr' as const,
    direction: 'in' as const,
    tags: ['Voice Inbound - IVR', 'AgentDesk'],
    fields: { queueNameStr: 'Billing', sessionIdStr: externalId },
    leafQueueId: 'queue-billing',
    assigneeUserId: AGENT_A,
    startedAt: '2025-03-01T10:00:00.000Z',
    ...extra,
  };
}
