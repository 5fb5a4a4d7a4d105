// AgentDesk's Electron entry. Thin by design: it builds the ports (electron-store preferences,
// safeStorage secrets, the Kustomer view), creates the Electron-free core (main/app), and wires
// the window, the typed IPC, tray, notifications, shortcuts and tel: links to it. One instance
// per user: a second launch focuses this one, hands over its tel: link and is reported (SYNC-5).
// Without a stored or configured token the core starts signed out and the window shows the
// sign-in screen (auth:signIn stores the token with safeStorage).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, safeStorage, session, type BrowserWindow } from 'electron';
import { STATE_CHANNEL, type AppState } from '../../common/ipc/index.js';
import { createAppCore, type AppCore } from '../app/core.js';
import { appConfigFromEnv } from '../app/env-config.js';
import { loadManagedConfig } from '../app/managed-config.js';
import type { KustomerBounds, KustomerPagePort, Log } from '../app/ports.js';
import { linkFromArgv } from '../app/tel-links.js';
import { systemClock } from '../engine/ports.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { openAppLog } from './app-log.js';
import { createIpc } from './ipc.js';
import { ipcTrust } from './ipc-wrapper.js';
import { KustomerView } from './kustomer-view.js';
import { CallNotifier } from './notifications.js';
import { denyWebviews } from './navigation.js';
import { kustomerViewOrigin } from './origins.js';
import { lockAppSession } from './permissions.js';
import { openElectronStore } from './prefs-store.js';
import { registerLinkHandlers } from './protocol-links.js';
import { safeStorageSecrets, secretsOptionsFor } from './safe-storage-secrets.js';
import { CallShortcuts } from './shortcuts.js';
import { StatusTray } from './tray.js';
import { checkForUpdates } from './updates.js';
import { KUSTOMER_PARTITION } from './web-preferences.js';
import { createMainWindow } from './window.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PATHS = {
  renderer: path.join(dist, 'renderer'),
  appPreload: path.join(dist, 'preload', 'app-bridge.js'),
  kustomerPreload: path.join(dist, 'preload', 'kustomer-webview.js'),
};

function createLog(): Log {
  let logsDir: string | null = null;
  try {
    logsDir = app.getPath('logs');
  } catch {
    // logging to stdout only
  }
  return openAppLog(logsDir).log;
}

// A separate profile (tests, a second agent on one machine for support): set before anything
// reads userData, and before the single-instance lock, which is per profile.
if (process.env.AGENTDESK_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.AGENTDESK_USER_DATA_DIR));
registerAppScheme();
const log = createLog();
let fatalShown = false;
const fatal = (what: string, e: unknown) => {
  log.error(what, { error: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  if (fatalShown || !app.isReady()) return;
  fatalShown = true;
  dialog.showErrorBox('AgentDesk', `${what}: ${e instanceof Error ? e.message : String(e)}`);
};
process.on('uncaughtException', (e) => fatal('Unexpected error', e));
process.on('unhandledRejection', (e) => fatal('Unexpected error', e));

let onSecondInstance: (argv: string[]) => void = () => {};
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => onSecondInstance(argv));
  app.on('web-contents-created', (_event, contents) => denyWebviews(contents));
  app.whenReady().then(start, (e: unknown) => fatal('AgentDesk could not start', e));
}

function start(): void {
  const managed = loadManagedConfig();
  const configured = appConfigFromEnv(process.env, managed);
  if (!configured.ok) {
    dialog.showErrorBox('AgentDesk is not configured', configured.error);
    app.exit(2);
    return;
  }
  const config = configured.config;
  const { prefs, blobs } = openElectronStore(log);
  // Development builds take secrets from the environment (never written); packaged ones do not.
  const secrets = safeStorageSecrets(safeStorage, blobs, secretsOptionsFor({ managed, platform: process.platform, packaged: app.isPackaged, env: process.env, log }));

  let win: BrowserWindow | null = null;
  let kustomer: KustomerView | null = null;
  // The renderer may place the view before it exists (its origin comes with the first state).
  let lastBounds: KustomerBounds | null = null;
  const kustomerPage: KustomerPagePort = {
    apply: (a) => {
      if (!kustomer) throw new Error('the Kustomer view is not open');
      kustomer.apply(a);
    },
    setBounds: (b) => {
      lastBounds = b;
      kustomer?.setBounds(b);
    },
  };

  let core: AppCore;
  try {
    core = createAppCore({ prefs, secrets, journalDir: path.join(app.getPath('userData'), 'journal'), log, clock: systemClock, kustomerPage }, config, { managed });
  } catch (e) {
    dialog.showErrorBox('AgentDesk could not start', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }

  // The machine's SIP server, known before anyone signs in (the page is served signed out).
  serveAppScheme(PATHS.renderer, () => core.sipWsUrl());
  lockAppSession(session.defaultSession, (id) => win?.webContents.id === id);

  let kustomerOrigin: string | null = null;
  const ipc = createIpc(
    ipcTrust({
      appWebContentsId: () => win?.webContents.id ?? null,
      kustomerWebContentsId: () => kustomer?.view.webContents.id ?? null,
      kustomerOrigin: () => kustomerOrigin,
    }),
    log,
  );
  ipc.handleContract(core);
  ipc.onKustomerMessage((msg, viewId) => core.kustomerPageMessage(msg, viewId));

  const show = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  win = createMainWindow(PATHS.appPreload, log);
  win.on('closed', () => {
    win = null;
  });

  // The Kustomer view appears once its origin is known (local configuration, else the contact
  // center's settings); the origin never changes afterwards in this run.
  let refusedKustomerUrl: string | null = null;
  const ensureKustomer = (s: AppState) => {
    if (kustomer || !win || !s.kustomer.appUrl) return;
    const origin = kustomerViewOrigin(s.kustomer.appUrl);
    if (!origin) {
      // SEC-1: https only (http on loopback for development); said once per URL.
      if (refusedKustomerUrl !== s.kustomer.appUrl) log.warn('kustomer.origin_refused', { url: s.kustomer.appUrl.slice(0, 200) });
      refusedKustomerUrl = s.kustomer.appUrl;
      return;
    }
    kustomerOrigin = origin;
    kustomer = new KustomerView(win, kustomerOrigin, PATHS.kustomerPreload, log, (viewId) => core.kustomerViewClosed(viewId));
    if (lastBounds) kustomer.setBounds(lastBounds);
  };

  const tray = new StatusTray({
    setStatus: (statusId) => void core.handle('status:set', { statusId }, { host: 'electron', id: 'tray' }),
    show,
    quit: () => app.quit(),
  });
  const notifier = new CallNotifier(() => win?.isFocused() ?? false, show);
  const shortcuts = new CallShortcuts((kind) => core.shortcut(kind), log);

  // The Kustomer view exists only for a signed-in agent. Sign-out (or a refused sign-in) on a
  // shared computer: the next agent must not inherit this agent's Kustomer page and login, so the
  // view goes and its partition is emptied before a later sign-in opens a fresh one.
  let wasSignedIn = false;
  let clearing = false;
  const kustomerAllowed = (s: AppState): boolean => {
    const signedIn = (s.auth?.state ?? 'signed-in') === 'signed-in';
    if (wasSignedIn && !signedIn) {
      kustomer?.destroy();
      kustomer = null;
      clearing = true;
      void session
        .fromPartition(KUSTOMER_PARTITION)
        .clearStorageData()
        .catch((e: unknown) => log.warn('kustomer.clear_failed', { error: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          clearing = false;
          const now = core.getState();
          if (kustomerAllowed(now)) {
            ensureKustomer(now);
            kustomer?.follow(now);
          }
        });
    }
    wasSignedIn = signedIn;
    return signedIn && !clearing;
  };

  const follow = (s: AppState) => {
    if (win && !win.webContents.isDestroyed()) win.webContents.send(STATE_CHANNEL, s);
    if (kustomerAllowed(s)) ensureKustomer(s);
    kustomer?.follow(s);
    tray.update(s);
    notifier.update(s);
    shortcuts.update(s);
  };
  core.onState(follow);
  follow(core.getState());

  registerLinkHandlers((url) => {
    core.openLink(url);
    show();
  }, log);
  onSecondInstance = (argv) => {
    show();
    core.secondInstance();
    const link = linkFromArgv(argv);
    if (link) core.openLink(link);
  };

  core.start();
  if (app.isPackaged) checkForUpdates({ channel: managed.app.updateChannel, url: managed.app.updateUrl, enabled: managed.app.autoUpdate }, log);

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    shortcuts.clear();
    ipc.dispose();
    void core.stop().finally(() => {
      stopped = true;
      tray.destroy();
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}
