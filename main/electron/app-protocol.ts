// Our page is served from app://agentdesk (a privileged, standard, secure custom scheme) rather
// than file:// (Electron security checklist: a real origin, no file access semantics). The scheme's
// privileges and its handler (CSP and security headers on every reply, no path outside
// dist/renderer) are in app-scheme.ts; this file only hands them to Electron.
import { protocol } from 'electron';
import { APP_SCHEME } from './origins.js';
import { APP_SCHEME_PRIVILEGES, appSchemeHandler } from './app-scheme.js';

/** Before app ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
}

export function serveAppScheme(rendererDir: string, sipWsUrl: () => string | null): void {
  protocol.handle(APP_SCHEME, appSchemeHandler(rendererDir, sipWsUrl));
}
