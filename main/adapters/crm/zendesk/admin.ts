// The CRM admin port for Zendesk (ADMIN-1): KUS-2 standard fields created from AgentDesk, where
// Zendesk's API allows it (the original product offers this for Kustomer only). Record fields
// become custom ticket fields (POST /api/v2/ticket_fields: text, multi-line text or integer),
// known to AgentDesk by their title; the customer field becomes a custom user field
// (POST /api/v2/user_fields) known by its key. Fields that already exist (same title / key) are
// reported as `exists`; each field is its own request, so one refusal does not hide the others.
// Zendesk agents have no user statuses in the Support API, so there are none to list (status
// sync, SYNC-1..SYNC-7, is Kustomer's).
import { z } from 'zod';
import type { CrmAdminPort, CrmUserStatus, CustomFieldOutcome, CustomFieldSpec, CustomFieldType } from '../../../engine/crm-admin-port.js';
import { HttpClient } from '../http-client.js';
import { describeZendeskError } from './mapping.js';
import { retryAfterFromHeaders } from './rate-limit.js';
import { ticketFieldList } from './replies.js';

const TICKET_TYPE: Record<CustomFieldType, string> = { text: 'text', longText: 'textarea', number: 'integer' };
const userFieldList = z.object({ user_fields: z.array(z.object({ key: z.string() }).loose()), next_page: z.string().nullable().optional() }).loose();
const created = z.object({}).loose();

export interface ZendeskAdminSettings {
  baseUrl: string;
  /** An admin's credentials: creating fields is allowed for admins only. */
  auth: { email: string; apiToken: string } | { oauthToken: string };
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The user field key for the customer field: the admin's name, else snake case of the standard name. */
export function userFieldKey(spec: Pick<CustomFieldSpec, 'field' | 'name'>): string {
  return spec.name?.trim() || spec.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export class ZendeskAdmin implements CrmAdminPort {
  readonly kind = 'zendesk' as const;
  private readonly http: HttpClient;

  constructor(s: ZendeskAdminSettings) {
    const authorization = 'oauthToken' in s.auth ? `Bearer ${s.auth.oauthToken}` : `Basic ${Buffer.from(`${s.auth.email}/token:${s.auth.apiToken}`).toString('base64')}`;
    this.http = new HttpClient({
      vendor: 'Zendesk',
      baseUrl: s.baseUrl,
      timeoutMs: s.timeoutMs ?? 10_000,
      fetch: s.fetch,
      headers: () => ({ authorization }),
      describeError: describeZendeskError,
      retryAfterFromHeaders,
    });
  }

  async createCustomFields(specs: CustomFieldSpec[], signal?: AbortSignal): Promise<CustomFieldOutcome[]> {
    let ticketTitles: Map<string, string> | string | null = null;
    let userKeys: Set<string> | string | null = null;
    const out: CustomFieldOutcome[] = [];
    for (const spec of specs) {
      const onUser = spec.on === 'customer';
      const crmName = onUser ? userFieldKey(spec) : spec.name?.trim() || spec.label;
      try {
        if (onUser) {
          userKeys ??= await this.userKeys(signal).catch((e: unknown) => (e as Error).message);
          if (typeof userKeys === 'string') throw new Error(userKeys);
          if (userKeys.has(crmName)) {
            out.push({ field: spec.field, crmName, state: 'exists', error: null });
            continue;
          }
          await this.http.request({ method: 'POST', path: '/api/v2/user_fields', json: { user_field: { type: spec.type === 'number' ? 'integer' : spec.type === 'longText' ? 'textarea' : 'text', key: crmName, title: spec.label } }, signal }, created);
          userKeys.add(crmName);
        } else {
          ticketTitles ??= await this.ticketTitles(signal).catch((e: unknown) => (e as Error).message);
          if (typeof ticketTitles === 'string') throw new Error(ticketTitles);
          const existing = ticketTitles.get(crmName.toLowerCase());
          if (existing !== undefined) {
            const want = TICKET_TYPE[spec.type];
            out.push(existing === want || (want === 'text' && existing === 'textarea')
              ? { field: spec.field, crmName, state: 'exists', error: null }
              : { field: spec.field, crmName, state: 'failed', error: `a ticket field titled "${crmName}" exists with type ${existing}, but ${spec.field} needs ${want}` });
            continue;
          }
          await this.http.request({ method: 'POST', path: '/api/v2/ticket_fields', json: { ticket_field: { type: TICKET_TYPE[spec.type], title: crmName, description: `${spec.label} (written by AgentDesk)` } }, signal }, created);
          ticketTitles.set(crmName.toLowerCase(), TICKET_TYPE[spec.type]);
        }
        out.push({ field: spec.field, crmName, state: 'created', error: null });
      } catch (e) {
        out.push({ field: spec.field, crmName, state: 'failed', error: (e as Error).message });
      }
    }
    return out;
  }

  async listUserStatuses(_signal?: AbortSignal): Promise<CrmUserStatus[]> {
    return [];
  }

  private async ticketTitles(signal?: AbortSignal): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let path: string | null = '/api/v2/ticket_fields';
    while (path) {
      const r: { data: { ticket_fields: Array<{ title: string; type: string; removable: boolean }>; next_page?: string | null } } = await this.http.request({ method: 'GET', path, signal }, ticketFieldList);
      for (const f of r.data.ticket_fields) if (f.removable) out.set(f.title.trim().toLowerCase(), f.type);
      path = r.data.next_page ?? null;
    }
    return out;
  }

  private async userKeys(signal?: AbortSignal): Promise<Set<string>> {
    const out = new Set<string>();
    let path: string | null = '/api/v2/user_fields';
    while (path) {
      const r: { data: { user_fields: Array<{ key: string }>; next_page?: string | null } } = await this.http.request({ method: 'GET', path, signal }, userFieldList);
      for (const f of r.data.user_fields) out.add(f.key);
      path = r.data.next_page ?? null;
    }
    return out;
  }
}
