// DTMF (SOFT-1): RFC 4733 telephone-events through RTCDTMFSender when the call negotiated them,
// otherwise SIP INFO (application/dtmf-relay), one request per tone.

export type DtmfVia = 'rfc4733' | 'info';

const TONES = /^[0-9A-D*#,]{1,64}$/;

/** Upper-cased tones, or null if anything is not a DTMF tone (0-9, *, #, A-D; `,` = pause). */
export function normalizeTones(tones: string): string | null {
  const t = tones.replace(/\s/g, '').toUpperCase();
  return TONES.test(t) ? t : null;
}

export function infoBody(tone: string, durationMs: number): string {
  return `Signal=${tone}\r\nDuration=${Math.round(durationMs)}\r\n`;
}

/** Parses an application/dtmf-relay body (the far end's view; the caller page uses it). */
export function parseInfoBody(body: string): { signal: string; durationMs: number | null } | null {
  const signal = /^\s*Signal\s*=\s*([0-9A-D*#])\s*$/im.exec(body)?.[1];
  if (!signal) return null;
  const d = /^\s*Duration\s*=\s*(\d+)\s*$/im.exec(body)?.[1];
  return { signal: signal.toUpperCase(), durationMs: d ? Number(d) : null };
}
