// createZendeskAdapter: credentials from the local connection (API token with e-mail, or an OAuth
// token alone), pop links and phone format from the contact center's settings, read per call.
import { describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '../../../common/protocol/index.js';
import { CrmUnavailable } from '../../../main/adapters/crm/create-crm.js';
import { createZendeskAdapter } from '../../../main/adapters/crm/zendesk/index.js';

function capture() {
  const seen: Array<{ url: string; auth: string | null; body: unknown }> = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    seen.push({ url: String(input), auth: headers.get('authorization'), body: init?.body ? JSON.parse(String(init.body)) : null });
    return new Response(JSON.stringify({ user: { id: 7 } }), { status: 201, headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetchImpl };
}

describe('createZendeskAdapter', () => {
  it('e-mail + apiKey -> Basic {email}/token:{token}; apiKey alone -> OAuth Bearer; no apiKey -> CrmUnavailable', async () => {
    let s: Settings = settingsSchema.parse({});
    expect(() => createZendeskAdapter({ baseUrl: 'https://acme.zendesk.com' }, () => s)).toThrow(CrmUnavailable);
    const { seen, fetchImpl } = capture();
    const orig = globalThis.fetch;
    globalThis.fetch = fetchImpl; // the factory takes the global fetch, as in production
    try {
      const withToken = createZendeskAdapter({ baseUrl: 'https://acme.zendesk.com', apiKey: 'tok', email: 'a@acme.example' }, () => s);
      const oauth = createZendeskAdapter({ baseUrl: 'https://acme.zendesk.com', apiKey: 'oauth-tok' }, () => s);
      const c = { phoneE164: '+821012345678', phoneRaw: '010-1234-5678', identifier: null, email: null, name: null, key: 'phone:+821012345678', fields: {} };
      await withToken.createCustomer(c, { retry: false });
      s = settingsSchema.parse({ crm: { phoneFormat: 'national' } });
      await oauth.createCustomer(c, { retry: false });
    } finally {
      globalThis.fetch = orig;
    }
    expect(seen[0]?.auth).toBe(`Basic ${Buffer.from('a@acme.example/token:tok').toString('base64')}`);
    expect(seen[1]?.auth).toBe('Bearer oauth-tok');
    expect(seen.map((r) => (r.body as { user: { phone: string } }).user.phone)).toEqual(['+821012345678', '010-1234-5678']);
  });

  it('pop links: the connection\'s appUrl, else settings.crm.appUrl, else the account URL itself', () => {
    let s: Settings = settingsSchema.parse({});
    const plain = createZendeskAdapter({ baseUrl: 'https://acme.zendesk.com/', apiKey: 't' }, () => s);
    expect(plain.recordUrl('42')).toBe('https://acme.zendesk.com/agent/tickets/42');
    s = settingsSchema.parse({ crm: { appUrl: 'https://support.acme.example' } });
    expect(plain.recordUrl('42')).toBe('https://support.acme.example/agent/tickets/42');
    const pinned = createZendeskAdapter({ baseUrl: 'https://acme.zendesk.com', apiKey: 't', appUrl: 'https://pinned.example' }, () => s);
    expect(pinned.recordUrl('42')).toBe('https://pinned.example/agent/tickets/42');
  });
});
