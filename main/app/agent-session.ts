// One signed-in agent. The core makes one per sign-in and stops it on sign-out: the contact-center
// connection with the agent's token, the orchestration engine on <journalDir>/<identity> (locked:
// one engine per journal), the status-sync engine and the record cards. Stopping it finishes or
// journals the outbox's in-flight work, so the next sign-in of the same identity resumes it.
import path from 'node:path';
import { defaultSettings, parseServerEvent, type Ack, type Agent, type CommandName, type CommandPayload, type Settings } from '../../common/protocol/index.js';
import type { AppState } from '../../common/ipc/index.js';
import { OrchestrationEngine } from '../engine/orchestration-engine.js';
import { StatusSyncService, ccStatusInput, loginInput, settingsInput } from '../engine/status-sync/index.js';
import { CcConnection, tokenIdentity, type CcConnectError } from '../adapters/contact-center/cc-connection.js';
import { FileJournal } from '../adapters/store/file-journal.js';
import { lockDataDir } from '../adapters/store/data-dir-lock.js';
import { httpFileFetcher } from '../adapters/http-file-fetcher.js';
import type { AppConfig } from './config.js';
import type { AppPorts } from './ports.js';
import type { AppCoreOptions } from './core-api.js';
import type { CrmWiring } from './crm-wiring.js';
import type { KustomerBridge } from './kustomer-bridge.js';
import type { AppStateStore } from './state/app-state-store.js';
import { CORE_TEXTS, type Notices } from './state/notices.js';
import { RecordsView } from './state/records-view.js';
import { crmStatusFromSync, preconditions, pushAudit } from './state/status-view.js';
import { focusSession } from './state/sessions-view.js';
import { sipState } from './state/initial-state.js';
import { seedFromEngine } from './state/seed.js';
import { applyEvent, type ViewEffects } from './cc-events.js';

/** The journal folder of an identity (an e-mail, or `t:<hash>` for an opaque token). */
export const safeDirName = (identity: string): string => identity.replace(/[^a-zA-Z0-9@._-]/g, '_');

function seqOf(payload: unknown): number | null {
  const seq = typeof payload === 'object' && payload !== null ? (payload as { seq?: unknown }).seq : undefined;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}

export interface AgentSessionDeps {
  ports: AppPorts;
  config: AppConfig;
  options: AppCoreOptions;
  store: AppStateStore;
  notices: Notices;
  bridge: KustomerBridge;
  crm: CrmWiring;
  /** The contact center's settings with IT's overrides applied. */
  effective(s: Settings): Settings;
  /** The Kustomer app from local configuration (else the contact center's settings name it). */
  localKustomerUrl: string | null;
  navigate(s: AppState, url: string): void;
}

export interface AgentSessionEvents {
  /** Every `hello` of this session; the first one proves the token. */
  hello(agent: Agent): void;
  connectError(e: CcConnectError): void;
}

export class AgentSession {
  readonly identity: string;
  readonly dataDir: string;
  readonly engine: OrchestrationEngine;
  readonly records: RecordsView;
  private readonly cc: CcConnection;
  private readonly sync: StatusSyncService;
  private readonly unlock: () => void;
  private ccSettings: Settings = defaultSettings();
  private ccConnections = 1;
  private closed = false;
  private engineStarted = false;
  private stopping: Promise<void> | null = null;

  /** Locks and opens the identity's journal; throws when another AgentDesk holds it. */
  constructor(
    token: string,
    private readonly d: AgentSessionDeps,
    events: AgentSessionEvents,
  ) {
    const { ports, config, options } = d;
    const { log } = ports;
    this.identity = tokenIdentity(token);
    this.dataDir = path.join(ports.journalDir, safeDirName(this.identity));
    this.unlock = lockDataDir(this.dataDir);
    let engine: OrchestrationEngine | null = null;
    this.cc = new CcConnection({
      url: config.contactCenter.url,
      token,
      lastSeq: () => engine?.lastSeq(this.identity) ?? 0,
      log,
      ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
    });
    try {
      engine = new OrchestrationEngine(
        { journal: new FileJournal(this.dataDir, { fsync: config.fsync }), crmFor: d.crm.crmFor, cc: this.cc, files: httpFileFetcher(), log, clock: ports.clock },
        { defaultCountry: config.defaultCountry as never, crmKind: config.crm?.kind ?? null, outbox: options.outbox ?? {} },
      );
    } catch (e) {
      this.unlock();
      throw e;
    }
    this.engine = engine;
    this.records = new RecordsView(() => this.engine.crmKind());

    this.sync = new StatusSyncService(
      {
        sendCcStatus: (statusId) => this.cc.command('agent.setStatus', { statusId, source: 'crm' }),
        applyCrmStatus: (name, commandId) => d.bridge.apply(name, commandId),
        clock: { now: () => this.now().getTime() },
        log,
      },
      { settings: d.effective(this.ccSettings).statusSync, crmEchoTags: true },
    );
    this.sync.onChange(({ state, entry, notices: list }) =>
      this.update((s) => {
        pushAudit(s, entry);
        crmStatusFromSync(s, state);
        for (const n of list) d.notices.add(s, { level: n.level, key: n.key, text: n.text }, this.now());
      }),
    );

    this.engine.onOutboxEvent((e) =>
      this.update((s) => {
        const at = this.now();
        const url = this.records.outbox(s, e, at.toISOString());
        if (url) d.navigate(s, url);
        s.pendingWrites = this.engine.outbox.pending().length;
        s.failedWrites = this.engine.outbox.dead().length;
        if (e.state === 'failed' && e.kind !== 'linkRecord') {
          const subject = s.sessions.find((l) => l.session.id === e.key)?.record?.subject || e.subject || e.key;
          d.notices.add(s, { level: 'error', key: 'record.failed', text: CORE_TEXTS.recordFailed(subject, e.error ?? 'unknown error') }, at);
        }
      }),
    );
    this.cc.onEvent((name, payload) => {
      const agent = this.onCcEvent(name, payload);
      if (agent) {
        // The token is good: resume the writes a previous run of this agent left pending.
        this.startEngine();
        events.hello(agent);
      }
    });
    this.cc.onState((state, detail) =>
      this.update((s) => {
        s.connection.contactCenter = state;
        s.connection.detail = detail ?? null;
      }),
    );
    this.cc.onConnectError((e) => {
      if (!this.closed) events.connectError(e);
    });
    this.update((s) => {
      seedFromEngine(s, this.engine, this.records);
      s.pendingWrites = this.engine.outbox.pending().length;
      s.failedWrites = this.engine.outbox.dead().length;
    });
  }

  private now(): Date {
    return this.d.ports.clock.now();
  }

  /** State changes of a stopped session (late outbox or sync results) are dropped: its agent is gone. */
  private update(change: (s: AppState) => void): void {
    if (!this.closed) this.d.store.update(change);
  }

  /**
   * `resume`: a token from a previous run or the configuration; pending writes start at once, even
   * while the contact center is unreachable. `verify`: an interactive sign-in; they start at `hello`.
   */
  start(mode: 'resume' | 'verify'): void {
    if (mode === 'resume') this.startEngine();
    this.cc.connect();
    this.d.ports.log.info('core.started', { identity: this.identity, mode, contactCenter: this.d.config.contactCenter.url, crm: this.engine.crmKind(), pending: this.engine.outbox.pending().length });
  }

  private startEngine(): void {
    if (this.engineStarted || this.closed) return;
    this.engineStarted = true;
    this.engine.start();
  }

  /** Disconnects and finishes or journals the in-flight writes (pending ones stay in the journal). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.closed = true;
      this.cc.close();
      await this.engine.stop(this.d.options.shutdownGraceMs ?? 5_000);
      this.unlock();
      this.d.ports.log.info('core.stopped', { identity: this.identity, pendingPersisted: this.engine.outbox.pending().length });
    })();
    return this.stopping;
  }

  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack> {
    return this.cc.command(name, payload);
  }

  /** The settings as the contact center sent them, before IT's overrides. */
  contactCenterSettings(): Settings {
    return this.ccSettings;
  }

  /** A status report from the Kustomer page (SYNC-2). */
  crmStatus(report: unknown): void {
    this.sync.reportCrmStatus(report);
  }

  /** SYNC-5 findings from what the contact center and the Kustomer page(s) said. */
  refreshPreconditions(s: AppState): void {
    s.preconditions = preconditions(s, { ccConnections: this.ccConnections, crmUserEmail: this.d.bridge.userEmail, pageInstances: this.d.bridge.pageInstances, crmKind: this.engine.crmKind() });
  }

  private effects(s: AppState): ViewEffects {
    return {
      connected: (id) => {
        const url = this.records.url(id);
        if (url && focusSession(s)?.session.id === id) this.d.navigate(s, url);
      },
      sessionShown: (id) => this.records.render(s, id),
      sessionsChanged: () => this.records.prune(s),
      recordLinked: (p) => this.records.linked(s, p),
      connections: (count) => {
        this.ccConnections = count;
        if (count > 1) this.d.notices.add(s, { level: 'error', key: 'app.duplicateConnection', text: CORE_TEXTS.duplicateConnection(count) }, this.now());
      },
    };
  }

  /** Views and engines get the event; returns the agent when it was a `hello`. */
  private onCcEvent(name: string, payload: unknown): Agent | null {
    if (this.closed) return null;
    const { config, ports } = this.d;
    const seq = seqOf(payload);
    const parsed = seq !== null && seq <= this.engine.lastSeq(this.identity) ? null : parseServerEvent(name, payload);
    if (!parsed?.ok) {
      // A duplicate or a malformed event: the engine logs it and consumes its seq.
      this.engine.handle(this.identity, name, payload);
      return null;
    }
    const ev = parsed.value;
    if (ev.name === 'hello' || ev.name === 'settings') {
      this.ccSettings = ev.payload.settings;
      ev.payload.settings = this.d.effective(this.ccSettings);
    }
    this.update((s) => {
      applyEvent(s, ev, this.effects(s));
      if (ev.name === 'hello') {
        // SOFT-1: the softphone registers as this agent (hello.sip), on this computer's SIP server.
        const p = ev.payload;
        const hasPassword = ports.secrets.get('sip.password') !== null;
        s.softphone.sip = sipState(config, hasPassword, p.sip ? { uri: p.sip.uri, user: p.sip.user, displayName: p.agent.name } : undefined);
        if (config.sip && !s.softphone.sip) this.d.notices.add(s, { level: 'warning', key: 'softphone.noAccount', text: CORE_TEXTS.noSipAccount() }, this.now());
      }
      if (ev.name === 'hello' || ev.name === 'settings') {
        if (!this.d.localKustomerUrl) s.kustomer.appUrl = ev.payload.settings.crm.kind === 'kustomer' && ev.payload.settings.crm.appUrl ? ev.payload.settings.crm.appUrl : null;
        this.refreshPreconditions(s);
      }
    });
    this.engine.handle(this.identity, ev.name, ev.payload);
    if (ev.name === 'hello') this.sync.dispatch(loginInput(ev.payload));
    else if (ev.name === 'settings') this.sync.dispatch(settingsInput(ev.payload));
    else if (ev.name === 'agent.status') this.sync.dispatch(ccStatusInput(ev.payload));
    return ev.name === 'hello' ? ev.payload.agent : null;
  }
}
