// End (durations from the injected clock, hold time), recordings served as WAV, wrap-up, and
// abandon: short vs long, queued (orchestrator) vs assigned (agent).
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, ORCHESTRATOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

function manualClock(start = Date.parse('2026-11-21T09:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (sec: number) => void (t += sec * 1000) };
}

describe('end and recording', () => {
  it('computes duration, wait and hold from the clock, then sends a recording URL that serves a WAV', async () => {
    const clock = manualClock();
    h = await startHarness({ clock });
    const a1 = await h.agent(AGENT1, { setAvailable: false });
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing, recordingEnabled: true });
    expect((await h.agent(ORCHESTRATOR)).of('session.abandoned')).toEqual([]);
    clock.advance(15); // waits 15 s in the queue
    await a1.setStatus('available');
    await a1.waitFor('session.assigned');
    clock.advance(5); // rings 5 s
    await a1.accept(id);
    await a1.waitFor('session.connected');
    clock.advance(30);
    h.sim.hold(id, true);
    clock.advance(20);
    h.sim.hold(id, false);
    clock.advance(10);
    h.sim.hold(id, true);
    clock.advance(4); // still on hold when the call ends
    h.sim.end(id);

    expect(await a1.waitFor('session.ended')).toMatchObject({ sessionId: id, durationSec: 64, waitSec: 20, holdSec: 24 });
    const rec = await a1.waitFor('session.recording');
    expect(rec).toMatchObject({ sessionId: id, mimeType: 'audio/wav', durationSec: 64 });
    expect(rec.url).toBe(`${h.sim.url}/media/recordings/${id}.wav`);
    const res = await fetch(rec.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    expect((await fetch(`${h.sim.url}/media/recordings/S-404.wav`)).status).toBe(404);
    // The event order the agent saw for this call.
    const names = a1.events.map((e) => e.name).filter((n) => n.startsWith('session.'));
    expect(names).toEqual(['session.assigned', 'session.connected', 'session.ended', 'session.recording']);
  });

  it('goes through wrap_up to available (system) after a voice call when wrapUpSec is set', async () => {
    h = await startHarness({ wrapUpSec: 0.05 });
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'voice_inbound_web', queueId: QUEUE_IDS.technical, email: 'w@x.test' });
    await a1.waitFor('session.connected');
    const mark = a1.mark();
    expect(await a1.end(id)).toEqual({ ok: true });
    await a1.waitFor('agent.status', (p) => p.statusId === 'available', { after: mark });
    const statuses = a1.events.slice(mark).filter((e) => e.name === 'agent.status').map((e) => e.payload);
    expect(statuses).toMatchObject([
      { statusId: 'wrap_up', source: 'system' },
      { statusId: 'available', source: 'system' },
    ]);
    expect(await a1.end(id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps a status the agent chose during the call instead of the default next status', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('agent.status', (p) => p.statusId === 'in_call');
    await a1.command('agent.setStatus', { statusId: 'lunch', source: 'crm' });
    h.sim.end(id);
    await a1.waitFor('session.ended');
    expect(h.sim.agents().find((a) => a.email === AGENT1)).toMatchObject({ statusId: 'lunch', source: 'crm' });
  });
});

describe('abandon', () => {
  it('before assignment: to orchestrators with the full session, short by shortAbandonSec', async () => {
    const clock = manualClock();
    h = await startHarness({ clock, shortAbandonSec: 10 });
    const orch = await h.agent(ORCHESTRATOR);
    const quick = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821011110000', queueId: QUEUE_IDS.billing });
    const slow = h.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, initialMessages: ['a', 'b'] });
    clock.advance(9);
    h.sim.abandon(quick);
    clock.advance(2);
    h.sim.abandon(slow);
    const first = await orch.waitFor('session.abandoned', (p) => p.sessionId === quick);
    expect(first).toMatchObject({ short: true, stage: 'queued', consumerMessages: 0, session: { id: quick, customer: { phone: '+821011110000' } } });
    const second = await orch.waitFor('session.abandoned', (p) => p.sessionId === slow);
    expect(second).toMatchObject({ short: false, stage: 'queued', consumerMessages: 2, session: { id: slow, channel: 'chat' } });
    expect(h.sim.session(slow)?.state).toBe('abandoned');
    expect(() => h.sim.abandon(slow)).toThrow(/already abandoned/);
  });

  it('while ringing: to the assigned agent (stage assigned), not to orchestrators', async () => {
    h = await startHarness();
    const orch = await h.agent(ORCHESTRATOR);
    const a1 = await h.agent(AGENT1);
    const id = h.sim.inbound({ type: 'voice_inbound_app', identifier: 'u-7', queueId: QUEUE_IDS.technical });
    await a1.waitFor('session.assigned');
    h.sim.abandon(id);
    const ev = await a1.waitFor('session.abandoned');
    expect(ev).toMatchObject({ sessionId: id, stage: 'assigned', short: true });
    expect(ev.session).toBeUndefined();
    // The agent is free again: the next call is offered to it.
    const next = h.sim.inbound({ type: 'voice_inbound_app', identifier: 'u-8', queueId: QUEUE_IDS.technical });
    await a1.waitFor('session.assigned', (p) => p.session.id === next);
    expect(orch.of('session.abandoned')).toEqual([]);
  });

  it('after connection it is an end', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.connected');
    h.sim.abandon(id);
    expect(await a1.waitFor('session.ended')).toMatchObject({ sessionId: id });
    expect(a1.of('session.abandoned')).toEqual([]);
  });
});
