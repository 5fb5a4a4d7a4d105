// Freshdesk emulator: private notes, the conversation list, and multipart attachments on tickets
// and notes (attachments[] parts, at most 20 MB per request, files served back by URL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import { AGENT_A, AGENT_B, api, start } from './helpers.js';

let f: FreshdeskEmulator;
let ticket: number;
beforeEach(async () => {
  f = await start({ maxAttachmentBytes: 64 * 1024 });
  ticket = (await api(f, 'POST', '/api/v2/tickets', { subject: 'S', description: 'D', email: 'a@b.example' })).json.id;
});
afterEach(async () => {
  await f.close();
});

const file = (text: string, name: string, type = 'text/plain') => [new Blob([text], { type }), name] as const;

describe('Freshdesk emulator: notes and conversations', () => {
  it('KUS-8: a note is private by default, HTML with a text copy, by the calling agent, and bumps the ticket updated_at', async () => {
    const before = f.store.tickets.get(ticket)?.updatedAt ?? 0;
    const r = await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: 'Phone: +14155550100<br>Call ID: S-1' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ private: true, incoming: false, user_id: AGENT_A, ticket_id: ticket, body_text: 'Phone: +14155550100\nCall ID: S-1', attachments: [], notified_to: [] });
    expect(f.store.tickets.get(ticket)?.updatedAt).toBeGreaterThanOrEqual(before);
    const pub = await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: 'public one', private: false, user_id: AGENT_B });
    expect(pub.json).toMatchObject({ private: false, user_id: AGENT_B, body: '<div>public one</div>' });
    const structured = await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { structured_body: { body_contents: [{ type: 'text', data: { content: 'from sdk' } }] } });
    expect(structured.json.body_text).toBe('from sdk');
  });

  it('refuses a note without body, with unknown fields, on a missing ticket, or with a bad user_id', async () => {
    expect((await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { private: true })).json.errors[0]).toMatchObject({ field: 'body', code: 'missing_field' });
    expect((await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: 'x', external_id: 'k' })).json.errors[0]).toMatchObject({ field: 'external_id', code: 'invalid_field' });
    expect((await api(f, 'POST', '/api/v2/tickets/424242/notes', { body: 'x' })).status).toBe(404);
    expect((await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: 'x', user_id: 9 })).json.errors[0]).toMatchObject({ field: 'user_id' });
    expect((await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: 'x', private: 'yes' })).json.errors[0]).toMatchObject({ field: 'private', code: 'datatype_mismatch' });
  });

  it('lists conversations oldest first, paginated with a Link header', async () => {
    for (let i = 1; i <= 3; i++) await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: `note ${i}` });
    const page1 = await api(f, 'GET', `/api/v2/tickets/${ticket}/conversations?per_page=2`);
    expect(page1.json.map((c: { body_text: string }) => c.body_text)).toEqual(['note 1', 'note 2']);
    expect(page1.headers.get('link')).toContain('page=2');
    const page2 = await api(f, 'GET', `/api/v2/tickets/${ticket}/conversations?per_page=2&page=2`);
    expect(page2.json.map((c: { body_text: string }) => c.body_text)).toEqual(['note 3']);
    expect(page2.headers.get('link')).toBeNull();
  });
});

describe('Freshdesk emulator: multipart attachments', () => {
  it('KUS-9: a multipart note with attachments[] stores the file, answers it with attachment_url, and serves the bytes back', async () => {
    const form = new FormData();
    form.append('body', 'Chat transcript');
    form.append('private', 'true');
    form.append('attachments[]', ...file('[10:00] Customer: hi\n', 'transcript.txt'));
    const r = await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, form);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ private: true, body_text: 'Chat transcript', attachments: [{ name: 'transcript.txt', content_type: 'text/plain', file_size: 21 }] });
    const download = await fetch(r.json.attachments[0].attachment_url);
    expect(await download.text()).toBe('[10:00] Customer: hi\n');
    expect(f.requests().at(-2)?.parts?.map((p) => p.name)).toEqual(['body', 'private', 'attachments[]']);
  });

  it('creates a ticket from a form: numbers, tags[] and custom_fields[cf_x] read from text, files attached', async () => {
    const form = new FormData();
    form.append('email', 'form@example.com');
    form.append('subject', 'From a form');
    form.append('description', 'With files');
    form.append('status', '3');
    form.append('priority', '2');
    form.append('tags[]', 'Voice Inbound (IVR)');
    form.append('tags[]', 'AgentDesk');
    form.append('custom_fields[cf_call_duration]', '61');
    form.append('custom_fields[cf_vip]', 'true');
    form.append('attachments[]', ...file('a', 'a.txt'));
    form.append('attachments[]', ...file('bb', 'b.txt'));
    const r = await api(f, 'POST', '/api/v2/tickets', form);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 3, priority: 2, tags: ['Voice Inbound (IVR)', 'AgentDesk'], custom_fields: { cf_call_duration: 61, cf_vip: true } });
    expect(r.json.attachments.map((a: { name: string; file_size: number }) => [a.name, a.file_size])).toEqual([['a.txt', 1], ['b.txt', 2]]);
    const bad = new FormData();
    bad.append('email', 'form@example.com');
    bad.append('subject', 's');
    bad.append('description', 'd');
    bad.append('custom_fields[cf_call_duration]', 'sixty');
    expect((await api(f, 'POST', '/api/v2/tickets', bad)).json.errors[0]).toMatchObject({ field: 'cf_call_duration', code: 'datatype_mismatch' });
  });

  it('refuses attachments above the total size limit (400), bodies far beyond it (413) and JSON "attachments"', async () => {
    const big = new FormData();
    big.append('body', 'too big');
    big.append('attachments[]', ...file('x'.repeat(40 * 1024), 'one.bin'));
    big.append('attachments[]', ...file('y'.repeat(40 * 1024), 'two.bin'));
    const r = await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, big);
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toMatchObject({ field: 'attachments', code: 'invalid_value' });
    const huge = new FormData();
    huge.append('body', 'huge');
    huge.append('attachments[]', ...file('z'.repeat(6 * 1024 * 1024), 'huge.bin'));
    const tooLarge = await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.code).toBe('request_entity_too_large');
    expect(f.store.conversationsOf(ticket)).toHaveLength(0);
    expect((await api(f, 'POST', `/api/v2/tickets/${ticket}/notes`, { body: 'x', attachments: [{ name: 'a' }] })).json.errors[0]).toMatchObject({ field: 'attachments', code: 'invalid_field' });
  });

  it('adds attachments to an existing ticket with a multipart update', async () => {
    const form = new FormData();
    form.append('priority', '3');
    form.append('attachments[]', ...file('rec', 'recording.txt'));
    const r = await api(f, 'PUT', `/api/v2/tickets/${ticket}`, form);
    expect(r.json).toMatchObject({ priority: 3, attachments: [{ name: 'recording.txt', file_size: 3 }] });
  });
});
