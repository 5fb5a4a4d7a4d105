// SEC-1: nothing leaves the page unless the contract's schema accepts it; apply requests are parsed.
import { describe, expect, it } from 'vitest';
import type { KustomerPageMessage } from '../../../common/ipc/kustomer-page.js';
import { checkedSender, parseApply } from '../../../preload/kustomer/messages.js';

describe('checkedSender', () => {
  const setup = () => {
    const sent: KustomerPageMessage[] = [];
    const logs: string[] = [];
    return { sent, logs, send: checkedSender((m) => sent.push(m), (l) => logs.push(l)) };
  };

  it('passes valid messages through', () => {
    const { sent, send } = setup();
    send({ type: 'page', instanceId: 'i1', userEmail: 'a@b.c', userId: 'u1' });
    send({ type: 'status', instanceId: 'i1', name: 'Lunch', statusType: 'unavailable', origin: 'change', commandId: 'c1', at: 5 });
    send({ type: 'dial', instanceId: 'i1', number: '+14155550100' });
    expect(sent.map((m) => m.type)).toEqual(['page', 'status', 'dial']);
  });

  it('drops invalid ones and says why', () => {
    const { sent, logs, send } = setup();
    send({ type: 'status', instanceId: 'i1', name: 'x'.repeat(201), origin: 'change', at: 1 });
    send({ type: 'dial', instanceId: 'i1', number: '1'.repeat(41) });
    send({ type: 'applied', instanceId: '', commandId: 'c' });
    send({ type: 'page', instanceId: 'i1', userEmail: null, userId: null, extra: 1 } as unknown as KustomerPageMessage);
    send({ type: 'status', instanceId: 'i1', name: 'Lunch', origin: 'change', at: -1 });
    expect(sent).toEqual([]);
    expect(logs).toHaveLength(5);
    expect(logs[0]).toContain('dropped an invalid status message');
  });
});

describe('parseApply', () => {
  it('accepts exactly the contract', () => {
    expect(parseApply({ type: 'apply', commandId: 'c1', name: 'Lunch' })).toEqual({ type: 'apply', commandId: 'c1', name: 'Lunch' });
  });
  it.each([null, undefined, 'apply', 1, [], {}, { type: 'apply', commandId: 'c1' }, { type: 'apply', commandId: 'c1', name: 'Lunch', x: 1 }, { type: 'apply', commandId: '', name: 'L' }, { type: 'apply', commandId: 'c', name: 'x'.repeat(201) }])(
    'refuses %j',
    (raw) => {
      expect(parseApply(raw)).toBeNull();
    },
  );
});
