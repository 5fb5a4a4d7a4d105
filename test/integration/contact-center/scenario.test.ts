// The working-day scenario end to end, at 100x on a clock scaled the same way, with two
// headless agents that answer and an orchestrator that receives the unattended traffic.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario, runScenario, scaledClock } from '../../../emulators/contact-center/index.js';
import { AGENT1, AGENT2, ORCHESTRATOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const SPEED = 100;
const file = fileURLToPath(new URL('../../../emulators/contact-center/scenarios/working-day.json', import.meta.url));

describe('scenario runner', () => {
  it('plays working-day.json: every kind of event reaches the right identity', async () => {
    h = await startHarness({ clock: scaledClock(SPEED) });
    const orch = await h.agent(ORCHESTRATOR);
    const agents = await Promise.all([AGENT1, AGENT2].map((e) => h.agent(e, { autoAccept: true })));
    const { ids } = await runScenario(h.sim, await loadScenario(file), { speed: SPEED });

    const state = (name: string) => h.sim.session(ids[name] as string)?.state;
    expect([state('ivr1'), state('app1'), state('chat1')]).toEqual(['ended', 'ended', 'ended']);
    expect([state('lost1'), state('lost2')]).toEqual(['abandoned', 'abandoned']);

    const ivr1 = h.sim.session(ids.ivr1 as string);
    expect(ivr1?.holdSec).toBeGreaterThanOrEqual(2);
    const handler = agents.find((a) => a.email === ivr1?.lastAgentEmail);
    expect(handler?.of('session.recording').some((r) => r.sessionId === ids.ivr1)).toBe(true);

    // The transfer: one agent told, the other received the full session.
    const transferred = agents.flatMap((a) => a.of('session.transferred')).filter((t) => t.sessionId === ids.app1);
    expect(transferred.filter((t) => t.session).length).toBe(1);
    expect(transferred.filter((t) => !t.session).length).toBe(1);

    // The chat backlog reached the agent in order.
    const chatAgent = agents.find((a) => a.of('session.assigned').some((s) => s.session.id === ids.chat1));
    expect(chatAgent?.of('session.message').filter((m) => m.sessionId === ids.chat1).map((m) => m.message.text)).toEqual([
      'Hello, my order has not arrived',
      'Connecting you to an agent',
      'Order A-77, placed last Monday',
      'Thank you!',
    ]);

    await orch.waitFor('voicemail.updated', (p) => p.action === 'called_back');
    expect(orch.of('session.csat').map((c) => [c.sessionId, c.rating])).toEqual([
      [ids.ivr1, 5],
      [ids.chat1, 4],
    ]);
    expect(orch.of('session.smartAction')[0]).toMatchObject({ sessionId: ids.app1, action: { type: 'photo_upload', status: 'completed' } });
    expect(orch.of('session.abandoned').map((a) => [a.sessionId, a.short, a.stage])).toEqual([
      [ids.lost1, true, 'queued'],
      [ids.lost2, false, 'queued'],
    ]);
    expect(orch.of('voicemail.created')[0]?.voicemail.id).toBe(ids.vm1);
    expect(orch.of('voicemail.updated').map((v) => v.action)).toEqual(['read', 'called_back']);
  });

  it('rejects malformed scenarios and reports the failing step', async () => {
    h = await startHarness();
    await expect(runScenario(h.sim, [{ at: 0, do: 'explode', args: {} } as never])).rejects.toThrow(/do/);
    await expect(
      runScenario(h.sim, [
        { at: 10, do: 'note', args: { text: 'a' } },
        { at: 5, do: 'note', args: { text: 'b' } },
      ]),
    ).rejects.toThrow(/timed before/);
    await expect(runScenario(h.sim, [{ at: 0, do: 'end', args: { session: 'S-404' } }])).rejects.toThrow(/step 1 \(end at 0 ms\): unknown session/);
    await expect(
      runScenario(h.sim, [
        { at: 0, do: 'inbound', as: 'c', args: { type: 'voice_inbound_ivr', queueId: 'q-billing' } },
        { at: 0, do: 'waitFor', args: { session: 'c', state: 'connected', timeoutMs: 50 } },
      ]),
    ).rejects.toThrow(/timed out after 50 ms/);
  });
});
