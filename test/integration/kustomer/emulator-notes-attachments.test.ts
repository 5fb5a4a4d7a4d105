// Kustomer emulator: messages, notes (externalId) and the three-step attachment upload (KUS-9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { api, start } from './helpers.js';

let k: KustomerEmulator;
let conversation: string;
beforeAll(async () => {
  k = await start();
  const customer = (await api(k, 'POST', '/v1/customers', { name: 'Notes' })).json.data.id;
  conversation = (await api(k, 'POST', '/v1/conversations', { customer })).json.data.id;
});
afterAll(() => k.close());

async function createAttachment(name: string, contentType: string, contentLength: number) {
  const r = await api(k, 'POST', '/v1/attachments', { name, contentType, contentLength });
  expect(r.status).toBe(201);
  return r.json as { data: { id: string; attributes: { uploaded: boolean } }; meta: { upload: { url: string; fields: Record<string, string> } } };
}

function form(fields: Record<string, string>, file: Uint8Array | null, name = 'f.txt', fileFirst = false): FormData {
  const fd = new FormData();
  const addFile = () => file && fd.append('file', new Blob([new Uint8Array(file)], { type: 'text/plain' }), name);
  if (fileFirst) addFile();
  for (const [key, value] of Object.entries(fields)) fd.append(key, value);
  if (!fileFirst) addFile();
  return fd;
}

describe('Kustomer emulator: messages and notes', () => {
  it('records messages with derived directionType and counts, in both create endpoints', async () => {
    const m1 = await api(k, 'POST', `/v1/conversations/${conversation}/messages`, { channel: 'chat', app: 'agentdesk', direction: 'in', preview: 'Hi' });
    expect(m1.status).toBe(201);
    expect(m1.json.data.attributes).toMatchObject({ channel: 'chat', directionType: 'initial-in', status: 'received' });
    const m2 = await api(k, 'POST', '/v1/messages', { conversation, channel: 'chat', app: 'agentdesk', direction: 'out', preview: 'Hello' });
    expect(m2.json.data.attributes.directionType).toBe('response-out');
    expect((await api(k, 'POST', '/v1/messages', { conversation, channel: 'chat', app: 'agentdesk' })).status).toBe(400); // direction required there
    expect((await api(k, 'POST', `/v1/conversations/${conversation}/messages`, { channel: 'pigeon', app: 'x' })).status).toBe(400);
    const list = await api(k, 'GET', `/v1/conversations/${conversation}/messages`);
    expect(list.json.data).toHaveLength(2);
    const conv = (await api(k, 'GET', `/v1/conversations/${conversation}`)).json.data.attributes;
    expect(conv).toMatchObject({ messageCount: 2, outboundMessageCount: 1, channels: ['chat'] });
    expect((await api(k, 'GET', '/v1/messages?sort=desc')).json.data[0].id).toBe(m2.json.data.id);
  });

  it('creates notes with externalId and lists them oldest first', async () => {
    const n = await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'Caller +14155550100', externalId: 'sess-1:phone' });
    expect(n.status).toBe(201);
    expect(n.json.data.attributes).toMatchObject({ body: 'Caller +14155550100', externalId: 'sess-1:phone' });
    await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'second' });
    const list = await api(k, 'GET', `/v1/conversations/${conversation}/notes?pageSize=1`);
    expect(list.json.data[0].attributes.externalId).toBe('sess-1:phone');
    expect(list.json.links.next).toContain('page=2');
    expect((await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: '' })).status).toBe(400);
    expect((await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'x'.repeat(10241) })).status).toBe(400);
  });
});

describe('Kustomer emulator: three-step attachment upload (KUS-9)', () => {
  it('creates the attachment, accepts the multipart upload with every field then file last (204), then a note references it', async () => {
    const bytes = new TextEncoder().encode('Agent: hello\nCustomer: hi\n');
    const a = await createAttachment('transcript.txt', 'text/plain', bytes.length);
    expect(a.data.attributes.uploaded).toBe(false);
    expect(Object.keys(a.meta.upload.fields)).toEqual(['key', 'acl', 'Content-Type', 'X-Amz-Meta-Attachment-Id', 'bucket', 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'Policy', 'X-Amz-Signature']);
    expect(a.meta.upload.url.startsWith(k.url)).toBe(true);
    const up = await fetch(a.meta.upload.url, { method: 'POST', body: form(a.meta.upload.fields, bytes, 'transcript.txt') });
    expect(up.status).toBe(204);
    expect(k.store.attachments.get(a.data.id)?.bytes?.toString('utf8')).toBe('Agent: hello\nCustomer: hi\n');
    const ref = { _id: a.data.id, name: 'transcript.txt', contentType: 'text/plain', contentLength: bytes.length };
    const note = await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'Chat transcript', externalId: 'sess-1:transcript', attachments: [ref] });
    expect(note.status).toBe(201);
    expect(note.json.data.attributes.attachments).toEqual([ref]);
    const msg = await api(k, 'POST', `/v1/conversations/${conversation}/messages`, { channel: 'chat', app: 'agentdesk', attachments: [a.data.id] });
    expect(msg.status).toBe(201);
  });

  it('refuses a reference to an attachment never uploaded, an unknown one, or one with other metadata', async () => {
    const a = await createAttachment('never.txt', 'text/plain', 3);
    const ref = { _id: a.data.id, name: 'never.txt', contentType: 'text/plain', contentLength: 3 };
    const never = await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'x', attachments: [ref] });
    expect(never.status).toBe(400);
    expect(never.json.errors[0].detail).toContain('never uploaded');
    const unknown = await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'x', attachments: [{ ...ref, _id: '64b000000000000000000fff' }] });
    expect(unknown.status).toBe(400);
    await fetch(a.meta.upload.url, { method: 'POST', body: form(a.meta.upload.fields, new TextEncoder().encode('abc'), 'never.txt') });
    expect((await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'x', attachments: [{ ...ref, contentLength: 4 }] })).status).toBe(400);
    expect((await api(k, 'POST', `/v1/conversations/${conversation}/notes`, { body: 'x', attachments: [ref] })).status).toBe(201);
  });

  it('checks the upload like S3: file last, every policy field unchanged, size as declared', async () => {
    const a = await createAttachment('f.txt', 'text/plain', 5);
    const five = new TextEncoder().encode('12345');
    const post = async (fd: FormData) => {
      const r = await fetch(a.meta.upload.url, { method: 'POST', body: fd });
      return { status: r.status, text: await r.text() };
    };
    const fileFirst = await post(form(a.meta.upload.fields, five, 'f.txt', true));
    expect(fileFirst.status).toBe(400);
    expect(fileFirst.text).toContain('<Code>InvalidArgument</Code>');
    const { Policy: _p, ...missing } = a.meta.upload.fields;
    expect((await post(form(missing, five))).status).toBe(403);
    expect((await post(form({ ...a.meta.upload.fields, key: 'other' }, five))).status).toBe(403);
    expect((await post(form(a.meta.upload.fields, new TextEncoder().encode('123456')))).text).toContain('EntityTooLarge');
    expect((await post(form(a.meta.upload.fields, null))).status).toBe(400);
    expect((await fetch(a.meta.upload.url, { method: 'POST', body: 'plain' })).status).toBe(400);
    expect((await post(form(a.meta.upload.fields, five))).status).toBe(204);
    const parts = k.requests().filter((r) => r.path === '/s3/kustomer-attachments').at(-1)?.parts?.map((p) => p.name);
    expect(parts?.at(-1)).toBe('file');
  });

  it('refuses attachment documents over the size limit and bad bodies', async () => {
    expect((await api(k, 'POST', '/v1/attachments', { name: 'big.bin', contentType: 'application/octet-stream', contentLength: 21 * 1024 * 1024 })).status).toBe(400);
    expect((await api(k, 'POST', '/v1/attachments', { name: 'x.txt', contentType: 'text/plain' })).status).toBe(400);
    expect((await api(k, 'POST', '/v1/attachments', { name: 'x.txt', contentType: 'text/plain', contentLength: 1, externalUrl: 'https://x' })).status).toBe(400);
  });
});
