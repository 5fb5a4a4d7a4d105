// The CRMs the record-pop benchmark measures: how to start each emulator, connect the engine to
// it, and recognise the request that makes a session's record exist.
import type { CrmKind } from '../../common/protocol/index.js';
import type { CrmConnectionInput } from '../../main/adapters/crm/create-crm.js';
import { startKustomer } from '../../emulators/kustomer/index.js';
import { DEFAULT_AGENTS } from '../../emulators/contact-center/index.js';

export interface CrmTarget {
  kind: CrmKind;
  connection: CrmConnectionInput;
  /** One cheap authenticated request (the baseline round trip). */
  ping(): Promise<void>;
  /** The request after which the record exists (create, or the update that appends). */
  isRecordWrite(method: string, url: string): boolean;
  close(): Promise<void>;
}

const agentUsers = () => DEFAULT_AGENTS.filter((a) => a.crmUserId).map((a) => ({ id: a.crmUserId as string, email: a.email, name: a.name }));

export async function kustomerTarget(): Promise<CrmTarget> {
  const emu = await startKustomer({ seed: { users: agentUsers() }, rateLimitPerMinute: 1_000_000, perCustomerCreatesPerMinute: 1_000_000 });
  return {
    kind: 'kustomer',
    connection: { baseUrl: emu.url, apiKey: emu.apiKey, appUrl: 'https://acme.kustomerapp.com' },
    ping: async () => {
      const res = await fetch(`${emu.url}/v1/users/current`, { headers: { authorization: `Bearer ${emu.apiKey}` } });
      await res.arrayBuffer();
    },
    isRecordWrite: (m, url) => {
      const p = new URL(url).pathname;
      return (m === 'POST' && (p === '/v1/conversations' || /^\/v1\/customers\/[^/]+\/conversations$/.test(p))) || (m === 'PATCH' && /^\/v1\/conversations\/[^/]+$/.test(p)) || (m === 'PUT' && /^\/v1\/conversations\/[^/]+$/.test(p));
    },
    close: () => emu.close(),
  };
}

export const CRM_TARGETS: Record<string, () => Promise<CrmTarget>> = {
  kustomer: kustomerTarget,
};
