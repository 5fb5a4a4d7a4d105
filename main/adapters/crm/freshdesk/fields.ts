// Custom ticket fields (KUS-2, KUS-4): the engine's field map -> Freshdesk `custom_fields`.
// Keys must be Freshdesk custom field names (`cf_...`); the account's definitions (GET
// /ticket_fields, cached) give each field's type, so values are written in the type Freshdesk
// demands (a number into a text field becomes text; "95" into a number field becomes 95; a
// date becomes YYYY-MM-DD; a dropdown takes only one of its choices). A field that is not a
// cf_ name, is not defined in Freshdesk, or whose value cannot take the field's type is left
// out and reported, so one bad mapping never makes Freshdesk refuse the whole ticket.
import type { FieldMap, FieldValue } from '../../../engine/crm-port.js';
import { CF_NAME } from './options.js';

export interface FieldDef {
  name: string;
  type: string;
  choices: string[];
}

const TEXT_MAX = 255;

function coerce(def: FieldDef, v: Exclude<FieldValue, null>): FieldValue | undefined {
  switch (def.type) {
    case 'custom_text':
      return String(v).slice(0, TEXT_MAX);
    case 'custom_paragraph':
      return String(v);
    case 'custom_number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? Math.round(n) : undefined;
    }
    case 'custom_decimal': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'custom_checkbox':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 1 || v === '1') return true;
      if (v === 'false' || v === 0 || v === '0') return false;
      return undefined;
    case 'custom_date': {
      const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined;
    }
    case 'custom_dropdown': {
      const s = String(v);
      return def.choices.find((c) => c === s) ?? def.choices.find((c) => c.toLowerCase() === s.toLowerCase());
    }
    default:
      return v; // a type this adapter does not know: Freshdesk decides
  }
}

/**
 * `defs` null: the definitions could not be read; values go as they are (and the write path
 * leaves out what Freshdesk then refuses).
 */
export function toCustomFields(fields: FieldMap, defs: ReadonlyMap<string, FieldDef> | null): { custom: Record<string, FieldValue>; dropped: string[] } {
  const custom: Record<string, FieldValue> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!CF_NAME.test(name)) {
      dropped.push(`${name}: not a Freshdesk custom field name (cf_...)`);
      continue;
    }
    const def = defs?.get(name);
    if (defs && !def) {
      dropped.push(`${name}: no such custom ticket field in Freshdesk`);
      continue;
    }
    if (value === null || !def) {
      custom[name] = value;
      continue;
    }
    const v = coerce(def, value);
    if (v === undefined) dropped.push(`${name}: ${JSON.stringify(value)} is not a valid ${def.type} value${def.type === 'custom_dropdown' ? ` (choices: ${def.choices.join(', ')})` : ''}`);
    else custom[name] = v;
  }
  return { custom, dropped };
}

/** Field definitions from GET /ticket_fields, custom ones only. */
export function fieldDefsFrom(list: Array<{ name: string; type: string; default?: boolean | undefined; choices?: unknown }>): Map<string, FieldDef> {
  const out = new Map<string, FieldDef>();
  for (const f of list) {
    if (f.default === true || !f.type.startsWith('custom_')) continue;
    const choices = Array.isArray(f.choices) ? f.choices.map((c) => (typeof c === 'string' ? c : typeof c === 'object' && c !== null && 'value' in c ? String((c as { value: unknown }).value) : String(c))) : [];
    out.set(f.name, { name: f.name, type: f.type, choices });
  }
  return out;
}

/** A small time-based cache of the definitions, dropped when Freshdesk refuses a field. */
export class FieldDefsCache {
  private defs: Map<string, FieldDef> | null = null;
  private loadedAt = 0;
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  fresh(): Map<string, FieldDef> | null {
    return this.defs && this.now() - this.loadedAt < this.ttlMs ? this.defs : null;
  }
  set(defs: Map<string, FieldDef>): void {
    this.defs = defs;
    this.loadedAt = this.now();
  }
  invalidate(): void {
    this.defs = null;
  }
}
