// Kustomer emulator: conversations (create, externalId uniqueness, lists, updates, lastDone,
// custom attribute suffix rules, tags, assignment).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { AGENT_A, AGENT_B, api, start } from './helpers.js';

let k: KustomerEmulator;
const clock = new ManualClock('2025-03-01T10:00:00.000Z');
let customer: string;
beforeAll(async () => {
  k = await start({ clock });
  customer = (await api(k, 'POST', '/v1/customers', { name: 'Conv Owner' })).json.data.id;
});
afterAll(() => k.close());

describe('Kustomer emulator: conversations', () => {
  it('creates through /v1/conversations and /v1/customers/{id}/conversations with subject, direction, tags, assignment and custom', async () => {
    const a = await api(k, 'POST', '/v1/conversations', {
      customer, name: 'Incoming call', externalId: 'sess-1', direction: 'in', tags: ['Voice Inbound - IVR'], assignedUsers: [AGENT_A], custom: { queueNameStr: 'Billing' },
    });
    expect(a.status).toBe(201);
    expect(a.json.data.attributes).toMatchObject({
      name: 'Incoming call', externalId: 'sess-1', status: 'open', direction: 'in', tags: ['Voice Inbound - IVR'], assignedUsers: [AGENT_A], custom: { queueNameStr: 'Billing' }, rev: 1,
    });
    expect(a.json.data.relationships.customer.data).toEqual({ type: 'customer', id: customer });
    const b = await api(k, 'POST', `/v1/customers/${customer}/conversations`, { name: 'Outbound call', direction: 'out' });
    expect(b.status).toBe(201);
    expect(b.json.data.attributes.direction).toBe('out');
    expect(k.store.tags.has('voice inbound - ivr')).toBe(true);
    expect((await api(k, 'POST', '/v1/customers/64b000000000000000000fff/conversations', {})).status).toBe(404);
    expect((await api(k, 'POST', '/v1/conversations', { customer: '64b000000000000000000fff' })).status).toBe(400);
    expect((await api(k, 'POST', '/v1/conversations', { name: 'no customer' })).status).toBe(400);
  });

  it('REL-1: externalId is unique per org, so a second create with the same externalId is 409 and GET by externalId finds the first', async () => {
    const first = await api(k, 'POST', '/v1/conversations', { customer, externalId: 'sess-dup' });
    const second = await api(k, 'POST', `/v1/customers/${customer}/conversations`, { externalId: 'sess-dup' });
    expect(second.status).toBe(409);
    expect(second.json.errors[0]).toMatchObject({ code: 'conflict', source: { pointer: '/externalId' }, meta: { conflictingId: first.json.data.id } });
    const got = await api(k, 'GET', '/v1/conversations/externalId=sess-dup');
    expect(got.json.data.id).toBe(first.json.data.id);
    expect((await api(k, 'GET', '/v1/conversations/externalId=never')).status).toBe(404);
  });

  it('lists a customer\'s conversations newest first with pagination, and the org list with sort=desc', async () => {
    const owner = (await api(k, 'POST', '/v1/customers', { name: 'Lister' })).json.data.id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      ids.push((await api(k, 'POST', `/v1/customers/${owner}/conversations`, { name: `c${i}` })).json.data.id);
    }
    const p1 = await api(k, 'GET', `/v1/customers/${owner}/conversations?page=1&pageSize=2`);
    expect(p1.json.data.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    expect(p1.json.links.next).toBe(`/v1/customers/${owner}/conversations?page=2&pageSize=2`);
    const p2 = await api(k, 'GET', p1.json.links.next);
    expect(p2.json.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(p2.json.links.next).toBeNull();
    const recent = await api(k, 'GET', `/v1/customers/${owner}/conversations?fromDate=${encodeURIComponent(new Date(clock.now() - 1500).toISOString())}`);
    expect(recent.json.data.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const desc = await api(k, 'GET', '/v1/conversations?sort=desc&pageSize=1');
    expect(desc.json.data[0].id).toBe(ids[2]);
    expect((await api(k, 'GET', '/v1/conversations?sort=asc')).status).toBe(400);
  });

  it('updates status open/snoozed/done, records lastDone.createdAt when done, increments rev and honours rev locking', async () => {
    const c = (await api(k, 'POST', '/v1/conversations', { customer, name: 'to close' })).json.data;
    clock.advance(5000);
    const done = await api(k, 'PUT', `/v1/conversations/${c.id}`, { status: 'done' });
    expect(done.json.data.attributes.status).toBe('done');
    expect(done.json.data.attributes.lastDone.createdAt).toBe(new Date(clock.now()).toISOString());
    expect(done.json.data.attributes.rev).toBe(2);
    const snoozed = await api(k, 'PATCH', `/v1/conversations/${c.id}`, { status: 'snoozed', snooze: { status: 'scheduled', time: '2025-03-02T00:00:00.000Z' } });
    expect(snoozed.json.data.attributes).toMatchObject({ status: 'snoozed', rev: 3, snooze: { status: 'scheduled' } });
    const reopened = await api(k, 'PUT', `/v1/conversations/${c.id}`, { status: 'open', rev: 3 });
    expect(reopened.json.data.attributes.status).toBe('open');
    expect(reopened.json.data.attributes.lastDone.createdAt).toBe(done.json.data.attributes.lastDone.createdAt);
    const stale = await api(k, 'PUT', `/v1/conversations/${c.id}`, { name: 'late', rev: 1 });
    expect(stale.status).toBe(409);
    expect((await api(k, 'PUT', `/v1/conversations/${c.id}`, { status: 'closed' })).status).toBe(400);
  });

  it('KUS-2: validates custom attributes by type suffix (Str <= 1024, Txt, Num, At, Bool, Url, Id) and merges them', async () => {
    const c = (await api(k, 'POST', '/v1/conversations', { customer, custom: { callDurationNum: 12, recordedBool: true, startedAt: '2025-03-01T10:00:00Z' } })).json.data;
    const good = await api(k, 'PUT', `/v1/conversations/${c.id}`, {
      custom: { notesTxt: 'line1\nline2', recordingUrl: 'https://rec.example/1.mp3', queueNameStr: 'x'.repeat(1024), callDurationNum: null },
    });
    expect(good.status).toBe(200);
    expect(Object.keys(good.json.data.attributes.custom).sort()).toEqual(['notesTxt', 'queueNameStr', 'recordedBool', 'recordingUrl', 'startedAt']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ queueNameStr: 'x'.repeat(1025) }, 'queueNameStr'],
      [{ callDurationNum: '12' }, 'callDurationNum'],
      [{ startedAt: 'yesterday' }, 'startedAt'],
      [{ recordedBool: 'true' }, 'recordedBool'],
      [{ recordingUrl: 'not a url' }, 'recordingUrl'],
      [{ queueName: 'no suffix' }, 'queueName'],
      [{ ownerId: '64b0000000000000000000a1' }, 'ownerId'],
    ];
    for (const [custom, field] of cases) {
      const r = await api(k, 'PUT', `/v1/conversations/${c.id}`, { custom });
      expect(r.status, field).toBe(400);
      expect(r.json.errors[0].source.pointer).toBe(`/custom/${field}`);
    }
    await api(k, 'PUT', '/v1/metadata/conversation', { properties: { ownerId: { displayName: 'Owner', target: 'user' } } });
    expect((await api(k, 'PUT', `/v1/conversations/${c.id}`, { custom: { ownerId: AGENT_A } })).status).toBe(200);
  });

  it('appends and removes tags by name (created when missing) and replaces them on PUT', async () => {
    const c = (await api(k, 'POST', '/v1/conversations', { customer, tags: ['AgentDesk'] })).json.data;
    const added = await api(k, 'POST', `/v1/conversations/${c.id}/tags`, ['Recorded', 'agentdesk', 'Voice Outbound']);
    expect(added.json.data.attributes.tags).toEqual(['AgentDesk', 'Recorded', 'Voice Outbound']);
    expect(added.json.data.attributes.rev).toBe(2);
    const removed = await api(k, 'DELETE', `/v1/conversations/${c.id}/tags`, ['recorded']);
    expect(removed.json.data.attributes.tags).toEqual(['AgentDesk', 'Voice Outbound']);
    const replaced = await api(k, 'PUT', `/v1/conversations/${c.id}`, { tags: ['Only'] });
    expect(replaced.json.data.attributes.tags).toEqual(['Only']);
    expect((await api(k, 'POST', `/v1/conversations/${c.id}/tags`, ['bad|tag'])).status).toBe(400);
    expect((await api(k, 'POST', `/v1/conversations/${c.id}/tags`, { tags: ['x'] })).status).toBe(400);
  });

  it('KUS-10: assigns users that exist and refuses unknown ones', async () => {
    const c = (await api(k, 'POST', '/v1/conversations', { customer, assignedUsers: [AGENT_A] })).json.data;
    const moved = await api(k, 'PUT', `/v1/conversations/${c.id}`, { assignedUsers: [AGENT_B] });
    expect(moved.json.data.attributes.assignedUsers).toEqual([AGENT_B]);
    const unknown = await api(k, 'PUT', `/v1/conversations/${c.id}`, { assignedUsers: ['64b000000000000000000fff'] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].source.pointer).toBe('/assignedUsers/0');
  });

  it('moves a conversation to another customer with the {customer} body, and refuses mixing it with other fields', async () => {
    const other = (await api(k, 'POST', '/v1/customers', { name: 'New owner' })).json.data.id;
    const c = (await api(k, 'POST', '/v1/conversations', { customer })).json.data;
    const moved = await api(k, 'PATCH', `/v1/conversations/${c.id}`, { customer: other });
    expect(moved.json.data.relationships.customer.data.id).toBe(other);
    expect((await api(k, 'PATCH', `/v1/conversations/${c.id}`, { customer, name: 'both' })).status).toBe(400);
  });
});
