// REC-3, REC-4, REC-5, REC-6: when a session's record is made.
import { describe, expect, it } from 'vitest';
import { Driver, session, chatSession, settings, ORCHESTRATOR } from '../../support/orchestration-fixtures.js';

describe('REC-3 call records on assign (default) or on connect', () => {
  it.each([
    [false, 'assigned', 1],
    [false, 'connected', 1],
    [true, 'assigned', 0],
    [true, 'connected', 1],
  ] as const)('createCallRecordOnConnect=%s: after %s, %i openRecord', (onConnect, stage, expected) => {
    const d = new Driver(settings({ createCallRecordOnConnect: onConnect }));
    d.send('session.assigned', { session: session() });
    if (stage === 'connected') d.send('session.connected', { sessionId: 'S-1001' });
    expect(d.of('openRecord')).toHaveLength(expected);
  });

  it('with REC-3 on, a caller who hangs up before connecting leaves no record when REC-5 is off', () => {
    const d = new Driver(settings({ createCallRecordOnConnect: true, abandonedCalls: false }));
    d.send('session.assigned', { session: session() });
    d.send('session.abandoned', { sessionId: 'S-1001', short: false, stage: 'assigned', consumerMessages: 0 });
    expect(d.intents).toEqual([]);
  });

  it('with REC-3 on and REC-5 on, that caller gets a record (the only trace of who called)', () => {
    const d = new Driver(settings({ createCallRecordOnConnect: true, abandonedCalls: true }));
    d.send('session.assigned', { session: session() });
    d.send('session.abandoned', { sessionId: 'S-1001', short: false, stage: 'assigned', consumerMessages: 0 });
    expect(d.of('openRecord')).toHaveLength(1);
    expect(d.of('openRecord')[0]?.target).toEqual({ kind: 'new' });
    expect(d.of('addNote')[0]?.body).toMatch(/hung up before an agent answered/);
  });

  it('outbound calls are recorded when placed, REC-3 notwithstanding', () => {
    const d = new Driver(settings({ createCallRecordOnConnect: true }));
    d.send('session.assigned', { session: session({ type: 'voice_outbound' }) });
    expect(d.of('openRecord')).toHaveLength(1);
  });

  it('the record is requested once, however many events follow', () => {
    const d = new Driver(settings());
    d.send('session.assigned', { session: session() });
    d.send('session.connected', { sessionId: 'S-1001' });
    d.send('session.assigned', { session: session() });
    expect(d.of('openRecord')).toHaveLength(1);
  });
});

describe('REC-4 chat records delayed until N consumer messages', () => {
  it.each([
    // N, consumer messages before connect, after connect, expected records
    [0, 0, 0, 1],
    [2, 0, 1, 0],
    [2, 0, 2, 1],
    [2, 2, 0, 1],
    [3, 1, 1, 0],
    [3, 1, 2, 1],
  ])('N=%i, %i messages before connect, %i after -> %i record(s)', (n, before, after, expected) => {
    const d = new Driver(settings({ chatMinConsumerMessages: n }));
    d.send('session.assigned', { session: chatSession() });
    for (let i = 0; i < before; i++) d.send('session.message', { sessionId: 'C-2001', message: { id: `m${i}`, from: 'consumer', text: 'hi', attachments: [] } });
    d.send('session.connected', { sessionId: 'C-2001' });
    for (let i = 0; i < after; i++) d.send('session.message', { sessionId: 'C-2001', message: { id: `n${i}`, from: 'consumer', text: 'hello', attachments: [] } });
    expect(d.of('openRecord')).toHaveLength(expected);
  });

  it('agent and bot messages do not count toward N', () => {
    const d = new Driver(settings({ chatMinConsumerMessages: 1 }));
    d.send('session.assigned', { session: chatSession() });
    d.send('session.connected', { sessionId: 'C-2001' });
    d.send('session.message', { sessionId: 'C-2001', message: { id: 'a', from: 'agent', text: 'Hello', attachments: [] } });
    d.send('session.message', { sessionId: 'C-2001', message: { id: 'b', from: 'bot', text: 'Bot', attachments: [] } });
    expect(d.of('openRecord')).toHaveLength(0);
    d.send('session.message', { sessionId: 'C-2001', message: { id: 'c', from: 'consumer', text: 'Hi', attachments: [] } });
    expect(d.of('openRecord')).toHaveLength(1);
  });

  it('default: an assigned chat gets its (possibly empty) record on connect, not before', () => {
    const d = new Driver(settings({ chatMinConsumerMessages: 0 }));
    d.send('session.assigned', { session: chatSession() });
    expect(d.of('openRecord')).toHaveLength(0);
    d.send('session.connected', { sessionId: 'C-2001' });
    expect(d.of('openRecord')).toHaveLength(1);
  });

  it('a chat that ends before N messages leaves no record and no transcript', () => {
    const d = new Driver(settings({ chatMinConsumerMessages: 3 }));
    d.send('session.assigned', { session: chatSession() });
    d.send('session.connected', { sessionId: 'C-2001' });
    d.send('session.message', { sessionId: 'C-2001', message: { id: 'c', from: 'consumer', text: 'Hi', attachments: [] } });
    d.send('session.ended', { sessionId: 'C-2001', durationSec: 30, waitSec: 2, holdSec: 0 });
    expect(d.intents).toEqual([]);
  });
});

describe('REC-5 abandoned calls and REC-6 abandoned chats (queued: sent to the orchestrator)', () => {
  const cases: [string, 'voice' | 'chat', Parameters<typeof settings>[0], boolean, number, boolean][] = [
    ['call, REC-5 on', 'voice', { abandonedCalls: true }, false, 0, true],
    ['call, REC-5 on, short abandon', 'voice', { abandonedCalls: true }, true, 0, true],
    ['call, REC-5 off', 'voice', { abandonedCalls: false }, false, 0, false],
    ['chat, REC-6 off', 'chat', { abandonedChats: 'off' }, false, 5, false],
    ['chat, REC-6 off, short', 'chat', { abandonedChats: 'off' }, true, 0, false],
    ['chat, REC-6 all, short abandon', 'chat', { abandonedChats: 'all' }, true, 0, true],
    ['chat, REC-6 all, long abandon', 'chat', { abandonedChats: 'all' }, false, 1, true],
    ['chat, REC-6 min 2, sent 2', 'chat', { abandonedChats: 'minMessages', abandonedChatsMinMessages: 2 }, false, 2, true],
    ['chat, REC-6 min 2, sent 1', 'chat', { abandonedChats: 'minMessages', abandonedChatsMinMessages: 2 }, false, 1, false],
    ['chat, REC-6 min 2, short with 3', 'chat', { abandonedChats: 'minMessages', abandonedChatsMinMessages: 2 }, true, 3, true],
  ];
  it.each(cases)('%s', (_name, channel, rc, short, consumerMessages, wanted) => {
    const d = new Driver(settings(rc), ORCHESTRATOR);
    const s = channel === 'voice' ? session() : chatSession();
    d.send('session.abandoned', { sessionId: s.id, session: s, short, stage: 'queued', consumerMessages });
    const opens = d.of('openRecord');
    expect(opens).toHaveLength(wanted ? 1 : 0);
    if (wanted) {
      expect(opens[0]?.target).toEqual({ kind: 'new' }); // KUS-5: a caller who abandons gets a new record
      expect(opens[0]?.record.assigneeUserId).toBeNull();
      expect(d.of('addNote')[0]?.body).toMatch(short ? /short abandon/ : /waiting in the queue/);
    }
  });

  it('an abandoned session whose record already exists gets a note, not a second record', () => {
    const d = new Driver(settings({ abandonedCalls: true }));
    d.send('session.assigned', { session: session() });
    d.send('session.abandoned', { sessionId: 'S-1001', short: false, stage: 'assigned', consumerMessages: 0 });
    expect(d.of('openRecord')).toHaveLength(1);
    expect(d.of('addNote')).toHaveLength(1);
  });

  it('an abandon for a session the engine never saw, without details, is ignored with a trace', () => {
    const d = new Driver(settings({ abandonedCalls: true }), ORCHESTRATOR);
    d.send('session.abandoned', { sessionId: 'S-404', short: false, stage: 'queued', consumerMessages: 0 });
    expect(d.intents).toEqual([]);
    expect(d.trace.join('\n')).toMatch(/unknown session/);
  });
});
