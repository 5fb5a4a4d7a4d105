// SOFT-1 extension: every agent has a SIP URI, and whoever places a voice session's call (the
// caller page in the softphone specs, the demo) learns which agent URI to INVITE.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { parseCli } from '../../../emulators/contact-center/cli-parse.js';
import { AGENT1, AGENT2, ackField, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('SIP addresses of agents (SOFT-1)', () => {
  it('defaults to sip:<agent id>@<sipDomain>, and the directory may name one', async () => {
    h = await startHarness({
      sipDomain: 'pbx.acme.test',
      agents: [
        { id: 'ag-1', email: AGENT1, name: 'One', roles: ['agent'] },
        { id: 'ag-2', email: AGENT2, name: 'Two', roles: ['agent'], sipUri: 'sip:joon@pbx.acme.test' },
      ],
    });
    expect(h.sim.agents().map((a) => [a.email, a.sipUri])).toEqual([
      [AGENT1, 'sip:ag-1@pbx.acme.test'],
      [AGENT2, 'sip:joon@pbx.acme.test'],
    ]);
    // The SIP URI is not part of the protocol's agent object; hello.sip (extension) carries the account.
    const a1 = await h.agent(AGENT1);
    const hello = await a1.ready();
    expect(Object.keys(hello.agent)).not.toContain('sipUri');
    expect(hello.sip).toEqual({ uri: 'sip:ag-1@pbx.acme.test', user: 'ag-1' });
    expect((await (await h.agent(AGENT2)).ready()).sip).toEqual({ uri: 'sip:joon@pbx.acme.test', user: 'joon' });
  });

  it('rejects a directory SIP URI that is not one', async () => {
    await expect(
      (async () => {
        h = await startHarness({ agents: [{ id: 'x', email: AGENT1, name: 'X', roles: ['agent'], sipUri: 'tel:+8210' }] });
      })(),
    ).rejects.toThrow(/SIP URI/);
  });

  it('tells the caller the URI of the agent a voice session is offered to, then connected with; null while queued', async () => {
    h = await startHarness();
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    expect(h.sim.sipTarget(id)).toEqual({ sessionId: id, state: 'queued', agentId: null, agentEmail: null, sipUri: null, header: 'X-Session-Id' });

    const a1 = await h.agent(AGENT1);
    await a1.waitFor('session.assigned', (p) => p.session.id === id);
    expect(h.sim.sipTarget(id)).toMatchObject({ state: 'offered', agentId: 'ag-1001', agentEmail: AGENT1, sipUri: 'sip:ag-1001@agentdesk.test' });

    expect(await a1.command('session.accept', { sessionId: id })).toEqual({ ok: true });
    expect(h.sim.sipTarget(id)).toMatchObject({ state: 'connected', sipUri: 'sip:ag-1001@agentdesk.test' });

    // After a transfer the call belongs at the new agent's URI.
    const a2 = await h.agent(AGENT2);
    expect(await a1.command('session.transfer', { sessionId: id, toAgentId: 'ag-1002' })).toEqual({ ok: true });
    await a2.waitFor('session.transferred', (p) => p.sessionId === id);
    expect(h.sim.sipTarget(id)).toMatchObject({ state: 'offered', agentEmail: AGENT2, sipUri: 'sip:ag-1002@agentdesk.test' });
  });

  it('over HTTP and the CLI grammar; chats are refused', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const dialled = await a1.command('call.dial', { number: '+821099998888' });
    const id = ackField(dialled, 'sessionId');
    const res = await fetch(`${h.sim.url}/control/sip-target`, { method: 'POST', body: JSON.stringify({ sessionId: id }) });
    expect(await res.json()).toMatchObject({ ok: true, sessionId: id, state: 'offered', sipUri: 'sip:ag-1001@agentdesk.test', header: 'X-Session-Id' });

    const chat = h.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, email: 'c@example.com' });
    const bad = await fetch(`${h.sim.url}/control/sip-target`, { method: 'POST', body: JSON.stringify({ sessionId: chat }) });
    expect(bad.status).toBe(400);

    expect(parseCli(['sip-target', 'S-1001'])).toEqual({ url: 'http://127.0.0.1:4000', method: 'POST', path: 'sip-target', body: { sessionId: 'S-1001' } });
  });
});
