// Our page's URL scheme and the checks on URLs the window and the Kustomer view may show or open.
// Pure: unit-tested under Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'agentdesk';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Our own page (a custom standard scheme; Node's URL reports its origin as "null", so compare parts). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** A URL on exactly this http(s) origin. */
export function isOnOrigin(url: string, origin: string | null): boolean {
  if (!origin) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin;
  } catch {
    return false;
  }
}

/**
 * May this link be handed to the OS browser? https only (no file:, javascript:, custom schemes
 * that launch programs), no credentials, a sane length, and never our own or loopback hosts.
 */
export function safeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' || u.username || u.password) return false;
    const host = u.hostname.toLowerCase();
    return host !== 'localhost' && !host.endsWith('.localhost') && !/^127\.|^0\.|^\[?::1\]?$|^\[?::\]?$/.test(host) && host.includes('.');
  } catch {
    return false;
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The origin the Kustomer view may show, from the configured app URL (checklist: only load secure
 * content): https, or http on a loopback host only (the emulators in development and tests).
 * Anything else, or a URL that does not parse, is null: no view.
 */
export function kustomerViewOrigin(appUrl: string | null | undefined): string | null {
  if (!appUrl) return null;
  try {
    const u = new URL(appUrl);
    if (u.username || u.password) return null;
    if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname))) return u.origin;
    return null;
  } catch {
    return null;
  }
}
