// Custom ticket field values (`custom_fields: [{id, value}]`) checked against the account's
// ticket fields, as Zendesk types them: text/textarea strings, integer and decimal numbers,
// checkbox booleans, date "YYYY-MM-DD", regexp strings matching the field's pattern, tagger
// (drop-down) one option value, multiselect an array of option values; null clears. Drop-down,
// multiselect and checkbox fields keep the ticket's tags in step with their value, as Zendesk does.
import { recordInvalid } from './errors.js';
import type { FieldValue, TicketFieldRec, ZendeskStore } from './store.js';

export interface FieldChange {
  values: Map<number, FieldValue>;
  addTags: string[];
  removeTags: string[];
}

function optionTags(f: TicketFieldRec): string[] {
  if (f.type === 'checkbox') return f.tag ? [f.tag] : [];
  return (f.custom_field_options ?? []).map((o) => o.value);
}

/** The value to store, or an error message. */
function check(f: TicketFieldRec, v: Exclude<FieldValue, null>): { value: FieldValue } | { error: string } {
  const bad = (what: string) => ({ error: `${f.title}: ${JSON.stringify(v)} is not ${what}` });
  switch (f.type) {
    case 'text':
    case 'textarea':
      return typeof v === 'string' || typeof v === 'number' ? { value: String(v) } : bad('text');
    case 'integer': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
      return Number.isInteger(n) ? { value: n } : bad('an integer');
    }
    case 'decimal': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? { value: n } : bad('a decimal number');
    }
    case 'checkbox':
      return typeof v === 'boolean' ? { value: v } : bad('true or false');
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? { value: v } : bad('a date (YYYY-MM-DD)');
    case 'regexp':
      return typeof v === 'string' && new RegExp(f.regexp_for_validation ?? '.*').test(v) ? { value: v } : bad(`text matching ${f.regexp_for_validation}`);
    case 'tagger':
      return typeof v === 'string' && optionTags(f).includes(v) ? { value: v } : bad(`one of ${optionTags(f).join(', ')}`);
    case 'multiselect':
      return Array.isArray(v) && v.every((x) => optionTags(f).includes(x)) ? { value: v } : bad(`a list of ${optionTags(f).join(', ')}`);
    default:
      return { error: `${f.title} is a system field, not a custom field` };
  }
}

export function applyCustomFields(store: ZendeskStore, current: Map<number, FieldValue>, input: Array<{ id: number; value: FieldValue }>): FieldChange {
  const values = new Map(current);
  const addTags: string[] = [];
  const removeTags: string[] = [];
  const errors: Array<{ description: string; error: string; field_key: number }> = [];
  for (const { id, value } of input) {
    const f = store.ticketFields.get(id);
    if (!f || !f.removable || !f.active) {
      errors.push({ description: `Ticket field ${id} does not exist or is not an active custom field`, error: 'InvalidValue', field_key: id });
      continue;
    }
    const tags = optionTags(f);
    if (value === null) {
      values.delete(id);
      removeTags.push(...tags);
      continue;
    }
    const r = check(f, value);
    if ('error' in r) {
      errors.push({ description: r.error, error: 'InvalidValue', field_key: id });
      continue;
    }
    values.set(id, r.value);
    const chosen = f.type === 'checkbox' ? (r.value === true ? tags : []) : Array.isArray(r.value) ? r.value : f.type === 'tagger' ? [String(r.value)] : [];
    if (tags.length) {
      removeTags.push(...tags.filter((t) => !chosen.includes(t)));
      addTags.push(...chosen);
    }
  }
  if (errors.length) throw recordInvalid({ base: errors });
  return { values, addTags, removeTags };
}
