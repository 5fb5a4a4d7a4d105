// Content-Security-Policy of AgentDesk's own page, for both hosts (SEC-1). Scripts only from our
// origin (no inline, no eval); styles from our origin (inline style attributes allowed: React
// style props and small libraries use them, and they cannot run code); connections to our origin,
// the SIP WebSocket server and, in the browser host, our WebSocket; the Kustomer proxy as the only
// frame (browser host); nothing may frame us; no plugins, no <base>, no form posts.
export interface CspOptions {
  /** The page's own origin as the browser sees it (for ws: connect-src). */
  self: string;
  /** ws(s): URL of the SIP server (SOFT-1), if any. */
  sipWsUrl?: string | null;
  /** Origins the page may frame (the Kustomer proxy in the browser host). */
  frames?: string[];
  /** Extra connect-src entries (the host's own WebSocket). */
  connect?: string[];
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function appCsp(o: CspOptions): string {
  const sip = originOf(o.sipWsUrl);
  const connect = ["'self'", ...(o.connect ?? []), ...(sip ? [sip] : [])];
  const frames = o.frames?.length ? o.frames : ["'none'"];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob: mediastream:",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${frames.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of our own page carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), geolocation=(), microphone=(self), usb=(), serial=(), hid=(), payment=()',
  };
}
