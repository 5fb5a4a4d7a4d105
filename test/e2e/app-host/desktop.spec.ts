// The real renderer (dist/renderer, built by global-setup) on the real core through the browser
// host: it starts under the strict CSP without errors, shows the agent from the contact center's
// hello, frames Kustomer through the proxy, and follows a call from ringing to connected.
import path from 'node:path';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { ROOT } from '../../../scripts/build.js';
import { expect, test } from './fixtures.js';

test.use({ renderer: path.join(ROOT, 'dist/renderer') });

test('the renderer runs on the real core under the CSP', async ({ page, stack }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith(stack.host.origin)) problems.push(`console: ${m.text()}`);
  });
  await page.goto(stack.host.url);
  await expect(page.getByText('Mina Park').first()).toBeVisible();
  await expect(page.frameLocator('iframe').first().getByRole('heading', { name: /sign in to kustomer/i })).toBeVisible();

  await stack.core.handle('status:set', { statusId: 'available' }, { host: 'browser', id: 'spec' });
  const id = stack.services.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-5555-1234' });
  await expect.poll(() => stack.core.getState().sessions.some((l) => l.session.id === id && l.phase === 'ringing')).toBe(true);
  await stack.core.handle('session:accept', { sessionId: id }, { host: 'browser', id: 'spec' });
  await expect.poll(() => stack.core.getState().sessions.find((l) => l.session.id === id)?.record?.writeState).toBe('written');
  expect(problems).toEqual([]);
});
