// The Salesforce adapter's failures as CrmError kinds (the outbox decides on them): API limits
// (403 REQUEST_LIMIT_EXCEEDED, 429) -> rate_limited with a sensible delay, 5xx / timeouts / drops
// -> transient, 401 -> auth (or a token refresh with client credentials), 404 -> not_found, other
// 4xx -> invalid with Salesforce's message; and REL-1 after commit-then-drop on every write.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { DEFAULT_CLIENT, makeId, type SalesforceEmulator, type SalesforceOptions } from '../../../emulators/salesforce/index.js';
import { SalesforceAdapter } from '../../../main/adapters/crm/salesforce/index.js';
import { isRetryable } from '../../../main/engine/crm-port.js';
import { crmFailure as failure } from '../../support/rejection.js';
import { adapterFor, appSettings, newCaller, start, TOKEN, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const CONTACT = makeId('003', 55);
let e: SalesforceEmulator | null = null;
afterEach(async () => {
  await e?.close();
  e = null;
});

async function setup(opts: SalesforceOptions = {}, timeoutMs = 5_000) {
  e = await start({ ...opts, seed: { contacts: [{ id: CONTACT, fields: { LastName: 'Err', Phone: '+16175550100' } }], ...opts.seed } });
  return { e, a: adapterFor(e, { timeoutMs, dailyLimitRetryMs: 900_000, concurrencyRetryMs: 4_000 }) };
}

describe('Salesforce adapter: API limits -> rate_limited', () => {
  it('403 REQUEST_LIMIT_EXCEEDED (daily allocation used up) -> rate_limited, retried after dailyLimitRetryMs; usage is tracked', async () => {
    const { a } = await setup({ dailyApiLimit: 1 });
    await a.findRecordByExternalId('x', ctx);
    expect(a.lastApiUsage()).toMatchObject({ used: 1, limit: 1 });
    const err = await failure(a.findRecordByExternalId('x', ctx));
    expect(err).toMatchObject({ kind: 'rate_limited', status: 403, retryAfterMs: 900_000 });
    expect(err.message).toContain('REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.');
    expect(isRetryable(err)).toBe(true);
  });

  it('403 REQUEST_LIMIT_EXCEEDED for concurrency -> rate_limited after concurrencyRetryMs; 429 uses Retry-After', async () => {
    const clock = new ManualClock('2026-11-21T09:00:30Z');
    const { a } = await setup({ clock, burstPerMinute: 1 });
    await a.findRecordByExternalId('x', ctx);
    expect(await failure(a.findRecordByExternalId('x', ctx))).toMatchObject({ kind: 'rate_limited', status: 403, retryAfterMs: 4_000 });
    await e?.close();
    const second = await setup({ clock, burstPerMinute: 1, burstStatus: 429 });
    await second.a.findRecordByExternalId('x', ctx);
    expect(await failure(second.a.findRecordByExternalId('x', ctx))).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 30_000 });
  });

  it('an injected 429 on the composite request -> rate_limited with its Retry-After', async () => {
    const { e: em, a } = await setup();
    em.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'rate_limit', retryAfterSec: 7 });
    expect(await failure(a.createRecord(voiceRecord(CONTACT, 'S-429'), ctx))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
    expect(em.store.list('Case')).toHaveLength(0);
  });
});

describe('Salesforce adapter: other failures', () => {
  it('5xx -> transient with the status and Salesforce\'s message', async () => {
    const { e: em, a } = await setup();
    for (const status of [500, 502, 503]) {
      em.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'status', status });
      const err = await failure(a.findCustomerWithRecords(newCaller, 20, ctx));
      expect(err).toMatchObject({ kind: 'transient', status });
      expect(isRetryable(err)).toBe(true);
    }
  });

  it('a dropped connection, a reply slower than the timeout, and a caller abort -> transient', async () => {
    const { e: em, a } = await setup({}, 100);
    em.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/CaseComment', kind: 'drop' });
    expect((await failure(a.addNote(makeId('500', 1), { key: 'n', body: 'b' }, ctx))).message).toContain('POST /services/data/v62.0/sobjects/CaseComment');
    em.fault({ method: 'GET', path: '/services/data/v62.0/query', kind: 'delay', delayMs: 1_500 });
    const slow = await failure(a.findRecordByExternalId('slow', ctx));
    expect(slow).toMatchObject({ kind: 'transient', status: null });
    expect(slow.message).toContain('timed out after 100 ms');
    em.fault({ method: 'GET', path: '/services/data/v62.0/query', kind: 'delay', delayMs: 1_500 });
    const controller = new AbortController();
    const p = a.findRecordByExternalId('slow', { retry: false, signal: controller.signal });
    controller.abort();
    expect((await failure(p)).message).toContain('cancelled');
  });

  it('401 -> auth; 404 -> not_found; a refused write -> invalid with errorCode, message and fields', async () => {
    const { e: em, a } = await setup();
    const wrong = new SalesforceAdapter({ instanceUrl: em.url, accessToken: 'revoked' }, { settings: () => appSettings() });
    const denied = await failure(wrong.findCustomer(newCaller, ctx));
    expect(denied).toMatchObject({ kind: 'auth', status: 401 });
    expect(denied.message).toContain('INVALID_SESSION_ID: Session expired or invalid');
    expect(await failure(a.assignCustomer(makeId('003', 4040), makeId('005', 501), ctx))).toMatchObject({ kind: 'not_found', status: 404 });
    const invalid = await failure(a.addNote(makeId('500', 4040), { key: 'k', body: 'b' }, ctx));
    expect(invalid).toMatchObject({ kind: 'invalid', status: 400 });
    expect(invalid.message).toContain('INVALID_CROSS_REFERENCE_KEY: Parent ID: invalid cross reference id [fields: ParentId]');
    expect(isRetryable(invalid)).toBe(false);
  });

  it('a 2xx reply of the wrong shape is a clear transient error, not a wrong record', async () => {
    const { e: em, a } = await setup();
    em.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'status', status: 200, body: { compositeResponse: [{ referenceId: 'contacts' }] } });
    expect((await failure(a.findCustomerWithRecords(newCaller, 20, ctx))).message).toMatch(/unexpected reply shape/);
  });

  it('with a connected app (client credentials) it gets a token itself and gets a new one after the session expires', async () => {
    const { e: em } = await setup();
    const a = new SalesforceAdapter({ instanceUrl: em.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret }, { settings: () => appSettings() });
    expect(await a.findCustomer({ ...newCaller, phoneE164: '+16175550100' }, ctx)).toEqual({ id: CONTACT });
    const tokens = [...em.store.tokens.values()].filter((t) => t.token !== TOKEN);
    expect(tokens).toHaveLength(1);
    em.expireToken(tokens[0]?.token ?? '');
    expect(await a.findCustomer({ ...newCaller, phoneE164: '+16175550100' }, ctx)).toEqual({ id: CONTACT });
    expect(em.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /services/oauth2/token 200',
      'GET /services/data/v62.0/query 200',
      'GET /services/data/v62.0/query 401',
      'POST /services/oauth2/token 200',
      'GET /services/data/v62.0/query 200',
    ]);
    const bad = new SalesforceAdapter({ instanceUrl: em.url, clientId: DEFAULT_CLIENT.clientId, clientSecret: 'wrong' }, { settings: () => appSettings() });
    expect(await failure(bad.findCustomer(newCaller, ctx))).toMatchObject({ kind: 'auth', status: 400 });
  });
});

describe('Salesforce adapter: REL-1 no duplicates after commit-then-drop', () => {
  it('createRecord: the retry finds the case by External ID and its Task by CallObject and writes nothing more', async () => {
    const { e: em, a } = await setup();
    em.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'commit_then_drop' });
    expect((await failure(a.createRecord(voiceRecord(CONTACT, 'S-ctd'), ctx))).kind).toBe('transient');
    const committed = em.store.where('Case', 'AgentDesk_Session_Id__c', 'S-ctd')[0];
    em.clearRequests();
    const again = await a.createRecord(voiceRecord(CONTACT, 'S-ctd'), { retry: true });
    expect(again).toMatchObject({ id: committed?.Id, existed: true, leafQueueId: 'q-billing', channel: 'voice' });
    expect(em.requests()).toHaveLength(1);
    expect([em.store.list('Case').length, em.store.list('Task').length]).toEqual([1, 1]);
  });

  it('createRecord retry when nothing was committed (drop): creates once', async () => {
    const { e: em, a } = await setup();
    em.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'drop' });
    await failure(a.createRecord(voiceRecord(CONTACT, 'S-drop'), ctx));
    expect(em.store.list('Case')).toHaveLength(0);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-drop'), { retry: true });
    expect(rec.existed).toBeUndefined();
    expect([em.store.list('Case').length, em.store.list('Task').length]).toEqual([1, 1]);
  });

  it('a case that exists without its call Task (Tasks turned on since) gets the Task on the retry', async () => {
    const { e: em } = await setup();
    const quiet = adapterFor(em, { logCallsAsTasks: false });
    await quiet.createRecord(voiceRecord(CONTACT, 'S-late'), ctx);
    const a = adapterFor(em);
    await a.createRecord(voiceRecord(CONTACT, 'S-late'), { retry: true });
    await a.createRecord(voiceRecord(CONTACT, 'S-late'), { retry: true });
    expect(em.store.list('Task').map((t) => t.CallObject)).toEqual(['S-late']);
  });

  it('addNote and attachFile: commit-then-drop, then the retry sees the marker and adds nothing', async () => {
    const { e: em, a } = await setup();
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-n', { channel: 'chat' }), ctx);
    em.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/CaseComment', kind: 'commit_then_drop' });
    await failure(a.addNote(rec.id, { key: 'S-n:details', body: 'Phone: +16175550100' }, ctx));
    await a.addNote(rec.id, { key: 'S-n:details', body: 'Phone: +16175550100' }, { retry: true });
    expect(em.store.where('CaseComment', 'ParentId', rec.id)).toHaveLength(1);
    em.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/ContentVersion', kind: 'commit_then_drop' });
    const file = { key: 'S-n:transcript', name: 't.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hi'), caption: 'Transcript' };
    await failure(a.attachFile(rec.id, file, ctx));
    await a.attachFile(rec.id, file, { retry: true });
    expect(em.store.where('ContentVersion', 'FirstPublishLocationId', rec.id)).toHaveLength(1);
  });

  it('createCustomer without ctx.retry after commit-then-drop: the upsert on the customer key returns the same contact', async () => {
    const { e: em, a } = await setup();
    em.fault({ method: 'PATCH', path: '/services/data/v62.0/sobjects/Contact/**', kind: 'commit_then_drop' });
    await failure(a.createCustomer({ ...newCaller, key: 'phone:+14155550100', fields: {} }, ctx));
    const again = await a.createCustomer({ ...newCaller, key: 'phone:+14155550100', fields: {} }, ctx);
    expect(again.created).toBe(false);
    expect(em.store.list('Contact')).toHaveLength(2);
  });
});
