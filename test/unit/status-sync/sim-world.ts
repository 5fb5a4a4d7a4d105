// A deterministic simulated world for property tests: a Kustomer page and a contact center, each
// talking to the engine over FIFO channels (one per direction), with a seeded scheduler choosing
// which channel delivers next. Real changes (agent clicks, calls, Kustomer Busy) happen at world
// times; our writes land whenever their channel delivers them.
import { decide, initialState } from '../../../main/engine/status-sync/index.js';
import type {
  AuditEntry,
  CcSetStatusAction,
  CrmSetStatusAction,
  CrmStatusType,
  StatusSyncSettings,
  SyncInput,
  SyncState,
} from '../../../main/engine/status-sync/index.js';
import { STATUSES, T0 } from './harness.js';

export { seededRng as rng } from '../../../emulators/http-kit/rng.js';

export interface RealChange {
  side: 'cc' | 'crm';
  value: string;
  at: number;
  /** Index of the engine input that reported it (set when delivered). */
  inputIndex?: number;
}

export interface WorldOptions {
  /** Echo token lifetime; long by default so only reordering is exercised. */
  echoTtlMs?: number;
  /** Whether the page tags the changes it applies for the engine (DecideContext.crmEchoTags). */
  crmEchoTags?: boolean;
  /** Whether the contact center acknowledges a command before it emits the status event. */
  ackBeforeEvent?: boolean;
}

export class World {
  t = T0;
  state: SyncState;
  kName: string;
  kType: CrmStatusType = 'available';
  kBeforeBusy: string | null = null;
  cc: string;
  readonly pageToEngine: SyncInput[] = [];
  readonly engineToPage: CrmSetStatusAction[] = [];
  readonly ccToEngine: SyncInput[] = [];
  readonly engineToCc: CcSetStatusAction[] = [];
  readonly writes = { cc: [] as string[], crm: [] as string[] };
  readonly real: RealChange[] = [];
  readonly audit: AuditEntry[] = [];
  readonly inputs: SyncInput[] = [];
  private readonly pendingReal = new Map<SyncInput, RealChange>();

  constructor(
    settings: StatusSyncSettings,
    start: { crm: string; cc: string },
    readonly opts: WorldOptions = {},
  ) {
    this.kName = start.crm;
    this.cc = start.cc;
    this.state = initialState({ ...settings, applyAtLogin: false });
    this.engine({ type: 'login', statusId: start.cc, statuses: STATUSES, at: this.t });
    this.engine({ type: 'crm.status', name: start.crm, statusType: 'available', origin: 'page-load', at: this.t });
    this.engine({ type: 'settings', settings, at: this.t });
  }

  get quiet(): boolean {
    return this.channels().every((c) => c.length === 0);
  }

  channels(): unknown[][] {
    return [this.pageToEngine, this.engineToPage, this.ccToEngine, this.engineToCc];
  }

  private engine(input: SyncInput): void {
    const r = decide(this.state, input, { now: this.t, echoTtlMs: this.opts.echoTtlMs ?? 1e9, crmEchoTags: this.opts.crmEchoTags ?? true });
    this.state = r.state;
    this.audit.push(r.audit);
    const real = this.pendingReal.get(input);
    if (real) real.inputIndex = this.inputs.length;
    this.inputs.push(input);
    for (const a of r.actions) {
      if (a.type === 'cc.setStatus') {
        this.writes.cc.push(a.statusId);
        this.engineToCc.push(a);
      } else if (a.type === 'crm.setStatus') {
        this.writes.crm.push(a.name);
        this.engineToPage.push(a);
      }
    }
  }

  private report(queue: SyncInput[], input: SyncInput, real: boolean): void {
    queue.push(input);
    if (real) {
      const side = input.type === 'cc.status' ? 'cc' : 'crm';
      const value = input.type === 'cc.status' ? input.statusId : input.type === 'crm.status' ? input.name : '';
      const change: RealChange = { side, value, at: input.at };
      this.real.push(change);
      this.pendingReal.set(input, change);
    }
  }

  // ---- real changes -----------------------------------------------------------------------
  agentCrm(name: string): boolean {
    if (this.kType === 'busy' || name === this.kName) return false;
    this.kName = name;
    this.report(this.pageToEngine, { type: 'crm.status', name, statusType: 'available', origin: 'change', at: this.t }, true);
    return true;
  }
  agentCc(statusId: string): boolean {
    if (this.ccInSystem() || statusId === this.cc) return false;
    this.cc = statusId;
    this.report(this.ccToEngine, { type: 'cc.status', statusId, source: 'agent', at: this.t }, true);
    return true;
  }
  systemCc(statusId: string): void {
    this.cc = statusId;
    this.report(this.ccToEngine, { type: 'cc.status', statusId, source: 'system', at: this.t }, false);
  }
  crmBusy(on: boolean): void {
    if (on) {
      this.kBeforeBusy = this.kName;
      this.kName = 'Busy';
      this.kType = 'busy';
    } else {
      this.kName = this.kBeforeBusy ?? 'Available';
      this.kType = 'available';
    }
    this.report(this.pageToEngine, { type: 'crm.status', name: this.kName, statusType: this.kType, origin: 'change', at: this.t }, false);
  }
  ccInSystem(): boolean {
    return this.cc === 'in_call' || this.cc === 'wrap_up';
  }

  // ---- deliveries ---------------------------------------------------------------------------
  /** Delivers the head of channel `i` (0..3); false when it is empty. */
  deliver(i: number): boolean {
    if (i === 0 || i === 2) {
      const input = (i === 0 ? this.pageToEngine : this.ccToEngine).shift();
      if (input === undefined) return false;
      this.engine(input);
      return true;
    }
    if (i === 1) {
      const a = this.engineToPage.shift();
      if (a === undefined) return false;
      if (this.kType === 'busy') {
        this.pageToEngine.push({ type: 'crm.failed', commandId: a.commandId, error: { code: 'busy', message: 'Busy' }, at: this.t });
        return true;
      }
      if (a.name !== this.kName) {
        this.kName = a.name;
        const tag = (this.opts.crmEchoTags ?? true) ? { commandId: a.commandId } : {};
        this.pageToEngine.push({ type: 'crm.status', name: a.name, statusType: 'available', origin: 'change', ...tag, at: this.t });
      }
      this.pageToEngine.push({ type: 'crm.applied', commandId: a.commandId, at: this.t });
      return true;
    }
    const a = this.engineToCc.shift();
    if (a === undefined) return false;
    if (this.ccInSystem()) {
      this.ccToEngine.push({ type: 'cc.nack', commandId: a.commandId, error: { code: 'conflict', message: 'in a call' }, at: this.t });
      return true;
    }
    this.cc = a.statusId;
    const event: SyncInput = { type: 'cc.status', statusId: a.statusId, source: 'crm', at: this.t };
    const ack: SyncInput = { type: 'cc.ack', commandId: a.commandId, statusId: a.statusId, at: this.t };
    this.ccToEngine.push(...(this.opts.ackBeforeEvent === true ? [ack, event] : [event, ack]));
    return true;
  }

  /** Delivers everything; returns false if it did not settle within `maxSteps` (a loop). */
  drain(pick: () => number, maxSteps = 500): boolean {
    for (let n = 0; n < maxSteps; n++) {
      if (this.quiet) return true;
      this.t += 1;
      const start = Math.floor(pick() * 4);
      for (let k = 0; k < 4; k++) if (this.deliver((start + k) % 4)) break;
    }
    return this.quiet;
  }
}
