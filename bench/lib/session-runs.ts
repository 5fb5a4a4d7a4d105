// The sessions the record-pop benchmark plays, one at a time: the trigger that makes the record,
// then the rest of the session's life.
import { sessionSchema, type Session, type SessionType } from '../../common/protocol/index.js';
import { QUEUE_IDS } from '../../emulators/contact-center/index.js';

export interface Step {
  name: string;
  payload: Record<string, unknown>;
}

export interface SessionRun {
  label: string;
  channel: 'voice' | 'chat';
  /** Events before the trigger (not timed). */
  before: Step[];
  /** The event after which the record must appear. */
  trigger: Step;
  /** The rest of the session's life. */
  after: Step[];
}

const queue = (id: string, name: string, path: string[]) => ({ id, name, path, leaf: true });
const billing = queue(QUEUE_IDS.billing, 'Billing', ['Support', 'Billing']);
const webChat = queue(QUEUE_IDS.webChat, 'Web chat', ['Chat', 'Web chat']);

function session(id: string, type: SessionType, n: number, known: boolean, block = 0): Session {
  const chat = type.startsWith('chat');
  return sessionSchema.parse({
    id,
    channel: chat ? 'chat' : 'voice',
    type,
    queue: chat ? webChat : billing,
    menuPath: chat ? 'Chat > Web chat' : 'Support > Billing',
    language: 'ko',
    dialedNumber: '+82215881234',
    customer: {
      phone: chat ? null : `+8210${String((known ? 5_000_000 : 10_000_000 + block * 100_000) + (known ? 0 : n))}`,
      identifier: type.endsWith('_app') ? `app-user-${block}-${known ? 0 : n}` : null,
      email: chat && type.endsWith('_web') ? `visitor${block}-${known ? 0 : n}@example.test` : null,
      name: null,
    },
    customData: { orderId: `O-${n}` },
    startedAt: new Date().toISOString(),
    recordingEnabled: !chat,
  });
}

const voiceLife = (id: string): Step[] => [
  { name: 'session.connected', payload: { sessionId: id } },
  { name: 'session.ended', payload: { sessionId: id, durationSec: 61, waitSec: 9, holdSec: 0 } },
  { name: 'session.recording', payload: { sessionId: id, url: `http://127.0.0.1:1/r/${id}.wav`, mimeType: 'audio/wav', durationSec: 61 } },
];

const msg = (id: string, k: number): Step => ({ name: 'session.message', payload: { sessionId: id, message: { id: `${id}-m${k}`, from: k % 2 ? 'agent' : 'consumer', text: `message ${k}`, attachments: [] } } });

export function runFor(kind: string, n: number): SessionRun {
  // Each kind has its own block of numbers and ids, so one kind's customers never collide with another's.
  const block = RUN_KINDS.indexOf(kind) + 1;
  const id = `B${block}-${n}`;
  switch (kind) {
    case 'voice_inbound_ivr (new caller)':
      return { label: kind, channel: 'voice', before: [], trigger: { name: 'session.assigned', payload: { session: session(id, 'voice_inbound_ivr', n, false, block) } }, after: voiceLife(id) };
    case 'voice_inbound_ivr (known caller, REC-1)':
      return { label: kind, channel: 'voice', before: [], trigger: { name: 'session.assigned', payload: { session: session(id, 'voice_inbound_ivr', n, true) } }, after: voiceLife(id) };
    case 'voice_inbound_app':
    case 'voice_inbound_web':
    case 'voice_scheduled_app':
    case 'voice_outbound':
      return { label: kind, channel: 'voice', before: [], trigger: { name: 'session.assigned', payload: { session: session(id, kind, n, false, block) } }, after: voiceLife(id) };
    case 'chat_inbound_web':
    case 'chat_inbound_app':
      return {
        label: kind,
        channel: 'chat',
        before: [{ name: 'session.assigned', payload: { session: session(id, kind, n, false, block) } }],
        trigger: { name: 'session.connected', payload: { sessionId: id } },
        after: [msg(id, 0), msg(id, 1), msg(id, 2), { name: 'session.ended', payload: { sessionId: id, durationSec: 90, waitSec: 4, holdSec: 0 } }],
      };
    case 'voicemail':
      return {
        label: kind,
        channel: 'voice',
        before: [],
        trigger: { name: 'voicemail.created', payload: { voicemail: { id: `VM-${n}`, customer: { phone: `+8210${String(10_000_000 + block * 100_000 + n)}`, identifier: null, email: null, name: null }, queue: billing, menuPath: 'Support > Billing', language: 'ko', dialedNumber: '+82215881234', recordingUrl: `http://127.0.0.1:1/vm/${n}.wav`, durationSec: 14 } } },
        after: [],
      };
    case 'abandoned call (REC-5)':
      return { label: kind, channel: 'voice', before: [], trigger: { name: 'session.abandoned', payload: { sessionId: id, session: session(id, 'voice_inbound_ivr', n, false, block), short: false, stage: 'queued', consumerMessages: 0 } }, after: [] };
    default:
      throw new Error(`unknown run ${kind}`);
  }
}

export const RUN_KINDS = [
  'voice_inbound_ivr (new caller)',
  'voice_inbound_ivr (known caller, REC-1)',
  'voice_inbound_app',
  'voice_inbound_web',
  'voice_scheduled_app',
  'voice_outbound',
  'chat_inbound_web',
  'chat_inbound_app',
  'voicemail',
  'abandoned call (REC-5)',
];
