import { describe, expect, it } from 'vitest';
import { sessionTypeTag, platformTag, recordTags } from '../../../main/engine/orchestration/tags.js';
import { SESSION_TYPES, type SessionType } from '../../../common/protocol/index.js';

describe('REC-8 session-type tag in each CRM format', () => {
  const table: [SessionType, string, string, string, string][] = [
    // type, zendesk, kustomer, freshdesk, salesforce (field value)
    ['voice_inbound_ivr', 'voice_inbound_ivr', 'Voice Inbound - IVR', 'Voice Inbound (IVR)', 'Voice Inbound (IVR)'],
    ['voice_inbound_app', 'voice_inbound_app', 'Voice Inbound - App', 'Voice Inbound (App)', 'Voice Inbound (App)'],
    ['voice_inbound_web', 'voice_inbound_web', 'Voice Inbound - Web', 'Voice Inbound (Web)', 'Voice Inbound (Web)'],
    ['voice_scheduled_app', 'voice_scheduled_app', 'Voice Scheduled - App', 'Voice Scheduled (App)', 'Voice Scheduled (App)'],
    ['voice_scheduled_web', 'voice_scheduled_web', 'Voice Scheduled - Web', 'Voice Scheduled (Web)', 'Voice Scheduled (Web)'],
    ['voice_outbound', 'voice_outbound', 'Voice Outbound', 'Voice Outbound', 'Voice Outbound'],
    ['chat_inbound_app', 'messaging_inbound_app_chat', 'Messaging Inbound - App Chat', 'Messaging Inbound (App Chat)', 'Messaging Inbound (App Chat)'],
    ['chat_inbound_web', 'messaging_inbound_web_chat', 'Messaging Inbound - Web Chat', 'Messaging Inbound (Web Chat)', 'Messaging Inbound (Web Chat)'],
    ['voicemail', 'voicemail', 'Voicemail', 'Voicemail', 'Voicemail'],
  ];
  it('covers every session type', () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...SESSION_TYPES].sort());
  });
  it.each(table)('%s -> zendesk %j, kustomer %j, freshdesk %j, salesforce %j', (type, zd, ku, fd, sf) => {
    expect(sessionTypeTag(type, 'zendesk')).toBe(zd);
    expect(sessionTypeTag(type, 'kustomer')).toBe(ku);
    expect(sessionTypeTag(type, 'freshdesk')).toBe(fd);
    expect(sessionTypeTag(type, 'salesforce')).toBe(sf);
  });
  it('Kustomer tags match the pattern of Kustomer\'s API', () => {
    const pattern = /^[0-9a-zA-ZÀ-ÿ_/<>\-.]{1}[0-9a-zA-ZÀ-ÿ _/<>\-.]{0,63}$/;
    for (const t of SESSION_TYPES) expect(sessionTypeTag(t, 'kustomer')).toMatch(pattern);
  });
});

describe('REC-9 platform tag', () => {
  it.each([
    ['AgentDesk', 'kustomer', 'AgentDesk'],
    ['AgentDesk', 'zendesk', 'agentdesk'],
    ['Agent Desk (KR)', 'zendesk', 'agent_desk_kr'],
    ['UJET', 'freshdesk', 'UJET'],
    ['', 'kustomer', null],
    [null, 'zendesk', null],
    ['  ', 'freshdesk', null],
  ] as const)('%j on %s -> %j', (tag, crm, expected) => {
    expect(platformTag(tag, crm)).toBe(expected);
  });

  it('recordTags combines REC-8 and REC-9 as the switches say', () => {
    expect(recordTags('voice_inbound_ivr', 'zendesk', { sessionTypeTag: true, platformTag: 'AgentDesk' })).toEqual(['voice_inbound_ivr', 'agentdesk']);
    expect(recordTags('voice_inbound_ivr', 'zendesk', { sessionTypeTag: false, platformTag: 'AgentDesk' })).toEqual(['agentdesk']);
    expect(recordTags('voice_inbound_ivr', 'kustomer', { sessionTypeTag: true, platformTag: null })).toEqual(['Voice Inbound - IVR']);
    expect(recordTags('voicemail', 'kustomer', { sessionTypeTag: true, platformTag: 'Voicemail' })).toEqual(['Voicemail']);
  });
});
