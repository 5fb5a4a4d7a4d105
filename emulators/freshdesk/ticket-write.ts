// Validation and application of ticket create/update bodies (JSON or multipart), with
// Freshdesk's rules: requester by requester_id | email | phone | twitter_id | facebook_id |
// unique_external_id (a phone without an email needs `name`; an unknown identity creates the
// contact), subject and description mandatory on create, status among the account's statuses,
// custom fields only as defined (type-checked), responder/group must exist, attachments
// (multipart only) at most 20 MB per request, fields "required for closure" set before 4/5.
import type { UploadedFile, ParsedBody, Deps } from './context.js';
import { assertKnownFields } from './context.js';
import { invalid, missing, unexpectedField } from './errors.js';
import { emailArray, emailField, idField, intField, objectField, requiredStr, strField, tagsField, timeField } from './checks.js';
import { newContact } from './contacts.js';
import { checkCustomValue, TICKET_TYPES } from './fields.js';
import { asHtml, htmlToText } from './html.js';
import { applyStatus, CLOSED, emptyStats, OPEN, RESOLVED } from './statuses.js';
import type { ContactRec, FreshdeskStore, TicketRec } from './store.js';

const REQUESTER = ['requester_id', 'email', 'phone', 'twitter_id', 'facebook_id', 'unique_external_id'] as const;
const COMMON = ['name', ...REQUESTER, 'subject', 'type', 'status', 'priority', 'description', 'responder_id', 'cc_emails', 'custom_fields', 'due_by', 'email_config_id', 'fr_due_by', 'group_id', 'product_id', 'source', 'tags', 'company_id', 'internal_agent_id', 'internal_group_id', 'lookup_parameter'];
export const CREATE_FIELDS = new Set([...COMMON, 'parent_id', 'related_ticket_ids']);
export const UPDATE_FIELDS = new Set(COMMON);
export const SOURCE_VALUES = [1, 2, 3, 7, 8, 9, 10];
const DAY = 86_400_000;

function customFields(store: FreshdeskStore, body: Record<string, unknown>, fromForm: boolean): Record<string, unknown> | undefined {
  const given = objectField(body, 'custom_fields');
  if (!given) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    const def = store.ticketFieldByName(name);
    if (!def || def.default) throw unexpectedField(name);
    out[name] = checkCustomValue(def, value, fromForm);
  }
  return out;
}

/** The existing contact for the first identity that matches, or a new one (committed by the caller). */
function requester(store: FreshdeskStore, b: Record<string, unknown>, deps: Deps): { contact: ContactRec; created: boolean } | null {
  const id = intField(b, 'requester_id');
  const email = emailField(b, 'email');
  const phone = strField(b, 'phone');
  const twitter = strField(b, 'twitter_id');
  const facebook = strField(b, 'facebook_id');
  const external = strField(b, 'unique_external_id');
  const name = strField(b, 'name');
  if (id === undefined && !email && !phone && !twitter && !facebook && !external) return null;
  if (phone && !email && (name === undefined || name.trim() === '')) throw missing('name', 'It should be a/an String');
  if (id !== undefined) {
    const c = store.contacts.get(id);
    if (!c || c.deleted) throw invalid('requester_id', 'There is no contact matching the given requester_id');
    return { contact: c, created: false };
  }
  const byEmail = email ? store.contactByEmail(email) : null;
  const byExternal = external ? store.contactByExternalId(external) : null;
  const byTwitter = twitter ? (store.liveContacts().find((c) => c.twitterId === twitter) ?? null) : null;
  const byPhone = phone ? (store.contactsByPhone(phone)[0] ?? null) : null;
  const found = byEmail ?? byExternal ?? byTwitter ?? byPhone;
  if (found) return { contact: found, created: false };
  if (facebook) throw invalid('facebook_id', 'There is no contact matching the given facebook_id');
  const contact = newContact(store, { name: name?.trim() || (email ?? phone ?? external ?? twitter ?? 'Unknown'), email, phone, twitterId: twitter, uniqueExternalId: external }, deps.uniquePhones);
  return { contact, created: true };
}

function storeFiles(store: FreshdeskStore, files: UploadedFile[], max: number): number[] {
  const total = files.reduce((n, f) => n + f.data.length, 0);
  if (total > max) throw invalid('attachments', `The cumulative attachment size should not exceed ${Math.round(max / 1024 / 1024)}MB`);
  return files.map((f) => {
    const id = store.nextId('attachment');
    store.attachments.set(id, { id, name: f.name, contentType: f.contentType, bytes: f.data, createdAt: store.now() });
    return id;
  });
}

/** Everything but the requester and status, shared by create and update; returns the changes. */
function common(store: FreshdeskStore, b: Record<string, unknown>, fromForm: boolean) {
  const statuses = [...store.statuses.keys()].sort((x, y) => x - y);
  const responder = idField(b, 'responder_id');
  if (typeof responder === 'number' && !store.agents.has(responder)) throw invalid('responder_id', 'There is no agent matching the given responder_id');
  const group = idField(b, 'group_id');
  if (typeof group === 'number' && !store.groups.has(group)) throw invalid('group_id', 'There is no group matching the given group_id');
  const type = b.type === null ? null : strField(b, 'type');
  if (typeof type === 'string' && !TICKET_TYPES.includes(type)) throw invalid('type', `It should be one of these values: '${TICKET_TYPES.join(',')}'`);
  return {
    subject: strField(b, 'subject'),
    description: strField(b, 'description', 5_000_000),
    status: intField(b, 'status', statuses),
    priority: intField(b, 'priority', [1, 2, 3, 4]),
    source: intField(b, 'source', SOURCE_VALUES),
    type,
    responder,
    group,
    company: idField(b, 'company_id'),
    tags: tagsField(b),
    cc: emailArray(b, 'cc_emails'),
    dueBy: timeField(b, 'due_by'),
    frDueBy: timeField(b, 'fr_due_by'),
    custom: customFields(store, b, fromForm),
  };
}

function assertClosable(store: FreshdeskStore, t: TicketRec): void {
  if (t.status !== RESOLVED && t.status !== CLOSED) return;
  for (const def of store.customFieldDefs()) {
    if (def.requiredForClosure && (t.customFields[def.name] === null || t.customFields[def.name] === undefined))
      throw invalid(def.name, 'It should be set before the ticket is resolved or closed', 'missing_field');
  }
}

export function createTicket(store: FreshdeskStore, deps: Deps, body: ParsedBody): { ticket: TicketRec; contact: ContactRec | null } {
  const b = body.fields;
  assertKnownFields(b, CREATE_FIELDS);
  const who = requester(store, b, deps);
  if (!who) throw missing('requester_id', 'Please fill at least 1 of requester_id, phone, email, twitter_id, facebook_id, unique_external_id fields');
  const subject = requiredStr(b, 'subject');
  const description = requiredStr(b, 'description', 5_000_000);
  const c = common(store, b, body.multipart);
  const now = store.now();
  const blank = Object.fromEntries(store.customFieldDefs().map((f) => [f.name, null]));
  const t: TicketRec = {
    id: 0, requesterId: who.contact.id, responderId: c.responder ?? null, groupId: c.group ?? null, companyId: c.company ?? who.contact.companyId,
    subject, description: asHtml(description), descriptionText: htmlToText(asHtml(description)),
    status: OPEN, priority: c.priority ?? 1, source: c.source ?? 2, type: c.type ?? null, tags: c.tags ?? [], ccEmails: c.cc ?? [],
    customFields: { ...blank, ...(c.custom ?? {}) }, attachmentIds: [],
    dueBy: c.dueBy ?? now + 3 * DAY, frDueBy: c.frDueBy ?? now + DAY, spam: false, deleted: false, stats: emptyStats(), createdAt: now, updatedAt: now,
  };
  applyStatus(t, c.status ?? OPEN, now, true);
  assertClosable(store, t);
  t.attachmentIds = storeFiles(store, body.files, deps.maxAttachmentBytes);
  t.id = store.nextId('ticket');
  if (who.created) store.contacts.set(who.contact.id, who.contact);
  store.tickets.set(t.id, t);
  store.index(t);
  return { ticket: t, contact: who.created ? who.contact : null };
}

export function updateTicket(store: FreshdeskStore, deps: Deps, t: TicketRec, body: ParsedBody): TicketRec {
  const b = body.fields;
  assertKnownFields(b, UPDATE_FIELDS);
  if (b.subject !== undefined) requiredStr(b, 'subject');
  const who = requester(store, b, deps);
  const c = common(store, b, body.multipart);
  const next: TicketRec = structuredClone(t);
  const now = store.now();
  if (who) next.requesterId = who.contact.id;
  if (c.subject !== undefined) next.subject = c.subject;
  if (c.description !== undefined) {
    next.description = asHtml(c.description);
    next.descriptionText = htmlToText(next.description);
  }
  if (c.priority !== undefined) next.priority = c.priority;
  if (c.source !== undefined) next.source = c.source;
  if (c.type !== undefined) next.type = c.type;
  if (c.responder !== undefined) next.responderId = c.responder;
  if (c.group !== undefined) next.groupId = c.group;
  if (c.company !== undefined) next.companyId = c.company;
  if (c.tags !== undefined) next.tags = c.tags;
  if (c.cc !== undefined) next.ccEmails = c.cc;
  if (c.dueBy !== undefined) next.dueBy = c.dueBy;
  if (c.frDueBy !== undefined) next.frDueBy = c.frDueBy;
  if (c.custom) next.customFields = { ...next.customFields, ...c.custom };
  if (c.status !== undefined) applyStatus(next, c.status, now);
  assertClosable(store, next);
  next.attachmentIds = [...next.attachmentIds, ...storeFiles(store, body.files, deps.maxAttachmentBytes)];
  next.updatedAt = now;
  if (who?.created) store.contacts.set(who.contact.id, who.contact);
  store.tickets.set(next.id, next);
  store.index(next);
  return next;
}
