// Salesforce emulator: an org-specific CaseStatus picklist (several closed values), files as
// ContentVersion linked to a case, API limits (daily allocation, per-minute burst, 403
// REQUEST_LIMIT_EXCEEDED or 429) and every fault kind of the http-kit, from code and over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { api, soql, start } from './helpers.js';

let e: SalesforceEmulator | null = null;
afterEach(async () => {
  await e?.close();
  e = null;
});

const PICKLIST = [
  { apiName: 'Open - New', isClosed: false },
  { apiName: 'In Progress', isClosed: false, isDefault: true },
  { apiName: 'Resolved', isClosed: true },
  { apiName: 'Closed - No Response', isClosed: true },
];

describe('Salesforce emulator: CaseStatus (REC-1, REC-2)', () => {
  it('serves the configured picklist; the default is the IsDefault row; IsClosed follows whichever closed value is set', async () => {
    e = await start({ seed: { caseStatuses: PICKLIST } });
    const rows = (await soql(e, 'SELECT ApiName, IsClosed, IsDefault FROM CaseStatus WHERE IsClosed = true ORDER BY SortOrder')).json.records;
    expect(rows.map((r: { ApiName: string }) => r.ApiName)).toEqual(['Resolved', 'Closed - No Response']);
    const id = (await api(e, 'POST', '/sobjects/Case', { Subject: 'x' })).json.id;
    expect(e.store.get('Case', id)).toMatchObject({ Status: 'In Progress', IsClosed: false });
    await api(e, 'PATCH', `/sobjects/Case/${id}`, { Status: 'Closed - No Response' });
    const closedAt = e.store.get('Case', id)?.ClosedDate;
    expect(e.store.get('Case', id)).toMatchObject({ IsClosed: true });
    await api(e, 'PATCH', `/sobjects/Case/${id}`, { Status: 'Resolved' });
    expect(e.store.get('Case', id)?.ClosedDate).toBe(closedAt);
    expect((await api(e, 'PATCH', `/sobjects/Case/${id}`, { Status: 'Closed' })).json[0].errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });

  it('refuses a seed without an open status', async () => {
    await expect(start({ seed: { caseStatuses: [{ apiName: 'Done', isClosed: true }] } })).rejects.toThrow(/at least one status must be open/);
  });
});

describe('Salesforce emulator: ContentVersion', () => {
  it('stores base64 VersionData, makes the ContentDocument and links it to FirstPublishLocationId; the bytes come back', async () => {
    e = await start();
    const caseId = (await api(e, 'POST', '/sobjects/Case', { Subject: 'files' })).json.id;
    const text = '[10:00] Customer: hi\n';
    const r = await api(e, 'POST', '/sobjects/ContentVersion', { Title: 'Transcript', PathOnClient: 'transcript.txt', VersionData: Buffer.from(text).toString('base64'), FirstPublishLocationId: caseId, Description: 'Chat transcript' });
    expect(r.status).toBe(201);
    const v = (await api(e, 'GET', `/sobjects/ContentVersion/${r.json.id}`)).json;
    expect(v).toMatchObject({ Title: 'Transcript', FileExtension: 'txt', FileType: 'TEXT', ContentSize: text.length, IsLatest: true, VersionNumber: '1', FirstPublishLocationId: caseId });
    expect(v.VersionData).toBe(`/services/data/v62.0/sobjects/ContentVersion/${r.json.id}/VersionData`);
    const bytes = await fetch(e.url + v.VersionData, { headers: { authorization: 'Bearer test-salesforce-token' } });
    expect(await bytes.text()).toBe(text);
    const links = (await soql(e, `SELECT ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE LinkedEntityId = '${caseId}'`)).json.records;
    expect(links).toEqual([expect.objectContaining({ ContentDocumentId: v.ContentDocumentId, LinkedEntityId: caseId })]);
    const byCase = (await soql(e, `SELECT Id, Description FROM ContentVersion WHERE FirstPublishLocationId = '${caseId}'`)).json.records;
    expect(byCase.map((x: { Id: string }) => x.Id)).toEqual([r.json.id]);
  });

  it('requires PathOnClient and VersionData, refuses bad base64, and defaults Title from the file name', async () => {
    e = await start();
    expect((await api(e, 'POST', '/sobjects/ContentVersion', { Title: 'x' })).json[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['PathOnClient', 'VersionData'] });
    expect((await api(e, 'POST', '/sobjects/ContentVersion', { PathOnClient: 'a.txt', VersionData: 'not base64!' })).json[0].errorCode).toBe('JSON_PARSER_ERROR');
    const id = (await api(e, 'POST', '/sobjects/ContentVersion', { PathOnClient: 'notes.pdf', VersionData: 'aGk=' })).json.id;
    expect(e.store.get('ContentVersion', id)).toMatchObject({ Title: 'notes', FileType: 'PDF' });
  });
});

describe('Salesforce emulator: API limits', () => {
  it('counts a rolling 24 h allocation in Sforce-Limit-Info and answers 403 REQUEST_LIMIT_EXCEEDED past it', async () => {
    const clock = new ManualClock('2026-11-21T09:00:00Z');
    e = await start({ clock, dailyApiLimit: 3 });
    const seen: Array<[number, string | null]> = [];
    for (let i = 0; i < 4; i++) {
      const r = await api(e, 'GET', '/limits');
      seen.push([r.status, r.headers.get('sforce-limit-info')]);
      if (r.status === 403) expect(r.json).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    }
    expect(seen).toEqual([[200, 'api-usage=1/3'], [200, 'api-usage=2/3'], [200, 'api-usage=3/3'], [403, 'api-usage=3/3']]);
    clock.advance(23 * 3600_000);
    expect((await api(e, 'GET', '/limits')).status).toBe(403);
    clock.advance(3600_000);
    expect((await api(e, 'GET', '/limits')).headers.get('sforce-limit-info')).toBe('api-usage=1/3');
  });

  it('a per-minute burst limit answers 403 REQUEST_LIMIT_EXCEEDED, or 429 with Retry-After when configured so', async () => {
    const clock = new ManualClock('2026-11-21T09:00:20Z');
    e = await start({ clock, burstPerMinute: 2 });
    await api(e, 'GET', '/limits');
    await api(e, 'GET', '/limits');
    const refused = await api(e, 'GET', '/limits');
    expect(refused.status).toBe(403);
    expect(refused.json[0]).toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: expect.stringContaining('ConcurrentRequests') });
    clock.advance(40_000);
    expect((await api(e, 'GET', '/limits')).status).toBe(200);
    await e.close();
    e = await start({ clock, burstPerMinute: 1, burstStatus: 429 });
    await api(e, 'GET', '/limits');
    const r = await api(e, 'GET', '/limits');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('60');
    expect(r.json[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
  });
});

describe('Salesforce emulator: fault injection', () => {
  it('status: the given status in Salesforce shape, `times` times, handler not run', async () => {
    e = await start();
    const [f] = e.fault({ method: 'POST', path: '/services/data/*/sobjects/Contact', kind: 'status', status: 503, times: 2 });
    const first = await api(e, 'POST', '/sobjects/Contact', { LastName: 'a' });
    expect(first.status).toBe(503);
    expect(first.json).toEqual([{ message: 'Injected fault', errorCode: 'SERVER_UNAVAILABLE' }]);
    expect((await api(e, 'POST', '/sobjects/Contact', { LastName: 'b' })).status).toBe(503);
    expect((await api(e, 'POST', '/sobjects/Contact', { LastName: 'c' })).status).toBe(201);
    expect(e.store.list('Contact')).toHaveLength(1);
    expect(e.requests().map((r) => r.faultId)).toEqual([f?.id, f?.id, null]);
  });

  it('rate_limit: 429 with Retry-After; delay: answers after the delay; drop: nothing committed; commit_then_drop: committed', async () => {
    e = await start();
    e.fault({ path: '/services/data/v62.0/query', kind: 'rate_limit', retryAfterSec: 7 });
    const limited = await api(e, 'GET', '/query?q=SELECT+Id+FROM+Case');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    e.fault({ path: '/services/data/v62.0/limits', kind: 'delay', delayMs: 30 });
    expect((await api(e, 'GET', '/limits')).status).toBe(200);
    e.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/Contact', kind: 'drop' });
    await expect(api(e, 'POST', '/sobjects/Contact', { LastName: 'lost' })).rejects.toThrow();
    expect(e.store.list('Contact')).toHaveLength(0);
    e.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/Contact', kind: 'commit_then_drop' });
    await expect(api(e, 'POST', '/sobjects/Contact', { LastName: 'kept' })).rejects.toThrow();
    expect(e.store.list('Contact').map((c) => c.LastName)).toEqual(['kept']);
    expect(e.requests().map((r) => r.outcome)).toEqual(['replied', 'replied', 'dropped', 'committed_then_dropped']);
  });

  it('is programmable over HTTP (/__emulator/faults, /requests, /state) with credentials masked in the log', async () => {
    e = await start();
    const post = await fetch(`${e.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'boom', path: '/services/data/**', kind: 'status', status: 500, times: null }) });
    expect(post.status).toBe(201);
    expect((await api(e, 'GET', '/limits')).json[0].errorCode).toBe('UNKNOWN_EXCEPTION');
    expect((await fetch(`${e.url}/__emulator/faults/boom`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(e, 'GET', '/limits')).status).toBe(200);
    const log = (await (await fetch(`${e.url}/__emulator/requests`)).json()) as { requests: Array<{ headers: Record<string, string> }> };
    expect(log.requests[0]?.headers.authorization).toBe('Bearer ***oken');
    const state = (await (await fetch(`${e.url}/__emulator/state`)).json()) as { org: { name: string }; objects: Record<string, unknown[]> };
    expect(state.org.name).toBe('Acme');
    expect(state.objects.CaseStatus).toHaveLength(4);
  });
});
