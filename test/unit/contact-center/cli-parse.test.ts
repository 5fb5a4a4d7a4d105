// The CLI grammar: words -> one control request.
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL, parseCli } from '../../../emulators/contact-center/cli-parse.js';

describe('parseCli', () => {
  it('inbound ivr with a phone number and options', () => {
    expect(parseCli(['inbound', 'ivr', '+82 10-1234-5678', '--queue', 'q-billing', '--data', 'orderId=A=77', '--record'])).toEqual({
      url: DEFAULT_URL,
      method: 'POST',
      path: 'inbound',
      body: { type: 'voice_inbound_ivr', phone: '+82 10-1234-5678', queueId: 'q-billing', customData: { orderId: 'A=77' }, recordingEnabled: true },
    });
  });

  it('chat web with e-mail and backlog messages', () => {
    expect(parseCli(['chat', 'web', '--email', 'a@b.c', '--queue', 'q-chat', '--message', 'hi', '--message', 'there', '--url', 'http://h:1/'])).toEqual({
      url: 'http://h:1',
      method: 'POST',
      path: 'inbound',
      body: { type: 'chat_inbound_web', queueId: 'q-chat', email: 'a@b.c', initialMessages: ['hi', 'there'] },
    });
  });

  it.each([
    [['end', 'S-1001'], 'end', { sessionId: 'S-1001' }],
    [['message', 'S-1', 'where', 'is', 'it'], 'message', { sessionId: 'S-1', text: 'where is it' }],
    [['hold', 'S-1', 'on'], 'hold', { sessionId: 'S-1', on: true }],
    [['transfer', 'S-1', '--to-queue', 'q-x'], 'transfer', { sessionId: 'S-1', toQueueId: 'q-x' }],
    [['csat', 'S-1', '5', 'very', 'good'], 'csat', { sessionId: 'S-1', rating: 5, comment: 'very good' }],
    [['smart-action', 'S-1', 'pay', '--failed', '--error', 'declined'], 'smart-action', { sessionId: 'S-1', type: 'pay', status: 'failed', error: 'declined' }],
    [['voicemail-update', 'VM-1', 'read', '--by', 'a@b.c'], 'voicemail-update', { voicemailId: 'VM-1', action: 'read', byEmail: 'a@b.c' }],
    [['settings', '{"recordCreation":{"abandonedCalls":true}}'], 'settings', { recordCreation: { abandonedCalls: true } }],
    [['agent-status', 'a@b.c', 'lunch'], 'agent-status', { email: 'a@b.c', statusId: 'lunch' }],
    [['disconnect-all'], 'disconnect-all', {}],
  ])('%j', (argv, path, body) => {
    expect(parseCli(argv)).toMatchObject({ method: 'POST', path, body });
  });

  it('state is a GET', () => {
    expect(parseCli(['state'])).toEqual({ url: DEFAULT_URL, method: 'GET', path: 'state' });
  });

  it.each([
    [[], /usage/],
    [['inbound', 'ivr'], /--queue/],
    [['inbound', 'fax', '--queue', 'q'], /unknown call kind/],
    [['hold', 'S-1', 'maybe'], /on or off/],
    [['settings', '[1]'], /JSON object/],
    [['frobnicate'], /unknown command/],
    [['end', 'S-1', '--nope'], /nope/],
  ])('rejects %j', (argv, error) => {
    expect(() => parseCli(argv)).toThrow(error);
  });
});
