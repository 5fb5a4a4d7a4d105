// The AppState before the contact center said anything.
import type { AppState } from '../../../common/ipc/index.js';
import { defaultSettings } from '../../../common/protocol/index.js';
import type { Prefs } from '../../../common/ipc/prefs.js';
import type { AppConfig } from '../config.js';

export function initialAppState(config: AppConfig, opts: { prefs: Prefs; lockedSettings: string[]; hasSipPassword: boolean; kustomerAppUrl: string | null }): AppState {
  return {
    version: 0,
    connection: { contactCenter: 'connecting', detail: null, duplicateInstance: false },
    agent: null,
    statuses: [],
    queues: [],
    settings: defaultSettings(),
    lockedSettings: opts.lockedSettings,
    status: { statusId: null, source: null, since: null, crmStatus: null },
    sessions: [],
    callHistory: [],
    pendingWrites: 0,
    failedWrites: 0,
    audit: [],
    preconditions: [],
    notices: [],
    supervisor: null,
    kustomer: { appUrl: opts.kustomerAppUrl, navigate: null, userEmail: null, pageInstances: 0 },
    softphone: {
      sip: config.sip
        ? { wsUrl: config.sip.wsUrl, uri: config.sip.uri, authorizationUsername: config.sip.user, displayName: config.sip.displayName, hasPassword: opts.hasSipPassword }
        : null,
      dialRequest: null,
      action: null,
    },
    locale: opts.prefs.locale,
    prefs: opts.prefs,
  };
}
