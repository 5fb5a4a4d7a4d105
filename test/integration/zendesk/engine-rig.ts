// The orchestration engine in-process with the Zendesk adapter against the Zendesk emulator on
// loopback, with readers for the emulator's tickets and comments.
import type { Agent } from '../../../common/protocol/index.js';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { createZendeskAdapter } from '../../../main/adapters/crm/zendesk/index.js';
import { silentLog } from '../../../main/engine/ports.js';
import { InProcessEngine } from '../../support/in-process-engine.js';
import { ADMIN_EMAIL, AGENT_A, AGENT_B, API_TOKEN, APP_URL } from './helpers.js';

export const ZD_AGENT: Agent = { id: 'a1', email: 'alice@acme.example', name: 'Alice Agent', roles: ['agent'], crmUserId: String(AGENT_A) };
export const ZD_AGENT2: Agent = { id: 'a2', email: 'bob@acme.example', name: 'Bob Agent', roles: ['agent'], crmUserId: String(AGENT_B) };

export class ZendeskEngineRig extends InProcessEngine {
  constructor(
    readonly emu: ZendeskEmulator,
    dir: string = InProcessEngine.tempDir('zendesk'),
  ) {
    super((_kind, settings) => createZendeskAdapter({ baseUrl: emu.url, apiKey: API_TOKEN, email: ADMIN_EMAIL, appUrl: APP_URL }, settings, silentLog), dir, { crmKind: 'zendesk' });
  }

  tickets() {
    return [...this.emu.store.tickets.values()];
  }
  comments(ticketId: number) {
    return this.emu.store.commentsOf(ticketId).map((c) => c.body);
  }
}
