// Pure parts of the Freshdesk adapter: tags (REC-8/REC-9), status and closedAt (REC-1/REC-2),
// phone formats (KUS-8), custom-field coercion (KUS-2/KUS-4), note references (REL-1) and the
// reading of Freshdesk's error replies.
import { describe, expect, it } from 'vitest';
import { closedAtOf, freshdeskTags, phoneIn, toCustomFields, toSummary } from '../../../main/adapters/crm/freshdesk/index.js';
import { hasRef, noteHtml, withTags, contactIdentity } from '../../../main/adapters/crm/freshdesk/mapping.js';
import { conflictHolder, describeFreshdeskError, refusedFields } from '../../../main/adapters/crm/freshdesk/errors.js';
import { fieldDefsFrom } from '../../../main/adapters/crm/freshdesk/fields.js';
import { freshdeskAdapterSettingsSchema } from '../../../main/adapters/crm/freshdesk/options.js';
import { sessionTypeTag, platformTag } from '../../../main/engine/orchestration/tags.js';

const cfg = freshdeskAdapterSettingsSchema.parse({ baseUrl: 'https://acme.freshdesk.com', apiKey: 'k', closedStatuses: [7] });
const ticket = (status: number, extra: Record<string, unknown> = {}) => ({ id: 9, status, created_at: '2025-03-01T09:00:00Z', ...extra });

describe('REC-8/REC-9 tags for Freshdesk', () => {
  it('keeps the engine\'s plain names ("Messaging Inbound (Web Chat)"), drops commas, blanks and case-insensitive duplicates', () => {
    expect(sessionTypeTag('chat_inbound_web', 'freshdesk')).toBe('Messaging Inbound (Web Chat)');
    expect(platformTag(' AgentDesk ', 'freshdesk')).toBe('AgentDesk');
    expect(freshdeskTags(['Messaging Inbound (Web Chat)', 'AgentDesk', 'agentdesk', 'a, b', '  ', 'x'.repeat(300)])).toEqual(['Messaging Inbound (Web Chat)', 'AgentDesk', 'a b', 'x'.repeat(255)]);
    expect(withTags(['AgentDesk'], ['agentdesk'])).toBeNull();
    expect(withTags(['AgentDesk'], ['Recorded'])).toEqual(['AgentDesk', 'Recorded']);
  });
});

describe('REC-1/REC-2 status and closedAt', () => {
  it('Open, Pending and custom statuses are open unless the admin lists them as closed; Resolved and Closed are closed', () => {
    expect([2, 3, 6, 4, 5, 7].map((s) => toSummary(ticket(s), cfg).status)).toEqual(['open', 'open', 'open', 'closed', 'closed', 'closed']);
  });

  it('closedAt is resolved_at, not a later automatic close, and ignores times from before a reopening', () => {
    const stats = { resolved_at: '2025-03-02T00:00:00Z', closed_at: '2025-03-04T00:00:00Z', reopened_at: null, status_updated_at: '2025-03-04T00:00:00Z' };
    expect(closedAtOf(5, stats)).toBe('2025-03-02T00:00:00Z');
    expect(closedAtOf(5, { ...stats, reopened_at: '2025-03-03T00:00:00Z' })).toBe('2025-03-04T00:00:00Z');
    expect(closedAtOf(4, { ...stats, closed_at: null, reopened_at: '2025-03-03T00:00:00Z', status_updated_at: '2025-03-05T00:00:00Z' })).toBe('2025-03-05T00:00:00Z');
    expect(closedAtOf(7, { resolved_at: null, closed_at: null, reopened_at: null, status_updated_at: '2025-03-06T00:00:00Z' })).toBe('2025-03-06T00:00:00Z');
    expect(closedAtOf(5, null)).toBeNull();
    expect(toSummary(ticket(2, { stats }), cfg).closedAt).toBeNull();
  });

  it('reads leaf queue, channel and session key from the stamps; the channel falls back to the source', () => {
    const stamped = toSummary(ticket(2, { source: 7, custom_fields: { cf_agentdesk_leaf_queue: 'q-1', cf_agentdesk_channel: 'voice', cf_agentdesk_session: 'S-1' } }), cfg);
    expect(stamped).toMatchObject({ id: '9', leafQueueId: 'q-1', channel: 'voice', externalId: 'S-1', reopenable: true });
    expect(toSummary(ticket(2, { source: 7 }), cfg)).toMatchObject({ leafQueueId: null, channel: 'chat', externalId: null });
    expect(toSummary(ticket(2, { source: 1, custom_fields: { cf_agentdesk_channel: 'fax' } }), cfg).channel).toBeNull();
  });
});

describe('KUS-8 phone formats', () => {
  const kr = { phoneE164: '+821012345678', phoneRaw: ' +82 10-1234-5678 ' };
  it('writes E.164, the national format of the number\'s country, or the number as dialled', () => {
    expect(phoneIn('e164', kr)).toBe('+821012345678');
    expect(phoneIn('national', kr)).toBe('010-1234-5678');
    expect(phoneIn('national', { phoneE164: '+14155550100', phoneRaw: null })).toBe('(415) 555-0100');
    expect(phoneIn('as_dialled', kr)).toBe('+82 10-1234-5678');
  });
  it('falls back to the raw number when it is not valid, and to nothing when it is not a number at all', () => {
    for (const f of ['e164', 'national', 'as_dialled'] as const) {
      expect(phoneIn(f, { phoneE164: null, phoneRaw: '1588-1234' })).toBe('1588-1234');
      expect(phoneIn(f, { phoneE164: null, phoneRaw: 'anonymous' })).toBeNull();
    }
    expect(phoneIn('as_dialled', { phoneE164: '+821012345678', phoneRaw: null })).toBe('+821012345678');
  });
});

describe('KUS-2/KUS-4 custom fields', () => {
  const defs = fieldDefsFrom([
    { name: 'status', type: 'default_status', default: true, choices: { 2: ['Open', 'x'] } },
    { name: 'cf_text', type: 'custom_text' },
    { name: 'cf_num', type: 'custom_number' },
    { name: 'cf_dec', type: 'custom_decimal' },
    { name: 'cf_flag', type: 'custom_checkbox' },
    { name: 'cf_day', type: 'custom_date' },
    { name: 'cf_pick', type: 'custom_dropdown', choices: ['Gold', 'Silver'] },
    { name: 'cf_admin_pick', type: 'custom_dropdown', choices: [{ id: 1, value: 'A' }] },
    { name: 'cf_future', type: 'custom_lookup' },
  ]);
  it('writes each value in its field\'s type and reports what it leaves out', () => {
    const r = toCustomFields(
      { cf_text: 42, cf_num: '95.4', cf_dec: '1.5', cf_flag: 'false', cf_day: '2025-03-01T23:00:00Z', cf_pick: 'silver', cf_admin_pick: 'A', cf_future: 'x', cf_clear: null, queueName: 'q', cf_missing: 1 },
      defs,
    );
    expect(r.custom).toEqual({ cf_text: '42', cf_num: 95, cf_dec: 1.5, cf_flag: false, cf_day: '2025-03-01', cf_pick: 'Silver', cf_admin_pick: 'A', cf_future: 'x' });
    expect(r.dropped).toEqual(['cf_clear: no such custom ticket field in Freshdesk', 'queueName: not a Freshdesk custom field name (cf_...)', 'cf_missing: no such custom ticket field in Freshdesk']);
    expect(toCustomFields({ cf_num: 'n/a', cf_flag: 'maybe', cf_day: 'soon', cf_pick: 'Bronze' }, defs).dropped).toHaveLength(4);
    expect(toCustomFields({ cf_text: 'x'.repeat(300) }, defs).custom.cf_text).toHaveLength(255);
  });
  it('without definitions sends cf_ values as they are (Freshdesk decides) but still refuses non-cf_ names', () => {
    expect(toCustomFields({ cf_any: 1, other: 2 }, null)).toEqual({ custom: { cf_any: 1 }, dropped: ['other: not a Freshdesk custom field name (cf_...)'] });
  });
  it('the settings refuse stamp fields that are not cf_ names', () => {
    expect(() => freshdeskAdapterSettingsSchema.parse({ baseUrl: 'https://a.freshdesk.com', apiKey: 'k', stampFields: { sessionKey: 'session' } })).toThrow(/cf_/);
  });
});

describe('REL-1 note references and Freshdesk errors', () => {
  it('a note ends with its reference line; the lookup matches that exact key only, in text or HTML', () => {
    const html = noteHtml('Phone: +1\n<b>x</b>', 'S-1:details');
    expect(html).toBe('<div>Phone: +1<br>&lt;b&gt;x&lt;/b&gt;</div><div>AgentDesk ref: S-1:details</div>');
    expect(hasRef({ body_text: 'Phone\nAgentDesk ref: S-1:details' }, 'S-1:details')).toBe(true);
    expect(hasRef({ body_text: 'Phone\nAgentDesk ref: S-1:details2' }, 'S-1:details')).toBe(false);
    expect(hasRef({ body: html, body_text: null }, 'S-1:details')).toBe(true);
    expect(hasRef({ body: html }, 'S-1')).toBe(false);
  });

  it('describes both error shapes and reads back refused fields and the holder of a taken identity', () => {
    const msg = describeFreshdeskError(400, { description: 'Validation failed', errors: [{ field: 'cf_x', message: "It should be one of these values: 'a,b'", code: 'invalid_value' }, { field: 'name', message: 'Mandatory attribute missing', code: 'missing_field' }] });
    expect(msg).toBe("Validation failed: field \"cf_x\": It should be one of these values: 'a,b' [invalid_value]; field \"name\": Mandatory attribute missing [missing_field]");
    expect(refusedFields(msg ?? '')).toEqual(['cf_x']);
    const dup = describeFreshdeskError(409, { description: 'Validation failed', errors: [{ field: 'email', message: 'It should be a unique value', code: 'duplicate_value', additional_info: { user_id: 42 } }] });
    expect(conflictHolder(dup ?? '')).toBe('42');
    expect(describeFreshdeskError(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' })).toBe('invalid_credentials: You have to be logged in to perform this action.');
    expect(describeFreshdeskError(500, 'oops')).toBeNull();
  });

  it('gives an identity-less customer a unique external id from its key and names a phone-only one by the number', () => {
    expect(contactIdentity({ phoneE164: null, phoneRaw: null, identifier: null, email: 'bad', name: null, key: 'anon:S-1', fields: {} }, null)).toEqual({ name: 'Unknown customer', unique_external_id: 'agentdesk:anon:S-1' });
    expect(contactIdentity({ phoneE164: '+1', phoneRaw: null, identifier: 'sdk', email: 'a@b.example', name: ' ', key: 'id:sdk', fields: {} }, '+14155550100')).toEqual({ name: '+14155550100', email: 'a@b.example', phone: '+14155550100', unique_external_id: 'sdk' });
  });
});
