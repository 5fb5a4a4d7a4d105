// Navigation, redirect, window.open and <webview> decisions of our window and of the Kustomer view
// (SEC-1, Electron security checklist: limit navigation, limit new windows, verify <webview>, guard
// shell.openExternal). Electron objects come in as narrow interfaces (type-only imports), so the
// exact handlers Electron runs are exercised under Node with fakes (test/security/).
import type { Shell, WebContents } from 'electron';
import type { Log } from '../app/ports.js';
import { isAppUrl, isOnOrigin, safeExternalUrl } from './origins.js';

export type ShellLike = Pick<Shell, 'openExternal'>;
/** What the locks use of a webContents. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL' | 'loadURL'>;

/** Hands a link to the OS browser only when `safeExternalUrl` allows it; says whether it did. */
export function openExternalIfSafe(url: string, shell: ShellLike, log: Log): boolean {
  if (!safeExternalUrl(url)) {
    log.warn('window.external_refused', { url: url.slice(0, 200) });
    return false;
  }
  void shell.openExternal(url).catch((e: unknown) => log.warn('window.open_external_failed', { error: String(e) }));
  return true;
}

/** No <webview> may ever be attached (we use none; a page that injects one gets nothing). */
export function denyWebviews(contents: Pick<WebContents, 'on'>): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Our window: no navigation away from our page, no redirects off it, no new windows, no <webview>. */
export function lockAppNavigation(contents: GuardedContents, shell: ShellLike, log: Log): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url) && isAppUrl(contents.getURL())) return; // a reload of our own page
    event.preventDefault();
    openExternalIfSafe(event.url, shell, log);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  denyWebviews(contents);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url, shell, log);
    return { action: 'deny' };
  });
}

/**
 * The Kustomer view: navigation and redirects only within the Kustomer origin (other links go to
 * the OS browser when safe), window.open on the origin loads in the view itself, never a window.
 */
export function lockKustomerNavigation(contents: GuardedContents, origin: string, shell: ShellLike, log: Log): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (isOnOrigin(event.url, origin)) return;
    event.preventDefault();
    openExternalIfSafe(event.url, shell, log);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  denyWebviews(contents);
  contents.setWindowOpenHandler(({ url }) => {
    if (isOnOrigin(url, origin)) void contents.loadURL(url);
    else openExternalIfSafe(url, shell, log);
    return { action: 'deny' };
  });
}
