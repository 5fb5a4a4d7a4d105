// Playwright fixtures of the desktop specs. Per test, a fresh world on loopback: the demo services
// with Kamailio (app-host/stack.ts), agent 1's desk started with them, more desks on demand (agent 2,
// a supervisor: each its own core, browser host, browser context and SIP registration), and customer
// lines (the softphone specs' sip.js caller page). On failure the cores' logs, the callers' states
// and the simulator's state are attached.
import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { AGENT_EMAILS, CRM_USER_IDS, QUEUE_IDS } from '../../../../emulators/contact-center/index.js';
import type { ContactCenterSim } from '../../../../emulators/contact-center/index.js';
import type { KustomerEmulator } from '../../../../emulators/kustomer/index.js';
import { AGENT, startDesk, startStack, type Desk } from '../../app-host/stack.js';
import { DIST } from '../../renderer/support/servers.js';
import { Caller } from '../../softphone/support/parties.js';
import { startSite, type Site } from '../../softphone/support/site.js';
import { DeskPage } from './desk-page.js';

export interface DeskChoice {
  /** The agent's e-mail; default agent 1 (whose desk starts with the services). */
  agent?: string;
  /** Token roles, replacing the directory's (e.g. ['agent', 'admin']). */
  roles?: string[];
}

export interface Desktop {
  sim: ContactCenterSim;
  kustomer: KustomerEmulator;
  /** ws:// of Kamailio. */
  sipWsUrl: string;
  /** Opens a desk's page (starting that agent's core and host unless it is agent 1's). */
  open(choice?: DeskChoice): Promise<DeskPage>;
  /** A customer line registered as sip:<number>@agentdesk.test; rfc4733: false: tones reach it as SIP INFO. */
  caller(number?: string, line?: { rfc4733?: boolean; autoAnswer?: boolean }): Promise<Caller>;
}

export const test = base.extend<{ desktop: Desktop }, { site: Site }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
    async ({}, use) => {
      const site = await startSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  desktop: async ({ browser, site }, use, testInfo) => {
    const stack = await startStack(DIST, { kamailio: true });
    const desks: (Desk & { close?: () => Promise<void> })[] = [stack];
    const pages: DeskPage[] = [];
    const callers: Caller[] = [];
    let stackPageOpen = false;
    const desktop: Desktop = {
      sim: stack.services.sim,
      kustomer: stack.services.kustomer,
      sipWsUrl: stack.services.sipWsUrl as string,
      async open(choice = {}) {
        const agent = choice.agent ?? AGENT;
        let desk: Desk;
        if (agent === AGENT && !choice.roles && !stackPageOpen) {
          desk = stack;
          stackPageOpen = true;
        } else {
          const d = await startDesk(stack.services, DIST, { agent, ...(choice.roles ? { roles: choice.roles } : {}) });
          desks.push(d);
          desk = d;
        }
        const p = await DeskPage.open(browser, desk);
        pages.push(p);
        return p;
      },
      async caller(number = '+821012345678', line = {}) {
        const c = await Caller.open(browser, site.url, stack.services.sipWsUrl as string, number, line.autoAnswer ?? true, line);
        callers.push(c);
        return c;
      },
    };

    await use(desktop);

    const failed = testInfo.status !== testInfo.expectedStatus;
    if (failed) {
      // Written to the test's output folder (and attached), so they can be read after the run.
      const keep = async (name: string, body: string) => {
        const file = testInfo.outputPath(name);
        fs.writeFileSync(file, body);
        await testInfo.attach(name, { path: file });
      };
      for (const d of desks) await keep(`core-log-${d.agent}.jsonl`, d.log.lines.map((l) => JSON.stringify(l)).join('\n'));
      for (const c of callers) await keep(`caller-${c.uri.replace(/[^\w.+-]/g, '_')}.json`, JSON.stringify(await c.state().catch((e: unknown) => ({ error: String(e) })), null, 2));
      await keep('simulator-state.json', JSON.stringify(stack.services.sim.state(), null, 2));
      await keep('kustomer-store.json', JSON.stringify(stack.services.kustomer.store.snapshot(), null, 2));
    }
    const problems = pages.flatMap((p) => p.problems.map((x) => `${p.agent}: ${x}`));
    const violations = stack.services.sim.contractViolations();
    for (const c of callers) await c.close();
    for (const p of pages) await p.close();
    for (const d of desks.slice(1)) await d.close?.();
    await stack.close();
    // Checked after every test: no uncaught error in any desk, and the simulator kept the protocol.
    if (!failed) {
      expect(problems, 'page errors on the desks').toEqual([]);
      expect(violations, 'contact-center contract violations').toEqual([]);
    }
  },
});

export { expect, AGENT, AGENT_EMAILS, CRM_USER_IDS, QUEUE_IDS };
