// The orchestration engine in-process against the Freshdesk emulator on loopback, with the
// adapter made by createFreshdeskAdapter and status 7 configured as a custom closed status.
import { createFreshdeskAdapter } from '../../../main/adapters/crm/freshdesk/index.js';
import { silentLog } from '../../../main/engine/ports.js';
import type { FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import { InProcessEngine } from '../../support/in-process-engine.js';
import { API_KEY, APP_URL } from './helpers.js';

export class FreshdeskEngineRig extends InProcessEngine {
  constructor(readonly emu: FreshdeskEmulator) {
    super(
      (_kind, settings) => createFreshdeskAdapter({ baseUrl: emu.url, apiKey: API_KEY, appUrl: APP_URL, timeoutMs: 5_000 }, settings, silentLog, { closedStatuses: [7] }),
      InProcessEngine.tempDir('freshdesk'),
      { crmKind: 'freshdesk' },
    );
  }
}
