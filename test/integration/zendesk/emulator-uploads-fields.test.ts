// Zendesk emulator: uploads (tokens valid 60 minutes, used once, files served at content_url)
// and ticket fields (system and custom, ids; values checked by type; drop-down and checkbox tags).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { UPLOAD_TTL_MS, type ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { AGENT_EMAIL, api, basic, endUser, FIELD_DATE, FIELD_DURATION, FIELD_QUEUE, FIELD_TYPE, FIELD_VIP, start, ticket } from './helpers.js';

let z: ZendeskEmulator | null = null;
afterEach(async () => {
  await z?.close();
  z = null;
});

async function upload(em: ZendeskEmulator, name: string, text: string, token?: string) {
  const q = new URLSearchParams({ filename: name, ...(token ? { token } : {}) });
  const res = await fetch(`${em.url}/api/v2/uploads.json?${q}`, { method: 'POST', headers: { authorization: basic(), 'content-type': 'text/plain' }, body: text });
  return { status: res.status, json: (await res.json()) as { upload: { token: string; expires_at: string; attachments: Array<{ id: number; content_url: string; file_name: string; size: number }>; attachment: { id: number } } } & { error?: string } };
}

describe('Zendesk emulator: uploads and attachments', () => {
  it('raw bytes -> 201 {upload: {token, attachment}}; a comment with uploads:[token] carries the file, served at content_url', async () => {
    z = await start();
    const u = await endUser(z, { name: 'C' });
    const t = await ticket(z, { requester_id: u });
    const up = await upload(z, 'transcript.txt', 'Customer: hi\n');
    expect(up.status).toBe(201);
    expect(up.json.upload.attachment).toMatchObject({ file_name: 'transcript.txt', content_type: 'text/plain', size: 13 });
    const second = await upload(z, 'more.txt', 'x', up.json.upload.token);
    expect(second.json.upload.attachments.map((a) => a.file_name)).toEqual(['transcript.txt', 'more.txt']);
    const r = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { comment: { body: 'Transcript', public: false, uploads: [up.json.upload.token] } } });
    expect(r.status).toBe(200);
    const [, c] = (await api(z, 'GET', `/api/v2/tickets/${t.id}/comments`)).json.comments;
    expect(c.attachments.map((a: { file_name: string }) => a.file_name)).toEqual(['transcript.txt', 'more.txt']);
    const file = await fetch(c.attachments[0].content_url);
    expect(await file.text()).toBe('Customer: hi\n');
    expect((await api(z, 'GET', `/api/v2/attachments/${c.attachments[0].id}`)).json.attachment.file_name).toBe('transcript.txt');
    const reuse = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { comment: { body: 'again', uploads: [up.json.upload.token] } } });
    expect(reuse.status).toBe(422);
  });

  it('a token is valid for 60 minutes; an unused upload can be deleted; an empty file or no filename is refused; too large is a 413', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock, maxUploadBytes: 10 });
    const u = await endUser(z, { name: 'C' });
    const t = await ticket(z, { requester_id: u });
    const up = await upload(z, 'a.txt', 'abc');
    expect(up.json.upload.expires_at).toBe('2026-03-01T11:00:00Z');
    clock.advance(UPLOAD_TTL_MS);
    const late = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { comment: { body: 'late', uploads: [up.json.upload.token] } } });
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.json)).toContain('expired');
    const other = await upload(z, 'b.txt', 'abc');
    expect((await api(z, 'DELETE', `/api/v2/uploads/${other.json.upload.token}`)).status).toBe(204);
    expect((await upload(z, 'empty.txt', '')).status).toBe(422);
    expect((await fetch(`${z.url}/api/v2/uploads`, { method: 'POST', headers: { authorization: basic() }, body: 'abc' })).status).toBe(400);
    expect((await upload(z, 'big.txt', 'x'.repeat(11))).status).toBe(413);
  });
});

describe('Zendesk emulator: ticket fields and custom field values', () => {
  it('lists system and custom fields with ids; only admins create fields; drop-downs need options', async () => {
    z = await start();
    const list = (await api(z, 'GET', '/api/v2/ticket_fields')).json.ticket_fields as Array<{ id: number; type: string; removable: boolean; title: string }>;
    expect(list.filter((f) => !f.removable).map((f) => f.type)).toEqual(['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee']);
    expect(list.find((f) => f.id === FIELD_DURATION)).toMatchObject({ type: 'integer', title: 'Call duration', removable: true });
    expect((await api(z, 'POST', '/api/v2/ticket_fields', { ticket_field: { type: 'text', title: 'X' } }, { authorization: basic(AGENT_EMAIL) })).status).toBe(403);
    expect((await api(z, 'POST', '/api/v2/ticket_fields', { ticket_field: { type: 'tagger', title: 'Y' } })).status).toBe(422);
    const made = await api(z, 'POST', '/api/v2/ticket_fields', { ticket_field: { type: 'decimal', title: 'Wait time' } });
    expect(made.status).toBe(201);
    expect((await api(z, 'GET', `/api/v2/ticket_fields/${made.json.ticket_field.id}`)).json.ticket_field.title).toBe('Wait time');
  });

  it('values are checked by type (422 naming the field), an unknown id is refused, drop-down and checkbox values set their tags', async () => {
    z = await start();
    const u = await endUser(z, { name: 'C' });
    const t = await ticket(z, { requester_id: u });
    const put = (fields: unknown[]) => api(z as ZendeskEmulator, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { custom_fields: fields } });
    for (const bad of [{ id: FIELD_DURATION, value: 'ninety' }, { id: FIELD_VIP, value: 'yes' }, { id: FIELD_DATE, value: '01/03/2026' }, { id: FIELD_TYPE, value: 'nope' }, { id: 42, value: 'x' }]) {
      const r = await put([bad]);
      expect(r.status).toBe(422);
      expect(r.json.details.base[0].field_key).toBe(bad.id);
    }
    const ok = await put([{ id: FIELD_TYPE, value: 'st_voice_ivr' }, { id: FIELD_VIP, value: true }, { id: FIELD_DATE, value: '2026-03-02' }, { id: FIELD_QUEUE, value: 7 }]);
    expect(ok.status).toBe(200);
    expect(ok.json.ticket.tags).toEqual(['st_voice_ivr', 'vip_caller']);
    expect(ok.json.ticket.custom_fields).toEqual(expect.arrayContaining([{ id: FIELD_QUEUE, value: '7' }, { id: FIELD_DATE, value: '2026-03-02' }]));
    const switched = await put([{ id: FIELD_TYPE, value: 'st_web_chat' }, { id: FIELD_VIP, value: null }]);
    expect(switched.json.ticket.tags).toEqual(['st_web_chat']);
  });
});
