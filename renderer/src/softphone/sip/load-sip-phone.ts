// The lazy boundary of the SIP part: sip.js and SipPhone load only when a SIP server is configured.
import type { AppState } from '../../../../common/ipc/app-state.js';
import type { Invoke } from '../contract-calls.js';
import type { AudioDeviceChoice, Phone } from '../phone.js';
import type { SipPhoneOptions } from './options.js';

export type SipConfig = NonNullable<AppState['softphone']['sip']>;

export interface SipPhoneDeps {
  invoke: Invoke;
  /** WSS URL, SIP URI, authorization user and display name from the core (never the password). */
  config: SipConfig;
  devices: AudioDeviceChoice;
  /** The SIP password from the core's secret store (`softphone:getPassword`), asked for when registering. */
  getPassword: () => Promise<string | null>;
  /** Tunables over the shipped defaults (options.ts); tests and the benchmark set some. */
  options?: Partial<SipPhoneOptions>;
}

export async function loadSipPhone(deps: SipPhoneDeps): Promise<Phone> {
  const mod = await import('./sip-phone.js');
  return await mod.createSipPhone(deps);
}
