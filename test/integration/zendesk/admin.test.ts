// ADMIN-1 / KUS-2 on Zendesk: the standard fields created from AgentDesk as custom ticket fields
// (by title) and a custom user field (by key); existing ones reported, one refusal isolated; the
// fields then take values from the record adapter by their title.
import { afterEach, describe, expect, it } from 'vitest';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { ZendeskAdmin } from '../../../main/adapters/crm/zendesk/index.js';
import { STANDARD_FIELD_TYPES, type CustomFieldSpec, type StandardField } from '../../../main/engine/crm-admin-port.js';
import { adapterFor, ADMIN_EMAIL, AGENT_EMAIL, API_TOKEN, endUser, start, voiceRecord } from './helpers.js';

let z: ZendeskEmulator | null = null;
afterEach(async () => {
  await z?.close();
  z = null;
});

const spec = (field: StandardField, name: string | null = null): CustomFieldSpec => ({ field, name, ...STANDARD_FIELD_TYPES[field] });

describe('Zendesk admin port (KUS-2, ADMIN-1)', () => {
  it('creates ticket fields by title with the right type, a user field by key, and reports fields that exist', async () => {
    z = await start();
    const admin = new ZendeskAdmin({ baseUrl: z.url, auth: { email: ADMIN_EMAIL, apiToken: API_TOKEN } });
    const out = await admin.createCustomFields([spec('queueName', 'Queue name'), spec('callDuration'), spec('csatComment'), spec('customUserId'), spec('sessionType', 'Session type')]);
    expect(out.map((o) => [o.field, o.crmName, o.state])).toEqual([
      ['queueName', 'Queue name', 'exists'],
      ['callDuration', 'Call duration (s)', 'created'],
      ['csatComment', 'CSAT comment', 'created'],
      ['customUserId', 'custom_user_id', 'created'],
      ['sessionType', 'Session type', 'failed'],
    ]);
    expect(out[4]?.error).toContain('type tagger');
    const fields = [...z.store.ticketFields.values()];
    expect(fields.find((f) => f.title === 'Call duration (s)')?.type).toBe('integer');
    expect(fields.find((f) => f.title === 'CSAT comment')?.type).toBe('textarea');
    expect([...z.store.userFields.values()].map((f) => [f.key, f.type])).toEqual([['custom_user_id', 'text']]);
    expect((await admin.createCustomFields([spec('callDuration')]))[0]?.state).toBe('exists');
    expect(await admin.listUserStatuses()).toEqual([]);

    const u = await endUser(z, { name: 'C' });
    const rec = await adapterFor(z).createRecord(voiceRecord(u, 'S-adm', { fields: { 'Call duration (s)': 42 } }), { retry: false });
    const id = fields.find((f) => f.title === 'Call duration (s)')?.id ?? 0;
    expect(z.store.tickets.get(Number(rec.id))?.custom_fields.get(id)).toBe(42);
  });

  it('an agent (not an admin) cannot create fields: each field fails with Zendesk\'s 403, nothing is created', async () => {
    z = await start();
    const agent = new ZendeskAdmin({ baseUrl: z.url, auth: { email: AGENT_EMAIL, apiToken: API_TOKEN } });
    const before = z.store.ticketFields.size;
    const out = await agent.createCustomFields([spec('waitTime'), spec('holdTime')]);
    expect(out.map((o) => o.state)).toEqual(['failed', 'failed']);
    expect(out[0]?.error).toContain('403');
    expect(z.store.ticketFields.size).toBe(before);
  });
});
