// Custom ticket fields (KUS-2, KUS-3, KUS-4). The engine names fields as the admin mapped them;
// for Zendesk a name is a ticket field id ("360012345678", or "custom_field_360012345678" as
// placeholders write it) or the field's title ("Call duration", any case). The catalogue
// (GET /api/v2/ticket_fields) is read when first needed and kept for fieldCacheTtlMs, and read
// again once when a name is not in it (a field created since). Values take the field's type:
// text, integer, decimal, checkbox, date (YYYY-MM-DD), regexp, drop-down (option value or name)
// and multi-select. A field that does not exist, or a value that cannot take its type, is left
// out and logged, so one bad mapping does not make Zendesk refuse the whole ticket.
import type { FieldMap, FieldValue } from '../../../engine/crm-port.js';
import type { HttpClient } from '../http-client.js';
import { ticketFieldList, type TicketField } from './replies.js';

export type ZendeskFieldValue = string | number | boolean | string[] | null;
export interface ResolvedFields {
  fields: Array<{ id: number; value: ZendeskFieldValue }>;
  dropped: string[];
}

const ID_NAME = /^(?:custom_field_|ticket_field_)?(\d{1,16})$/;

function option(f: TicketField, v: string): string | undefined {
  const opts = f.custom_field_options ?? [];
  const lower = v.trim().toLowerCase();
  return opts.find((o) => o.value === v)?.value ?? opts.find((o) => o.name.trim().toLowerCase() === lower)?.value;
}

/** One value in the type of its field, or undefined when it cannot be. */
export function coerce(f: TicketField, v: Exclude<FieldValue, null>): ZendeskFieldValue | undefined {
  switch (f.type) {
    case 'text':
    case 'textarea':
      return String(v);
    case 'integer': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.0+)?$/.test(v.trim()) ? Number(v) : NaN;
      return Number.isInteger(n) ? n : typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined;
    }
    case 'decimal': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'checkbox':
      return typeof v === 'boolean' ? v : v === 'true' || v === 1 ? true : v === 'false' || v === 0 ? false : undefined;
    case 'date': {
      const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined;
    }
    case 'regexp': {
      const s = String(v);
      try {
        return new RegExp(f.regexp_for_validation ?? '.*').test(s) ? s : undefined;
      } catch {
        return s;
      }
    }
    case 'tagger':
      return option(f, String(v));
    case 'multiselect': {
      const parts = String(v).split(',').map((p) => option(f, p));
      return parts.every((p): p is string => p !== undefined) ? parts : undefined;
    }
    default:
      return undefined;
  }
}

export class FieldCatalog {
  private fields: TicketField[] | null = null;
  private readAt = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  private async load(signal: AbortSignal | undefined): Promise<TicketField[]> {
    const all: TicketField[] = [];
    let path: string | null = '/api/v2/ticket_fields';
    while (path) {
      const r: { data: { ticket_fields: TicketField[]; next_page?: string | null | undefined } } = await this.http.request({ method: 'GET', path, signal }, ticketFieldList);
      all.push(...r.data.ticket_fields);
      path = r.data.next_page ?? null;
    }
    this.fields = all.filter((f) => f.removable && f.active);
    this.readAt = this.now();
    return this.fields;
  }

  private async catalogue(signal: AbortSignal | undefined, forceIfOlderThanMs?: number): Promise<TicketField[]> {
    const age = this.now() - this.readAt;
    if (!this.fields || age >= this.ttlMs || (forceIfOlderThanMs !== undefined && age >= forceIfOlderThanMs)) return this.load(signal);
    return this.fields;
  }

  private find(list: TicketField[], name: string): TicketField | undefined {
    const byId = ID_NAME.exec(name.trim());
    if (byId) return list.find((f) => f.id === Number(byId[1]));
    const lower = name.trim().toLowerCase();
    return list.find((f) => f.title.trim().toLowerCase() === lower);
  }

  /** The engine's fields as Zendesk custom_fields; nothing is read when there are none. */
  async resolve(map: FieldMap, signal?: AbortSignal): Promise<ResolvedFields> {
    const out: ResolvedFields = { fields: [], dropped: [] };
    const entries = Object.entries(map);
    if (!entries.length) return out;
    let list = await this.catalogue(signal);
    if (entries.some(([name]) => !this.find(list, name))) list = await this.catalogue(signal, 60_000);
    for (const [name, value] of entries) {
      const f = this.find(list, name);
      if (!f) {
        out.dropped.push(`${name}: no active custom ticket field has this id or title`);
        continue;
      }
      if (value === null) {
        out.fields.push({ id: f.id, value: null });
        continue;
      }
      const v = coerce(f, value);
      if (v === undefined) out.dropped.push(`${name}: ${JSON.stringify(value)} is not a valid ${f.type} value for "${f.title}"`);
      else out.fields.push({ id: f.id, value: v });
    }
    return out;
  }
}
