// The engine keeps a session's track while the session may still change a record (late CSAT,
// recording, transfer) and drops it once the session is over and quiet for the retention, so a
// headless orchestrator's memory does not grow with every call of the day. The drop is journalled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OrchestrationEngine } from '../../../main/engine/orchestration-engine.js';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { httpFileFetcher } from '../../../main/adapters/http-file-fetcher.js';
import { silentLog } from '../../../main/engine/ports.js';
import { AGENT, session, settings } from '../../support/orchestration-fixtures.js';

const HOUR = 3_600_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-retention-'));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function engineAt(clock: { t: number }): OrchestrationEngine {
  return new OrchestrationEngine(
    {
      journal: new FileJournal(dir, { fsync: false }),
      crmFor: () => {
        throw new Error('no CRM call expected: the outbox has no slots');
      },
      cc: { recordLinked: async () => ({ ok: true }) },
      files: httpFileFetcher(),
      log: silentLog,
      clock: { now: () => new Date(clock.t) },
    },
    { crmKind: 'kustomer', sessionRetentionMs: HOUR, outbox: { concurrency: 0 } },
  );
}

describe('session retention', () => {
  it('an ended session stays for the retention, is dropped after it (journalled), a live one stays', async () => {
    const clock = { t: Date.parse('2026-11-22T09:00:00Z') };
    let seq = 0;
    let e = engineAt(clock);
    const send = (name: string, payload: Record<string, unknown>) => e.handle('cc', name, { seq: ++seq, at: new Date(clock.t).toISOString(), ...payload });
    send('hello', { agent: AGENT, statuses: [], settings: settings(), queues: [] });
    send('session.assigned', { session: session({ id: 'S-1' }) });
    send('session.ended', { sessionId: 'S-1', durationSec: 30, waitSec: 3, holdSec: 0 });
    expect(Object.keys(e.state.sessions)).toEqual(['S-1']);

    clock.t += HOUR / 2;
    send('session.assigned', { session: session({ id: 'S-2', customer: { phone: '+821033330000', identifier: null, email: null, name: null } }) });
    expect(Object.keys(e.state.sessions).sort()).toEqual(['S-1', 'S-2']);

    clock.t += HOUR;
    send('session.csat', { sessionId: 'S-2', rating: 5, comment: null });
    expect(Object.keys(e.state.sessions)).toEqual(['S-2']);

    await e.stop(100);
    e = engineAt(clock);
    expect(Object.keys(e.state.sessions)).toEqual(['S-2']);
    await e.stop(100);
  });
});
