// seq strictly increasing per identity across reconnects; auth.lastSeq replay for a new
// connection; socket.io recovery after a transport drop; restart() and disconnectAll().
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS, type SimulatedAgent } from '../../../emulators/contact-center/index.js';
import { AGENT1, ORCHESTRATOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const strictlyIncreasing = (seqs: number[]) => seqs.every((s, i) => i === 0 || s > (seqs[i - 1] as number));
const contiguous = (seqs: number[]) => seqs.every((s, i) => i === 0 || s === (seqs[i - 1] as number) + 1);
const connected = (a: SimulatedAgent) => new Promise<void>((r) => (a.socket.connected ? r() : a.socket.once('connect', () => r())));
const disconnected = (a: SimulatedAgent) => new Promise<void>((r) => (a.socket.connected ? a.socket.once('disconnect', () => r()) : r()));

describe('seq and replay', () => {
  it('a new connection with auth.lastSeq gets exactly the missed events, in order, before its hello', async () => {
    h = await startHarness();
    const first = await h.agent(ORCHESTRATOR);
    h.sim.voicemail({ phone: '+821000000001' });
    await first.waitFor('voicemail.created');
    const lastSeq = first.lastSeq as number;
    first.close();
    await disconnected(first);

    // While the orchestrator is away (or restarting), three events are addressed to it.
    const missed = [h.sim.voicemail({ phone: '+821000000002' }), h.sim.voicemail({ phone: '+821000000003' })];
    const q = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821000000004', queueId: QUEUE_IDS.billing });
    h.sim.abandon(q);

    const restarted = h.raw(ORCHESTRATOR, { lastSeq });
    const hello = await restarted.ready();
    const names = restarted.events.map((e) => e.name);
    expect(names).toEqual(['voicemail.created', 'voicemail.created', 'session.abandoned', 'hello']);
    expect(restarted.of('voicemail.created').map((v) => v.voicemail.id)).toEqual(missed);
    expect(restarted.arrivals[0]).toBe(lastSeq + 1);
    expect(contiguous(restarted.arrivals)).toBe(true);
    expect(hello.seq).toBe(lastSeq + 4);
    expect(restarted.duplicates).toBe(0);
  });

  it('seq keeps increasing per identity across reconnects and connections', async () => {
    h = await startHarness();
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await h.agent(AGENT1, { setAvailable: i === 0 });
      await a.setStatus(i % 2 ? 'away' : 'lunch');
      await a.waitFor('agent.status', (p) => p.statusId === (i % 2 ? 'away' : 'lunch'));
      seqs.push(...a.arrivals);
      a.close();
      await disconnected(a);
    }
    expect(strictlyIncreasing(seqs)).toBe(true);
    const emitted = h.sim.emitted(AGENT1).map((e) => e.seq);
    expect(emitted).toEqual([...emitted].sort((x, y) => x - y));
    expect(new Set(emitted).size).toBe(emitted.length);
  });

  it('socket.io recovery after a transport drop delivers what was missed, without gaps or duplicates', async () => {
    h = await startHarness();
    const orch = await h.agent(ORCHESTRATOR);
    h.sim.voicemail({ phone: '+821000000001' });
    await orch.waitFor('voicemail.created');
    orch.socket.io.engine.close(); // the network drops, the client will reconnect by itself
    await disconnected(orch);
    const ids = [h.sim.voicemail({ phone: '+821000000002' }), h.sim.voicemail({ phone: '+821000000003' })];
    await connected(orch);
    expect(orch.socket.recovered).toBe(true);
    await orch.waitFor('voicemail.created', (p) => p.voicemail.id === ids[1]);
    expect(orch.of('voicemail.created')).toHaveLength(3);
    expect(orch.of('hello')).toHaveLength(1); // a recovered connection keeps its state: no new hello
    expect(contiguous(orch.arrivals)).toBe(true);
    expect(orch.duplicates).toBe(0);
  });

  it('disconnectAll drops every socket; clients reconnect and routing goes on', async () => {
    h = await startHarness();
    const agents = await Promise.all([AGENT1, 'agent2@acme.test'].map((e) => h.agent(e, { autoAccept: true })));
    const drops = agents.map((a) => disconnected(a));
    expect(h.sim.disconnectAll()).toBe(2);
    await Promise.all(drops);
    await Promise.all(agents.map(connected));
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await Promise.race(agents.map((a) => a.waitFor('session.connected', (p) => p.sessionId === id)));
    for (const a of agents) {
      expect(contiguous(a.arrivals)).toBe(true);
      expect(a.duplicates).toBe(0);
    }
  });

  it('restart() reopens on the same port with state and replay buffers; clients reconnect and lose nothing', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const orch = await h.agent(ORCHESTRATOR);
    const call = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.connected');
    const port = h.sim.port;
    const down = [disconnected(a1), disconnected(orch)];
    const restarting = h.sim.restart();
    await Promise.all(down);
    // Events produced while the server is down are retained for replay.
    const vm = h.sim.voicemail({ phone: '+821000000009' });
    await restarting;
    expect(h.sim.port).toBe(port);
    expect(h.sim.session(call)?.state).toBe('connected');

    await connected(orch);
    expect((await orch.waitFor('voicemail.created')).voicemail.id).toBe(vm);
    expect(orch.socket.recovered).toBe(false);
    await connected(a1);
    const hello = await a1.waitFor('hello', (p) => p.seq > a1.of('hello')[0]!.seq);
    expect(hello.statusId).toBe('in_call');
    h.sim.end(call);
    await a1.waitFor('session.ended');
    for (const c of [a1, orch]) {
      expect(strictlyIncreasing(c.arrivals)).toBe(true);
      expect(contiguous(c.arrivals)).toBe(true);
      expect(c.duplicates).toBe(0);
    }
  });
});
