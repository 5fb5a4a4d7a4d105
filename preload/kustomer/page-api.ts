// The Kustomer page's own API, called from the bridge with the page's signed-in session
// (same-origin requests carrying the page's cookies). Replies are parsed with zod, leniently:
// the bridge needs a few fields and must not break when Kustomer adds others.
import { z } from 'zod';
import { KUSTOMER_STATUS_TYPES } from '../../common/ipc/kustomer-page.js';
import type { KustomerPageProfile } from './profile.js';

export type StatusType = (typeof KUSTOMER_STATUS_TYPES)[number];

export interface FetchResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; credentials: 'same-origin'; signal?: AbortSignal },
) => Promise<FetchResponse>;

export interface StatusInfo {
  id: string;
  name: string;
  statusType?: StatusType;
  system: boolean;
}
export interface CurrentStatus {
  /** The active work session, or null when the user has none (shown as Offline). */
  sessionId: string | null;
  statusId: string;
  name: string;
  statusType?: StatusType;
  /** When the status was set (epoch ms), when the server says. */
  changedAt: number | null;
}
export interface SignedInUser {
  id: string;
  email: string;
}

export interface PageApi {
  /** null: nobody is signed in (401/403). */
  currentUser(): Promise<SignedInUser | null>;
  statuses(refresh?: boolean): Promise<StatusInfo[]>;
  currentStatus(): Promise<CurrentStatus>;
  /** Changes the active session, or starts one when there is none. */
  setStatus(statusId: string, sessionId: string | null): Promise<void>;
}

export class PageApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PageApiError';
  }
}

const statusType = z
  .string()
  .optional()
  .transform((t) => ((KUSTOMER_STATUS_TYPES as readonly string[]).includes(t ?? '') ? (t as StatusType) : undefined));
const userReply = z.object({ data: z.object({ id: z.string().min(1), attributes: z.object({ email: z.string() }) }) });
const statusesReply = z.object({
  data: z.array(z.object({ id: z.string().min(1), attributes: z.object({ name: z.string().min(1), statusType, system: z.boolean().optional() }) })),
  links: z.object({ next: z.string().nullable().optional() }).optional(),
});
const sessionsReply = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      attributes: z.object({ active: z.boolean(), statusChangedAt: z.string().nullable().optional() }),
      relationships: z.object({ status: z.object({ data: z.object({ id: z.string().min(1) }) }) }),
    }),
  ),
});
const errorReply = z.object({ errors: z.array(z.object({ detail: z.string().optional(), title: z.string().optional() })).min(1) });

const MAX_STATUS_PAGES = 10;

export function createPageApi(fetchFn: FetchLike, profile: KustomerPageProfile, timeout: (ms: number) => AbortSignal | undefined): PageApi {
  let cache: StatusInfo[] | null = null;

  async function request(method: string, url: string, body?: unknown): Promise<unknown> {
    let res: FetchResponse;
    try {
      res = await fetchFn(url, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: timeout(profile.requestTimeoutMs),
      });
    } catch (e) {
      throw new PageApiError(0, `${method} ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const json = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = errorReply.safeParse(json);
      const detail = err.success ? (err.data.errors[0]?.detail ?? err.data.errors[0]?.title) : undefined;
      throw new PageApiError(res.status, `${method} ${url}: HTTP ${res.status}${detail ? ` ${detail}` : ''}`);
    }
    return json;
  }

  function parse<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
    const r = schema.safeParse(json);
    if (!r.success) throw new PageApiError(0, `unexpected reply to ${what}: ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`);
    return r.data;
  }

  async function statuses(refresh = false): Promise<StatusInfo[]> {
    if (cache && !refresh) return cache;
    const all: StatusInfo[] = [];
    let url: string | null | undefined = profile.paths.statuses;
    for (let page = 0; url && page < MAX_STATUS_PAGES; page++) {
      const r: z.infer<typeof statusesReply> = parse(statusesReply, await request('GET', url), 'the status list');
      for (const s of r.data) all.push({ id: s.id, name: s.attributes.name, system: s.attributes.system ?? false, ...(s.attributes.statusType ? { statusType: s.attributes.statusType } : {}) });
      // Follow only same-origin relative links.
      url = r.links?.next && r.links.next.startsWith('/') && !r.links.next.startsWith('//') ? r.links.next : null;
    }
    cache = all;
    return all;
  }

  async function statusById(id: string): Promise<StatusInfo | undefined> {
    return (await statuses()).find((s) => s.id === id) ?? (await statuses(true)).find((s) => s.id === id);
  }

  return {
    async currentUser() {
      try {
        const r = parse(userReply, await request('GET', profile.paths.currentUser), 'the current user');
        return { id: r.data.id, email: r.data.attributes.email };
      } catch (e) {
        if (e instanceof PageApiError && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    },
    statuses,
    async currentStatus() {
      const r = parse(sessionsReply, await request('GET', profile.paths.activeSession), 'the work session');
      const session = r.data.find((s) => s.attributes.active);
      if (!session) {
        const all = await statuses();
        const offline = all.find((s) => s.statusType === 'offline' && s.system) ?? all.find((s) => s.statusType === 'offline');
        return { sessionId: null, statusId: offline?.id ?? 'offline', name: offline?.name ?? 'Offline', statusType: 'offline', changedAt: null };
      }
      const statusId = session.relationships.status.data.id;
      const info = await statusById(statusId);
      if (!info) throw new PageApiError(0, `the work session names status ${statusId}, which the status list does not have`);
      const at = Date.parse(session.attributes.statusChangedAt ?? '');
      return { sessionId: session.id, statusId, name: info.name, ...(info.statusType ? { statusType: info.statusType } : {}), changedAt: Number.isNaN(at) ? null : at };
    },
    async setStatus(statusId, sessionId) {
      if (sessionId) await request('PUT', profile.paths.session(sessionId), { status: statusId });
      else await request('POST', profile.paths.startSession, { status: statusId });
    },
  };
}
