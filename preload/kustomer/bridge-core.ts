// The bridge's decisions, free of the DOM so they are unit-tested under Node. Work runs strictly
// one task at a time (start, checks, applies), so a check never interleaves with a write:
// - start: report `page` (who is signed in), then the status shown at load (`page-load`);
// - check (any change seen in the page's status element): read the status from the page's API
//   and report it when it differs from the last report (`change`), with its statusType;
// - apply (two-way, SYNC-3): set the status through the page's session, read it back, report the
//   change tagged with the request's commandId (SYNC-7: the echo is exact, never untagged), then
//   `applied`; a failure is `apply-failed` unless reading back shows the write landed anyway.
import type { KustomerApply, KustomerPageMessage } from '../../common/ipc/kustomer-page.js';
import { parseApply, type Log, type Send } from './messages.js';
import { PageApiError, type CurrentStatus, type PageApi, type SignedInUser, type StatusInfo } from './page-api.js';

export interface CoreDeps {
  instanceId: string;
  api: PageApi;
  /** Already checked against the schema (messages.ts). */
  send: Send;
  now(): number;
  log: Log;
  /** Who the page's DOM says is signed in, when the API cannot tell. */
  domUser?(): SignedInUser | null;
}

interface Reported {
  statusId: string;
  at: number;
}
interface Pending {
  commandId: string;
  statusId: string;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** Finds the status an apply request names: the exact name, else the one case-insensitive match. */
export function findStatus(statuses: StatusInfo[], name: string): StatusInfo | null {
  const exact = statuses.find((s) => s.name === name);
  if (exact) return exact;
  const folded = statuses.filter((s) => s.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? (folded[0] ?? null) : null;
}

export class BridgeCore {
  private queue: Promise<void> = Promise.resolve();
  private checkQueued = false;
  private signedIn = false;
  private started = false;
  private last: Reported | null = null;
  private pending: Pending | null = null;

  constructor(private readonly deps: CoreDeps) {}

  /** Reports the page and the status shown at load. */
  start(): Promise<void> {
    if (this.started) return this.idle();
    this.started = true;
    return this.enqueue(async () => {
      let user: SignedInUser | null;
      try {
        user = await this.deps.api.currentUser();
      } catch (e) {
        this.deps.log(`kustomer bridge: could not read the signed-in user: ${describe(e)}`);
        user = this.deps.domUser?.() ?? null;
      }
      this.signedIn = user !== null;
      this.deps.send({ type: 'page', instanceId: this.deps.instanceId, userEmail: user?.email ?? null, userId: user?.id ?? null });
      if (this.signedIn) await this.check();
    });
  }

  /** Something changed in the page's status element (or may have): check it once the queue is free. */
  statusMaybeChanged(): void {
    if (!this.started || this.checkQueued) return;
    this.checkQueued = true;
    void this.enqueue(async () => {
      this.checkQueued = false;
      if (this.signedIn) await this.check();
    });
  }

  /** A raw apply request from main; anything the schema refuses is ignored. */
  apply(raw: unknown): void {
    const request = parseApply(raw);
    if (!request) {
      this.deps.log('kustomer bridge: ignored a malformed apply request');
      return;
    }
    void this.enqueue(() => this.runApply(request));
  }

  /** Resolves when every task queued so far has run. */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((e: unknown) => this.deps.log(`kustomer bridge: ${describe(e)}`));
    return this.queue;
  }

  /** Reads the status and reports it if it changed; returns it (null when the API failed). */
  private async check(): Promise<CurrentStatus | null> {
    let current: CurrentStatus;
    try {
      current = await this.deps.api.currentStatus();
    } catch (e) {
      this.deps.log(`kustomer bridge: could not read the status: ${describe(e)}`);
      return null;
    }
    this.report(current);
    // The first read after our write decides whether it is our echo; later reads are not.
    this.pending = null;
    return current;
  }

  private report(current: CurrentStatus): void {
    const pending = this.pending;
    if (this.last?.statusId === current.statusId) return;
    const commandId = pending && pending.statusId === current.statusId ? pending.commandId : undefined;
    // Times never go backwards within a page: the engine drops a report older than the last one.
    const at = Math.max(this.last?.at ?? 0, current.changedAt ?? this.deps.now());
    const msg: KustomerPageMessage = {
      type: 'status',
      instanceId: this.deps.instanceId,
      name: current.name,
      origin: this.last ? 'change' : 'page-load',
      at,
      ...(current.statusType ? { statusType: current.statusType } : {}),
      ...(commandId && this.last ? { commandId } : {}),
    };
    this.last = { statusId: current.statusId, at };
    this.deps.send(msg);
  }

  private async runApply(request: KustomerApply): Promise<void> {
    const { commandId } = request;
    const fail = (error: string) => this.deps.send({ type: 'apply-failed', instanceId: this.deps.instanceId, commandId, error: error.slice(0, 500) });
    if (!this.signedIn) return fail('The Kustomer page is not signed in');
    if (!this.last) await this.check();

    let target: StatusInfo | null;
    let before: CurrentStatus;
    try {
      target = findStatus(await this.deps.api.statuses(), request.name) ?? findStatus(await this.deps.api.statuses(true), request.name);
      if (!target) return fail(`Kustomer has no user status named "${request.name}"`);
      before = await this.deps.api.currentStatus();
    } catch (e) {
      return fail(describe(e));
    }

    this.pending = { commandId, statusId: target.id };
    try {
      if (before.statusId !== target.id) await this.deps.api.setStatus(target.id, before.sessionId);
    } catch (e) {
      // The write may have landed although its reply was lost: look before reporting a failure.
      const after = await this.check();
      this.pending = null;
      if (after?.statusId === target.id) return this.applied(commandId);
      // A failed write expects no echo: a later change to that status is the agent's.
      return fail(e instanceof PageApiError ? e.message : describe(e));
    }
    // When this read fails the tag stays for the next check, so the echo is still tagged.
    await this.check();
    this.applied(commandId);
  }

  private applied(commandId: string): void {
    this.deps.send({ type: 'applied', instanceId: this.deps.instanceId, commandId });
  }
}
