// Customers are Freshdesk contacts (KUS-7, KUS-8): found by SDK identifier (unique_external_id),
// phone then mobile in the admin's phone format, and e-mail; created with those identities. A
// 409 duplicate_value names the contact that holds the identity: that contact is the customer.
import { CrmError, type CallContext, type CrmCustomer, type CustomerQuery, type NewCustomer } from '../../../engine/crm-port.js';
import type { FreshdeskClient, Body } from './client.js';
import { conflictHolder } from './errors.js';
import { anonymousExternalId, contactIdentity, validEmail } from './mapping.js';
import type { PhoneFormat } from './options.js';
import { phoneIn } from './phone.js';
import { contactList, contactReply, type ContactReply } from './replies.js';

type Filter = 'unique_external_id' | 'phone' | 'mobile' | 'email';
const PAGE_MAX = 100;

export class ContactDirectory {
  constructor(
    private readonly client: FreshdeskClient,
    private readonly phoneFormat: () => PhoneFormat,
  ) {}

  phoneOf(q: Pick<CustomerQuery, 'phoneE164' | 'phoneRaw'>): string | null {
    return phoneIn(this.phoneFormat(), q);
  }

  /** Lookup order: SDK identifier -> phone, then mobile (admin's format) -> e-mail. */
  /**
   * By the session's primary identity: the SDK identifier, else the phone number (as `phone`, then,
   * when configured and not found, as `mobile`: Freshdesk keeps a caller's number in either), else
   * the e-mail. A new identity colliding with a known contact resolves on create (409); on a retry
   * every identity is tried.
   */
  async find(q: CustomerQuery, ctx: CallContext): Promise<CrmCustomer | null> {
    const phone = this.phoneOf(q);
    const email = validEmail(q.email);
    const lookup = (param: Filter, value: string): [Filter, string] => [param, value];
    const identities = [
      q.identifier ? [lookup('unique_external_id', q.identifier)] : [],
      phone ? [lookup('phone', phone), ...(this.client.cfg.lookupMobile ? [lookup('mobile', phone)] : [])] : [],
      email ? [lookup('email', email)] : [],
    ].filter((group) => group.length > 0);
    for (const group of ctx.retry ? identities : identities.slice(0, 1)) {
      for (const [param, value] of group) {
        const id = await this.by(param, value, ctx);
        if (id) return { id };
      }
    }
    return null;
  }

  async create(c: NewCustomer, ctx: CallContext): Promise<CrmCustomer> {
    if (ctx.retry) {
      const existing = await this.findCreated(c, ctx);
      if (existing) return { id: existing, created: false };
    }
    const body: Body = { ...contactIdentity(c, this.phoneOf(c)) };
    if (Object.keys(c.fields).length) body.custom_fields = { ...c.fields };
    try {
      const r = await this.client.sendLeavingOut(body, 'contact', (b) => this.client.http.request({ method: 'POST', path: '/contacts', json: b, signal: ctx.signal }, contactReply));
      return { id: String(r.data.id), created: true };
    } catch (e) {
      if (!(e instanceof CrmError && e.kind === 'conflict')) throw e;
      const holder = conflictHolder(e.message) ?? (await this.findCreated(c, ctx));
      if (holder) return { id: holder, created: false };
      throw e;
    }
  }

  /** A customer an earlier attempt may have created: by its identities, or by the anonymous external id. */
  async findCreated(c: NewCustomer, ctx: CallContext): Promise<string | null> {
    const found = await this.find(c, ctx);
    if (found) return found.id;
    const identity = contactIdentity(c, this.phoneOf(c));
    const anon = identity.unique_external_id === anonymousExternalId(c.key) ? identity.unique_external_id : null;
    return anon ? this.by('unique_external_id', anon, ctx) : null;
  }

  /**
   * The contact id for a value of a contact filter; the oldest when several contacts share a
   * phone. Each contact is checked to really hold the value, so a filter Freshdesk ignored (it
   * answers the unfiltered list) can only miss, never pick a stranger.
   */
  private async by(param: Filter, value: string, ctx: CallContext): Promise<string | null> {
    const r = await this.client.http.request({ method: 'GET', path: '/contacts', query: { [param]: value, per_page: PAGE_MAX }, signal: ctx.signal }, contactList);
    const ids = r.data
      .filter((c) => holds(c, param, value))
      .map((c) => c.id)
      .sort((a, b) => a - b);
    if (ids.length > 1) this.client.log.info('freshdesk.contact_ambiguous', { by: param, matches: ids.length, chosen: ids[0] });
    return ids[0] !== undefined ? String(ids[0]) : null;
  }
}

/** Whether a listed contact holds the filter's value (phones by their digits, whatever Freshdesk's own matching). */
function holds(c: ContactReply, param: Filter, value: string): boolean {
  const same = (x: string | null | undefined) => typeof x === 'string' && x.trim().toLowerCase() === value.trim().toLowerCase();
  const digits = (x: string | null | undefined) => (x ?? '').replace(/\D/g, '');
  if (param === 'email') return same(c.email) || (c.other_emails ?? []).some(same);
  if (param === 'unique_external_id') return c.unique_external_id === value;
  return digits(value) !== '' && digits(c[param]) === digits(value);
}
