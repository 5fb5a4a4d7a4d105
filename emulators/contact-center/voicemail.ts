// Voicemails (KUS-5: always a new record): created and updated events go to the orchestrator
// identities; the recording is served by the simulator.
import type { Voicemail } from '../../common/protocol/index.js';
import { now, orchestrators, type SimContext } from './context.js';
import { parseInput, voicemailInput, voicemailUpdateInput, type VoicemailInput } from './control-schemas.js';
import { normalizePhone } from './intake.js';
import { menuPath } from './queue-tree.js';
import { fail } from './sim-error.js';
import { iso } from './time.js';

export class VoicemailService {
  private readonly store = new Map<string, Voicemail>();
  private next = 2000;

  constructor(private readonly ctx: SimContext) {}

  has(id: string): boolean {
    return this.store.has(id);
  }

  list(): Voicemail[] {
    return [...this.store.values()].map((v) => structuredClone(v));
  }

  create(raw: VoicemailInput): string {
    const input = parseInput(voicemailInput, raw, 'voicemail');
    const queue = input.queueId ? (this.ctx.queues.get(input.queueId) ?? fail('not_found', `unknown queue "${input.queueId}"`)) : null;
    this.next += 1;
    const id = `VM-${this.next}`;
    const voicemail: Voicemail = {
      id,
      customer: {
        phone: input.phone ? normalizePhone(input.phone) : null,
        identifier: input.identifier ?? null,
        email: input.email ?? null,
        name: input.name ?? null,
      },
      queue,
      menuPath: queue ? menuPath(queue) : null,
      language: input.language ?? null,
      dialedNumber: input.dialedNumber ? normalizePhone(input.dialedNumber) : null,
      recordingUrl: `${this.ctx.baseUrl}/media/voicemails/${id}.wav`,
      durationSec: input.durationSec,
      createdAt: iso(now(this.ctx)),
    };
    this.store.set(id, voicemail);
    for (const o of orchestrators(this.ctx)) this.ctx.hub.toIdentity(o, 'voicemail.created', { voicemail });
    return id;
  }

  update(voicemailId: string, action: 'read' | 'closed' | 'called_back', byEmail: string): void {
    const input = parseInput(voicemailUpdateInput, { voicemailId, action, byEmail }, 'voicemailUpdate');
    if (!this.store.has(input.voicemailId)) fail('not_found', `unknown voicemail "${input.voicemailId}"`);
    const by = this.ctx.agents.require(input.byEmail);
    for (const o of orchestrators(this.ctx)) {
      this.ctx.hub.toIdentity(o, 'voicemail.updated', {
        voicemailId: input.voicemailId,
        action: input.action,
        by: { id: by.agent.id, email: by.agent.email },
      });
    }
  }
}
