// Ticket fields: the system fields (subject, description, status, tickettype, priority, group,
// assignee; removable: false) and the account's custom fields, with ids the ticket's
// custom_fields refer to. GET list / show, POST create (drop-down and multiselect fields need
// options; option values become tags), PUT update of title/active/options, DELETE.
import { idParam, ok, parseWrapped, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { forbidden, notFound, recordInvalid } from '../errors.js';
import { paginate } from '../pagination.js';
import { ticketFieldSchema, type TicketFieldBody } from '../schemas.js';
import { fieldJson } from '../serialize.js';
import { SYSTEM_FIELD_TYPES, type TicketFieldRec, type ZendeskStore } from '../store.js';

const SYSTEM_TITLES: Record<(typeof SYSTEM_FIELD_TYPES)[number], string> = {
  subject: 'Subject', description: 'Description', status: 'Status', tickettype: 'Type', priority: 'Priority', group: 'Group', assignee: 'Assignee',
};

export function addSystemFields(store: ZendeskStore): void {
  SYSTEM_FIELD_TYPES.forEach((type, i) => {
    const id = store.ids.nextField();
    const now = store.now();
    store.ticketFields.set(id, {
      id, type, title: SYSTEM_TITLES[type], description: '', active: true, required: type === 'subject' || type === 'description', removable: false, position: i,
      regexp_for_validation: null, tag: null, custom_field_options: null, created_at: now, updated_at: now,
    });
  });
}

function makeOptions(store: ZendeskStore, list: NonNullable<TicketFieldBody['custom_field_options']>) {
  return list.map((o) => ({ id: store.ids.nextObject(), name: o.name, value: o.value.toLowerCase(), default: o.default ?? false }));
}

/** A custom field from a create body (also used by the seed). */
export function newCustomField(store: ZendeskStore, b: TicketFieldBody, id?: number): TicketFieldRec {
  const needsOptions = b.type === 'tagger' || b.type === 'multiselect';
  if (needsOptions && !b.custom_field_options?.length) throw recordInvalid({ custom_field_options: [{ description: 'Field options: a drop-down or multi-select field needs options', error: 'BlankValue' }] });
  if (b.custom_field_options && new Set(b.custom_field_options.map((o) => o.value)).size !== b.custom_field_options.length)
    throw recordInvalid({ custom_field_options: [{ description: 'Field options: values (tags) must be unique', error: 'DuplicateValue' }] });
  if (b.type === 'regexp' && !b.regexp_for_validation) throw recordInvalid({ regexp_for_validation: [{ description: 'Regular expression: cannot be blank', error: 'BlankValue' }] });
  const now = store.now();
  const fid = id ?? store.ids.nextField();
  store.ids.seenField(fid);
  return {
    id: fid, type: b.type, title: b.title, description: b.description ?? '', active: b.active ?? true, required: b.required ?? false, removable: true,
    position: b.position ?? 9999, regexp_for_validation: b.regexp_for_validation ?? null, tag: b.type === 'checkbox' ? (b.tag ?? null) : null,
    custom_field_options: needsOptions ? makeOptions(store, b.custom_field_options ?? []) : null,
    created_at: now, updated_at: now,
  };
}

export function registerTicketFields(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  const get = (ctx: ZCtx) => {
    const f = store.ticketFields.get(idParam(ctx));
    if (!f) throw notFound();
    return f;
  };
  route(router, 'GET', '/api/v2/ticket_fields', (ctx: ZCtx) => {
    const all = [...store.ticketFields.values()].sort((a, b) => a.position - b.position || a.id - b.id);
    return ok(paginate(ctx, all, 'ticket_fields', (f) => fieldJson(deps, f)));
  });
  route(router, 'GET', '/api/v2/ticket_fields/{id}', (ctx: ZCtx) => ok({ ticket_field: fieldJson(deps, get(ctx)) }));
  route(router, 'POST', '/api/v2/ticket_fields', (ctx: ZCtx) => {
    if (ctx.principal?.user.role !== 'admin') throw forbidden();
    const f = newCustomField(store, parseWrapped(deps, ctx, 'ticket_field', ticketFieldSchema));
    store.ticketFields.set(f.id, f);
    return ok({ ticket_field: fieldJson(deps, f) }, 201);
  });
  route(router, 'PUT', '/api/v2/ticket_fields/{id}', (ctx: ZCtx) => {
    if (ctx.principal?.user.role !== 'admin') throw forbidden();
    const f = get(ctx);
    const b = parseWrapped(deps, ctx, 'ticket_field', ticketFieldSchema.partial());
    if (!f.removable && (b.type !== undefined || b.custom_field_options !== undefined)) throw forbidden();
    const next: TicketFieldRec = { ...f, title: b.title ?? f.title, description: b.description ?? f.description, active: b.active ?? f.active, required: b.required ?? f.required, updated_at: store.now() };
    if (b.custom_field_options && f.custom_field_options) next.custom_field_options = makeOptions(store, b.custom_field_options);
    store.ticketFields.set(f.id, next);
    return ok({ ticket_field: fieldJson(deps, next) });
  });
  route(router, 'DELETE', '/api/v2/ticket_fields/{id}', (ctx: ZCtx) => {
    if (ctx.principal?.user.role !== 'admin') throw forbidden();
    const f = get(ctx);
    if (!f.removable) throw forbidden();
    store.ticketFields.delete(f.id);
    return { status: 204 };
  });
}
