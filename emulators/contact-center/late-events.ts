// Events that can arrive after the agent let go of a session (CSAT, SmartAction, a late end):
// to the handling agent while the session is with it, otherwise to the orchestrator identities,
// preceded by `session.record` when the CRM side linked a record (KUS-6).
import type { SimContext } from './context.js';
import { orchestrators } from './context.js';
import { parseInput, smartActionInput, csatInput, type SmartActionInput } from './control-schemas.js';
import type { EventBody } from './event-hub.js';
import type { RecordLink, SimSession } from './session-store.js';

type LateEvent = 'session.csat' | 'session.smartAction' | 'session.ended';

export class LateEvents {
  private nextAction = 0;

  constructor(private readonly ctx: SimContext) {}

  deliver<N extends LateEvent>(s: SimSession, event: N, body: EventBody<N>): void {
    const { hub } = this.ctx;
    if ((s.state === 'offered' || s.state === 'connected') && s.agentEmail) {
      hub.toIdentity(s.agentEmail, event, body);
      return;
    }
    for (const o of orchestrators(this.ctx)) {
      if (s.record) hub.toIdentity(o, 'session.record', { ...s.record });
      hub.toIdentity(o, event, body);
    }
  }

  csat(sessionId: string, rating: number, comment: string | null = null): void {
    const input = parseInput(csatInput, { sessionId, rating, comment }, 'csat');
    const s = this.ctx.sessions.require(sessionId);
    this.deliver(s, 'session.csat', input);
  }

  smartAction(sessionId: string, raw: Omit<SmartActionInput, 'sessionId'>): string {
    const input = parseInput(smartActionInput, { ...raw, sessionId }, 'smartAction');
    const s = this.ctx.sessions.require(sessionId);
    this.nextAction += 1;
    const actionId = `SA-${this.nextAction}`;
    const files = input.files.map((f) => {
      const path = this.ctx.media.putFile(actionId, f.name, f.mimeType, f.content ?? `${input.type} ${f.name} for ${sessionId}\n`);
      return { name: f.name, url: `${this.ctx.baseUrl}${path}`, mimeType: f.mimeType };
    });
    const action = { id: actionId, type: input.type, status: input.status, files } as EventBody<'session.smartAction'>['action'];
    if (input.error !== undefined) action.error = input.error;
    if (input.result !== undefined) action.result = input.result;
    this.deliver(s, 'session.smartAction', { sessionId, action });
    return actionId;
  }

  /** `record.linked`: remembered and echoed as `session.record` to whoever handles the session next. */
  link(link: RecordLink): void {
    const s = this.ctx.sessions.require(link.sessionId);
    s.record = { ...link };
  }
}
