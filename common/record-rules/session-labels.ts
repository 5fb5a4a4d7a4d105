// Human names for session types: the CALL_TYPE subject variable (REC-7) and the session-type
// tag (REC-8) start from these.
import type { SessionType } from '../protocol/index.js';

/** REC-7 CALL_TYPE values, as the original product names them. */
export const CALL_TYPE_LABEL: Record<SessionType, string> = {
  voice_inbound_ivr: 'IVR call',
  voice_inbound_app: 'Incoming call (App)',
  voice_inbound_web: 'Incoming call (Web)',
  voice_scheduled_app: 'Scheduled call (App)',
  voice_scheduled_web: 'Scheduled call (Web)',
  voice_outbound: 'Outbound call',
  chat_inbound_app: 'Incoming chat (App)',
  chat_inbound_web: 'Incoming chat (Web)',
  voicemail: 'Voicemail',
};

/**
 * REC-8 session-type names: a family ("Voice Inbound") and, where there is one, a variant
 * ("IVR"). Each CRM formats the pair its own way (see tags.ts).
 */
export const SESSION_TYPE_NAME: Record<SessionType, { family: string; variant: string | null }> = {
  voice_inbound_ivr: { family: 'Voice Inbound', variant: 'IVR' },
  voice_inbound_app: { family: 'Voice Inbound', variant: 'App' },
  voice_inbound_web: { family: 'Voice Inbound', variant: 'Web' },
  voice_scheduled_app: { family: 'Voice Scheduled', variant: 'App' },
  voice_scheduled_web: { family: 'Voice Scheduled', variant: 'Web' },
  voice_outbound: { family: 'Voice Outbound', variant: null },
  chat_inbound_app: { family: 'Messaging Inbound', variant: 'App Chat' },
  chat_inbound_web: { family: 'Messaging Inbound', variant: 'Web Chat' },
  voicemail: { family: 'Voicemail', variant: null },
};

/** "Voice Inbound (IVR)": the neutral display name, also used for the sessionType field. */
export function sessionTypeDisplayName(type: SessionType): string {
  const { family, variant } = SESSION_TYPE_NAME[type];
  return variant ? `${family} (${variant})` : family;
}
