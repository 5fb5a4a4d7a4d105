// Playwright fixtures of the softphone specs: the test pages (bundled once per worker), a real
// Kamailio per test on a free loopback port, and agents/callers that are closed after the test.
// On failure the Kamailio log and the pages' logs are attached.
import { test as base, expect } from '@playwright/test';
import { startKamailio, type Kamailio, type StartOptions } from '../../../support/kamailio.js';
import type { SipPhoneOptions } from '../../../../renderer/src/softphone/sip/options.js';
import { Agent, Caller, type AgentOpenOptions } from './parties.js';
import { startSite, type Site } from './site.js';

interface Fixtures {
  /** How each test's Kamailio starts (`test.use({ kamailioOptions: { wss: true, authPassword } })`). */
  kamailioOptions: Omit<StartOptions, 'port'>;
  kamailio: Kamailio;
  /** `open.server`: the SIP server's WebSocket URL (default: the test Kamailio's ws:// URL). */
  openAgent(agentId: string, options?: Partial<SipPhoneOptions>, open?: Omit<AgentOpenOptions, 'options'> & { server?: string }): Promise<Agent>;
  openCaller(number?: string, autoAnswer?: boolean, line?: { rfc4733?: boolean; password?: string; server?: string }): Promise<Caller>;
}

export const test = base.extend<Fixtures, { site: Site }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const site = await startSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  kamailioOptions: [{}, { option: true }],
  kamailio: async ({ kamailioOptions }, use, testInfo) => {
    const k = await startKamailio(kamailioOptions);
    await use(k);
    await k.stop();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('kamailio.log', { body: k.log.join('\n'), contentType: 'text/plain' });
  },
  openAgent: async ({ browser, site, kamailio }, use, testInfo) => {
    const agents: Agent[] = [];
    await use(async (agentId, options = {}, { server, ...open } = {}) => {
      const a = await Agent.open(browser, site.url, server ?? kamailio.wsUrl, agentId, { ...open, options });
      agents.push(a);
      return a;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const a of agents) {
        const debug = await a.debug().catch((e: unknown) => ({ error: String(e) }));
        await testInfo.attach(`agent ${a.uri}`, { body: JSON.stringify({ debug, console: a.consoleLines() }, null, 2), contentType: 'application/json' });
      }
    }
    for (const a of agents) await a.close();
  },
  openCaller: async ({ browser, site, kamailio }, use, testInfo) => {
    const callers: Caller[] = [];
    await use(async (number, autoAnswer = true, { server, ...line } = {}) => {
      const c = await Caller.open(browser, site.url, server ?? kamailio.wsUrl, number, autoAnswer, line);
      callers.push(c);
      return c;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const c of callers) {
        const state = await c.state().catch((e: unknown) => ({ error: String(e) }));
        await testInfo.attach(`caller ${c.uri}`, { body: JSON.stringify(state, null, 2), contentType: 'application/json' });
      }
    }
    for (const c of callers) await c.close();
  },
});

export { expect };
