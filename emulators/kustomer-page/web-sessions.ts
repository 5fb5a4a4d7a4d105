// Sign-in sessions of the page (an httpOnly cookie), and the rule for accepting that cookie as a
// way to call the API: only from the page's own origin. API clients keep using Bearer keys; a
// request with an Authorization header never falls back to the cookie (emulators/kustomer).
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeyRec, Principal, UserRec } from '../kustomer/index.js';

export const SESSION_COOKIE = 'kustomer_session';

export interface WebSession {
  id: string;
  token: string;
  userId: string;
  createdAt: string;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, part.slice(i + 1).trim());
  }
  return out;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
export const clearedSessionCookie = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;

/**
 * True when the request comes from the page itself: a browser sends `Sec-Fetch-Site` and, on
 * writes, `Origin`; both must name this origin when present. (SameSite=Strict already keeps the
 * cookie off cross-site requests; this also refuses other origins of the same site.)
 */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

export class WebSessions {
  private readonly byToken = new Map<string, WebSession>();
  constructor(private readonly now: () => string) {}

  create(user: UserRec): WebSession {
    const s: WebSession = { id: randomBytes(12).toString('hex'), token: randomBytes(32).toString('base64url'), userId: user.id, createdAt: this.now() };
    this.byToken.set(s.token, s);
    return s;
  }

  fromHeaders(headers: IncomingHttpHeaders): WebSession | null {
    const token = parseCookies(headers.cookie).get(SESSION_COOKIE);
    return token ? (this.byToken.get(token) ?? null) : null;
  }

  end(session: WebSession): void {
    this.byToken.delete(session.token);
  }

  /** The API principal of a session: a token record that is not an API key (it cannot be sent as Bearer). */
  principal(session: WebSession, user: UserRec): Principal {
    const key: ApiKeyRec = { id: session.id, key: `web-session:${session.id}`, name: 'Kustomer web app session', userId: user.id, createdAt: session.createdAt };
    return { key, user };
  }
}
