// SOFT-1 / PROTOCOL.md: a voice session reaches the softphone as an INVITE carrying
// `X-Session-Id: <sessionId>` (the header name is the session's `sipCallHeader`). Pure helpers
// to read it, and to build the headers this phone adds to its own requests.

export const DEFAULT_SESSION_HEADER = 'X-Session-Id';
/** Marks an INVITE as an agent-to-agent consultation (attended transfer), not a customer call. */
export const CONSULT_HEADER = 'X-AgentDesk-Consult';

/** Session ids the contact center issues: printable, no separators that could smuggle headers. */
const SESSION_ID = /^[A-Za-z0-9._:@+-]{1,100}$/;
/** RFC 3261 token: what a header name may contain. */
const HEADER_NAME = /^[A-Za-z0-9!%'*+.^_`|~-]{1,64}$/;

export function isSessionId(v: string): boolean {
  return SESSION_ID.test(v);
}

export function isHeaderName(v: string): boolean {
  return HEADER_NAME.test(v);
}

/** The minimal view of an incoming request this module needs (sip.js IncomingRequestMessage fits). */
export interface HeaderSource {
  getHeader(name: string): string | undefined;
}

/**
 * The session id an INVITE carries, trying each candidate header name (the sessions' own
 * `sipCallHeader`s, then the default). Returns null when there is none or it is malformed.
 */
export function readSessionId(request: HeaderSource, headerNames: Iterable<string> = [DEFAULT_SESSION_HEADER]): string | null {
  const seen = new Set<string>();
  for (const raw of [...headerNames, DEFAULT_SESSION_HEADER]) {
    const name = raw.toLowerCase();
    if (seen.has(name) || !isHeaderName(raw)) continue;
    seen.add(name);
    const value = request.getHeader(raw)?.trim();
    if (value && isSessionId(value)) return value;
  }
  return null;
}

/** `Name: value` for sip.js `extraHeaders`; throws on anything that could break the message. */
export function sessionHeader(sessionId: string, headerName = DEFAULT_SESSION_HEADER): string {
  if (!isHeaderName(headerName)) throw new Error(`invalid SIP header name "${headerName}"`);
  if (!isSessionId(sessionId)) throw new Error(`invalid session id "${sessionId}"`);
  return `${headerName}: ${sessionId}`;
}

export function isConsult(request: HeaderSource): boolean {
  return (request.getHeader(CONSULT_HEADER) ?? '').trim() !== '';
}

/**
 * Whether a consultation may be answered without the agent: it must come from an agent address
 * in our own SIP domain (a user that is not a phone number). The SIP server must also strip
 * X-AgentDesk-Consult from calls that do not come from authenticated agents (docs/softphone.md).
 */
export function isColleague(fromUser: string | undefined, fromHost: string, ownHost: string): boolean {
  if (!fromUser || fromHost.toLowerCase() !== ownHost.toLowerCase()) return false;
  return !/^\+?[0-9*#]+$/.test(fromUser);
}
