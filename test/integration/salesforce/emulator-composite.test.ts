// Salesforce emulator: POST /composite with @{ref} references in urls and bodies, allOrNone
// rollback, PROCESSING_HALTED for dependants of a failure, the 25-subrequest and 5-query limits,
// and one API call per composite request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { api, start } from './helpers.js';

let e: SalesforceEmulator;
beforeEach(async () => {
  e = await start();
});
afterEach(() => e.close());

const url = (p: string) => `/services/data/v62.0${p}`;
const composite = (allOrNone: boolean, compositeRequest: unknown[]) => api(e, 'POST', '/composite', { allOrNone, compositeRequest });

describe('Salesforce emulator: composite requests', () => {
  it('runs subrequests in order, resolving @{ref.id} and @{ref.records[0].Id} in urls and bodies', async () => {
    const r = await composite(true, [
      { method: 'POST', url: url('/sobjects/Contact'), referenceId: 'newContact', body: { LastName: 'Ref', Phone: '+14155550100' } },
      { method: 'GET', url: url("/query?q=SELECT+Id+FROM+Contact+WHERE+Phone='%2B14155550100'"), referenceId: 'found' },
      { method: 'PATCH', url: url('/sobjects/Case/AgentDesk_Session_Id__c/S-1'), referenceId: 'newCase', body: { Subject: 'c', ContactId: '@{found.records[0].Id}' } },
      { method: 'GET', url: url('/sobjects/Case/@{newCase.id}?fields=Id,ContactId,CaseNumber'), referenceId: 'readBack' },
    ]);
    expect(r.status).toBe(200);
    const [c, q, k, read] = r.json.compositeResponse;
    expect(Object.keys(c)).toEqual(['body', 'httpHeaders', 'httpStatusCode', 'referenceId']);
    expect(c).toMatchObject({ httpStatusCode: 201, referenceId: 'newContact', body: { success: true }, httpHeaders: { Location: expect.stringContaining('/sobjects/Contact/') } });
    expect(q.body.records[0].Id).toBe(c.body.id);
    expect(k).toMatchObject({ httpStatusCode: 201, body: { created: true } });
    expect(read).toMatchObject({ httpStatusCode: 200, body: { Id: k.body.id, ContactId: c.body.id, CaseNumber: '00001000' } });
  });

  it('allOrNone: a failure rolls back what ran before it; every other subrequest answers 400 PROCESSING_HALTED', async () => {
    const r = await composite(true, [
      { method: 'POST', url: url('/sobjects/Contact'), referenceId: 'ok1', body: { LastName: 'Rolled back' } },
      { method: 'POST', url: url('/sobjects/Case'), referenceId: 'bad', body: { Status: 'Nope' } },
      { method: 'POST', url: url('/sobjects/Contact'), referenceId: 'never', body: { LastName: 'Never' } },
    ]);
    expect(r.status).toBe(200);
    expect(r.json.compositeResponse.map((s: { referenceId: string; httpStatusCode: number; body: Array<{ errorCode: string }> }) => [s.referenceId, s.httpStatusCode, s.body[0]?.errorCode])).toEqual([
      ['ok1', 400, 'PROCESSING_HALTED'],
      ['bad', 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
      ['never', 400, 'PROCESSING_HALTED'],
    ]);
    expect(e.store.list('Contact')).toHaveLength(0);
    expect(e.store.list('Case')).toHaveLength(0);
  });

  it('without allOrNone: independent subrequests run, dependants of a failure or of an empty result are PROCESSING_HALTED', async () => {
    const r = await composite(false, [
      { method: 'GET', url: url("/query?q=SELECT+Id+FROM+Contact+WHERE+Phone='nobody'"), referenceId: 'none' },
      { method: 'GET', url: url("/query?q=SELECT+Id+FROM+Case+WHERE+ContactId='@{none.records[0].Id}'"), referenceId: 'casesOfNone' },
      { method: 'POST', url: url('/sobjects/Case'), referenceId: 'bad', body: { Nope__c: 1 } },
      { method: 'PATCH', url: url('/sobjects/Case/@{bad.id}'), referenceId: 'afterBad', body: { Subject: 'x' } },
      { method: 'POST', url: url('/sobjects/Contact'), referenceId: 'independent', body: { LastName: 'Kept' } },
    ]);
    const byRef = Object.fromEntries(r.json.compositeResponse.map((s: { referenceId: string }) => [s.referenceId, s]));
    expect(byRef.none).toMatchObject({ httpStatusCode: 200, body: { totalSize: 0 } });
    expect(byRef.casesOfNone).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: expect.stringContaining('none.records[0].Id') }] });
    expect(byRef.bad.body[0].errorCode).toBe('INVALID_FIELD');
    expect(byRef.afterBad.body[0].errorCode).toBe('PROCESSING_HALTED');
    expect(byRef.independent.httpStatusCode).toBe(201);
    expect(e.store.list('Contact').map((c) => c.LastName)).toEqual(['Kept']);
  });

  it('counts as one API call however many subrequests it has', async () => {
    const subs = Array.from({ length: 10 }, (_, i) => ({ method: 'POST', url: url('/sobjects/Contact'), referenceId: `c${i}`, body: { LastName: `C${i}` } }));
    const r = await composite(false, subs);
    expect(r.headers.get('sforce-limit-info')).toBe('api-usage=1/100000');
    expect(e.store.list('Contact')).toHaveLength(10);
  });

  it('refuses more than 25 subrequests, more than 5 queries, duplicate or bad referenceIds, foreign urls and nested composites', async () => {
    const q = (i: number) => ({ method: 'GET', url: url('/query?q=SELECT+Id+FROM+Case'), referenceId: `q${i}` });
    const many = Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: url('/limits'), referenceId: `r${i}` }));
    const bad: unknown[][] = [
      many,
      Array.from({ length: 6 }, (_, i) => q(i)),
      [q(1), q(1)],
      [{ method: 'GET', url: url('/query?q=SELECT+Id+FROM+Case'), referenceId: 'has-dash' }],
      [{ method: 'GET', url: '/services/data/v10.0/query?q=SELECT+Id+FROM+Case', referenceId: 'old' }],
      [{ method: 'POST', url: url('/composite'), referenceId: 'nested', body: { compositeRequest: [] } }],
      [],
    ];
    for (const subs of bad) {
      const r = await composite(true, subs);
      expect(r.status, JSON.stringify(subs).slice(0, 80)).toBe(400);
      expect(Array.isArray(r.json) && typeof r.json[0].errorCode === 'string').toBe(true);
    }
    expect((await composite(true, Array.from({ length: 5 }, (_, i) => q(i)))).status).toBe(200);
  });

  it('commit_then_drop on /composite commits every subrequest, then cuts the connection', async () => {
    e.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'commit_then_drop' });
    await expect(composite(true, [{ method: 'PATCH', url: url('/sobjects/Case/AgentDesk_Session_Id__c/S-9'), referenceId: 'k', body: { Subject: 'committed' } }])).rejects.toThrow();
    expect(e.store.where('Case', 'AgentDesk_Session_Id__c', 'S-9')).toHaveLength(1);
    expect(e.requests().at(-1)).toMatchObject({ outcome: 'committed_then_dropped', status: 200 });
  });
});
