// SEC-1: every message leaves the page only after kustomerPageMessageSchema accepts it, and apply
// requests are taken only when kustomerApplySchema accepts them. A message that fails is dropped
// (and logged), never sent half-valid.
import { kustomerApplySchema, kustomerPageMessageSchema, type KustomerApply, type KustomerPageMessage } from '../../common/ipc/kustomer-page.js';

export type Send = (msg: KustomerPageMessage) => void;
export type Log = (message: string) => void;

export function checkedSender(send: Send, log: Log): Send {
  return (msg) => {
    const r = kustomerPageMessageSchema.safeParse(msg);
    if (!r.success) {
      log(`kustomer bridge: dropped an invalid ${String((msg as { type?: unknown }).type)} message: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      return;
    }
    send(r.data);
  };
}

export function parseApply(raw: unknown): KustomerApply | null {
  const r = kustomerApplySchema.safeParse(raw);
  return r.success ? r.data : null;
}
