// The CRM admin port for Kustomer (ADMIN-1): KUS-2 custom attributes via PUT /v1/metadata/{resource}
// (conversation for record fields, customer for customer fields; the name's suffix sets the type)
// and the user statuses via GET /v1/routing/statuses (SYNC-1). Each field is its own request, so
// one refusal does not hide the others, and fields already declared are reported as `exists`.
import { z } from 'zod';
import { HttpClient } from '../http-client.js';
import { describeKustomerError } from './mapping.js';
import { retryAfterFromHeaders } from './rate-limit.js';
import type { CrmAdminPort, CustomFieldOutcome, CustomFieldSpec, CustomFieldType, CrmUserStatus } from '../../../engine/crm-admin-port.js';

/** Kustomer's custom attribute names: camelCase with a type suffix (CRM-APIS.md 1.1). */
const CUSTOM_NAME = /^[a-z][a-zA-Z0-9]*(Str|Txt|Num|At|Bool|Url|Id)$/;
const SUFFIX_FOR: Record<CustomFieldType, string> = { text: 'Str', longText: 'Txt', number: 'Num' };
/** Suffixes Kustomer accepts for each kind of value (an admin may map a text field to a Txt name). */
const ACCEPTED: Record<CustomFieldType, string[]> = { text: ['Str', 'Txt'], longText: ['Txt', 'Str'], number: ['Num'] };

const metadataReply = z.object({ data: z.object({ attributes: z.object({ properties: z.record(z.string(), z.unknown()).nullable().optional() }).loose() }).loose() }).loose();
const statusList = z
  .object({
    data: z.array(z.object({ attributes: z.object({ name: z.string(), statusType: z.string() }).loose() }).loose()),
    links: z.object({ next: z.string().nullable().optional() }).loose().optional(),
  })
  .loose();

export interface KustomerAdminSettings {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** KUS-2 default attribute name: the standard field's name plus the type suffix (queueNameStr). */
export function kustomerFieldName(spec: Pick<CustomFieldSpec, 'field' | 'type' | 'name'>): { name: string; error: string | null } {
  const name = spec.name?.trim() || `${spec.field}${SUFFIX_FOR[spec.type]}`;
  const suffix = CUSTOM_NAME.exec(name)?.[1];
  if (!suffix) return { name, error: `"${name}" is not a Kustomer custom attribute name: camelCase ending in Str, Txt, Num, At, Bool, Url or Id` };
  if (!ACCEPTED[spec.type].includes(suffix)) return { name, error: `"${name}" ends in ${suffix}, but ${spec.field} holds ${spec.type === 'number' ? 'a number (Num)' : 'text (Str or Txt)'}` };
  return { name, error: null };
}

export class KustomerAdmin implements CrmAdminPort {
  readonly kind = 'kustomer' as const;
  private readonly http: HttpClient;

  constructor(s: KustomerAdminSettings) {
    this.http = new HttpClient({
      vendor: 'Kustomer',
      baseUrl: s.baseUrl,
      timeoutMs: s.timeoutMs ?? 10_000,
      fetch: s.fetch,
      headers: () => ({ authorization: `Bearer ${s.apiKey}` }),
      describeError: describeKustomerError,
      retryAfterFromHeaders: (h) => retryAfterFromHeaders(h),
    });
  }

  async createCustomFields(specs: CustomFieldSpec[], signal?: AbortSignal): Promise<CustomFieldOutcome[]> {
    const existing = new Map<string, Set<string> | string>();
    const known = async (resource: string): Promise<Set<string> | string> => {
      const cached = existing.get(resource);
      if (cached !== undefined) return cached;
      let result: Set<string> | string;
      try {
        const r = await this.http.request({ method: 'GET', path: `/v1/metadata/${resource}`, signal }, metadataReply);
        result = new Set(Object.keys(r.data.data.attributes.properties ?? {}));
      } catch (e) {
        result = (e as Error).message;
      }
      existing.set(resource, result);
      return result;
    };
    const out: CustomFieldOutcome[] = [];
    for (const spec of specs) {
      const { name, error } = kustomerFieldName(spec);
      if (error) {
        out.push({ field: spec.field, crmName: name, state: 'failed', error });
        continue;
      }
      const resource = spec.on === 'customer' ? 'customer' : 'conversation';
      const props = await known(resource);
      if (typeof props === 'string') {
        out.push({ field: spec.field, crmName: name, state: 'failed', error: props });
        continue;
      }
      if (props.has(name)) {
        out.push({ field: spec.field, crmName: name, state: 'exists', error: null });
        continue;
      }
      try {
        await this.http.request({ method: 'PUT', path: `/v1/metadata/${resource}`, json: { properties: { [name]: { displayName: spec.label } } }, signal }, metadataReply);
        props.add(name);
        out.push({ field: spec.field, crmName: name, state: 'created', error: null });
      } catch (e) {
        out.push({ field: spec.field, crmName: name, state: 'failed', error: (e as Error).message });
      }
    }
    return out;
  }

  async listUserStatuses(signal?: AbortSignal): Promise<CrmUserStatus[]> {
    const out: CrmUserStatus[] = [];
    for (let page = 1; page <= 20; page++) {
      const r = await this.http.request({ method: 'GET', path: '/v1/routing/statuses', query: { page, pageSize: 100 }, signal }, statusList);
      for (const s of r.data.data) out.push({ name: s.attributes.name, statusType: s.attributes.statusType });
      if (!r.data.links?.next) break;
    }
    return out;
  }
}
