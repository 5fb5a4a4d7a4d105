// The contract side of every call action, shared by ProtocolOnlyPhone and SipPhone so that
// answer/reject/hangup always tell the contact center (SOFT-1), whatever happens to the media.
import type { AgentDeskApi, IpcError, IpcResult } from '../../../common/ipc/contract.js';
import type { PhoneResult, TransferTarget } from './phone.js';

export type Invoke = AgentDeskApi['invoke'];

function fromIpc<T>(r: IpcResult<T>): PhoneResult {
  return r.ok ? { ok: true, value: undefined } : { ok: false, error: r.error };
}

/** An invoke that threw (bridge down): the same value shape as an expected failure. */
export function unavailable(e: unknown): { ok: false; error: IpcError } {
  return { ok: false, error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) } };
}

export interface ContractCalls {
  accept(sessionId: string): Promise<PhoneResult>;
  reject(sessionId: string): Promise<PhoneResult>;
  end(sessionId: string): Promise<PhoneResult>;
  transfer(sessionId: string, target: TransferTarget): Promise<PhoneResult>;
  dial(number: string, queueId?: string): Promise<PhoneResult<{ sessionId: string }>>;
  report(registered: boolean, detail?: string): Promise<void>;
}

export function contractCalls(invoke: Invoke): ContractCalls {
  const safe = async <T>(p: () => Promise<IpcResult<T>>): Promise<PhoneResult> => {
    try {
      return fromIpc(await p());
    } catch (e) {
      return unavailable(e);
    }
  };
  return {
    accept: (sessionId) => safe(() => invoke('session:accept', { sessionId })),
    reject: (sessionId) => safe(() => invoke('session:reject', { sessionId })),
    end: (sessionId) => safe(() => invoke('session:end', { sessionId })),
    transfer: (sessionId, target) =>
      safe(() =>
        invoke('session:transfer', target.kind === 'agent' ? { sessionId, toAgentId: target.agentId } : { sessionId, toQueueId: target.queueId }),
      ),
    async dial(number, queueId) {
      try {
        const r = await invoke('call:dial', queueId ? { number, queueId } : { number });
        return r.ok ? { ok: true, value: { sessionId: r.value.sessionId } } : { ok: false, error: r.error };
      } catch (e) {
        return unavailable(e);
      }
    },
    async report(registered, detail) {
      try {
        await invoke('softphone:report', detail === undefined ? { registered } : { registered, detail: detail.slice(0, 500) });
      } catch {
        // Reporting is for the supervisor view and logs; a failed report changes nothing here.
      }
    },
  };
}
