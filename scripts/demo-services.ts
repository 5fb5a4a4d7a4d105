// The demo's external world on loopback: the contact-center simulator (default directory, the
// PROTOCOL.md example settings wired to the local Kustomer), the Kustomer API emulator with its
// agent web app (the page emulator) when present, and Kamailio (SIP over WebSocket) when installed.
// Used by `npm start` (scripts/start.ts) and the browser-host end-to-end tests.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SettingsInput } from '../common/protocol/index.js';
import { AGENT_EMAILS, CRM_USER_IDS, DEFAULT_AGENTS, EXAMPLE_SETTINGS, startContactCenter, type ContactCenterSim } from '../emulators/contact-center/index.js';
import { startKustomer, type KustomerEmulator, type KustomerSeed } from '../emulators/kustomer/index.js';
import type { startKustomerWithPage } from '../emulators/kustomer-page/index.js';
import type { startKamailio } from '../test/support/kamailio.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface DemoPorts {
  contactCenter: number;
  kustomer: number;
  kamailio: number;
}
export const FIXED_PORTS: DemoPorts = { contactCenter: 4000, kustomer: 4010, kamailio: 5066 };
export const RANDOM_PORTS: DemoPorts = { contactCenter: 0, kustomer: 0, kamailio: 0 };

export interface DemoServices {
  sim: ContactCenterSim;
  kustomer: KustomerEmulator;
  /** The Kustomer agent web app (sign-in, status dropdown), or null without the page emulator. */
  kustomerAppUrl: string | null;
  /** ws:// of Kamailio, or null (no SIP: calls are answered through the protocol only). */
  sipWsUrl: string | null;
  notes: string[];
  close(): Promise<void>;
}

export function demoSeed(): KustomerSeed {
  const people = DEFAULT_AGENTS.filter((a) => a.crmUserId);
  return { users: people.map((a) => ({ id: a.crmUserId as string, email: a.email, name: a.name })) };
}

/** The example settings, pointed at the local Kustomer, with status sync on. */
export function demoSettings(kustomerUrl: string, appUrl: string | null): SettingsInput {
  return {
    ...EXAMPLE_SETTINGS,
    // The agent app's origin: pop links are <origin>/app/conversations/<id>.
    crm: { kind: 'kustomer', baseUrl: kustomerUrl, appUrl: appUrl ? new URL(appUrl).origin : '' },
    customFields: { customer: {}, record: { queueName: 'queueNameStr', sessionType: 'sessionTypeStr', sessionId: 'sessionIdStr', callDuration: 'callDurationNum' } },
    statusSync: {
      enabled: true,
      direction: 'two-way',
      priority: 'latest',
      applyAtLogin: true,
      mapping: { Available: 'available', Email: 'away', Lunch: 'lunch', Meeting: 'meeting', Offline: 'offline' },
      reverse: { available: 'Available', away: 'Email', lunch: 'Lunch', meeting: 'Meeting', offline: 'Offline' },
    },
  };
}

export async function startDemoServices(opts: { ports?: DemoPorts; kamailio?: boolean; log?: (line: string) => void } = {}): Promise<DemoServices> {
  const ports = opts.ports ?? FIXED_PORTS;
  const notes: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    let kustomer: KustomerEmulator;
    let appUrl: string | null = null;
    const pageModule = path.join(ROOT, 'emulators/kustomer-page/index.ts');
    if (fs.existsSync(pageModule)) {
      const page = (await import(pathToFileURL(pageModule).href)) as { startKustomerWithPage: typeof startKustomerWithPage };
      const k = await page.startKustomerWithPage({ port: ports.kustomer, seed: demoSeed() });
      kustomer = k.api;
      appUrl = k.page.appUrl;
      closers.push(() => k.close());
    } else {
      kustomer = await startKustomer({ port: ports.kustomer, seed: demoSeed() });
      closers.push(() => kustomer.close());
      notes.push('The Kustomer page emulator (emulators/kustomer-page) is not here: no Kustomer pane.');
    }
    const sim = await startContactCenter({ port: ports.contactCenter, settings: demoSettings(kustomer.url, appUrl), ringTimeoutSec: 30, wrapUpSec: 5, log: opts.log ?? (() => {}) });
    closers.push(() => sim.close());

    let sipWsUrl: string | null = null;
    if (opts.kamailio !== false) {
      try {
        const k = (await import(pathToFileURL(path.join(ROOT, 'test/support/kamailio.ts')).href)) as { startKamailio: typeof startKamailio };
        const kam = await k.startKamailio(ports.kamailio ? { port: ports.kamailio } : {});
        sipWsUrl = kam.wsUrl;
        closers.push(() => kam.stop());
      } catch (e) {
        notes.push(`No SIP server (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}): calls are answered through the contact center only.`);
      }
    }
    return {
      sim,
      kustomer,
      kustomerAppUrl: appUrl,
      sipWsUrl,
      notes,
      close: async () => {
        for (const c of closers.reverse()) await c().catch(() => undefined);
      },
    };
  } catch (e) {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    throw e;
  }
}

export { AGENT_EMAILS, CRM_USER_IDS };
