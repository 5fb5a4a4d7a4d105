// Sample sessions for the rules preview (ADMIN-1) and the subject/tag previews: realistic
// contact-center sessions and the event steps that would happen to them.
import type { IpcRequest } from '../../../common/ipc/contract.js';
import type { Queue, Session } from '../../../common/protocol/session.js';
import type { MessageKey } from '../i18n/translate.js';

export type Sample = IpcRequest<'admin:previewRules'>['sample'];
export type SampleStep = Sample['steps'][number];

export const SAMPLE_KINDS = ['ivrCall', 'appCall', 'outboundCall', 'webChat', 'abandonedCall', 'missedCall', 'abandonedChat', 'voicemail', 'csatCall'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

export const SAMPLE_LABEL: Record<SampleKind, MessageKey> = {
  ivrCall: 'sample.ivrCall',
  appCall: 'sample.appCall',
  outboundCall: 'sample.outboundCall',
  webChat: 'sample.webChat',
  abandonedCall: 'sample.abandonedCall',
  missedCall: 'sample.missedCall',
  abandonedChat: 'sample.abandonedChat',
  voicemail: 'sample.voicemail',
  csatCall: 'sample.csatCall',
};

export const STEP_LABEL: Record<SampleStep['event'], MessageKey> = {
  assigned: 'step.assigned',
  connected: 'step.connected',
  message: 'step.message',
  abandoned: 'step.abandoned',
  ended: 'step.ended',
  recording: 'step.recording',
  csat: 'step.csat',
};

/** Which samples take a number of consumer messages, and which an abandon that may be short. */
export const TAKES_MESSAGES: ReadonlySet<SampleKind> = new Set(['webChat', 'abandonedChat']);
export const TAKES_SHORT: ReadonlySet<SampleKind> = new Set(['abandonedCall', 'abandonedChat']);

export interface SampleOptions {
  consumerMessages: number;
  shortAbandon: boolean;
  /** A leaf queue of this contact center, so previews use real names; a stand-in otherwise. */
  queue: Queue | null;
}

const FALLBACK_QUEUE: Queue = { id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true };
const STARTED_AT = '2026-11-21T09:00:00Z';

function session(kind: SampleKind, queue: Queue): Session {
  const chat = kind === 'webChat' || kind === 'abandonedChat';
  const type: Session['type'] =
    kind === 'appCall' ? 'voice_inbound_app' : kind === 'outboundCall' ? 'voice_outbound' : chat ? 'chat_inbound_web' : kind === 'voicemail' ? 'voicemail' : 'voice_inbound_ivr';
  const outbound = type === 'voice_outbound';
  return {
    id: `PREVIEW-${kind}`,
    channel: chat ? 'chat' : 'voice',
    type,
    queue,
    menuPath: queue.path.join(' > ') || queue.name,
    language: 'ko',
    dialedNumber: outbound ? '+821012345678' : chat ? null : '+82215881234',
    customer: {
      phone: chat ? null : '+821012345678',
      identifier: kind === 'appCall' ? 'app-user-7' : null,
      email: chat ? 'minji@example.com' : null,
      name: null,
    },
    customData: kind === 'appCall' ? { orderId: 'A-77' } : {},
    startedAt: STARTED_AT,
    recordingEnabled: !chat,
    callback: null,
    sipCallHeader: 'X-Session-Id',
  };
}

const consumerMessages = (n: number): SampleStep[] =>
  Array.from({ length: n }, (_, i) => ({ event: 'message' as const, from: 'consumer' as const, text: `Sample message ${i + 1}` }));

export function buildSample(kind: SampleKind, opts: SampleOptions): Sample {
  const q = opts.queue ?? FALLBACK_QUEUE;
  const n = Math.max(0, Math.min(20, Math.floor(opts.consumerMessages)));
  const steps: Record<SampleKind, SampleStep[]> = {
    ivrCall: [{ event: 'assigned' }, { event: 'connected' }, { event: 'ended', durationSec: 185 }, { event: 'recording' }],
    appCall: [{ event: 'assigned' }, { event: 'connected' }, { event: 'ended', durationSec: 240 }],
    outboundCall: [{ event: 'assigned' }, { event: 'connected' }, { event: 'ended', durationSec: 95 }],
    webChat: [
      { event: 'assigned' },
      { event: 'connected' },
      ...consumerMessages(n),
      { event: 'message', from: 'agent', text: 'Sample reply' },
      { event: 'ended', durationSec: 420 },
    ],
    abandonedCall: [{ event: 'abandoned', short: opts.shortAbandon, stage: 'queued' }],
    missedCall: [{ event: 'assigned' }, { event: 'abandoned', short: false, stage: 'assigned' }],
    abandonedChat: [...consumerMessages(n), { event: 'abandoned', short: opts.shortAbandon, stage: 'queued' }],
    // A voicemail is one event (voicemail.created); the core reads this sample's session as that voicemail.
    voicemail: [{ event: 'assigned' }],
    csatCall: [{ event: 'assigned' }, { event: 'connected' }, { event: 'ended', durationSec: 130 }, { event: 'csat', rating: 5 }],
  };
  return { session: session(kind, q), steps: steps[kind] };
}
