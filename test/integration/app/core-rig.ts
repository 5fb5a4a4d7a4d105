// The desktop core in-process against the real contact-center simulator and Kustomer emulator on
// loopback, with its journal and preferences in a temp dir. Every pushed state is checked against
// the contract's schema; `until` waits for a pushed state that satisfies a predicate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appStateSchema, type AppState, type IpcChannel, type IpcRequest, type IpcResponse, type IpcResult, type KustomerApply } from '../../../common/ipc/index.js';
import type { SettingsInput } from '../../../common/protocol/index.js';
import { startContactCenter, CRM_USER_IDS, AGENT_EMAILS, type ContactCenterSim, type SimOptions } from '../../../emulators/contact-center/index.js';
import { startKustomer, type KustomerEmulator, type KustomerSeed } from '../../../emulators/kustomer/index.js';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../main/app/core.js';
import { parseAppConfig, type AppConfigInput } from '../../../main/app/config.js';
import { createConfPrefs } from '../../../main/app/conf-prefs.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import type { IpcSender, KustomerPagePort, SecretsPort } from '../../../main/app/ports.js';
import { systemClock } from '../../../main/engine/ports.js';
import { memoryLog } from '../../unit/app/memory-log.js';

export { memoryLog };

export const KUSTOMER_APP_URL = 'https://acme.kustomerapp.com';
export const APP_SENDER: IpcSender = { host: 'electron', id: 'test-window' };
export const BROWSER_SENDER: IpcSender = { host: 'browser', id: 'conn-1' };

export function kustomerSeed(extra: Partial<KustomerSeed> = {}): KustomerSeed {
  return {
    users: [
      { id: CRM_USER_IDS.agent1, email: AGENT_EMAILS.agent1, name: 'Mina Park' },
      { id: CRM_USER_IDS.agent2, email: AGENT_EMAILS.agent2, name: 'Joon Kim' },
    ],
    ...extra,
  };
}

export interface RigOptions {
  /** Token roles (`dev:<email>:<roles>`); absent = the directory's. */
  email?: string;
  roles?: string[];
  settings?: SettingsInput;
  sim?: SimOptions;
  kustomer?: Partial<KustomerSeed>;
  core?: AppCoreOptions;
  config?: Partial<AppConfigInput>;
  secrets?: SecretsPort;
  /** The host's Kustomer page port (default: record apply requests in `applied`). */
  kustomerPage?: KustomerPagePort;
  /** Reuse a data dir (restart tests). */
  dir?: string;
  /** The configured token; null: none, so the core starts signed out (default `dev:<email>[:roles]`). */
  token?: string | null;
}

export class CoreRig {
  core!: AppCore;
  readonly states: AppState[] = [];
  readonly applied: KustomerApply[] = [];
  readonly log = memoryLog();
  readonly bounds: unknown[] = [];
  private waiters = new Set<{ pred: (s: AppState) => boolean; resolve: (s: AppState) => void }>();

  constructor(
    readonly sim: ContactCenterSim,
    readonly kustomer: KustomerEmulator,
    readonly dir: string,
  ) {}

  static async start(o: RigOptions = {}): Promise<CoreRig> {
    const kustomer = await startKustomer({ seed: kustomerSeed(o.kustomer) });
    const sim = await startContactCenter({
      log: () => {},
      ringTimeoutSec: 0,
      ...o.sim,
      settings: { crm: { kind: 'kustomer', baseUrl: kustomer.url, appUrl: KUSTOMER_APP_URL }, ...o.settings },
    });
    const rig = new CoreRig(sim, kustomer, o.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-core-')));
    rig.boot(o);
    return rig;
  }

  boot(o: RigOptions = {}): AppCore {
    const email = o.email ?? AGENT_EMAILS.agent1;
    const parsed = parseAppConfig({
      contactCenter: o.token === null ? { url: this.sim.url } : { url: this.sim.url, token: o.token ?? `dev:${email}${o.roles ? `:${o.roles.join(',')}` : ''}` },
      crm: { kind: 'kustomer', baseUrl: this.kustomer.url, appUrl: KUSTOMER_APP_URL },
      kustomerAppUrl: KUSTOMER_APP_URL,
      fsync: false,
      ...o.config,
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const { prefs } = createConfPrefs(path.join(this.dir, 'prefs'));
    this.core = createAppCore(
      {
        prefs,
        secrets: o.secrets ?? memorySecrets({ 'crm.apiKey': this.kustomer.apiKey, 'sip.password': 'sip-secret' }),
        journalDir: path.join(this.dir, 'journal'),
        log: this.log,
        clock: systemClock,
        kustomerPage: o.kustomerPage ?? { apply: (a) => this.applied.push(a), setBounds: (b) => this.bounds.push(b) },
      },
      parsed.config,
      { outbox: { backoff: { baseMs: 10, capMs: 50 } }, applyTimeoutMs: 2_000, ...o.core },
    );
    this.core.onState((s) => {
      appStateSchema.parse(s);
      this.states.push(s);
      for (const w of [...this.waiters]) {
        if (w.pred(s)) {
          this.waiters.delete(w);
          w.resolve(s);
        }
      }
    });
    this.core.start();
    return this.core;
  }

  /** The first pushed state (from now on, or already current) that satisfies `pred`. */
  until(pred: (s: AppState) => boolean, what = 'state', timeoutMs = 10_000): Promise<AppState> {
    const current = this.core.getState();
    if (pred(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const w = { pred, resolve: (s: AppState) => (clearTimeout(timer), resolve(s)) };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(this.core.getState()).slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  ready(): Promise<AppState> {
    return this.until((s) => s.agent !== null && s.connection.contactCenter === 'connected', 'hello');
  }

  async call<C extends IpcChannel>(channel: C, request: IpcRequest<C>, sender: IpcSender = APP_SENDER): Promise<IpcResult<IpcResponse<C>>> {
    return (await this.core.handle(channel, request, sender)) as IpcResult<IpcResponse<C>>;
  }

  /** A call that must succeed. */
  async must<C extends IpcChannel>(channel: C, request: IpcRequest<C>, sender: IpcSender = APP_SENDER): Promise<IpcResponse<C>> {
    const r = await this.call(channel, request, sender);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }

  async close(): Promise<void> {
    await this.core.stop();
    await this.sim.close();
    await this.kustomer.close();
  }
}

export const session = (s: AppState, id: string) => s.sessions.find((l) => l.session.id === id);
