// The orchestration engine in-process against the Salesforce emulator on loopback, with the
// adapter made by createSalesforceAdapter.
import type { Agent } from '../../../common/protocol/index.js';
import { createSalesforceAdapter } from '../../../main/adapters/crm/salesforce/index.js';
import { silentLog } from '../../../main/engine/ports.js';
import type { SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { InProcessEngine } from '../../support/in-process-engine.js';
import { AGENT_A, APP_URL, TOKEN } from './helpers.js';

export const SF_AGENT: Agent = { id: 'a1', email: 'alice@acme.example', name: 'Alice Agent', roles: ['agent'], crmUserId: AGENT_A };

export class SalesforceEngineRig extends InProcessEngine {
  constructor(readonly emu: SalesforceEmulator) {
    super(
      (_kind, settings) => createSalesforceAdapter({ baseUrl: emu.url, apiKey: TOKEN, appUrl: APP_URL, apiVersion: 'v62.0', timeoutMs: 5_000 }, settings, silentLog),
      InProcessEngine.tempDir('salesforce'),
      { crmKind: 'salesforce' },
    );
  }
}
