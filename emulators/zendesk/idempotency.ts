// Zendesk's idempotent ticket creation (developer.zendesk.com, Ticketing API introduction,
// "Idempotency"): an `Idempotency-Key` header (at most 255 characters) on POST /api/v2/tickets.
// The first use answers normally with `x-idempotency-lookup: miss`; the same key with the same
// parameters within 2 hours replays the first (successful) response with
// `x-idempotency-lookup: hit`; the same key with different parameters is a 400
// IdempotentRequestError. Keys are scoped to the account. Only successful responses are kept,
// so a request that failed can be sent again with its key.
import type { Clock, Reply } from '../http-kit/index.js';
import { ZendeskError } from './errors.js';

export const IDEMPOTENCY_TTL_MS = 2 * 3_600_000;
export const IDEMPOTENCY_KEY_MAX = 255;

interface Entry {
  fingerprint: string;
  reply: Reply;
  at: number;
}

/** JSON with sorted keys, so the same parameters in another key order are the same request. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly clock: Clock,
    readonly ttlMs = IDEMPOTENCY_TTL_MS,
  ) {}

  /** The stored reply to replay (with the hit header), null on a miss; throws on a key reused with other parameters. */
  lookup(key: string, body: unknown): Reply | null {
    if (key.length > IDEMPOTENCY_KEY_MAX) throw new ZendeskError(400, { error: 'InvalidValue', description: `Idempotency-Key must be at most ${IDEMPOTENCY_KEY_MAX} characters` });
    const e = this.entries.get(key);
    if (!e) return null;
    if (this.clock.now() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    if (e.fingerprint !== canonical(body))
      throw new ZendeskError(400, { error: 'IdempotentRequestError', description: "Request parameters don't match the given idempotency key" }, { 'x-idempotency-lookup': 'hit' });
    return { ...e.reply, headers: { ...(e.reply.headers ?? {}), 'x-idempotency-lookup': 'hit' } };
  }

  store(key: string, body: unknown, reply: Reply): Reply {
    const out = { ...reply, headers: { ...(reply.headers ?? {}), 'x-idempotency-lookup': 'miss' } };
    if (reply.status >= 200 && reply.status < 300) this.entries.set(key, { fingerprint: canonical(body), reply: structuredClone(reply), at: this.clock.now() });
    return out;
  }

  size(): number {
    return this.entries.size;
  }
}
