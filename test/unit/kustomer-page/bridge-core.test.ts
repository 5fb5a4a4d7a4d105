// The bridge's decisions (SYNC-2, SYNC-3, SYNC-6, SYNC-7) against an in-memory page API.
import { describe, expect, it } from 'vitest';
import type { KustomerPageMessage } from '../../../common/ipc/kustomer-page.js';
import { BridgeCore, findStatus } from '../../../preload/kustomer/bridge-core.js';
import { checkedSender } from '../../../preload/kustomer/messages.js';
import { PageApiError } from '../../../preload/kustomer/page-api.js';
import { FakePageApi, STATUSES } from './fake-page-api.js';

function setup(configure: (api: FakePageApi) => void = () => {}) {
  const api = new FakePageApi();
  configure(api);
  const sent: KustomerPageMessage[] = [];
  const logs: string[] = [];
  let now = 5000;
  const core = new BridgeCore({
    instanceId: 'inst-1',
    api,
    send: checkedSender((m) => sent.push(m), (l) => logs.push(l)),
    now: () => now,
    log: (l) => logs.push(l),
    domUser: () => ({ id: 'dom-user', email: 'dom@acme.example' }),
  });
  const statuses = () => sent.filter((m): m is Extract<KustomerPageMessage, { type: 'status' }> => m.type === 'status');
  return { api, core, sent, logs, statuses, setNow: (t: number) => (now = t) };
}

describe('start (SYNC-6: the status shown at load)', () => {
  it('reports the page, then the status at load with its type and time', async () => {
    const { core, sent } = setup();
    await core.start();
    expect(sent).toEqual([
      { type: 'page', instanceId: 'inst-1', userEmail: 'alice@acme.example', userId: 'u1' },
      { type: 'status', instanceId: 'inst-1', name: 'Available', statusType: 'available', origin: 'page-load', at: 1000 },
    ]);
  });

  it('a user without a session is Offline, at the time it was seen', async () => {
    const { core, statuses } = setup((api) => (api.session = null));
    await core.start();
    expect(statuses()).toEqual([{ type: 'status', instanceId: 'inst-1', name: 'Offline', statusType: 'offline', origin: 'page-load', at: 5000 }]);
  });

  it('nobody signed in: page with nulls, no status, and applies fail plainly', async () => {
    const { core, sent } = setup((api) => (api.user = null));
    await core.start();
    core.statusMaybeChanged();
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    expect(sent).toEqual([
      { type: 'page', instanceId: 'inst-1', userEmail: null, userId: null },
      { type: 'apply-failed', instanceId: 'inst-1', commandId: 'c1', error: 'The Kustomer page is not signed in' },
    ]);
  });

  it('when the API cannot say who is signed in, the DOM can', async () => {
    const { api, core, sent } = setup();
    api.failNext('currentUser', new PageApiError(500, 'HTTP 500'));
    await core.start();
    expect(sent[0]).toEqual({ type: 'page', instanceId: 'inst-1', userEmail: 'dom@acme.example', userId: 'dom-user' });
  });

  it('a failed first read is retried on the next change, still as the page-load report', async () => {
    const { api, core, statuses, logs } = setup();
    api.failNext('currentStatus');
    await core.start();
    expect(statuses()).toEqual([]);
    expect(logs.some((l) => l.includes('could not read the status'))).toBe(true);
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses().map((m) => m.origin)).toEqual(['page-load']);
  });

  it('starting twice reports once', async () => {
    const { core, sent } = setup();
    await Promise.all([core.start(), core.start()]);
    expect(sent.map((m) => m.type)).toEqual(['page', 'status']);
  });
});

describe('changes (SYNC-2)', () => {
  it('reports each real change once, untagged, with its type; no report when nothing changed', async () => {
    const { api, core, statuses } = setup();
    await core.start();
    core.statusMaybeChanged();
    await core.idle();
    api.set('s-lunch');
    core.statusMaybeChanged();
    await core.idle();
    api.set('s-busy');
    core.statusMaybeChanged();
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses().map((m) => [m.name, m.statusType, m.origin, m.commandId])).toEqual([
      ['Available', 'available', 'page-load', undefined],
      ['Lunch', 'unavailable', 'change', undefined],
      ['Busy', 'busy', 'change', undefined],
    ]);
  });

  it('checks requested while one is queued are coalesced', async () => {
    const { api, core } = setup();
    await core.start();
    api.calls = [];
    for (let i = 0; i < 5; i++) core.statusMaybeChanged();
    await core.idle();
    expect(api.calls).toEqual(['currentStatus']);
  });

  it('report times never go backwards within a page', async () => {
    const { api, core, statuses } = setup((a) => (a.session = null));
    await core.start(); // Offline, seen at 5000
    api.set('s-email'); // the server says 1001
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses().map((m) => m.at)).toEqual([5000, 5000]);
  });

  it('a status without a known type is reported without statusType', async () => {
    const { api, core, statuses } = setup();
    api.statusList = [...STATUSES, { id: 's-odd', name: 'Odd', system: false }];
    await core.start();
    api.set('s-odd');
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses()[1]).toEqual({ type: 'status', instanceId: 'inst-1', name: 'Odd', origin: 'change', at: 1001 });
  });

  it('checks before start do nothing', async () => {
    const { api, core, sent } = setup();
    core.statusMaybeChanged();
    await core.idle();
    expect(sent).toEqual([]);
    expect(api.calls).toEqual([]);
  });
});

describe('apply (SYNC-3) and its echo (SYNC-7)', () => {
  it('writes through the page session, reports the echo tagged, then applied', async () => {
    const { api, core, sent } = setup();
    await core.start();
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    expect(api.calls).toContain('setStatus s-lunch w1');
    expect(sent.slice(2)).toEqual([
      { type: 'status', instanceId: 'inst-1', name: 'Lunch', statusType: 'unavailable', origin: 'change', commandId: 'c1', at: 1001 },
      { type: 'applied', instanceId: 'inst-1', commandId: 'c1' },
    ]);
    // The page's own update of the status element afterwards is not a new change.
    core.statusMaybeChanged();
    await core.idle();
    expect(sent).toHaveLength(4);
  });

  it('the tag is used once: the same status set again later by the agent is untagged', async () => {
    const { api, core, statuses } = setup();
    await core.start();
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    api.set('s-email');
    core.statusMaybeChanged();
    await core.idle();
    api.set('s-lunch');
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses().map((m) => [m.name, m.commandId ?? null])).toEqual([
      ['Available', null],
      ['Lunch', 'c1'],
      ['Email', null],
      ['Lunch', null],
    ]);
  });

  it('starts a session when the agent is offline', async () => {
    const { api, core, statuses } = setup((a) => (a.session = null));
    await core.start();
    core.apply({ type: 'apply', commandId: 'c1', name: 'Email' });
    await core.idle();
    expect(api.calls).toContain('setStatus s-email new');
    expect(statuses().at(-1)).toMatchObject({ name: 'Email', commandId: 'c1' });
  });

  it('finds the status by exact name, else by the one case-insensitive match', async () => {
    expect(findStatus(STATUSES, 'Lunch')?.id).toBe('s-lunch');
    expect(findStatus(STATUSES, 'lunch')?.id).toBe('s-lunch');
    expect(findStatus([...STATUSES, { id: 's-lunch2', name: 'LUNCH', system: false }], 'lunch')).toBeNull();
    expect(findStatus([...STATUSES, { id: 's-lunch2', name: 'LUNCH', system: false }], 'LUNCH')?.id).toBe('s-lunch2');
  });

  it('an unknown status is apply-failed after refreshing the list once', async () => {
    const { api, core, sent } = setup();
    await core.start();
    api.calls = [];
    core.apply({ type: 'apply', commandId: 'c1', name: 'Gardening' });
    await core.idle();
    expect(sent.at(-1)).toEqual({ type: 'apply-failed', instanceId: 'inst-1', commandId: 'c1', error: 'Kustomer has no user status named "Gardening"' });
    expect(api.calls.filter((c) => c === 'statuses')).toHaveLength(2);
  });

  it('the status already shown: applied, nothing written, no report', async () => {
    const { api, core, sent } = setup();
    await core.start();
    core.apply({ type: 'apply', commandId: 'c1', name: 'Available' });
    await core.idle();
    expect(api.calls.some((c) => c.startsWith('setStatus'))).toBe(false);
    expect(sent.slice(2)).toEqual([{ type: 'applied', instanceId: 'inst-1', commandId: 'c1' }]);
  });

  it('a refused write is apply-failed and leaves no tag behind', async () => {
    const { api, core, sent, statuses } = setup();
    await core.start();
    api.failNext('setStatus', new PageApiError(409, 'PUT /v1/routing/work-sessions/w1: HTTP 409 conflict'));
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    expect(sent.at(-1)).toEqual({ type: 'apply-failed', instanceId: 'inst-1', commandId: 'c1', error: 'PUT /v1/routing/work-sessions/w1: HTTP 409 conflict' });
    api.set('s-lunch');
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses().at(-1)).toMatchObject({ name: 'Lunch' });
    expect(statuses().at(-1)?.commandId).toBeUndefined();
  });

  it('a write whose reply was lost but which landed is applied, with the tagged echo', async () => {
    const { api, core, sent } = setup();
    await core.start();
    api.failNext('setStatus', new PageApiError(0, 'network'), true);
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    expect(sent.slice(2).map((m) => [m.type, 'commandId' in m ? m.commandId : null])).toEqual([
      ['status', 'c1'],
      ['applied', 'c1'],
    ]);
  });

  it('when the current status cannot be read before the write, nothing is written', async () => {
    const { api, core, sent } = setup();
    await core.start();
    api.failNext('currentStatus');
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    expect(sent.at(-1)).toMatchObject({ type: 'apply-failed', commandId: 'c1', error: 'HTTP 503' });
    expect(api.calls.some((c) => c.startsWith('setStatus'))).toBe(false);
  });

  it('when the read-back after the write fails, the tag waits for the next check', async () => {
    const { api, core, sent, statuses } = setup();
    await core.start();
    const write = api.setStatus.bind(api);
    api.setStatus = async (id, session) => {
      await write(id, session);
      api.failNext('currentStatus');
    };
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    await core.idle();
    expect(sent.at(-1)).toEqual({ type: 'applied', instanceId: 'inst-1', commandId: 'c1' });
    expect(statuses()).toHaveLength(1);
    core.statusMaybeChanged();
    await core.idle();
    expect(statuses().at(-1)).toMatchObject({ name: 'Lunch', commandId: 'c1' });
  });

  it('applies run in order, after the start', async () => {
    const { core, statuses } = setup();
    void core.start();
    core.apply({ type: 'apply', commandId: 'c1', name: 'Lunch' });
    core.apply({ type: 'apply', commandId: 'c2', name: 'Email' });
    await core.idle();
    expect(statuses().map((m) => [m.name, m.origin, m.commandId ?? null])).toEqual([
      ['Available', 'page-load', null],
      ['Lunch', 'change', 'c1'],
      ['Email', 'change', 'c2'],
    ]);
  });

  it('malformed requests are ignored', async () => {
    const { api, core, sent, logs } = setup();
    await core.start();
    for (const raw of [null, 'x', { type: 'apply' }, { type: 'apply', commandId: 'c', name: 'Lunch', more: 1 }]) core.apply(raw);
    await core.idle();
    expect(sent).toHaveLength(2);
    expect(api.calls.some((c) => c.startsWith('setStatus'))).toBe(false);
    expect(logs.filter((l) => l.includes('malformed'))).toHaveLength(4);
  });
});
