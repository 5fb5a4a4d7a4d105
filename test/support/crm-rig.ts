// The orchestration engine in-process against any CRM emulator (emulators/targets), fed events
// as the contact center sends them; the same sessions can then be checked in every CRM.
import { settingsSchema, type Agent, type Settings, type SettingsInput } from '../../common/protocol/index.js';
import { createCrm } from '../../main/adapters/crm/create-crm.js';
import { DEFAULT_AGENTS } from '../../emulators/contact-center/index.js';
import type { CrmTarget } from '../../emulators/targets/index.js';
import { InProcessEngine } from './in-process-engine.js';

export class CrmRig extends InProcessEngine {
  constructor(
    readonly target: CrmTarget,
    dir: string = InProcessEngine.tempDir(target.kind),
  ) {
    super((kind, settings) => createCrm(kind, target.connection, settings), dir, { crmKind: target.kind });
  }

  /** A default contact-center agent, with this CRM's user id. */
  agent(n: 1 | 2 = 1): Agent {
    const a = DEFAULT_AGENTS[n - 1]!;
    return { id: a.id, email: a.email, name: a.name, roles: ['agent'], crmUserId: this.target.userIdFor(a.email) };
  }

  /** The target's settings with `recordCreation` changes. */
  settings(recordCreation: SettingsInput['recordCreation'] = {}): Settings {
    return settingsSchema.parse({ ...this.target.settings, recordCreation });
  }

  override async idle(ms = 20_000): Promise<void> {
    await super.idle(ms);
  }
}
