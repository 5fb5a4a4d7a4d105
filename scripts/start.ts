// `npm start`: AgentDesk with the embedded demo (contact-center simulator with the default
// directory, the Kustomer emulator and its agent web app, Kamailio when installed).
// With an Electron binary: builds dist/ and launches Electron. Without one (it cannot be
// downloaded on some machines): says so, and serves the same core to a browser on 127.0.0.1
// (main/browser-host), printing the URL to open.
//   npm start -- [--browser] [--agent agent1@acme.test] [--roles agent,admin] [--scenario file.json] [--no-kamailio] [--random-ports] [--sign-in]
// --sign-in: no token is configured, so AgentDesk starts at its sign-in screen (paste dev:<email>).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_AGENTS, defaultSipUri, loadScenario, runScenario } from '../emulators/contact-center/index.js';
import { createAppCore, type AppCore } from '../main/app/core.js';
import { parseAppConfig, type AppConfigInput } from '../main/app/config.js';
import { createConfPrefs } from '../main/app/conf-prefs.js';
import { loadManagedConfig } from '../main/app/managed-config.js';
import { envSecretValues, memorySecrets } from '../main/app/memory-secrets.js';
import { browserKustomerPort, startBrowserHost, type BrowserHost } from '../main/browser-host/host-server.js';
import { jsonLog } from '../main/adapters/log/json-log.js';
import { systemClock } from '../main/engine/ports.js';
import { buildAll, buildRenderer, DIST, ROOT } from './build.js';
import { FIXED_PORTS, RANDOM_PORTS, startDemoServices, type DemoServices } from './demo-services.js';

const HOST_PORT = 4300;
const PROXY_PORT = 4301;

/** The Electron binary, if this machine has one (never `require('electron')` here: it would try to download it). */
export function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules/electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const rel = (() => {
    try {
      return fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
    } catch {
      return null;
    }
  })();
  if (!rel) return null;
  const bin = path.join(override || path.join(pkg, 'dist'), rel);
  return fs.existsSync(bin) ? bin : null;
}

function agentConfig(email: string, roles: string | undefined, services: DemoServices, signIn: boolean): AppConfigInput {
  const agent = DEFAULT_AGENTS.find((a) => a.email === email);
  if (signIn) {
    // A freshly installed computer: the machine's servers only; the agent and their SIP account come with the sign-in.
    return {
      contactCenter: { url: services.sim.url },
      crm: { kind: 'kustomer', baseUrl: services.kustomer.url, ...(services.kustomerAppUrl ? { appUrl: new URL(services.kustomerAppUrl).origin } : {}) },
      kustomerAppUrl: services.kustomerAppUrl,
      sip: services.sipWsUrl ? { wsUrl: services.sipWsUrl } : null,
      fsync: true,
    };
  }
  return {
    contactCenter: { url: services.sim.url, token: `dev:${email}${roles ? `:${roles}` : ''}` },
    crm: { kind: 'kustomer', baseUrl: services.kustomer.url, ...(services.kustomerAppUrl ? { appUrl: new URL(services.kustomerAppUrl).origin } : {}) },
    kustomerAppUrl: services.kustomerAppUrl,
    sip: services.sipWsUrl && agent ? { wsUrl: services.sipWsUrl, uri: defaultSipUri(agent.id), user: agent.id, displayName: agent.name } : null,
    fsync: true,
  };
}

function configEnv(c: AppConfigInput, apiKey: string): NodeJS.ProcessEnv {
  return {
    AGENTDESK_CC_URL: c.contactCenter.url,
    ...(c.contactCenter.token ? { AGENTDESK_CC_TOKEN: c.contactCenter.token } : {}),
    AGENTDESK_CRM_KIND: 'kustomer',
    AGENTDESK_CRM_BASE_URL: c.crm?.baseUrl,
    AGENTDESK_CRM_API_KEY: apiKey,
    ...(c.kustomerAppUrl ? { AGENTDESK_KUSTOMER_APP_URL: c.kustomerAppUrl } : {}),
    ...(c.sip ? { AGENTDESK_SIP_WS_URL: c.sip.wsUrl } : {}),
    ...(c.sip?.uri && c.sip.user ? { AGENTDESK_SIP_URI: c.sip.uri, AGENTDESK_SIP_USER: c.sip.user, AGENTDESK_SIP_DISPLAY_NAME: c.sip.displayName } : {}),
  };
}

/** The page bridge for the browser host: the built bundle, else built on demand. */
async function injectedScript(): Promise<string | null> {
  const built = path.join(DIST, 'preload/kustomer-injected.js');
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const script = path.join(ROOT, 'scripts/build-kustomer-preloads.ts');
  if (!fs.existsSync(script)) return null;
  const mod = (await import(pathToFileURL(script).href)) as { bundleKustomerPreload(name: 'kustomer-injected'): Promise<string> };
  return mod.bundleKustomerPreload('kustomer-injected');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      browser: { type: 'boolean', default: false },
      agent: { type: 'string', default: 'agent1@acme.test' },
      roles: { type: 'string' },
      scenario: { type: 'string' },
      'no-kamailio': { type: 'boolean', default: false },
      'random-ports': { type: 'boolean', default: false },
      'sign-in': { type: 'boolean', default: false },
    },
  });
  const ports = values['random-ports'] ? RANDOM_PORTS : FIXED_PORTS;
  const services = await startDemoServices({ ports, kamailio: !values['no-kamailio'] });
  const config = agentConfig(values.agent, values.roles, services, values['sign-in']);
  console.log(`Contact center:  ${services.sim.url}   (drive it: npx tsx emulators/contact-center/cli.ts --url ${services.sim.url} inbound ivr "+82 10-1234-5678" --queue q-billing)`);
  console.log(`Kustomer API:    ${services.kustomer.url}/v1   (key ${services.kustomer.apiKey})`);
  if (services.kustomerAppUrl) console.log(`Kustomer app:    ${services.kustomerAppUrl}   (sign in as ${values.agent})`);
  if (values['sign-in']) console.log(`AgentDesk starts signed out: sign in with the token dev:${values.agent}${values.roles ? `:${values.roles}` : ''}`);
  console.log(`SIP:             ${services.sipWsUrl ?? 'none'}`);
  for (const n of services.notes) console.log(`Note: ${n}`);
  if (values.scenario) {
    const scenario = await loadScenario(values.scenario);
    void runScenario(services.sim, scenario, { log: (l) => console.log(`[scenario] ${l}`) }).catch((e: unknown) => console.error(`scenario failed: ${String(e)}`));
  }

  const electron = values.browser ? null : electronBinary();
  const stops: (() => Promise<void>)[] = [];
  let child: ChildProcess | null = null;
  if (electron) {
    await buildAll();
    child = spawn(electron, [ROOT], { stdio: 'inherit', env: { ...process.env, ...configEnv(config, services.kustomer.apiKey) } });
    child.on('exit', (code) => void shutdown(`Electron exited (${code ?? 'signal'})`));
  } else {
    if (!values.browser) {
      console.log('\nThe Electron binary is not installed on this machine (node_modules/electron has no dist/; it cannot be downloaded here).');
      console.log('Running the same demo in the browser host instead: the real core behind the renderer, in any Chromium.\n');
    }
    if (!fs.existsSync(path.join(DIST, 'renderer/index.html'))) {
      try {
        buildRenderer();
      } catch (e) {
        console.log(`Note: the renderer did not build (${e instanceof Error ? e.message : String(e)}); the page will say so.`);
      }
    }
    const dataDir = path.join(ROOT, '.data/demo');
    fs.mkdirSync(dataDir, { recursive: true });
    const logFile = fs.createWriteStream(path.join(dataDir, 'agentdesk.log'), { flags: 'a' });
    const log = jsonLog((line) => logFile.write(line + '\n'));
    const parsed = parseAppConfig(config);
    if (!parsed.ok) throw new Error(parsed.error);
    const kustomerPort = browserKustomerPort();
    const core: AppCore = createAppCore(
      {
        prefs: createConfPrefs(path.join(dataDir, 'prefs'), log).prefs,
        secrets: memorySecrets({ 'crm.apiKey': services.kustomer.apiKey, ...envSecretValues(process.env) }),
        journalDir: path.join(dataDir, 'journal'),
        log,
        clock: systemClock,
        kustomerPage: kustomerPort,
      },
      parsed.config,
      { managed: loadManagedConfig() },
    );
    const host: BrowserHost = await startBrowserHost({
      core,
      kustomerPort,
      rendererDir: path.join(DIST, 'renderer'),
      log,
      port: values['random-ports'] ? 0 : HOST_PORT,
      kustomer: services.kustomerAppUrl ? { upstream: new URL(services.kustomerAppUrl).origin, injectedScript, ...(values['random-ports'] ? {} : { port: PROXY_PORT }) } : null,
    });
    core.start();
    stops.push(() => host.close(), () => core.stop());
    console.log(`AgentDesk (browser host): ${host.url}`);
    console.log(`  open it in Chromium, e.g.: chromium --app='${host.url}'   (log: ${path.relative(process.cwd(), path.join(dataDir, 'agentdesk.log'))})`);
  }

  let stopping = false;
  async function shutdown(why: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${why})...`);
    if (child && child.exitCode === null) child.kill('SIGTERM');
    for (const s of stops) await s().catch(() => undefined);
    await services.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(`npm start failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
