// The whole desktop on loopback: the demo services (simulator, Kustomer API + page emulator, and
// Kamailio when asked), the real core, and the browser host serving a renderer. Used by the
// browser-host specs, the desktop end-to-end specs (test/e2e/desktop: several desks, one per agent,
// on the same services) and by bench/status-sync.ts, so it does not import Playwright.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore } from '../../../main/app/core.js';
import { parseAppConfig } from '../../../main/app/config.js';
import { createConfPrefs } from '../../../main/app/conf-prefs.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import { browserKustomerPort, startBrowserHost, type BrowserHost } from '../../../main/browser-host/host-server.js';
import { systemClock } from '../../../main/engine/ports.js';
import { RANDOM_PORTS, startDemoServices, type DemoServices } from '../../../scripts/demo-services.js';
import { ROOT } from '../../../scripts/build.js';
import { memoryLog } from '../../unit/app/memory-log.js';

export const AGENT = 'agent1@acme.test';

/** One agent's AgentDesk: its own core (journal, prefs, contact-center connection) and browser host. */
export interface Desk {
  /** The agent's e-mail (the contact-center identity). */
  agent: string;
  core: AppCore;
  host: BrowserHost;
  log: ReturnType<typeof memoryLog>;
}

export interface Stack extends Desk {
  services: DemoServices;
}

export interface DeskOptions {
  /** The agent's e-mail; default agent1@acme.test. */
  agent?: string;
  /** Roles put in the token (`dev:<email>:<roles>`), replacing the directory's; default: the directory's. */
  roles?: string[];
  /**
   * No token in the configuration: the desk starts signed out (a freshly installed computer) and
   * the agent signs in from the sign-in screen; the softphone account then comes from `hello.sip`.
   */
  signedOut?: boolean;
}

export interface StackOptions extends DeskOptions {
  /**
   * Start Kamailio with the services (SIP over WebSocket on loopback); every desk of a directory
   * agent then has its softphone configured (`sip:<agent id>@agentdesk.test`). Without Kamailio
   * installed this fails with the install command; it never skips.
   */
  kamailio?: boolean;
}

/** A desk for `opts.agent` on services that are already running (a second agent, a supervisor). */
export async function startDesk(services: DemoServices, rendererDir: string, opts: DeskOptions = {}): Promise<Desk & { close(): Promise<void> }> {
  const agent = opts.agent ?? AGENT;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-host-e2e-'));
  const log = memoryLog();
  const known = services.sim.agents().find((a) => a.email === agent);
  const parsed = parseAppConfig({
    contactCenter: opts.signedOut ? { url: services.sim.url } : { url: services.sim.url, token: `dev:${agent}${opts.roles ? `:${opts.roles.join(',')}` : ''}` },
    crm: { kind: 'kustomer', baseUrl: services.kustomer.url },
    kustomerAppUrl: services.kustomerAppUrl,
    sip: services.sipWsUrl && opts.signedOut ? { wsUrl: services.sipWsUrl } : services.sipWsUrl && known ? { wsUrl: services.sipWsUrl, uri: known.sipUri, user: known.id, displayName: known.name } : null,
    fsync: false,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const kustomerPort = browserKustomerPort();
  const core = createAppCore(
    { prefs: createConfPrefs(path.join(dir, 'prefs')).prefs, secrets: memorySecrets({ 'crm.apiKey': services.kustomer.apiKey }), journalDir: path.join(dir, 'journal'), log, clock: systemClock, kustomerPage: kustomerPort },
    parsed.config,
    { outbox: { backoff: { baseMs: 20, capMs: 200 } } },
  );
  const bundle = fs.readFileSync(path.join(ROOT, 'dist/preload/kustomer-injected.js'), 'utf8');
  const host = await startBrowserHost({ core, kustomerPort, rendererDir, log, kustomer: { upstream: new URL(services.kustomerAppUrl as string).origin, injectedScript: async () => bundle } });
  core.start();
  return {
    agent,
    core,
    host,
    log,
    async close() {
      await host.close();
      await core.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startStack(rendererDir: string, opts: StackOptions = {}): Promise<Stack & { close(): Promise<void> }> {
  const services = await startDemoServices({ ports: RANDOM_PORTS, kamailio: opts.kamailio ?? false });
  if (opts.kamailio && !services.sipWsUrl) {
    await services.close();
    throw new Error(`Kamailio was asked for but did not start:\n${services.notes.join('\n')}`);
  }
  try {
    const desk = await startDesk(services, rendererDir, opts);
    return {
      ...desk,
      services,
      async close() {
        await desk.close();
        await services.close();
      },
    };
  } catch (e) {
    await services.close();
    throw e;
  }
}
