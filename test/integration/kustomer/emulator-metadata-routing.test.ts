// Kustomer emulator: custom attribute metadata (KUS-2), users, routing statuses and work
// sessions, with the in-process onWorkSessionChange hook status sync builds on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KustomerEmulator, WorkSessionChange } from '../../../emulators/kustomer/index.js';
import { AGENT_A, AGENT_B, api, start } from './helpers.js';

let k: KustomerEmulator;
const changes: WorkSessionChange[] = [];
beforeAll(async () => {
  k = await start();
  k.onWorkSessionChange((c) => changes.push(c));
});
afterAll(() => k.close());

const statusId = (name: string) => k.store.statusByName(name)?.id as string;

describe('Kustomer emulator: metadata (KUS-2)', () => {
  it('PUT merges properties with displayName defaulting to the title-cased name and type from the suffix', async () => {
    const r = await api(k, 'PUT', '/v1/metadata/conversation', { properties: { queueNameStr: { displayName: 'Queue name' }, callDurationNum: {} } });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ type: 'metadata', id: 'conversation' });
    expect(r.json.data.attributes.properties.queueNameStr).toMatchObject({ type: 'string', displayName: 'Queue name' });
    expect(r.json.data.attributes.properties.callDurationNum).toMatchObject({ type: 'number', displayName: 'Call Duration' });
    await api(k, 'PUT', '/v1/metadata/conversation', { properties: { csatCommentTxt: {}, recordedAtAt: {} } });
    const got = await api(k, 'GET', '/v1/metadata/conversation');
    expect(Object.keys(got.json.data.attributes.properties).sort()).toEqual(['callDurationNum', 'csatCommentTxt', 'queueNameStr', 'recordedAtAt']);
    expect(got.json.data.attributes.properties.csatCommentTxt.type).toBe('text');
    expect((await api(k, 'GET', '/v1/metadata/customer')).json.data.attributes.properties).toEqual({});
  });

  it('refuses names without a type suffix, unknown options and unknown resources', async () => {
    expect((await api(k, 'PUT', '/v1/metadata/customer', { properties: { customUserId2: {} } })).status).toBe(400);
    expect((await api(k, 'PUT', '/v1/metadata/customer', { properties: { customUserIdStr: { colour: 'red' } } })).status).toBe(400);
    expect((await api(k, 'PUT', '/v1/metadata/spaceship', { properties: {} })).status).toBe(400);
  });
});

describe('Kustomer emulator: users', () => {
  it('lists users, looks one up by e-mail, by id, and the current one', async () => {
    const byEmail = await api(k, 'GET', '/v1/users?email=ALICE%40acme.example');
    expect(byEmail.json.data.map((u: { id: string }) => u.id)).toEqual([AGENT_A]);
    expect((await api(k, 'GET', `/v1/users/${AGENT_B}`)).json.data.attributes.email).toBe('bob@acme.example');
    expect((await api(k, 'GET', '/v1/users/current')).json.data.attributes.userType).toBe('machine');
    expect((await api(k, 'GET', '/v1/users?pageSize=500')).status).toBe(200);
    expect((await api(k, 'GET', '/v1/users?pageSize=501')).status).toBe(400);
  });
});

describe('Kustomer emulator: routing statuses and work sessions', () => {
  it('has built-in statuses with system:true and the seeded custom ones, and creates more', async () => {
    const r = await api(k, 'GET', '/v1/routing/statuses');
    const byName = Object.fromEntries(r.json.data.map((s: { attributes: { name: string } }) => [s.attributes.name, s.attributes]));
    expect(byName.Available).toMatchObject({ statusType: 'available', system: true });
    expect(byName.Busy).toMatchObject({ statusType: 'busy', system: true });
    expect(byName.Offline).toMatchObject({ statusType: 'offline', system: true });
    expect(byName.Lunch).toMatchObject({ statusType: 'unavailable', system: false });
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Email', 'Meeting']));
    const created = await api(k, 'POST', '/v1/routing/statuses', { name: 'Training', statusType: 'unavailable' });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ type: 'user_status', attributes: { name: 'Training', system: false } });
    expect((await api(k, 'POST', '/v1/routing/statuses', { name: 'Training', statusType: 'unavailable' })).status).toBe(409);
    expect((await api(k, 'POST', '/v1/routing/statuses', { name: 'Nap', statusType: 'sleepy' })).status).toBe(400);
    expect((await api(k, 'GET', `/v1/routing/statuses/${created.json.data.id}`)).json.data.attributes.name).toBe('Training');
  });

  it('keeps one current work session per user; an offline-type status ends it; every change is published', async () => {
    changes.length = 0;
    const s1 = k.setUserStatus(AGENT_A, 'Available');
    expect(s1).toMatchObject({ userId: AGENT_A, active: true, statusType: 'available' });
    const put = await api(k, 'PUT', `/v1/routing/work-sessions/${s1?.id}`, { status: statusId('Lunch') });
    expect(put.json.data).toMatchObject({ type: 'work_session', attributes: { active: true, statusType: 'unavailable', signedOutAt: null } });
    expect(put.json.data.relationships.status.data.id).toBe(statusId('Lunch'));
    expect(k.setUserStatus(AGENT_A, 'Email')?.id).toBe(s1?.id);
    const ended = await api(k, 'PUT', `/v1/routing/work-sessions/${s1?.id}`, { status: statusId('Offline') });
    expect(ended.json.data.attributes).toMatchObject({ active: false, statusType: 'offline' });
    expect(ended.json.data.attributes.signedOutAt).toEqual(expect.any(String));
    const readOnly = await api(k, 'PUT', `/v1/routing/work-sessions/${s1?.id}`, { status: statusId('Available') });
    expect(readOnly.status).toBe(400);
    const s2 = k.setUserStatus(AGENT_A, 'Available');
    expect(s2?.id).not.toBe(s1?.id);
    expect(changes.map((c) => [c.type, c.source])).toEqual([
      ['started', 'internal'], ['status_changed', 'api'], ['status_changed', 'internal'], ['ended', 'api'], ['started', 'internal'],
    ]);
    expect(changes[1]?.previousStatusId).toBe(statusId('Available'));
    expect(k.setUserStatus(AGENT_B, 'Offline')).toBeNull();
  });

  it('filters work sessions by user, active and statusType, and lists them per user', async () => {
    k.setUserStatus(AGENT_B, 'Meeting');
    const active = await api(k, 'GET', '/v1/routing/work-sessions?active=true');
    expect(active.json.data.every((w: { attributes: { active: boolean } }) => w.attributes.active)).toBe(true);
    const unavailable = await api(k, 'GET', '/v1/routing/work-sessions?active=true&statusType=unavailable');
    expect(unavailable.json.data.map((w: { relationships: { user: { data: { id: string } } } }) => w.relationships.user.data.id)).toEqual([AGENT_B]);
    const mine = await api(k, 'GET', '/v1/routing/work-sessions?user=true');
    expect(mine.json.data).toEqual([]); // the API key's own user never signed in to routing
    const perUser = await api(k, 'GET', `/v1/routing/users/${AGENT_A}/work-sessions`);
    expect(perUser.json.data.length).toBe(2);
    expect(perUser.json.data[0].attributes.active).toBe(true);
    expect((await api(k, 'GET', '/v1/routing/work-sessions?active=maybe')).status).toBe(400);
    expect((await api(k, 'PUT', '/v1/routing/work-sessions/64b000000000000000000fff', { status: statusId('Available') })).status).toBe(404);
  });
});
