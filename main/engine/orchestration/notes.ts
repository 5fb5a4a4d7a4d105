// Texts of the notes AgentDesk adds to records. English, plain text; one function per note.
import type { ChatMessage, Session, Voicemail } from '../../../common/protocol/index.js';
import type { FieldValue } from '../crm-port.js';
import { CALL_TYPE_LABEL } from './session-labels.js';

function lines(parts: (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/**
 * KUS-8 phone note + KUS-3 standard data in one note (one CRM call instead of two): the caller's
 * number in E.164, the call id, language, menu selection, and SDK data that no field receives.
 */
export function detailsNote(
  s: Pick<Session, 'id' | 'type' | 'language' | 'menuPath' | 'dialedNumber'>,
  phoneE164: string | null,
  phoneRaw: string | null,
  unmappedData: [string, FieldValue][],
  appendedTo: boolean,
): string {
  const phoneLine = phoneE164 ? `Phone: ${phoneE164}` : phoneRaw ? `Phone (as received, not a valid number): ${phoneRaw}` : null;
  return lines([
    appendedTo ? `${CALL_TYPE_LABEL[s.type]} ${s.id} was added to this record.` : `${CALL_TYPE_LABEL[s.type]} ${s.id}`,
    phoneLine,
    `Call ID: ${s.id}`,
    s.language && `Language: ${s.language}`,
    s.menuPath && `Menu selection: ${s.menuPath}`,
    s.dialedNumber && `Number dialled: ${s.dialedNumber}`,
    unmappedData.length > 0 && `Custom data: ${unmappedData.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`,
  ]);
}

export function abandonedNote(stage: 'queued' | 'assigned', short: boolean, consumerMessages: number, channel: Session['channel']): string {
  const who = channel === 'voice' ? 'The caller hung up' : 'The customer left the chat';
  const when = stage === 'queued' ? 'while waiting in the queue' : 'before an agent answered';
  return lines([
    `${who} ${when}${short ? ' (short abandon)' : ''}.`,
    channel === 'chat' && `Messages from the customer: ${consumerMessages}.`,
  ]);
}

export function endedNote(e: { durationSec: number; waitSec: number; holdSec: number }): string {
  return `Session ended. Duration ${e.durationSec}s, wait ${e.waitSec}s, hold ${e.holdSec}s.`;
}

export function recordingNote(url: string, durationSec: number): string {
  return `Call recording (${durationSec}s): ${url}`;
}

export function csatNote(rating: number, comment: string | null): string {
  return lines([`Customer satisfaction: ${rating}/5`, comment && `Comment: ${comment}`]);
}

export function smartActionNote(a: { type: string; status: 'completed' | 'failed'; error?: string | null | undefined; result?: Record<string, unknown> | null | undefined; files: { name: string }[] }): string {
  if (a.status === 'failed') return `SmartAction "${a.type}" failed: ${a.error?.trim() || 'no error message was given'}`;
  const result = a.result && Object.keys(a.result).length > 0 ? JSON.stringify(a.result, null, 2) : null;
  return lines([
    `SmartAction "${a.type}" completed.`,
    result && `Result:\n${result}`,
    a.files.length > 0 && `Shared files: ${a.files.map((f) => f.name).join(', ')}`,
  ]);
}

export function transferNote(fromEmail: string, toEmail: string): string {
  return `Transferred from ${fromEmail} to ${toEmail}.`;
}

export function voicemailNote(v: Voicemail, phoneE164: string | null): string {
  return lines([
    `Voicemail ${v.id} (${v.durationSec}s)`,
    phoneE164 ? `Phone: ${phoneE164}` : v.customer.phone && `Phone (as received): ${v.customer.phone}`,
    v.language && `Language: ${v.language}`,
    v.menuPath && `Menu selection: ${v.menuPath}`,
    v.dialedNumber && `Number dialled: ${v.dialedNumber}`,
    `Recording: ${v.recordingUrl}`,
  ]);
}

export function voicemailUpdateNote(action: 'read' | 'closed' | 'called_back', byEmail: string): string {
  const verb = action === 'read' ? 'read' : action === 'closed' ? 'closed' : 'called back';
  return `Voicemail ${verb} by ${byEmail}.`;
}

/** KUS-9: the chat transcript attached at chat end. */
export function transcriptText(s: Pick<Session, 'id' | 'startedAt'>, messages: (ChatMessage & { at: string })[]): string {
  const header = `Chat transcript ${s.id} (started ${s.startedAt})`;
  const body = messages.map((m) => {
    const who = m.from === 'consumer' ? 'Customer' : m.from === 'agent' ? 'Agent' : 'Bot';
    const files = m.attachments.length > 0 ? ` [${m.attachments.map((a) => a.name).join(', ')}]` : '';
    return `[${m.sentAt ?? m.at}] ${who}: ${m.text}${files}`;
  });
  return [header, '', ...(body.length > 0 ? body : ['(no messages)'])].join('\n') + '\n';
}
