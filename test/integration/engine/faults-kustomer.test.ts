// REL-1 against the Kustomer emulator: 429 then success, 5xx then success, dropped connections,
// commit-then-drop (the CRM committed, the reply was lost), the same seq twice, malformed
// events, and writes the CRM will never accept. Nothing is lost and nothing is duplicated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineRig, kustomerForAgents } from '../../support/engine-harness.js';
import { session, settings, AGENT } from '../../support/orchestration-fixtures.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';

let emu: KustomerEmulator;
let rig: EngineRig;
beforeEach(async () => {
  emu = await kustomerForAgents();
  rig = new EngineRig(emu);
  rig.hello(AGENT, settings());
});
afterEach(async () => {
  await rig.engine.stop(1000);
  await emu.close();
});

const callLife = (id = 'S-1001') => {
  rig.send('session.assigned', { session: session({ id }) });
  rig.send('session.ended', { sessionId: id, durationSec: 30, waitSec: 3, holdSec: 0 });
  rig.send('session.recording', { sessionId: id, url: `http://cc.test/r/${id}.wav`, mimeType: 'audio/wav', durationSec: 30 });
};

function expectOneRecordWithNotes(noteCount: number) {
  const convs = rig.conversations();
  expect(convs).toHaveLength(1);
  expect(emu.store.customers.size).toBe(1);
  expect(rig.notes(convs[0]!.id)).toHaveLength(noteCount);
  const keys = rig.notes(convs[0]!.id).map((n) => n.externalId);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('REL-1 CRM failures', () => {
  it('429 with Retry-After, then success: written once, after the delay the CRM asked for', async () => {
    emu.fault({ method: 'POST', path: '/v1/conversations', kind: 'rate_limit', retryAfterSec: 1, times: 1 });
    callLife();
    await rig.idle();
    expectOneRecordWithNotes(2);
    const retry = rig.events.find((e) => e.kind === 'openRecord' && e.state === 'retrying');
    expect(retry?.retryInMs).toBeGreaterThanOrEqual(1000);
    expect(retry?.error).toMatch(/429|rate/i);
  });

  it.each([500, 502, 503])('%i twice, then success: written once', async (status) => {
    emu.fault({ method: 'POST', path: '/v1/conversations', kind: 'status', status, times: 2 });
    callLife();
    await rig.idle();
    expectOneRecordWithNotes(2);
    expect(rig.events.filter((e) => e.kind === 'openRecord' && e.state === 'retrying')).toHaveLength(2);
  });

  it('commit-then-drop on the conversation create: the retry finds the committed conversation', async () => {
    emu.fault({ method: 'POST', path: '/v1/conversations', kind: 'commit_then_drop', times: 1 });
    callLife();
    await rig.idle();
    expectOneRecordWithNotes(2);
    // The retry recognises its own record: a new record's note, not "added to this record" (REC-1).
    const details = rig.notes(rig.conversations()[0]!.id)[0]!.body;
    expect(details).toMatch(/^IVR call S-1001\n/);
  });

  it('commit-then-drop on the customer create: one customer', async () => {
    emu.fault({ method: 'POST', path: '/v1/customers', kind: 'commit_then_drop', times: 1 });
    callLife();
    await rig.idle();
    expectOneRecordWithNotes(2);
  });

  it('commit-then-drop on a note: one note', async () => {
    emu.fault({ method: 'POST', path: '/v1/conversations/{id}/notes', kind: 'commit_then_drop', times: 2 });
    callLife();
    await rig.idle();
    expectOneRecordWithNotes(2);
  });

  it('dropped connections before anything is committed: retried until written', async () => {
    emu.fault({ path: '/v1/**', kind: 'drop', times: 3 });
    callLife();
    await rig.idle();
    expectOneRecordWithNotes(2);
  });

  it('a record the CRM refuses is dead-lettered with the CRM\'s message, visible, and can be tried again', async () => {
    emu.fault({ method: 'POST', path: '/v1/conversations', kind: 'status', status: 400, times: 1 });
    rig.send('session.assigned', { session: session() });
    await rig.idle();
    const failed = rig.events.find((e) => e.kind === 'openRecord' && e.state === 'failed');
    expect(failed?.error).toBeTruthy();
    const [dead] = rig.engine.outbox.dead();
    expect(dead?.intent.kind).toBe('openRecord');
    expect(rig.engine.outbox.revive(dead!.id)).toBe(true);
    await rig.idle();
    expect(rig.conversations()).toHaveLength(1);
  });

  it('a contact-center outage delays record.linked without holding up CRM writes', async () => {
    rig.linkOk = false;
    callLife();
    const until = Date.now() + 10_000;
    while (rig.conversations().length === 0 || rig.notes(rig.conversations()[0]!.id).length < 2) {
      if (Date.now() > until) throw new Error('CRM writes were held up');
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(rig.linked).toHaveLength(0);
    rig.linkOk = true;
    await rig.idle();
    expect(rig.linked).toHaveLength(1);
  });
});

describe('REL-1 event delivery', () => {
  it('the same seq twice is processed once', async () => {
    const first = rig.send('session.assigned', { session: session() }, 50);
    const again = rig.send('session.assigned', { session: session() }, 50);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    await rig.idle();
    expect(rig.conversations()).toHaveLength(1);
  });

  it('an older seq after a restart is still recognised as processed', async () => {
    rig.send('session.assigned', { session: session() }, 60);
    await rig.idle();
    await rig.engine.stop(1000);
    rig.boot();
    expect(rig.send('session.assigned', { session: session() }, 60)).toMatchObject({ duplicate: true });
    await rig.idle();
    expect(rig.conversations()).toHaveLength(1);
  });

  it.each([
    ['unknown event', 'session.exploded', { seq: 100, at: new Date().toISOString() }],
    ['missing session', 'session.assigned', { seq: 101, at: new Date().toISOString() }],
    ['wrong types', 'session.ended', { seq: 102, at: 'yesterday', sessionId: 7, durationSec: '1' }],
    ['not an object', 'session.message', 'hello'],
    ['null', 'session.csat', null],
    ['bad channel', 'session.assigned', { seq: 103, at: new Date().toISOString(), session: { ...session(), channel: 'fax' } }],
  ])('malformed event (%s) gets a clear error and the engine keeps working', async (_n, name, payload) => {
    const r = rig.engine.handle('cc', name, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unknown event|malformed/);
    rig.send('session.assigned', { session: session() }, 200);
    await rig.idle();
    expect(rig.conversations()).toHaveLength(1);
  });
});
