// The page's static assets and security headers. The app script is TypeScript compiled once per
// process with esbuild (IIFE, no globals), so the emulator needs no build step.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CLIENT_ENTRY = fileURLToPath(new URL('./client/app.ts', import.meta.url));

let script: Promise<string> | null = null;
export function appScript(): Promise<string> {
  script ??= build({ entryPoints: [CLIENT_ENTRY], bundle: true, write: false, format: 'iife', target: 'chrome120', logLevel: 'silent' }).then(
    (r) => r.outputFiles[0]?.text ?? '',
  );
  return script;
}

export const APP_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1b1b1f; }
body.login main { max-width: 22rem; margin: 4rem auto; display: grid; gap: .5rem; }
body.login form { display: grid; gap: .5rem; }
body.app { display: grid; grid-template: "top top" auto "warn warn" auto "view side" 1fr "status side" auto / 1fr 18rem; height: 100vh; }
.top { grid-area: top; display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #243b53; color: #fff; }
.top a { color: #fff; }
.top .user { margin-left: auto; }
.warning { grid-area: warn; margin: 0; padding: .5rem 1rem; background: #fff3c4; }
#view { grid-area: view; padding: 1rem; overflow: auto; }
#side-panel { grid-area: side; padding: 1rem; border-left: 1px solid #d9e2ec; overflow: auto; }
.user-status { grid-area: status; display: flex; gap: .5rem; align-items: center; padding: .5rem 1rem; border-top: 1px solid #d9e2ec; }
.error { color: #b00020; }
.phones { list-style: none; padding: 0; }
`;

/** Headers of every page response: a strict CSP (no inline script), no sniffing, no caching. */
export function securityHeaders(frameAncestors: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:",
      "form-action 'self'",
      "base-uri 'none'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
