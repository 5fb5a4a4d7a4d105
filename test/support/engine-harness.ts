// The orchestration engine in-process against the Kustomer emulator on loopback (see
// in-process-engine.ts), and a Kustomer emulator seeded with the fixture agents.
import type { Agent, Settings } from '../../common/protocol/index.js';
import type { EngineOptions } from '../../main/engine/orchestration-engine.js';
import { createCrm } from '../../main/adapters/crm/create-crm.js';
import { startKustomer, type KustomerEmulator, type KustomerOptions } from '../../emulators/kustomer/index.js';
import { AGENT, AGENT2 } from './orchestration-fixtures.js';
import { InProcessEngine } from './in-process-engine.js';

export const APP_URL = 'https://acme.kustomerapp.com';

export async function kustomerForAgents(opts: KustomerOptions = {}): Promise<KustomerEmulator> {
  return startKustomer({
    ...opts,
    seed: {
      users: [
        { id: AGENT.crmUserId as string, email: AGENT.email, name: AGENT.name },
        { id: AGENT2.crmUserId as string, email: AGENT2.email, name: AGENT2.name },
      ],
      ...opts.seed,
    },
  });
}

/** The engine against the Kustomer emulator (`createCrm` with the emulator's API key). */
export class EngineRig extends InProcessEngine {
  constructor(
    readonly emu: KustomerEmulator,
    dir: string = InProcessEngine.tempDir('engine'),
    options: Partial<EngineOptions> = {},
  ) {
    super((kind, settings) => createCrm(kind, { baseUrl: emu.url, apiKey: emu.apiKey, appUrl: APP_URL }, settings), dir, options);
  }

  override hello(me: Agent = AGENT, settings: Partial<Settings> = {}): void {
    super.hello(me, settings);
  }

  conversations() {
    return [...this.emu.store.conversations.values()];
  }

  notes(conversationId: string) {
    return this.emu.store.notesOf(conversationId);
  }
}
