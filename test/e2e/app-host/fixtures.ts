// Playwright fixtures for the browser-host specs: a fresh stack (stack.ts) per test.
import { test as base, expect, type Page } from '@playwright/test';
import type { AppState } from '../../../common/ipc/index.js';
import { BRIDGE_PAGE_DIR } from './global-setup.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

export { AGENT, startStack, type Stack } from './stack.js';

export const test = base.extend<{ stack: Stack; renderer: string; stackOptions: StackOptions }>({
  renderer: [BRIDGE_PAGE_DIR, { option: true }],
  stackOptions: [{}, { option: true }],
  stack: async ({ renderer, stackOptions }, use) => {
    const s = await startStack(renderer, stackOptions);
    await use(s);
    await s.close();
  },
});

export { expect };

/** The newest state the bridge test page received. */
export function lastState(page: Page): Promise<AppState | null> {
  return page.evaluate(() => (window as unknown as { t: { last(): AppState | null } }).t.last());
}

export async function untilState(page: Page, pred: (s: AppState) => boolean, what: string): Promise<AppState> {
  let found: AppState | null = null;
  await expect
    .poll(async () => {
      const s = await lastState(page);
      if (s && pred(s)) found = s;
      return found !== null;
    }, { message: what })
    .toBe(true);
  return found as unknown as AppState;
}
