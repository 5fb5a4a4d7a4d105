// Ticket fields: Freshdesk's default fields (requester, subject, type, source, status, priority,
// group, agent, description) and the account's custom fields (`cf_*`), in the two views
// Freshdesk has: GET /ticket_fields (choices as maps/lists) and GET /admin/ticket_fields (choices
// as objects with ids). Also the value rules custom fields enforce on tickets and contacts.
import { FdError, invalid, mismatch } from './errors.js';
import type { ContactFieldRec, CustomFieldType, FreshdeskStore, TicketFieldRec } from './store.js';
import { iso } from './serialize.js';

export const TICKET_TYPES = ['Question', 'Incident', 'Problem', 'Feature Request', 'Refund'];
export const SOURCES: Record<string, number> = { Email: 1, Portal: 2, Phone: 3, Chat: 7, 'Feedback Widget': 9, 'Outbound Email': 10 };
export const PRIORITIES: Record<string, number> = { Low: 1, Medium: 2, High: 3, Urgent: 4 };

/** The default fields every account has: [name, label, type, required for agents]. */
export const DEFAULT_TICKET_FIELDS: ReadonlyArray<[string, string, string, boolean]> = [
  ['requester', 'Search a requester', 'default_requester', true],
  ['subject', 'Subject', 'default_subject', true],
  ['ticket_type', 'Type', 'default_ticket_type', false],
  ['source', 'Source', 'default_source', true],
  ['status', 'Status', 'default_status', true],
  ['priority', 'Priority', 'default_priority', true],
  ['group', 'Group', 'default_group', false],
  ['agent', 'Agent', 'default_agent', false],
  ['description', 'Description', 'default_description', true],
];

function base(f: TicketFieldRec) {
  return {
    id: f.id,
    name: f.name,
    label: f.label,
    description: f.description,
    position: f.position,
    required_for_closure: f.requiredForClosure,
    required_for_agents: f.requiredForAgents,
    type: f.type,
    default: f.default,
    customers_can_edit: f.customersCanEdit,
    label_for_customers: f.labelForCustomers,
    required_for_customers: f.requiredForCustomers,
    displayed_to_customers: f.displayedToCustomers,
    created_at: iso(f.createdAt),
    updated_at: iso(f.updatedAt),
  };
}

/** GET /api/v2/ticket_fields: choices as Freshdesk lists them per field type. */
export function ticketFieldJson(store: FreshdeskStore, f: TicketFieldRec) {
  const out: Record<string, unknown> = base(f);
  const statuses = [...store.statuses.values()].sort((a, b) => a.position - b.position);
  switch (f.name) {
    case 'status':
      out.choices = Object.fromEntries(statuses.map((s) => [String(s.id), [s.label, s.customerLabel]]));
      break;
    case 'priority':
      out.choices = PRIORITIES;
      break;
    case 'source':
      out.choices = SOURCES;
      break;
    case 'ticket_type':
      out.choices = TICKET_TYPES;
      break;
    case 'group':
      out.choices = Object.fromEntries([...store.groups.values()].map((g) => [g.name, g.id]));
      break;
    case 'agent':
      out.choices = Object.fromEntries([...store.agents.values()].map((a) => [a.name, a.id]));
      break;
    default:
      if (f.type === 'custom_dropdown') out.choices = [...f.choices];
  }
  return out;
}

/** GET /api/v2/admin/ticket_fields[/{id}]: choices as objects (statuses with their SLA flag). */
export function adminTicketFieldJson(store: FreshdeskStore, f: TicketFieldRec) {
  const out: Record<string, unknown> = base(f);
  if (f.name === 'status') {
    out.choices = [...store.statuses.values()]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ id: s.id, value: s.label, customer_display_name: s.customerLabel, stop_sla_timer: s.stopSlaTimer, default: s.default, deleted: false, position: s.position }));
  } else if (f.type === 'custom_dropdown') {
    out.choices = f.choices.map((value, i) => ({ id: f.id * 100 + i + 1, value, position: i + 1, parent_choice_id: f.id, choices: [] }));
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A custom field value as Freshdesk accepts it (null clears). Form values arrive as text, so
 * with `fromForm` numbers and booleans are read from their text first.
 */
export function checkCustomValue(def: Pick<TicketFieldRec | ContactFieldRec, 'name' | 'type' | 'choices'>, value: unknown, fromForm = false): unknown {
  if (value === null) return null;
  const name = def.name;
  const type = def.type as CustomFieldType;
  let v = value;
  if (fromForm && typeof v === 'string') {
    if ((type === 'custom_number' && /^-?\d+$/.test(v)) || (type === 'custom_decimal' && /^-?\d+(\.\d+)?$/.test(v))) v = Number(v);
    if (type === 'custom_checkbox' && (v === 'true' || v === 'false')) v = v === 'true';
  }
  switch (type) {
    case 'custom_text':
    case 'custom_paragraph':
      if (typeof v !== 'string') throw mismatch(name, v, 'String');
      if (type === 'custom_text' && v.length > 255) throw invalid(name, `Has ${v.length} characters, it can have maximum of 255 characters`);
      return v;
    case 'custom_number':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw mismatch(name, v, 'Integer');
      return v;
    case 'custom_decimal':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw mismatch(name, v, 'Number');
      return v;
    case 'custom_checkbox':
      if (typeof v !== 'boolean') throw mismatch(name, v, 'Boolean');
      return v;
    case 'custom_date':
      if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw invalid(name, "It should be in the 'yyyy-mm-dd' format");
      return v;
    case 'custom_dropdown':
      if (typeof v !== 'string') throw mismatch(name, v, 'String');
      if (!def.choices.includes(v)) throw invalid(name, `It should be one of these values: '${def.choices.join(',')}'`);
      return v;
    default:
      throw new FdError(500, { code: 'internal_error', message: `field ${name} has unknown type ${String(type)}` });
  }
}
