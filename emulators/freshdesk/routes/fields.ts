// Ticket fields: GET /ticket_fields[?type=] (any agent), GET /admin/ticket_fields[/{id}] and
// POST /admin/ticket_fields (admins only: 403 access_denied otherwise). A created custom field
// is named cf_<label in snake case>[_<suffix>]; custom statuses are the choices of the
// `status` field (Freshdesk has no separate ticket-status endpoint).
import { assertKnownFields, idParam, ok, principal, readRequest, requireAdmin, type Deps, type FdCtx, type FdRouter } from '../context.js';
import { invalid, missing, notFound, validation } from '../errors.js';
import { boolField, intField, requiredStr, strField } from '../checks.js';
import { adminTicketFieldJson, ticketFieldJson } from '../fields.js';
import { CUSTOM_FIELD_TYPES, type TicketFieldRec } from '../records.js';

const CREATE_FIELDS = new Set(['label', 'label_for_customers', 'type', 'customers_can_edit', 'displayed_to_customers', 'position', 'required_for_closure', 'required_for_agents', 'required_for_customers', 'choices', 'description']);

export const snakeName = (label: string) =>
  label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'field';

export function registerFields(router: FdRouter, deps: Deps): void {
  const { store } = deps;
  const ordered = () => [...store.ticketFields.values()].sort((a, b) => a.position - b.position || a.id - b.id);

  router.get('/api/v2/ticket_fields', (ctx: FdCtx) => {
    principal(ctx);
    const type = ctx.query.get('type');
    return ok(ordered().filter((f) => type === null || f.type === type).map((f) => ticketFieldJson(store, f)));
  });

  router.get('/api/v2/admin/ticket_fields', (ctx: FdCtx) => {
    requireAdmin(ctx);
    return ok(ordered().map((f) => adminTicketFieldJson(store, f)));
  });

  router.get('/api/v2/admin/ticket_fields/{id}', (ctx: FdCtx) => {
    requireAdmin(ctx);
    const f = store.ticketFields.get(idParam(ctx));
    if (!f) throw notFound(`Ticket field ${ctx.params.id}`);
    return ok(adminTicketFieldJson(store, f));
  });

  router.post('/api/v2/admin/ticket_fields', (ctx: FdCtx) => {
    requireAdmin(ctx);
    const b = readRequest(ctx, false).fields;
    assertKnownFields(b, CREATE_FIELDS);
    const label = requiredStr(b, 'label');
    const type = requiredStr(b, 'type');
    if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) throw invalid('type', `It should be one of these values: '${CUSTOM_FIELD_TYPES.join(',')}'`);
    if (ordered().some((f) => f.label.toLowerCase() === label.toLowerCase())) throw validation([{ field: 'label', message: 'It should be a unique value', code: 'duplicate_value' }], 409);
    const choices = Array.isArray(b.choices) ? b.choices : [];
    if (type === 'custom_dropdown' && choices.length === 0) throw missing('choices');
    const values = choices.map((c, i) => {
      const v = typeof c === 'object' && c !== null ? (c as { value?: unknown }).value : c;
      if (typeof v !== 'string' || v === '') throw invalid(`choices[${i}]`, 'It should have a value');
      return v;
    });
    let name = `cf_${snakeName(label)}${deps.fieldNameSuffix ? `_${deps.fieldNameSuffix}` : ''}`;
    for (let n = 2; store.ticketFieldByName(name); n++) name = `cf_${snakeName(label)}_${n}`;
    const now = store.now();
    const id = store.nextId('field');
    const f: TicketFieldRec = {
      id, name, label, labelForCustomers: strField(b, 'label_for_customers') ?? label, description: strField(b, 'description') ?? '', type,
      position: intField(b, 'position') ?? ordered().length + 1, default: false,
      requiredForClosure: boolField(b, 'required_for_closure') ?? false, requiredForAgents: boolField(b, 'required_for_agents') ?? false,
      requiredForCustomers: boolField(b, 'required_for_customers') ?? false, customersCanEdit: boolField(b, 'customers_can_edit') ?? false,
      displayedToCustomers: boolField(b, 'displayed_to_customers') ?? false, choices: values, createdAt: now, updatedAt: now,
    };
    store.ticketFields.set(id, f);
    // Existing tickets list the new field as unset, as Freshdesk's do.
    for (const t of store.tickets.values()) t.customFields[name] ??= null;
    return ok(adminTicketFieldJson(store, f), 201);
  });
}
