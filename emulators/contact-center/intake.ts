// New sessions: inbound calls and chats enter their leaf queue; an agent's outbound dial is
// offered straight back to that agent (customer.phone = the number dialled).
import type { Session } from '../../common/protocol/index.js';
import { now, type SimContext } from './context.js';
import { inboundInput, parseInput, type InboundInput } from './control-schemas.js';
import { fail } from './sim-error.js';
import { menuPath } from './queue-tree.js';
import { iso } from './time.js';

/** Strip the separators people type; keeps a leading + (E.164 when the caller gave one). */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s\-().]/g, '');
}

export class IntakeService {
  constructor(private readonly ctx: SimContext) {}

  inbound(raw: InboundInput): string {
    const input = parseInput(inboundInput, raw, 'inbound');
    const queue = this.ctx.queues.get(input.queueId) ?? fail('not_found', `unknown queue "${input.queueId}"`);
    if (!queue.leaf) fail('bad_request', `queue "${queue.id}" is not a leaf queue: only leaves receive sessions`);
    const channel = input.type.startsWith('chat_') ? 'chat' : 'voice';
    if (channel === 'voice' && input.initialMessages?.length) fail('bad_request', 'initialMessages are for chats only');
    const phone = input.phone ? normalizePhone(input.phone) : null;
    const started = now(this.ctx);
    const body: Omit<Session, 'id'> = {
      channel,
      type: input.type,
      queue,
      menuPath: menuPath(queue),
      language: input.language ?? null,
      dialedNumber: input.dialedNumber ? normalizePhone(input.dialedNumber) : null,
      customer: {
        phone: phone || null,
        identifier: input.identifier ?? null,
        email: input.email ?? null,
        name: input.name ?? null,
      },
      customData: input.customData ?? {},
      startedAt: iso(started),
      recordingEnabled: channel === 'voice' && (input.recordingEnabled ?? false),
      callback: input.callback ?? null,
      sipCallHeader: 'X-Session-Id',
    };
    if (input.inWebEmail !== undefined) body.inWebEmail = input.inWebEmail;
    const s = this.ctx.sessions.create(body, started);
    for (const m of input.initialMessages ?? []) {
      if (typeof m === 'string') this.ctx.chat.append(s, 'consumer', m);
      else this.ctx.chat.append(s, m.from, m.text);
    }
    this.ctx.router.enqueue(s);
    return s.session.id;
  }

  /** `call.dial`: `onCreated` runs before the offer, so the ack precedes `session.assigned`. */
  dial(email: string, number: string, queueId: string | undefined, onCreated?: (sessionId: string) => void): string {
    const a = this.ctx.agents.require(email);
    if (!a.agent.roles.includes('agent')) fail('forbidden', `${email} does not hold the agent role`);
    if (this.ctx.sessions.forAgent(email).some((s) => s.session.channel === 'voice')) {
      fail('conflict', `${email} is already in a call`);
    }
    const queue = queueId ? (this.ctx.queues.get(queueId) ?? fail('not_found', `unknown queue "${queueId}"`)) : null;
    const phone = normalizePhone(number);
    if (!/^\+?\d{2,20}$/.test(phone)) fail('bad_request', `"${number}" is not a phone number`);
    const started = now(this.ctx);
    const s = this.ctx.sessions.create(
      {
        channel: 'voice',
        type: 'voice_outbound',
        queue,
        menuPath: queue ? menuPath(queue) : null,
        language: null,
        dialedNumber: phone,
        customer: { phone, identifier: null, email: null, name: null },
        customData: {},
        startedAt: iso(started),
        recordingEnabled: this.ctx.cfg.outboundRecording,
        callback: null,
        sipCallHeader: 'X-Session-Id',
      },
      started,
    );
    const sessionId = s.session.id;
    onCreated?.(sessionId);
    this.ctx.router.offer(s, a, false);
    const answerMs = this.ctx.cfg.outboundAnswerMs;
    if (answerMs !== null) {
      this.ctx.timers.after(answerMs, () => {
        if (s.state === 'offered' && s.agentEmail === email) this.ctx.router.accept(email, sessionId);
      });
    }
    return sessionId;
  }
}
