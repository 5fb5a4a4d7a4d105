// Outbound calls (SOFT-1; click-to-call from the Kustomer page lands in the dial pad and comes
// here too): `call:dial` first; the contact center answers with the session id and offers a
// `voice_outbound` session; then this phone places the SIP INVITE to the dialled number through
// the SIP server, carrying X-Session-Id. When the callee answers, `session:accept` tells the
// contact center the call is connected.
import { Inviter, SessionState, UserAgent } from 'sip.js';
import type { PhoneResult } from '../phone.js';
import { fail, type PhoneContext } from './context.js';
import { sessionHeader } from './headers.js';
import { dialUri, domainOf } from './sip-uri.js';

/** How long a dial waits for the core to list its session before the INVITE is given up. */
const WAIT_FOR_SESSION_MS = 15_000;

export class Outbound {
  private readonly pending = new Map<string, { number: string; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly ctx: PhoneContext) {}

  private domain(): string | null {
    return this.ctx.options.dialDomain ?? domainOf(this.ctx.ownUri);
  }

  async dial(number: string, queueId?: string): Promise<PhoneResult<{ sessionId: string }>> {
    const domain = this.domain();
    if (!domain || !dialUri(number, domain)) return fail('bad_number', `"${number}" cannot be dialled.`);
    if (!this.ctx.agent()?.isConnected()) return fail('sip_unregistered', 'The softphone is not connected to the SIP server; the call cannot be placed.');
    const r = await this.ctx.contract.dial(number, queueId);
    if (!r.ok) return r;
    const sessionId = r.value.sessionId;
    const timer = setTimeout(() => {
      if (this.pending.delete(sessionId)) this.ctx.log(`dial ${sessionId}: the core never listed the session; no INVITE sent`);
    }, WAIT_FOR_SESSION_MS);
    this.pending.set(sessionId, { number, timer });
    this.placePending();
    return r;
  }

  /** Place the INVITE of every dial whose session the core now lists. */
  placePending(): void {
    for (const [id, p] of [...this.pending]) {
      const live = this.ctx.core.get(id);
      if (!live) continue;
      this.forget(id);
      if (live.phase !== 'ringing' && live.phase !== 'connected') continue;
      this.place(id, live.session.dialedNumber ?? live.session.customer.phone ?? p.number);
    }
  }

  forget(sessionId: string): void {
    const p = this.pending.get(sessionId);
    if (p) clearTimeout(p.timer);
    this.pending.delete(sessionId);
  }

  private place(sessionId: string, number: string): void {
    const agent = this.ctx.agent();
    const domain = this.domain();
    const uri = domain ? dialUri(number, domain) : null;
    const target = uri ? UserAgent.makeURI(uri) : undefined;
    if (!agent || !target || this.ctx.legs.has(sessionId)) {
      this.ctx.log(`dial ${sessionId}: cannot place the INVITE to ${number}`);
      void this.ctx.contract.end(sessionId);
      return;
    }
    const inviter = new Inviter(agent.ua, target, { extraHeaders: [sessionHeader(sessionId, this.ctx.headerFor(sessionId))] });
    const leg = this.ctx.adopt(sessionId, inviter, 'out');
    inviter.stateChange.addListener((s) => {
      if (s !== SessionState.Established) return;
      leg.times.answered = performance.now();
      if (this.ctx.core.get(sessionId)?.phase === 'ringing') {
        void this.ctx.contract.accept(sessionId).then((r) => {
          if (!r.ok) this.ctx.log(`dial ${sessionId}: session:accept failed: ${r.error.message}`);
        });
      }
    });
    this.ctx.changed();
    inviter.invite().catch((e: unknown) => {
      this.ctx.log(`dial ${sessionId}: INVITE failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
}
