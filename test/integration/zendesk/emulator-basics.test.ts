// Zendesk emulator: authentication (API token Basic, OAuth Bearer), Zendesk's error shapes,
// routing (.json twins, 404 kinds), request body checks and the control surface.
import { afterEach, describe, expect, it } from 'vitest';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { ADMIN, AGENT_A, AGENT_EMAIL, api, basic, OAUTH_TOKEN, start } from './helpers.js';

let z: ZendeskEmulator | null = null;
afterEach(async () => {
  await z?.close();
  z = null;
});

describe('Zendesk emulator: authentication', () => {
  it('accepts {email}/token:{api_token} Basic auth for any active agent and OAuth Bearer tokens; /users/me says who', async () => {
    z = await start();
    expect((await api(z, 'GET', '/api/v2/users/me')).json.user).toMatchObject({ id: ADMIN, role: 'admin' });
    expect((await api(z, 'GET', '/api/v2/users/me', undefined, { authorization: basic(AGENT_EMAIL) })).json.user.id).toBe(AGENT_A);
    expect((await api(z, 'GET', '/api/v2/users/me.json', undefined, { authorization: `Bearer ${OAUTH_TOKEN}` })).json.user.id).toBe(AGENT_A);
  });

  it('answers 401 {"error":"Couldn\'t authenticate you"} for a wrong token, an unknown e-mail, password auth, a wrong bearer or no header', async () => {
    z = await start();
    const tries = [
      basic('integration@acme.example', 'wrong'),
      basic('nobody@acme.example'),
      `Basic ${Buffer.from('integration@acme.example:password').toString('base64')}`,
      'Bearer nope',
      '',
    ];
    for (const authorization of tries) {
      const r = await api(z, 'GET', '/api/v2/users/me', undefined, { authorization });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: "Couldn't authenticate you" });
    }
  });

  it('refuses end users with 403 Forbidden', async () => {
    z = await start({ seed: { users: [{ id: 5, name: 'End User', email: 'end@example.com', role: 'end-user' }] } });
    const r = await api(z, 'GET', '/api/v2/tickets', undefined, { authorization: basic('end@example.com') });
    expect(r.status).toBe(403);
    expect(r.json.error).toBe('Forbidden');
  });
});

describe('Zendesk emulator: errors and routing', () => {
  it('RecordNotFound for a missing record, InvalidEndpoint for an unknown path, 405 with Allow', async () => {
    z = await start();
    expect(await api(z, 'GET', '/api/v2/tickets/999')).toMatchObject({ status: 404, json: { error: 'RecordNotFound', description: 'Not found' } });
    expect(await api(z, 'GET', '/api/v2/tickets/abc')).toMatchObject({ status: 404, json: { error: 'RecordNotFound' } });
    expect(await api(z, 'GET', '/api/v2/nothing')).toMatchObject({ status: 404, json: { error: 'InvalidEndpoint' } });
    const r = await api(z, 'PATCH', '/api/v2/tickets/1', { ticket: {} });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toContain('PUT');
  });

  it('bad JSON -> 400, non-JSON body -> 415, missing {"ticket": ...} wrapper -> 400, unknown property -> 400, bad value -> 422 RecordInvalid', async () => {
    z = await start();
    expect((await api(z, 'POST', '/api/v2/tickets', '{"ticket":')).status).toBe(400);
    expect((await api(z, 'POST', '/api/v2/tickets', 'x', { 'content-type': 'text/plain' })).status).toBe(415);
    const wrapper = await api(z, 'POST', '/api/v2/tickets', { subject: 'no wrapper' });
    expect(wrapper).toMatchObject({ status: 400, json: { error: 'BadRequest' } });
    const unknown = await api(z, 'POST', '/api/v2/tickets', { ticket: { comment: { body: 'x' }, colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.description).toContain('colour');
    const bad = await api(z, 'POST', '/api/v2/tickets', { ticket: { comment: { body: 'x' }, priority: 'whenever' } });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ error: 'RecordInvalid', description: 'Record validation errors', details: { priority: [expect.objectContaining({ error: 'InvalidValue' })] } });
  });

  it('strictBodies: false ignores unknown properties like Zendesk does', async () => {
    z = await start({ strictBodies: false });
    expect((await api(z, 'POST', '/api/v2/tickets', { ticket: { comment: { body: 'x' }, colour: 'red' } })).status).toBe(201);
  });

  it('exposes its state and request log (credentials masked) on the control surface', async () => {
    z = await start();
    await api(z, 'GET', '/api/v2/users/me');
    const state = (await (await fetch(`${z.url}/__emulator/state`)).json()) as { account: { subdomain: string }; users: unknown[]; ticketFields: unknown[] };
    expect(state.account.subdomain).toBe('acme');
    expect(state.users.length).toBeGreaterThanOrEqual(3);
    const log = (await (await fetch(`${z.url}/__emulator/requests`)).json()) as { requests: Array<{ headers: Record<string, string> }> };
    expect(log.requests[0]?.headers.authorization).toMatch(/^Basic \*\*\*/);
  });
});
