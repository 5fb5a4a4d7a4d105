// The orchestration engine at run time: parses contact-center events, processes each `seq` once
// (also across restarts), decides, journals the decision together with the seq in one record
// (so a crash can neither lose nor repeat it), and hands the intents to the outbox.
import type { CountryCode } from 'libphonenumber-js';
import { parseServerEvent, type ServerEvent } from '../../common/protocol/index.js';
import type { CrmKind } from '../../common/protocol/index.js';
import type { Clock, ContactCenterLink, FileFetcher, Journal, Log } from './ports.js';
import type { CrmPort } from './crm-port.js';
import { StateStore } from './state-store.js';
import { decide, expiredTracks } from './orchestration/decide.js';
import type { EngineState, SessionTrack } from './orchestration/types.js';
import { OutboxRunner, type OutboxOptions } from './outbox/outbox-runner.js';
import type { OutboxListener } from './outbox/outbox-events.js';
import type { OutboxEntry } from './durable-state.js';

export interface EngineDeps {
  journal: Journal;
  /** The CRM adapter for a kind (the contact center's settings may name the kind). */
  crmFor: (kind: CrmKind) => CrmPort;
  cc: ContactCenterLink;
  files: FileFetcher;
  log: Log;
  clock: Clock;
}

export interface EngineOptions {
  defaultCountry: CountryCode;
  /** A CRM kind fixed by local configuration wins over the contact center's settings. */
  crmKind: CrmKind | null;
  outbox: Partial<OutboxOptions>;
  /** Finished sessions are forgotten after this long (their records stay bound). */
  sessionRetentionMs: number;
}

export type HandleResult = { ok: true; duplicate: boolean; intents: number } | { ok: false; error: string };

export class OrchestrationEngine {
  readonly store: StateStore;
  readonly outbox: OutboxRunner;
  private readonly opts: EngineOptions;
  private crm: CrmPort | null = null;
  private stopping = false;
  private nextPruneAt = 0;

  constructor(
    private readonly deps: EngineDeps,
    opts: Partial<EngineOptions> = {},
  ) {
    this.opts = { defaultCountry: 'KR', crmKind: null, outbox: {}, sessionRetentionMs: 6 * 3_600_000, ...opts };
    this.store = new StateStore(deps.journal);
    this.outbox = new OutboxRunner(this.store, { crm: () => this.currentCrm(), cc: deps.cc, files: deps.files, log: deps.log, clock: deps.clock }, this.opts.outbox);
  }

  /** Resume the writes a previous run left pending. */
  start(): void {
    const pending = this.outbox.pending();
    if (pending.length) this.deps.log.info('outbox.resume', { pending: pending.length });
    this.outbox.kick();
  }

  get state(): EngineState {
    return this.store.state.engine;
  }

  lastSeq(identity: string): number {
    return this.store.state.lastSeq[identity] ?? 0;
  }

  crmKind(): CrmKind {
    return this.opts.crmKind ?? this.state.settings.crm.kind;
  }

  onOutboxEvent(l: OutboxListener): () => void {
    return this.outbox.onEvent(l);
  }

  /** One contact-center event, as received on the wire. Never throws for bad input. */
  handle(identity: string, name: string, payload: unknown): HandleResult {
    if (this.stopping) return { ok: false, error: 'engine is stopping' };
    const seq = seqOf(payload);
    if (seq !== null && seq <= this.lastSeq(identity)) {
      this.deps.log.info('event.duplicate', { event: name, seq });
      return { ok: true, duplicate: true, intents: 0 };
    }
    const parsed = parseServerEvent(name, payload);
    if (!parsed.ok) {
      this.deps.log.error('event.malformed', { event: name, seq, error: parsed.error });
      // The seq is still consumed: the same bad payload replayed would fail the same way.
      if (seq !== null) this.store.write({ t: 'event', identity, seq, tracks: {}, enq: [] });
      return { ok: false, error: parsed.error };
    }
    return this.apply(identity, parsed.value);
  }

  private apply(identity: string, event: ServerEvent): HandleResult {
    const before = this.state;
    const now = this.deps.clock.now();
    const d = decide(before, event, { crmKind: this.crmKind(), defaultCountry: this.opts.defaultCountry, now });
    const tracks: Record<string, SessionTrack | null> = { ...this.expired(now), ...d.changed };
    const ids = this.store.allocateIds(d.intents.length);
    const enq = d.intents.map((intent, i) => ({ id: ids[i] as number, intent, at: now.getTime() }));
    this.store.write({
      t: 'event',
      identity,
      seq: event.payload.seq,
      ...(d.me !== before.me ? { me: d.me } : {}),
      ...(d.settings !== before.settings ? { settings: d.settings } : {}),
      tracks,
      enq,
    });
    for (const line of d.trace) this.deps.log.info('rule', { event: event.name, seq: event.payload.seq, rule: line });
    this.outbox.added(enq.map((e) => this.store.state.entries[e.id]).filter((e): e is OutboxEntry => !!e));
    return { ok: true, duplicate: false, intents: enq.length };
  }

  /**
   * Tracks of sessions over for longer than the retention, to drop with this event (null each).
   * Looked for at most once a minute, so an event's cost does not grow with the sessions held.
   */
  private expired(now: Date): Record<string, null> {
    if (now.getTime() < this.nextPruneAt) return {};
    this.nextPruneAt = now.getTime() + Math.min(60_000, this.opts.sessionRetentionMs);
    return Object.fromEntries(expiredTracks(this.state, now, this.opts.sessionRetentionMs).map((k) => [k, null]));
  }

  /** Finish or persist in-flight work (SIGTERM). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await this.outbox.stop(graceMs);
    this.store.close();
  }

  private currentCrm(): CrmPort {
    const kind = this.crmKind();
    if (!this.crm || this.crm.kind !== kind) this.crm = this.deps.crmFor(kind);
    return this.crm;
  }
}

function seqOf(payload: unknown): number | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const seq = (payload as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}
