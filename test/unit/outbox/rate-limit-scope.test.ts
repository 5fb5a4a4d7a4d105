// REL-1: an account-wide 429 holds back every CRM write until Retry-After; a limit on one record
// (Zendesk's per-ticket update limit) holds back only that record's writes.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StateStore } from '../../../main/engine/state-store.js';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { OutboxRunner } from '../../../main/engine/outbox/outbox-runner.js';
import { CrmError, type CrmPort } from '../../../main/engine/crm-port.js';
import { silentLog, systemClock } from '../../../main/engine/ports.js';
import type { Intent } from '../../../main/engine/orchestration/types.js';

/** A CRM stand-in whose notes on record "busy" are rate limited once (the CRM is external). */
function scriptedCrm(scope: 'account' | 'record', notes: string[]): CrmPort {
  let limited = false;
  const notImplemented = () => Promise.reject(new Error('not used'));
  return {
    kind: 'zendesk',
    findCustomer: notImplemented,
    createCustomer: notImplemented,
    assignCustomer: notImplemented,
    listRecentRecords: notImplemented,
    findRecordByExternalId: notImplemented,
    createRecord: notImplemented,
    updateRecord: notImplemented,
    attachFile: notImplemented,
    recordUrl: (id) => `https://crm/${id}`,
    async addNote(recordId, note) {
      if (recordId === 'busy' && !limited) {
        limited = true;
        throw new CrmError('rate_limited', 'limit', 429, 60_000, scope);
      }
      notes.push(note.key);
    },
  };
}

async function run(scope: 'account' | 'record') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-scope-'));
  const store = new StateStore(new FileJournal(dir, { fsync: false }));
  const notes: string[] = [];
  const crm = scriptedCrm(scope, notes);
  const runner = new OutboxRunner(store, { crm: () => crm, cc: { recordLinked: async () => ({ ok: true }) }, files: { fetch: () => Promise.reject(new Error('no')) }, log: silentLog, clock: systemClock });
  const intents: Intent[] = [
    { kind: 'bindRecord', key: 'A', link: { recordId: 'busy', customerId: null, url: '' } },
    { kind: 'bindRecord', key: 'B', link: { recordId: 'free', customerId: null, url: '' } },
    { kind: 'addNote', key: 'A', noteKey: 'A:1', body: 'a' },
  ];
  store.write({ t: 'event', identity: 'x', seq: 1, tracks: {}, enq: intents.map((intent, i) => ({ id: i + 1, intent, at: Date.now() })) });
  runner.added(Object.values(store.state.entries));
  const until = Date.now() + 5_000;
  while (!store.state.entries[3]?.lastError && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  // The limit is in force now: a write for the other record arrives.
  store.write({ t: 'event', identity: 'x', seq: 2, tracks: {}, enq: [{ id: 4, intent: { kind: 'addNote', key: 'B', noteKey: 'B:1', body: 'b' }, at: Date.now() }] });
  runner.added([store.state.entries[4]!]);
  await new Promise((r) => setTimeout(r, 300));
  await runner.stop(100);
  return notes;
}

describe('rate limit scope', () => {
  it('a per-record limit does not hold back other records', async () => {
    expect(await run('record')).toEqual(['B:1']);
  });
  it('an account-wide limit holds back every write until Retry-After', async () => {
    expect(await run('account')).toEqual([]);
  });
});
