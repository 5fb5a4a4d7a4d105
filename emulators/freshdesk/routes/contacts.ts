// Contacts: POST /contacts (name mandatory; one of email, phone, mobile, twitter_id,
// unique_external_id; 409 duplicate_value on a taken unique identity), GET /contacts with the
// filters email | phone | mobile | unique_external_id | company_id | state | updated_since
// (phones match as stored: the same text), GET|PUT /contacts/{id}, GET /contact_fields.
import { assertKnownFields, assertKnownParams, idParam, ok, principal, readRequest, type Deps, type FdCtx, type FdRouter } from '../context.js';
import { invalid, missing, notFound, simple } from '../errors.js';
import { emailArray, emailField, intField, objectField, requiredStr, strArray, strField } from '../checks.js';
import { assertContactUnique, checkContactCustomFields, newContact } from '../contacts.js';
import { pageReply, parsePage } from '../pagination.js';
import { contactJson, iso } from '../serialize.js';
import { samePhone, sameEmail, type ContactRec } from '../store.js';

const FIELDS = new Set(['name', 'email', 'phone', 'mobile', 'twitter_id', 'unique_external_id', 'other_emails', 'company_id', 'view_all_tickets', 'other_companies', 'address', 'custom_fields', 'description', 'job_title', 'language', 'tags', 'time_zone']);
const LIST_PARAMS = new Set(['email', 'phone', 'mobile', 'unique_external_id', 'company_id', 'state', 'contact_type', 'updated_since', 'page', 'per_page']);
const STATES = ['blocked', 'deleted', 'unverified', 'verified'];

export function registerContacts(router: FdRouter, deps: Deps): void {
  const { store } = deps;

  const parse = (ctx: FdCtx, creating: boolean) => {
    const req = readRequest(ctx, false);
    const b = req.fields;
    assertKnownFields(b, FIELDS);
    const custom = objectField(b, 'custom_fields');
    return {
      name: creating ? requiredStr(b, 'name') : strField(b, 'name'),
      email: emailField(b, 'email'),
      otherEmails: emailArray(b, 'other_emails'),
      phone: strField(b, 'phone'),
      mobile: strField(b, 'mobile'),
      twitterId: strField(b, 'twitter_id'),
      uniqueExternalId: strField(b, 'unique_external_id'),
      companyId: intField(b, 'company_id'),
      description: strField(b, 'description', 100_000),
      jobTitle: strField(b, 'job_title'),
      address: strField(b, 'address'),
      language: strField(b, 'language'),
      timeZone: strField(b, 'time_zone'),
      tags: strArray(b, 'tags'),
      customFields: custom ? checkContactCustomFields(store, custom) : undefined,
    };
  };

  router.post('/api/v2/contacts', (ctx: FdCtx) => {
    principal(ctx);
    const input = parse(ctx, true);
    if (!input.email && !input.phone && !input.mobile && !input.twitterId && !input.uniqueExternalId)
      throw missing('requester_id', 'Please fill at least 1 of email, mobile, phone, twitter_id, unique_external_id fields');
    const c = newContact(store, { ...input, name: input.name as string }, deps.uniquePhones);
    store.contacts.set(c.id, c);
    return ok(contactJson(c), 201);
  });

  router.get('/api/v2/contacts/{id}', (ctx: FdCtx) => {
    principal(ctx);
    const c = store.contacts.get(idParam(ctx));
    if (!c) throw notFound(`Contact ${ctx.params.id}`);
    return ok(contactJson(c));
  });

  router.put('/api/v2/contacts/{id}', (ctx: FdCtx) => {
    principal(ctx);
    const current = store.contacts.get(idParam(ctx));
    if (!current) throw notFound(`Contact ${ctx.params.id}`);
    if (current.deleted) throw simple(405, 'A deleted contact cannot be updated', 'method_not_allowed');
    const input = parse(ctx, false);
    const next: ContactRec = { ...current };
    for (const [k, v] of Object.entries(input)) if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = k === 'customFields' ? { ...current.customFields, ...(v as object) } : v;
    assertContactUnique(store, next, current.id, deps.uniquePhones);
    next.updatedAt = store.now();
    store.contacts.set(next.id, next);
    return ok(contactJson(next));
  });

  router.get('/api/v2/contacts', (ctx: FdCtx) => {
    principal(ctx);
    const q = ctx.query;
    assertKnownParams(q, LIST_PARAMS);
    const page = parsePage(q);
    const state = q.get('state');
    if (state !== null && !STATES.includes(state)) throw invalid('state', `It should be one of these values: '${STATES.join(',')}'`);
    const since = q.get('updated_since');
    if (since !== null && Number.isNaN(Date.parse(since))) throw invalid('updated_since', "It should be in the 'valid datetime' format");
    const company = q.get('company_id');
    const list = [...store.contacts.values()].filter((c) => {
      if (state === 'deleted' ? !c.deleted : c.deleted) return false;
      if (state === 'verified' && !c.active) return false;
      if (state === 'unverified' && c.active) return false;
      if (state === 'blocked') return false; // blocking is not modelled
      const email = q.get('email');
      if (email !== null && !(sameEmail(c.email, email) || c.otherEmails.some((o) => sameEmail(o, email)))) return false;
      const phone = q.get('phone');
      if (phone !== null && !samePhone(c.phone, phone)) return false;
      const mobile = q.get('mobile');
      if (mobile !== null && !samePhone(c.mobile, mobile)) return false;
      const external = q.get('unique_external_id');
      if (external !== null && c.uniqueExternalId !== external) return false;
      if (company !== null && String(c.companyId) !== company) return false;
      if (since !== null && c.updatedAt < Date.parse(since)) return false;
      return true;
    });
    // Freshdesk lists contacts alphabetically.
    list.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return pageReply(ctx, list, page, contactJson);
  });

  router.get('/api/v2/contact_fields', (ctx: FdCtx) => {
    principal(ctx);
    return ok(
      [...store.contactFields.values()].map((f, i) => ({
        id: f.id, name: f.name, label: f.label, type: f.type, position: i + 1, default: false, required_for_agents: false,
        ...(f.type === 'custom_dropdown' ? { choices: f.choices } : {}), created_at: iso(f.createdAt), updated_at: iso(f.updatedAt),
      })),
    );
  });
}
