// The AppState before the contact center said anything, and what is left of it after sign-out.
import type { AppState, AuthState } from '../../../common/ipc/index.js';
import { defaultSettings } from '../../../common/protocol/index.js';
import type { Prefs } from '../../../common/ipc/prefs.js';
import type { AppConfig } from '../config.js';

/**
 * SOFT-1: the softphone's account. The SIP server is this computer's (configuration); the account
 * is the signed-in agent's (`hello.sip`), else the configuration's; null without either.
 */
export function sipState(config: AppConfig, hasPassword: boolean, account?: { uri: string; user: string; displayName: string }): AppState['softphone']['sip'] {
  if (!config.sip) return null;
  const uri = account?.uri ?? config.sip.uri;
  const user = account?.user ?? config.sip.user;
  if (!uri || !user) return null;
  return { wsUrl: config.sip.wsUrl, uri, authorizationUsername: user, displayName: account?.displayName ?? config.sip.displayName, hasPassword };
}

export function signedOutAuth(config: AppConfig, over: Partial<AuthState> = {}): AuthState {
  return { state: 'signed-out', email: null, error: null, contactCenterUrl: config.contactCenter.url, source: null, sipServer: config.sip !== null, ...over };
}

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
    softphone: { sip: sipState(config, opts.hasSipPassword), dialRequest: null, action: null },
    locale: opts.prefs.locale,
    prefs: opts.prefs,
    auth: signedOutAuth(config),
  };
}

/**
 * Sign-out: everything the agent saw goes (sessions, records, statuses, audit, notices, the pop);
 * what belongs to this computer stays (preferences, locked settings, the Kustomer page facts).
 */
export function clearAgentState(s: AppState, fresh: AppState): void {
  s.connection = { ...fresh.connection, contactCenter: 'disconnected' };
  s.agent = null;
  s.statuses = [];
  s.queues = [];
  s.settings = fresh.settings;
  s.status = fresh.status;
  s.sessions = [];
  s.callHistory = [];
  s.pendingWrites = 0;
  s.failedWrites = 0;
  s.audit = [];
  s.preconditions = [];
  s.notices = [];
  s.supervisor = null;
  s.kustomer = { ...s.kustomer, appUrl: fresh.kustomer.appUrl, navigate: null };
  s.softphone = fresh.softphone;
}
