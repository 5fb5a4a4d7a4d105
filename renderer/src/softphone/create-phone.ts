// Picks the Phone for the current configuration (see phone.ts).
import type { AppState } from '../../../common/ipc/app-state.js';
import type { Invoke } from './contract-calls.js';
import type { AudioDeviceChoice, Phone } from './phone.js';
import { ProtocolOnlyPhone } from './protocol-only-phone.js';
import { loadSipPhone } from './sip/load-sip-phone.js';

export interface CreatedPhone {
  phone: Phone;
  /** Set when SIP is configured but could not be used, so the UI can say calls are protocol-only. */
  fallbackReason: string | null;
}

export async function createPhone(sip: AppState['softphone']['sip'], invoke: Invoke, devices: AudioDeviceChoice): Promise<CreatedPhone> {
  if (sip === null) return { phone: new ProtocolOnlyPhone(invoke, devices), fallbackReason: null };
  try {
    const phone = await loadSipPhone({
      invoke,
      config: sip,
      devices,
      getPassword: async () => {
        const r = await invoke('softphone:getPassword', {});
        return r.ok ? r.value.password : null;
      },
    });
    return { phone, fallbackReason: null };
  } catch (e) {
    return { phone: new ProtocolOnlyPhone(invoke, devices), fallbackReason: e instanceof Error ? e.message : String(e) };
  }
}
