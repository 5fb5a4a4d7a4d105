// The contract's channel names without zod, for the Electron preload's allowlist (the preload
// need not carry the schemas: main checks every request). The types below fail the build if this
// list and `ipcContract` ever differ.
import type { IpcChannel } from './contract.js';

export const CHANNEL_NAMES = [
  'app:getState',
  'auth:signIn',
  'auth:signOut',
  'app:setLocale',
  'app:dismissNotice',
  'prefs:set',
  'status:set',
  'session:accept',
  'session:reject',
  'session:end',
  'session:sendMessage',
  'session:typing',
  'session:transfer',
  'call:dial',
  'call:prefill',
  'record:open',
  'record:retry',
  'admin:saveSettings',
  'admin:previewRules',
  'admin:createCustomFields',
  'admin:listCrmStatuses',
  'secrets:set',
  'softphone:getPassword',
  'kustomer:setBounds',
  'kustomer:pageMessage',
  'softphone:report',
] as const satisfies readonly IpcChannel[];

type Listed = (typeof CHANNEL_NAMES)[number];
/** Compile-time check: every contract channel is listed. */
export const CHANNEL_NAMES_COMPLETE: [Exclude<IpcChannel, Listed>] extends [never] ? true : false = true;

/** Main -> renderer push channel. */
export const STATE_CHANNEL = 'state' as const;
