// createAppCore(ports, config): the desktop's main-process core, Electron-free. It connects to the
// contact center as the agent, feeds every event to the orchestration engine (records, journal in
// <journalDir>/<identity>) and to the status-sync engine (Kustomer page <-> agent.setStatus), keeps
// the AppState the renderer shows, and serves every IPC channel. Hosts: main/electron (IPC) and
// main/browser-host (WebSocket); both check the sender, the core checks every request.
import path from 'node:path';
import { defaultSettings, parseServerEvent, settingsSchema, type Settings } from '../../common/protocol/index.js';
import type { AppState } from '../../common/ipc/index.js';
import { OrchestrationEngine } from '../engine/orchestration-engine.js';
import { StatusSyncService, ccStatusInput, loginInput, settingsInput } from '../engine/status-sync/index.js';
import { CcConnection, tokenIdentity } from '../adapters/contact-center/cc-connection.js';
import { FileJournal } from '../adapters/store/file-journal.js';
import { lockDataDir } from '../adapters/store/data-dir-lock.js';
import { httpFileFetcher } from '../adapters/http-file-fetcher.js';
import { kustomerOrigin, type AppConfig } from './config.js';
import type { AppPorts } from './ports.js';
import { AppCoreError, type AppCore, type AppCoreOptions } from './core-api.js';
import { NO_MANAGED_CONFIG } from './managed-config.js';
import { applyOverrides } from './settings-paths.js';
import { crmWiring } from './crm-wiring.js';
import { KustomerBridge } from './kustomer-bridge.js';
import { AppStateStore } from './state/app-state-store.js';
import { initialAppState } from './state/initial-state.js';
import { CORE_TEXTS, Notices } from './state/notices.js';
import { RecordsView } from './state/records-view.js';
import { crmStatusFromSync, preconditions, pushAudit } from './state/status-view.js';
import { focusSession, ringingSession } from './state/sessions-view.js';
import { applyEvent, type ViewEffects } from './cc-events.js';
import { seedFromEngine } from './state/seed.js';
import { numberFromLink } from './tel-links.js';
import { dispatch } from './ipc-dispatch.js';
import { HANDLERS } from './handlers/index.js';
import type { CoreContext } from './core-context.js';

export { AppCoreError, type AppCore, type AppCoreOptions } from './core-api.js';

const safeDirName = (identity: string): string => identity.replace(/[^a-zA-Z0-9@._-]/g, '_');

function seqOf(payload: unknown): number | null {
  const seq = typeof payload === 'object' && payload !== null ? (payload as { seq?: unknown }).seq : undefined;
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : null;
}

export function createAppCore(ports: AppPorts, config: AppConfig, options: AppCoreOptions = {}): AppCore {
  const { log } = ports;
  const token = config.contactCenter.token ?? ports.secrets.get('cc.token');
  if (!token) throw new AppCoreError('no contact-center token: set contactCenter.token or the secret cc.token');
  const identity = tokenIdentity(token);
  const dataDir = path.join(ports.journalDir, safeDirName(identity));
  const unlock = lockDataDir(dataDir);
  const managed = options.managed ?? NO_MANAGED_CONFIG;
  const now = () => ports.clock.now();
  const effective = (s: Settings): Settings => (managed.overridePaths.length ? settingsSchema.parse(applyOverrides(s, managed.overrides, managed.overridePaths)) : s);
  let ccSettings = defaultSettings();
  let ccConnections = 1;
  const localKustomerUrl = config.kustomerAppUrl ?? (kustomerOrigin(config) ? (config.crm?.appUrl ?? null) : null);

  const prefs = ports.prefs.get();
  const store = new AppStateStore(
    initialAppState(config, { prefs, lockedSettings: managed.lockedPaths, hasSipPassword: ports.secrets.get('sip.password') !== null, kustomerAppUrl: localKustomerUrl }),
    options.scheduler,
    (e) => log.error('state.listener_failed', { error: e instanceof Error ? e.message : String(e) }),
  );
  const update = (change: (s: AppState) => void) => store.update(change);
  const notices = new Notices();

  let engine: OrchestrationEngine;
  const crm = crmWiring(config, ports.secrets, () => engine.state.settings, log);
  const cc = new CcConnection({ url: config.contactCenter.url, token, lastSeq: () => engine.lastSeq(identity), log, ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}) });
  try {
    engine = new OrchestrationEngine(
      { journal: new FileJournal(dataDir, { fsync: config.fsync }), crmFor: crm.crmFor, cc, files: httpFileFetcher(), log, clock: ports.clock },
      { defaultCountry: config.defaultCountry as never, crmKind: config.crm?.kind ?? null, outbox: options.outbox ?? {} },
    );
  } catch (e) {
    unlock();
    throw e;
  }
  const records = new RecordsView(() => engine.crmKind());

  const refreshPreconditions = (s: AppState) => {
    s.preconditions = preconditions(s, { ccConnections, crmUserEmail: bridge.userEmail, pageInstances: bridge.pageInstances, crmKind: engine.crmKind() });
  };
  const navigate = (s: AppState, url: string) => {
    s.kustomer.navigate = { url, nonce: store.nextNonce() };
  };
  const dialRequest = (s: AppState, number: string) => {
    s.softphone.dialRequest = { number, nonce: store.nextNonce() };
  };

  const bridge = new KustomerBridge({
    port: ports.kustomerPage,
    log,
    onPages: () =>
      update((s) => {
        s.kustomer.pageInstances = bridge.pageInstances;
        s.kustomer.userEmail = bridge.userEmail;
        refreshPreconditions(s);
      }),
    onStatus: (report) => sync.reportCrmStatus(report),
    onDial: (number) => openLink(number),
    ...(options.applyTimeoutMs ? { applyTimeoutMs: options.applyTimeoutMs } : {}),
  });

  const sync = new StatusSyncService(
    {
      sendCcStatus: (statusId) => cc.command('agent.setStatus', { statusId, source: 'crm' }),
      applyCrmStatus: (name, commandId) => bridge.apply(name, commandId),
      clock: { now: () => now().getTime() },
      log,
    },
    { settings: effective(ccSettings).statusSync, crmEchoTags: true },
  );
  sync.onChange(({ state, entry, notices: list }) =>
    update((s) => {
      pushAudit(s, entry);
      crmStatusFromSync(s, state);
      for (const n of list) notices.add(s, { level: n.level, key: n.key, text: n.text }, now());
    }),
  );

  const effects = (s: AppState): ViewEffects => ({
    connected: (id) => {
      const url = records.url(id);
      if (url && focusSession(s)?.session.id === id) navigate(s, url);
    },
    sessionShown: (id) => records.render(s, id),
    sessionsChanged: () => records.prune(s),
    recordLinked: (p) => records.linked(s, p),
    connections: (count) => {
      ccConnections = count;
      if (count > 1) notices.add(s, { level: 'error', key: 'app.duplicateConnection', text: CORE_TEXTS.duplicateConnection(count) }, now());
    },
  });

  const onCcEvent = (name: string, payload: unknown) => {
    const seq = seqOf(payload);
    const parsed = seq !== null && seq <= engine.lastSeq(identity) ? null : parseServerEvent(name, payload);
    if (!parsed?.ok) {
      // A duplicate or a malformed event: the engine logs it and consumes its seq.
      engine.handle(identity, name, payload);
      return;
    }
    const ev = parsed.value;
    if (ev.name === 'hello' || ev.name === 'settings') {
      ccSettings = ev.payload.settings;
      ev.payload.settings = effective(ccSettings);
    }
    update((s) => {
      applyEvent(s, ev, effects(s));
      if (ev.name === 'hello' || ev.name === 'settings') {
        if (!localKustomerUrl) s.kustomer.appUrl = ev.payload.settings.crm.kind === 'kustomer' && ev.payload.settings.crm.appUrl ? ev.payload.settings.crm.appUrl : null;
        refreshPreconditions(s);
      }
    });
    engine.handle(identity, ev.name, ev.payload);
    if (ev.name === 'hello') sync.dispatch(loginInput(ev.payload));
    else if (ev.name === 'settings') sync.dispatch(settingsInput(ev.payload));
    else if (ev.name === 'agent.status') sync.dispatch(ccStatusInput(ev.payload));
  };

  engine.onOutboxEvent((e) =>
    update((s) => {
      const at = now();
      const url = records.outbox(s, e, at.toISOString());
      if (url) navigate(s, url);
      s.pendingWrites = engine.outbox.pending().length;
      s.failedWrites = engine.outbox.dead().length;
      if (e.state === 'failed' && e.kind !== 'linkRecord') {
        const subject = s.sessions.find((l) => l.session.id === e.key)?.record?.subject || e.subject || e.key;
        notices.add(s, { level: 'error', key: 'record.failed', text: CORE_TEXTS.recordFailed(subject, e.error ?? 'unknown error') }, at);
      }
    }),
  );
  cc.onEvent(onCcEvent);
  cc.onState((state, detail) =>
    update((s) => {
      s.connection.contactCenter = state;
      s.connection.detail = detail ?? null;
    }),
  );
  update((s) => {
    seedFromEngine(s, engine, records);
    s.pendingWrites = engine.outbox.pending().length;
    s.failedWrites = engine.outbox.dead().length;
    if (managed.error) notices.add(s, { level: 'error', key: 'app.managedConfigInvalid', text: CORE_TEXTS.managedConfigInvalid(managed.error) }, now());
  });

  const openLink = (raw: string): boolean => {
    const number = numberFromLink(raw);
    update((s) => (number ? dialRequest(s, number) : notices.add(s, { level: 'warning', key: 'softphone.dialIgnored', text: CORE_TEXTS.dialIgnored(raw.slice(0, 60)) }, now())));
    return number !== null;
  };

  const ctx: CoreContext = {
    config,
    ports,
    store,
    notices,
    engine,
    bridge,
    records,
    crm,
    managed,
    command: (name, payload) => cc.command(name, payload),
    ccSettings: () => ccSettings,
    crmKind: () => engine.crmKind(),
    now,
    update,
    navigate,
    dialRequest,
    secretsChanged: () => {
      update((s) => {
        if (s.softphone.sip) s.softphone.sip.hasPassword = ports.secrets.get('sip.password') !== null;
      });
      engine.outbox.kick();
    },
  };

  let stopping: Promise<void> | null = null;
  return {
    identity,
    dataDir,
    start() {
      engine.start();
      cc.connect();
      log.info('core.started', { identity, contactCenter: config.contactCenter.url, crm: engine.crmKind(), pending: engine.outbox.pending().length });
    },
    stop() {
      stopping ??= (async () => {
        cc.close();
        bridge.close();
        await engine.stop(options.shutdownGraceMs ?? 5_000);
        unlock();
        log.info('core.stopped', { pendingPersisted: engine.outbox.pending().length });
      })();
      return stopping;
    },
    getState: () => store.snapshot(),
    onState: (l) => store.onChange(l),
    handle: (channel, request, sender) => dispatch(HANDLERS, channel, request, sender, ctx, log),
    kustomerPageMessage: (message, viewId) => bridge.message(message, viewId),
    kustomerViewClosed: (viewId) => bridge.viewClosed(viewId),
    openLink,
    secondInstance: () => update((s) => notices.add(s, { level: 'info', key: 'app.secondInstance', text: CORE_TEXTS.secondInstance() }, now())),
    shortcut(kind) {
      const target = kind === 'answer' ? ringingSession(store.current) : focusSession(store.current);
      if (!target) return false;
      update((s) => {
        s.softphone.action = { kind, sessionId: target.session.id, nonce: store.nextNonce() };
      });
      return true;
    },
  };
}
