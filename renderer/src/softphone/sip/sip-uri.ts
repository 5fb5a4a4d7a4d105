// SIP addresses the phone builds (SOFT-1): a transfer target's URI, the URI of a dialled number,
// and the Refer-To of blind and attended transfers. Pure string work, unit-tested.
import { DEFAULT_SESSION_HEADER, isHeaderName, isSessionId } from './headers.js';

export interface SipAddress {
  scheme: 'sip' | 'sips';
  user: string;
  /** host[:port] */
  hostport: string;
}

const URI = /^(sips?):([^@;?>\s]+)@([^;?>\s]+)/i;

export function parseSipUri(uri: string): SipAddress | null {
  const m = URI.exec(uri.trim().replace(/^<|>$/g, ''));
  if (!m) return null;
  return { scheme: (m[1] as string).toLowerCase() as 'sip' | 'sips', user: m[2] as string, hostport: m[3] as string };
}

/** The host part of the agent's own URI: where agents and dialled numbers live by default. */
export function domainOf(ownUri: string): string | null {
  return parseSipUri(ownUri)?.hostport ?? null;
}

/**
 * Default transfer-target URI of an agent: `sip:<agent id>@<own domain>`, the contact center
 * directory's convention (emulators/contact-center: `sipUri`). Deployments whose SIP users differ
 * pass their own resolver in the SipPhone options.
 */
export function agentUri(agentId: string, ownUri: string): string | null {
  const own = parseSipUri(ownUri);
  if (!own || !/^[A-Za-z0-9._~!$&'()*+,=-]+$/.test(agentId)) return null;
  return `${own.scheme}:${agentId}@${own.hostport}`;
}

/**
 * A dialled number as a SIP user: spaces, dashes, dots and brackets dropped; `+`, digits, `*`
 * and `#` kept (`#` escaped). Null when nothing diallable is left. A full SIP URI passes through.
 */
export function dialUser(number: string): string | null {
  const n = number.trim().replace(/[\s().-]/g, '');
  if (!/^\+?[0-9*#]{1,32}$/.test(n)) return null;
  return n.replace(/#/g, '%23');
}

export function dialUri(number: string, domain: string): string | null {
  const trimmed = number.trim();
  if (/^sips?:/i.test(trimmed)) return parseSipUri(trimmed) ? trimmed : null;
  const user = dialUser(trimmed);
  return user ? `sip:${user}@${domain}` : null;
}

/** The Replaces value (RFC 3891) naming a dialog as the transfer target sees it. */
export function replacesValue(callId: string, targetTag: string, transferorTag: string): string {
  return `${callId};to-tag=${targetTag};from-tag=${transferorTag}`;
}

export interface ReferToParts {
  /** The target's address of record, e.g. sip:ag-1002@agentdesk.test */
  target: string;
  sessionId: string;
  headerName?: string;
  /** Attended transfer: the consultation dialog to replace (replacesValue). */
  replaces?: string;
}

/**
 * The Refer-To URI (without angle brackets): the target with the session id header, and
 * Replaces for an attended transfer, as URI headers (RFC 3261 19.1.1), so that the transferee's
 * INVITE carries both.
 */
export function referToUri(p: ReferToParts): string {
  const base = parseSipUri(p.target);
  if (!base) throw new Error(`not a SIP URI: ${p.target}`);
  const header = p.headerName ?? DEFAULT_SESSION_HEADER;
  if (!isHeaderName(header)) throw new Error(`invalid SIP header name "${header}"`);
  if (!isSessionId(p.sessionId)) throw new Error(`invalid session id "${p.sessionId}"`);
  const headers = [`${header}=${encodeURIComponent(p.sessionId)}`];
  if (p.replaces) headers.push(`Replaces=${encodeURIComponent(p.replaces)}`);
  return `${base.scheme}:${base.user}@${base.hostport}?${headers.join('&')}`;
}

/**
 * What a transferee needs from a Refer-To URI's headers (sip.js gives them as `{Name: [value]}`
 * with URI escaping): the session id to put on its new INVITE.
 */
export function sessionIdFromReferHeaders(headers: Record<string, string[] | undefined>, headerName = DEFAULT_SESSION_HEADER): string | null {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === headerName.toLowerCase());
  const raw = key ? headers[key]?.[0] : undefined;
  if (!raw) return null;
  let v: string;
  try {
    v = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return isSessionId(v) ? v : null;
}
