// An in-memory PageApi: the signed-in user, the org's statuses and one work session, with
// failures to inject. `at` advances by one per change so reports have distinct times.
import { PageApiError, type CurrentStatus, type PageApi, type SignedInUser, type StatusInfo } from '../../../preload/kustomer/page-api.js';

export const STATUSES: StatusInfo[] = [
  { id: 's-available', name: 'Available', statusType: 'available', system: true },
  { id: 's-busy', name: 'Busy', statusType: 'busy', system: true },
  { id: 's-offline', name: 'Offline', statusType: 'offline', system: true },
  { id: 's-email', name: 'Email', statusType: 'available', system: false },
  { id: 's-lunch', name: 'Lunch', statusType: 'unavailable', system: false },
];

type Method = 'currentUser' | 'statuses' | 'currentStatus' | 'setStatus';

export class FakePageApi implements PageApi {
  user: SignedInUser | null = { id: 'u1', email: 'alice@acme.example' };
  statusList: StatusInfo[] = [...STATUSES];
  session: { id: string; statusId: string; changedAt: number } | null = { id: 'w1', statusId: 's-available', changedAt: 1000 };
  calls: string[] = [];
  private failures: Array<{ method: Method; error: Error; landed: boolean }> = [];
  private clock = 1000;

  /** The next call of `method` throws; with `landed`, setStatus still changes the status first. */
  failNext(method: Method, error: Error = new PageApiError(503, 'HTTP 503'), landed = false): void {
    this.failures.push({ method, error, landed });
  }

  /** A change made elsewhere (another tab, the API). */
  set(statusId: string): void {
    this.clock += 1;
    if (statusId === 's-offline') this.session = null;
    else this.session = { id: this.session?.id ?? 'w2', statusId, changedAt: this.clock };
  }

  private maybeFail(method: Method, beforeThrow?: () => void): void {
    const i = this.failures.findIndex((f) => f.method === method);
    if (i < 0) return;
    const [f] = this.failures.splice(i, 1);
    if (f?.landed) beforeThrow?.();
    if (f) throw f.error;
  }

  async currentUser() {
    this.calls.push('currentUser');
    this.maybeFail('currentUser');
    return this.user;
  }
  async statuses() {
    this.calls.push('statuses');
    this.maybeFail('statuses');
    return this.statusList;
  }
  async currentStatus(): Promise<CurrentStatus> {
    this.calls.push('currentStatus');
    this.maybeFail('currentStatus');
    if (!this.session) return { sessionId: null, statusId: 's-offline', name: 'Offline', statusType: 'offline', changedAt: null };
    const s = this.statusList.find((x) => x.id === this.session?.statusId);
    return { sessionId: this.session.id, statusId: this.session.statusId, name: s?.name ?? '?', ...(s?.statusType ? { statusType: s.statusType } : {}), changedAt: this.session.changedAt };
  }
  async setStatus(statusId: string, sessionId: string | null) {
    this.calls.push(`setStatus ${statusId} ${sessionId ?? 'new'}`);
    this.maybeFail('setStatus', () => this.set(statusId));
    this.set(statusId);
  }
}
