// createAppCore(ports, config): the desktop's main-process core, Electron-free. It starts signed
// out unless a token is configured or stored; a signed-in agent gets an AgentSession (contact
// center, orchestration engine with its journal in <journalDir>/<identity>, status sync) that
// sign-out stops. The core keeps the AppState the renderer shows, the Kustomer page bridge, and
// serves every IPC channel. Hosts: main/electron (IPC) and main/browser-host (WebSocket); both
// check the sender, the core checks every request.
import { defaultSettings, settingsSchema, type Settings } from '../../common/protocol/index.js';
import type { AppState, IpcChannel } from '../../common/ipc/index.js';
import { kustomerOrigin, type AppConfig } from './config.js';
import type { AppPorts } from './ports.js';
import { AppCoreError, type AppCore, type AppCoreOptions } from './core-api.js';
import { NO_MANAGED_CONFIG } from './managed-config.js';
import { applyOverrides } from './settings-paths.js';
import { crmWiring } from './crm-wiring.js';
import { KustomerBridge } from './kustomer-bridge.js';
import { AgentSession } from './agent-session.js';
import { AgentAuth } from './agent-auth.js';
import { AUTH_TEXTS } from './auth-texts.js';
import { coreSecrets } from './core-secrets.js';
import { AppStateStore } from './state/app-state-store.js';
import { clearAgentState, initialAppState } from './state/initial-state.js';
import { CORE_TEXTS, Notices } from './state/notices.js';
import { focusSession, ringingSession } from './state/sessions-view.js';
import { numberFromLink } from './tel-links.js';
import { dispatch, fail } from './ipc-dispatch.js';
import { HANDLERS } from './handlers/index.js';
import type { CoreContext } from './core-context.js';

export { AppCoreError, type AppCore, type AppCoreOptions } from './core-api.js';

/** Channels that act for the signed-in agent: refused with `signed_out` otherwise. */
const NEEDS_AGENT: ReadonlySet<IpcChannel> = new Set<IpcChannel>([
  'status:set',
  'session:accept',
  'session:reject',
  'session:end',
  'session:sendMessage',
  'session:typing',
  'session:transfer',
  'call:dial',
  'record:open',
  'record:retry',
  'admin:saveSettings',
  'admin:createCustomFields',
  'admin:listCrmStatuses',
]);

export function createAppCore(hostPorts: AppPorts, config: AppConfig, options: AppCoreOptions = {}): AppCore {
  const secrets = coreSecrets(hostPorts.secrets);
  const ports: AppPorts = { ...hostPorts, secrets };
  const { log } = ports;
  const managed = options.managed ?? NO_MANAGED_CONFIG;
  const now = () => ports.clock.now();
  const effective = (s: Settings): Settings => (managed.overridePaths.length ? settingsSchema.parse(applyOverrides(s, managed.overrides, managed.overridePaths)) : s);
  const localKustomerUrl = config.kustomerAppUrl ?? (kustomerOrigin(config) ? (config.crm?.appUrl ?? null) : null);

  const fresh = (): AppState =>
    initialAppState(config, { prefs: ports.prefs.get(), lockedSettings: managed.lockedPaths, hasSipPassword: secrets.get('sip.password') !== null, kustomerAppUrl: localKustomerUrl });
  const store = new AppStateStore(fresh(), options.scheduler, (e) => log.error('state.listener_failed', { error: e instanceof Error ? e.message : String(e) }));
  const update = (change: (s: AppState) => void) => store.update(change);
  const notices = new Notices();
  const managedNotice = (s: AppState) => {
    if (managed.error) notices.add(s, { level: 'error', key: 'app.managedConfigInvalid', text: CORE_TEXTS.managedConfigInvalid(managed.error) }, now());
  };

  const navigate = (s: AppState, url: string) => {
    s.kustomer.navigate = { url, nonce: store.nextNonce() };
  };
  const dialRequest = (s: AppState, number: string) => {
    s.softphone.dialRequest = { number, nonce: store.nextNonce() };
  };
  const openLink = (raw: string): boolean => {
    const number = numberFromLink(raw);
    update((s) => (number ? dialRequest(s, number) : notices.add(s, { level: 'warning', key: 'softphone.dialIgnored', text: CORE_TEXTS.dialIgnored(raw.slice(0, 60)) }, now())));
    return number !== null;
  };

  // The Kustomer page outlives sign-ins: its last status report is handed to the next agent's
  // status sync (SYNC-6 reads what the page shows at login).
  let lastCrmReport: unknown = null;
  const bridge = new KustomerBridge({
    port: ports.kustomerPage,
    log,
    onPages: () =>
      update((s) => {
        s.kustomer.pageInstances = bridge.pageInstances;
        s.kustomer.userEmail = bridge.userEmail;
        auth.session?.refreshPreconditions(s);
      }),
    onStatus: (report) => {
      lastCrmReport = report;
      auth.session?.crmStatus(report);
    },
    onDial: (number) => openLink(number),
    ...(options.applyTimeoutMs ? { applyTimeoutMs: options.applyTimeoutMs } : {}),
  });
  const crm = crmWiring(config, secrets, () => auth.session?.engine.state.settings ?? defaultSettings(), log);

  const secretsChanged = () => {
    update((s) => {
      if (s.softphone.sip) s.softphone.sip.hasPassword = secrets.get('sip.password') !== null;
    });
    auth.session?.engine.outbox.kick();
  };

  const auth = new AgentAuth({
    config,
    secrets,
    log,
    update,
    open: (token, events) => {
      const session = new AgentSession(token, { ports, config, options, store, notices, bridge, crm, effective, localKustomerUrl, navigate }, events);
      if (lastCrmReport !== null) session.crmStatus(lastCrmReport);
      return session;
    },
    clear: (s) => {
      clearAgentState(s, fresh());
      managedNotice(s);
    },
    secretsChanged,
    notice: (s, key, text) => notices.add(s, { level: 'warning', key, text }, now()),
    signInTimeoutMs: options.signInTimeoutMs ?? 15_000,
  });

  const signedIn = (): AgentSession => {
    const session = auth.session;
    if (!session) throw new AppCoreError('signed out');
    return session;
  };

  update(managedNotice);

  const ctx: CoreContext = {
    config,
    ports,
    store,
    notices,
    get engine() {
      return signedIn().engine;
    },
    bridge,
    get records() {
      return signedIn().records;
    },
    crm,
    managed,
    command: (name, payload) => auth.session?.command(name, payload) ?? Promise.resolve({ ok: false, error: { code: 'signed_out', message: 'signed out' } }),
    ccSettings: () => auth.session?.contactCenterSettings() ?? defaultSettings(),
    crmKind: () => auth.session?.engine.crmKind() ?? config.crm?.kind ?? 'kustomer',
    now,
    update,
    navigate,
    dialRequest,
    secretsChanged,
    signIn: (request) => auth.signIn(request),
    signOut: () => auth.signOut(),
  };
  const guard = (channel: IpcChannel) => (NEEDS_AGENT.has(channel) && !auth.session ? fail('signed_out', `${channel} needs a signed-in agent`, AUTH_TEXTS.signedOut()) : null);

  let started = false;
  let stopping: Promise<void> | null = null;
  return {
    get identity() {
      return auth.session?.identity ?? null;
    },
    get dataDir() {
      return auth.session?.dataDir ?? null;
    },
    start() {
      if (started || stopping) return;
      started = true;
      auth.resume();
    },
    stop() {
      stopping ??= (async () => {
        bridge.close();
        await auth.stop();
        log.info('core.closed', {});
      })();
      return stopping;
    },
    sipWsUrl: () => config.sip?.wsUrl ?? null,
    getState: () => store.snapshot(),
    onState: (l) => store.onChange(l),
    handle: (channel, request, sender) => dispatch(HANDLERS, channel, request, sender, ctx, log, guard),
    kustomerPageMessage: (message, viewId) => bridge.message(message, viewId),
    kustomerViewClosed: (viewId) => {
      bridge.viewClosed(viewId);
      if (bridge.pageInstances === 0) lastCrmReport = null;
    },
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
