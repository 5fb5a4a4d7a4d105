// Chat traffic: consumer (or bot) messages are kept in the transcript and delivered to the agent
// once the chat is offered (the backlog goes right after the offer, see router); agent messages
// are acknowledged with their id and echoed to all of the agent's connections.
import type { ChatMessage } from '../../common/protocol/index.js';
import { now, type SimContext } from './context.js';
import { fail } from './sim-error.js';
import type { SimSession } from './session-store.js';
import { iso } from './time.js';

export class ChatService {
  constructor(private readonly ctx: SimContext) {}

  /** Store a message without delivering it (messages that came before assignment). */
  append(s: SimSession, from: ChatMessage['from'], text: string): ChatMessage {
    const message: ChatMessage = {
      id: this.ctx.sessions.nextMessageId(),
      from,
      text,
      attachments: [],
      sentAt: iso(now(this.ctx)),
    };
    s.messages.push(message);
    if (from === 'consumer') s.consumerMessages += 1;
    return message;
  }

  consumerMessage(sessionId: string, text: string, from: 'consumer' | 'bot' = 'consumer'): string {
    const s = this.chat(sessionId);
    if (s.state === 'ended' || s.state === 'abandoned') fail('conflict', `chat ${sessionId} is ${s.state}`);
    const message = this.append(s, from, text);
    if (s.agentEmail) this.ctx.hub.toIdentity(s.agentEmail, 'session.message', { sessionId, message });
    return message.id;
  }

  agentMessage(email: string, sessionId: string, text: string): string {
    const s = this.chat(sessionId);
    if (s.agentEmail !== email) fail('forbidden', `chat ${sessionId} is not handled by ${email}`);
    if (s.state !== 'connected') fail('conflict', `chat ${sessionId} is ${s.state}, not connected`);
    const message = this.append(s, 'agent', text);
    this.ctx.hub.toIdentity(email, 'session.message', { sessionId, message });
    return message.id;
  }

  typing(email: string, sessionId: string): void {
    const s = this.chat(sessionId);
    if (s.agentEmail !== email) fail('forbidden', `chat ${sessionId} is not handled by ${email}`);
  }

  private chat(sessionId: string): SimSession {
    const s = this.ctx.sessions.require(sessionId);
    if (s.session.channel !== 'chat') fail('bad_request', `session ${sessionId} is not a chat`);
    return s;
  }
}
