// Page-side helpers. This folder is compiled by the Node-side tsconfig (no DOM types): the
// functions passed to evaluate() run in the page, where these globals exist.
import type { Page } from '@playwright/test';

declare const window: { postMessage(data: unknown, targetOrigin: string): void };
declare const document: {
  createElement(tag: 'iframe'): { src: string; id: string };
  body: { appendChild(node: unknown): void };
};

/** A message to our own window: the right shape, from the wrong window and origin. */
export async function postToOwnWindow(page: Page, data: unknown): Promise<void> {
  await page.evaluate((d) => window.postMessage(d, '*'), data);
}

/** An iframe the renderer did not create, loading the given URL. */
export async function addFrame(page: Page, id: string, url: string): Promise<void> {
  await page.evaluate(
    ([frameId, src]) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.id = frameId;
      document.body.appendChild(f);
    },
    [id, url] as const,
  );
}
